from datetime import timedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.plie_base.constants import SOCIAL
from odoo.addons.plie_base.models.participant import check_date_range

MAX_INTERVIEW_HOURS = 12


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
    held = fields.Boolean(
        compute="_compute_held",
        store=True,
        readonly=False,
        index=True,
        help="Held interviews count as contacts; a future interview is planned.",
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
    def _compute_held(self):
        for interview in self:
            interview.held = bool(interview.date and not interview._is_future())

    def _is_future(self):
        """After today in the user's timezone (an interview of today is held)."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        return fields.Date.context_today(self, self.date) > today

    @api.constrains("date", "next_appointment", "duration", "held")
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
            if interview.held and interview._is_future():
                raise ValidationError(
                    _(
                        "The interview with %(name)s is in the future: it is planned, "
                        "it cannot be marked as held yet.",
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
        overdue_type = self.env.ref("plie_pathway.mail_activity_type_contact_overdue")
        interviews.filtered("held").pathway_id.activity_ids.filtered(
            lambda a: a.activity_type_id == overdue_type
        ).sudo().action_feedback(feedback=_("Interview recorded."))
        return interviews

    def write(self, vals):
        res = super().write(vals)
        if "next_appointment" in vals:
            self._sync_appointments()
        return res

    def _sync_appointments(self):
        """Keep an event in the référent's calendar for the next appointment."""
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
