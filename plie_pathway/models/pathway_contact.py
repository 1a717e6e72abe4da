# pylint: disable=consider-merging-classes-inherited
from collections import defaultdict
from datetime import date, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.plie_base.constants import SOCIAL

from .pathway import CONTACT_STATES
from .pathway_suspension import suspended_days


class PliePathway(models.Model):
    """Contact with the participant: the last held interview, the next
    appointment, the contact frequency (DOMAIN.md, "The pathway": contact is
    usually at least monthly) and the no-shows."""

    _inherit = "plie.pathway"

    last_contact_date = fields.Date(
        compute="_compute_contacts",
        store=True,
        index=True,
        help="Last held interview, or the contract signature when there is none "
        "yet.",
    )
    next_appointment = fields.Datetime(compute="_compute_contacts", store=True)
    contact_due_date = fields.Date(
        string="Next contact due by",
        compute="_compute_contact_due_date",
        store=True,
        index=True,
        help="The last contact plus the PLIE's contact frequency, plus the days the "
        "pathway was suspended since: a suspension stops the clock.",
    )
    contact_overdue = fields.Boolean(
        string="Contact overdue",
        compute="_compute_contact_overdue",
        search="_search_contact_overdue",
        help="Active or in employment follow-up, and no held interview since the "
        "contact was due. Never while the pathway is suspended.",
    )
    no_show_count = fields.Integer(
        string="No-shows",
        compute="_compute_no_show_count",
        store=True,
        groups=SOCIAL,
        help="Interviews the participant did not attend.",
    )

    @api.depends(
        "date_start",
        "interview_ids.date",
        "interview_ids.state",
        "interview_ids.next_appointment",
    )
    def _compute_contacts(self):
        """Only held interviews are contacts; a planned one is an appointment,
        a no-show or a cancelled one neither."""
        # Every role reads the contact dates of the pathways it reads; the
        # interviews themselves are the référent role's.
        groups = (
            self.env["plie.interview"]
            .sudo()
            ._read_group(
                [("pathway_id", "in", self.ids), ("state", "!=", "cancelled")],
                ["pathway_id", "state"],
                ["date:min", "date:max", "next_appointment:max"],
            )
        )
        last_held, appointments = {}, defaultdict(list)
        for pathway, state, first, last, nxt in groups:
            if state == "held":
                last_held[pathway.id] = last.date()
            elif state == "planned":
                appointments[pathway.id].append(first)
            if nxt:
                appointments[pathway.id].append(nxt)
        for pathway in self:
            dates = [d for d in (pathway.date_start, last_held.get(pathway.id)) if d]
            pathway.last_contact_date = max(dates) if dates else False
            pathway.next_appointment = max(appointments[pathway.id], default=False)

    @api.depends(
        "last_contact_date",
        "company_id.plie_contact_frequency_days",
        "suspension_ids.date_start",
        "suspension_ids.date_end",
    )
    def _compute_contact_due_date(self):
        """A running suspension is left out: the pathway is suspended, so its
        contact is not overdue; once resumed, its days push the date back."""
        periods = self._suspension_periods()
        for pathway in self:
            last = pathway.last_contact_date
            if not last:
                pathway.contact_due_date = False
                continue
            ended = [p for p in periods[pathway._origin.id] if p[1]]
            days = pathway.company_id.plie_contact_frequency_days + suspended_days(
                ended, last, date.max
            )
            pathway.contact_due_date = last + timedelta(days=days)

    @api.depends("state", "contact_due_date")
    def _compute_contact_overdue(self):
        today = fields.Date.context_today(self)
        for pathway in self:
            pathway.contact_overdue = bool(
                pathway.state in CONTACT_STATES
                and pathway.contact_due_date
                and pathway.contact_due_date < today
            )

    @api.depends("interview_ids.state")
    def _compute_no_show_count(self):
        # A stored count: the same whoever records the interview.
        groups = (
            self.env["plie.interview"]
            .sudo()
            ._read_group(
                [("pathway_id", "in", self.ids), ("state", "=", "no_show")],
                ["pathway_id"],
                ["__count"],
            )
        )
        counts = {pathway.id: count for pathway, count in groups}
        for pathway in self:
            pathway.no_show_count = counts.get(pathway.id, 0)

    def _search_contact_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on overdue contacts."))
        today = fields.Date.context_today(self)
        if (operator == "=") == value:
            return [("state", "in", CONTACT_STATES), ("contact_due_date", "<", today)]
        # Written out: an empty due date is not overdue.
        return [
            "|",
            "|",
            ("state", "not in", CONTACT_STATES),
            ("contact_due_date", "=", False),
            ("contact_due_date", ">=", today),
        ]
