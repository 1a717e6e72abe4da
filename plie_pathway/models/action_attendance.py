from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

ATTENDANCE_STATES = [
    ("present", "Present"),
    ("absent", "Absent"),
    ("excused", "Excused"),
]


class PlieActionAttendance(models.Model):
    """Whether an enrolled participant attended one session, and for how many
    hours. Participant data: protected like the enrolment it belongs to."""

    _name = "plie.action.attendance"
    _inherit = ["plie.thread.mixin"]
    _description = "Attendance at an action session"
    _order = "date desc, id"
    _check_company_auto = True

    session_id = fields.Many2one(
        "plie.action.session",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    enrolment_id = fields.Many2one(
        "plie.action.enrolment",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    action_id = fields.Many2one(related="session_id.action_id", store=True, index=True)
    date = fields.Date(related="session_id.date", store=True)
    duration = fields.Float(
        string="Session hours", related="session_id.duration", store=True
    )
    pathway_id = fields.Many2one(
        related="enrolment_id.pathway_id", store=True, index=True
    )
    participant_id = fields.Many2one(
        related="enrolment_id.participant_id", store=True, index=True
    )
    company_id = fields.Many2one(
        related="session_id.company_id", store=True, index=True, precompute=True
    )
    state = fields.Selection(
        ATTENDANCE_STATES, string="Attendance", required=True, default="present"
    )
    hours = fields.Float(
        compute="_compute_hours",
        store=True,
        readonly=False,
        precompute=True,
        help="Hours present: the whole session unless the person came late or "
        "left early; none when absent or excused.",
    )

    _sql_constraints = [
        (
            "session_enrolment_uniq",
            "unique(session_id, enrolment_id)",
            "The attendance of this participant is already recorded for this "
            "session.",
        ),
    ]

    @api.depends("state", "session_id.duration")
    def _compute_hours(self):
        for line in self:
            line.hours = line.session_id.duration if line.state == "present" else 0.0

    @api.constrains("hours", "state", "session_id", "enrolment_id")
    def _check_hours(self):
        for line in self:
            name = line.enrolment_id.participant_id.name
            if line.enrolment_id.action_id != line.session_id.action_id:
                raise ValidationError(
                    _(
                        "%(name)s is not enrolled in %(action)s: record their "
                        "attendance on a session of their own action.",
                        name=name,
                        action=line.session_id.action_id.name,
                    )
                )
            if not 0 <= line.hours <= line.session_id.duration:
                raise ValidationError(
                    _(
                        "The hours of %(name)s on %(date)s must be between 0 and "
                        "the session's %(max)s hours.",
                        name=name,
                        date=line.session_id.date,
                        max=line.session_id.duration,
                    )
                )
            if line.state != "present" and line.hours:
                raise ValidationError(
                    _(
                        "%(name)s was absent on %(date)s: set the hours to 0, or "
                        "mark them present.",
                        name=name,
                        date=line.session_id.date,
                    )
                )
