from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# Enrolments whose participant attends (or attended) the sessions.
ATTENDING_STATES = ("started", "completed")

# A session longer than a working day is a typing error.
MAX_SESSION_HOURS = 12


class PlieActionSession(models.Model):
    """One session of an action (a day or half-day of a workshop or training):
    attendance is recorded per session and per enrolled participant."""

    _name = "plie.action.session"
    _description = "Session of an action"
    _order = "date desc, time_start, id"
    _check_company_auto = True

    action_id = fields.Many2one(
        "plie.action",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="action_id.company_id", store=True, index=True, precompute=True
    )
    name = fields.Char(string="Topic")
    date = fields.Date(required=True, index=True, default=fields.Date.context_today)
    time_start = fields.Float(string="Start time", help="Hour the session starts.")
    duration = fields.Float(string="Duration (hours)", required=True, default=3.5)
    attendance_ids = fields.One2many(
        "plie.action.attendance",
        "session_id",
        groups="plie_base.group_plie_referent,plie_base.group_plie_finance",
    )

    @api.depends("action_id.name", "date")
    def _compute_display_name(self):
        for session in self:
            session.display_name = " - ".join(
                filter(None, [session.action_id.name, str(session.date or "")])
            )

    @api.constrains("duration", "time_start", "date", "action_id")
    def _check_schedule(self):
        for session in self:
            if not 0 < session.duration <= MAX_SESSION_HOURS:
                raise ValidationError(
                    _(
                        "A session of %(action)s lasts more than 0 and at most "
                        "%(max)s hours.",
                        action=session.action_id.name,
                        max=MAX_SESSION_HOURS,
                    )
                )
            if not 0 <= session.time_start < 24:
                raise ValidationError(_("Enter a start time between 00:00 and 23:59."))
            action = session.action_id
            if (action.date_start and session.date < action.date_start) or (
                action.date_end and session.date > action.date_end
            ):
                raise ValidationError(
                    _(
                        "The session of %(date)s falls outside the dates of "
                        "%(action)s: change its date or the action's dates.",
                        date=session.date,
                        action=action.name,
                    )
                )

    def action_fill_attendance(self):
        """Add a "present" line, for the whole session, for every participant
        attending the action on the session's day who has none yet: the user
        then marks the absent and excused ones."""
        Attendance = self.env["plie.action.attendance"]
        enrolments = self.env["plie.action.enrolment"].search(
            [
                ("action_id", "in", self.action_id.ids),
                ("state", "in", ATTENDING_STATES),
            ]
        )
        done = {
            (session.id, enrolment.id)
            for session, enrolment in Attendance._read_group(
                [("session_id", "in", self.ids)], ["session_id", "enrolment_id"]
            )
        }
        Attendance.create(
            [
                {"session_id": session.id, "enrolment_id": enrolment.id}
                for session in self
                for enrolment in enrolments
                if enrolment.action_id == session.action_id
                and (session.id, enrolment.id) not in done
                and enrolment.date_start
                and enrolment.date_start <= session.date
                and (not enrolment.date_end or enrolment.date_end >= session.date)
            ]
        )
        return True
