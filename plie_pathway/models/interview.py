from datetime import timedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.plie_base.constants import SOCIAL
from odoo.addons.plie_base.rules import check_date_range

MAX_INTERVIEW_HOURS = 12
# Only held interviews are contacts; a no-show is counted per participant.
# (Labels differ from the committee's "Planned"/"Held": French genders differ.)
INTERVIEW_STATES = [
    ("planned", "Scheduled"),
    ("held", "Carried out"),
    ("no_show", "No-show"),
    ("cancelled", "Called off"),
]
# Statuses the référent sets by hand: a change of date keeps them.
RECORDED_STATES = ("no_show", "cancelled")


class PlieInterview(models.Model):
    _name = "plie.interview"
    _inherit = ["plie.pathway.record.mixin"]
    _description = "Interview (entretien)"
    _order = "date desc, id desc"

    pathway_id = fields.Many2one(
        domain="[('state', '!=', 'closed')]",
    )
    kind = fields.Selection(
        [
            ("individual", "Individual interview"),
            ("phone", "Phone call"),
            ("workshop", "Collective workshop"),
            ("home_visit", "Home visit"),
        ],
        default="individual",
        required=True,
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    state = fields.Selection(
        INTERVIEW_STATES,
        string="Status",
        compute="_compute_state",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
        help="Held interviews count as contacts. An interview dated in the future "
        "is planned, one dated today or earlier is held unless marked as a "
        "no-show or cancelled.",
    )
    duration = fields.Float(string="Duration (hours)", default=1.0)
    referent_id = fields.Many2one(
        "res.users",
        string="Conducted by",
        required=True,
        check_company=True,
        default=lambda self: self.env.user,
    )
    summary = fields.Html(groups=SOCIAL)
    next_appointment = fields.Datetime()
    calendar_event_id = fields.Many2one(
        "calendar.event", string="Appointment", readonly=True, copy=False
    )

    @api.depends("participant_id.name", "kind", "date")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for interview in self:
            interview.display_name = _(
                "%(kind)s with %(name)s",
                kind=kinds.get(interview.kind, ""),
                name=interview.participant_id.name or "",
            )

    @api.depends("date")
    def _compute_state(self):
        for interview in self:
            if interview.state in RECORDED_STATES:
                continue
            future = interview.date and interview._is_future()
            interview.state = "planned" if future else "held"

    def _is_future(self):
        """After today in the user's timezone (an interview of today is held)."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        return fields.Date.context_today(self, self.date) > today

    @api.constrains("date", "next_appointment", "duration", "state")
    def _check_dates(self):
        for interview in self:
            check_date_range(interview, ("date", "next_appointment"))
            if not 0 <= interview.duration <= MAX_INTERVIEW_HOURS:
                raise ValidationError(
                    _(
                        "The duration of an interview is between 0 and %(max)s hours.",
                        max=MAX_INTERVIEW_HOURS,
                    )
                )
            if interview.state in ("held", "no_show") and interview._is_future():
                raise ValidationError(
                    _(
                        "The interview with %(name)s is in the future: it is planned, "
                        "it cannot be marked as held or as a no-show yet.",
                        name=interview.participant_id.name,
                    )
                )
            if (
                interview.next_appointment
                and interview.next_appointment <= interview.date
            ):
                raise ValidationError(
                    _(
                        "The next appointment of %(name)s must follow the interview.",
                        name=interview.participant_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        interviews = super().create(vals_list)
        interviews._sync_appointments()
        interviews.filtered(lambda i: i.state == "held")._close_overdue_activities()
        return interviews

    def write(self, vals):
        res = super().write(vals)
        if "next_appointment" in vals:
            self._sync_appointments()
        if vals.get("state") == "held":
            self._close_overdue_activities()
        return res

    def action_mark_held(self):
        return self.write({"state": "held"})

    def action_mark_no_show(self):
        return self.write({"state": "no_show"})

    def action_mark_cancelled(self):
        return self.write({"state": "cancelled"})

    def action_mark_planned(self):
        return self.write({"state": "planned"})

    def _close_overdue_activities(self):
        """A held interview answers the "no contact" reminder of its pathway."""
        overdue_type = self.env.ref("plie_pathway.mail_activity_type_contact_overdue")
        # The reminder is the référent's; whoever records the interview closes it.
        self.pathway_id.activity_ids.filtered(
            lambda a: a.activity_type_id == overdue_type
        ).sudo().action_feedback(feedback=_("Interview recorded."))

    def _sync_appointments(self):
        """Keep an event in the référent's calendar for the next appointment."""
        # sudo: the appointment goes into the référent's calendar, whoever
        # records the interview.
        Event = self.env["calendar.event"].sudo()
        pathway_model = self.env["ir.model"]._get_id("plie.pathway")
        to_create = []
        for interview in self:
            event = interview.calendar_event_id.sudo()
            if not interview.next_appointment:
                event.unlink()
                continue
            values = {
                "name": _(
                    "PLIE appointment: %(name)s", name=interview.participant_id.name
                ),
                "start": interview.next_appointment,
                "stop": interview.next_appointment + timedelta(hours=1),
                "user_id": interview.referent_id.id,
                "partner_ids": [Command.set(interview.referent_id.partner_id.ids)],
                "privacy": "private",
                "res_model_id": pathway_model,
                "res_id": interview.pathway_id.id,
            }
            if event:
                event.write(values)
            else:
                to_create.append((interview, values))
        events = Event.create([values for _interview, values in to_create])
        for (interview, _values), event in zip(to_create, events, strict=True):
            interview.calendar_event_id = event
