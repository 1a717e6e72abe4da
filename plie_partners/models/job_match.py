from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..const import BUSINESS, MATCH_REFUSAL_REASONS, MATCH_STATES


class PlieJobMatch(models.Model):
    """A mise en relation: a participant put forward for a job offer. Its
    thread (messages, attachments) is the officers' follow-up with the
    company; what concerns the person's situation belongs to the pathway."""

    _name = "plie.job.match"
    _inherit = ["plie.thread.mixin", "mail.thread"]
    _description = "Mise en relation"
    _order = "date desc, id desc"
    _check_company_auto = True
    _plie_thread_group = BUSINESS

    offer_id = fields.Many2one(
        "plie.job.offer",
        required=True,
        index=True,
        ondelete="cascade",
    )
    partner_id = fields.Many2one(related="offer_id.partner_id", store=True, index=True)
    participant_id = fields.Many2one(
        "plie.participant",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    referent_id = fields.Many2one(related="participant_id.referent_id")
    date = fields.Date(required=True, default=fields.Date.context_today)
    state = fields.Selection(
        MATCH_STATES, default="proposed", required=True, index=True, tracking=True
    )
    score = fields.Integer(help="Rank of the suggestion when it was proposed.")
    hire_date = fields.Date(string="Hired on")
    refusal_reason = fields.Selection(MATCH_REFUSAL_REASONS, tracking=True)
    refusal_note = fields.Char(string="Refusal details")
    employment_id = fields.Many2one("plie.employment", readonly=True, copy=False)
    company_id = fields.Many2one(
        related="offer_id.company_id", store=True, index=True, precompute=True
    )

    _sql_constraints = [
        (
            "offer_participant_uniq",
            "unique(offer_id, participant_id)",
            "This participant was already put forward for this offer.",
        ),
    ]

    @api.depends("offer_id.name", "participant_id.name")
    def _compute_display_name(self):
        for match in self:
            match.display_name = f"{match.participant_id.name} - {match.offer_id.name}"

    def action_interview(self):
        self._check_state(("proposed",))
        self.write({"state": "interview"})

    def action_refuse(self):
        self._check_state(("proposed", "interview"))
        for match in self:
            if not match.refusal_reason:
                raise UserError(
                    _(
                        "Give the reason why %(name)s was not hired before "
                        "refusing.",
                        name=match.participant_id.name,
                    )
                )
        self.write({"state": "refused"})

    def action_hire(self):
        """Record the hire and the employment period on the participant's
        current pathway (which starts its employment follow-up)."""
        self._check_state(("proposed", "interview"))
        vals_list = []
        for match in self:
            pathway = match.participant_id.current_pathway_id
            if not pathway:
                raise UserError(
                    _(
                        "%(name)s has no pathway in progress: the employment cannot "
                        "be recorded.",
                        name=match.participant_id.name,
                    )
                )
            offer = match.offer_id
            vals_list.append(
                {
                    "pathway_id": pathway.id,
                    "employer_id": offer.partner_id.id,
                    "job_title": offer.name,
                    "rome_job_id": offer.rome_job_id.id,
                    "contract_type_id": offer.contract_type_id.id,
                    "date_start": match.hire_date
                    or offer.date_start
                    or fields.Date.context_today(self),
                    "weekly_hours": offer.weekly_hours,
                }
            )
        employments = self.env["plie.employment"].create(vals_list)
        for match, employment in zip(self, employments, strict=True):
            match.write(
                {
                    "state": "hired",
                    "employment_id": employment.id,
                    "hire_date": employment.date_start,
                }
            )
        filled = self.offer_id.filtered(
            lambda offer: offer.state == "open" and offer.hired_count >= offer.positions
        )
        filled.action_fill()

    def _check_state(self, states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for match in self:
            if match.state not in states:
                raise UserError(
                    _(
                        "The mise en relation of %(name)s is %(state)s: this step is "
                        "not possible any more.",
                        name=match.participant_id.name,
                        state=labels[match.state],
                    )
                )
