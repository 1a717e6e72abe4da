from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.pathway import OPEN_STATES
from ..positive_exit import GROUNDS


class PlieExitProposal(models.TransientModel):
    """The référent proposes an exit; the committee decides on it."""

    _name = "plie.exit.proposal"
    _description = "Exit proposal to the committee"

    pathway_id = fields.Many2one("plie.pathway", required=True)
    committee_id = fields.Many2one(
        "plie.committee",
        string="Session",
        required=True,
        domain="[('state', '=', 'planned'), ('company_id', '=', company_id)]",
        default=lambda self: self.env["plie.committee"]._next_session(self.env.company),
    )
    company_id = fields.Many2one(related="pathway_id.company_id")
    exit_reason_id = fields.Many2one(
        "plie.exit.reason",
        required=True,
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
    )
    exit_category = fields.Selection(related="exit_reason_id.category")
    exit_date = fields.Date(required=True, default=fields.Date.context_today)
    exit_check_ground = fields.Selection(
        GROUNDS, string="Positive-exit check", compute="_compute_exit_check"
    )
    exit_disagreement = fields.Boolean(compute="_compute_exit_check")
    note = fields.Text(string="Why", required=True)

    @api.constrains("pathway_id")
    def _check_pathway_access(self):
        # Only who follows the pathway proposes its exit (and sees its check).
        self.pathway_id.check_access("write")

    @api.depends("pathway_id", "exit_date", "exit_reason_id")
    def _compute_exit_check(self):
        for proposal in self:
            pathway = proposal.pathway_id
            ground = (
                pathway._positive_exit_grounds({pathway.id: proposal.exit_date})[
                    pathway.id
                ]
                if pathway and proposal.exit_date
                else False
            )
            proposal.exit_check_ground = ground
            proposal.exit_disagreement = bool(
                proposal.exit_reason_id
                and bool(ground) != proposal.exit_reason_id.is_positive
            )

    def action_confirm(self):
        self.ensure_one()
        pathway = self.pathway_id
        pathway.check_access("write")
        if pathway.state not in OPEN_STATES:
            raise UserError(
                _(
                    "The pathway of %(name)s is already closed.",
                    name=pathway.participant_id.name,
                )
            )
        if self.committee_id.state != "planned":
            raise UserError(_("Choose a planned committee session."))
        if self.exit_date > fields.Date.context_today(self):
            raise UserError(_("The exit cannot be dated in the future."))
        if pathway.date_start and self.exit_date < pathway.date_start:
            raise UserError(_("The exit date cannot be before the pathway start."))
        # The référent may not write committee agendas: rights checked above.
        self.env["plie.committee.item"].sudo().create(
            {
                "committee_id": self.committee_id.id,
                "item_type": "exit",
                "pathway_id": pathway.id,
                "exit_reason_id": self.exit_reason_id.id,
                "exit_date": self.exit_date,
                "proposal_note": self.note,
                "disagreement_note": self.note if self.exit_disagreement else False,
            }
        )
        pathway.message_post(
            body=_(
                "Exit proposed to the committee of %(session)s: %(reason)s.",
                session=self.committee_id.display_name,
                reason=self.exit_reason_id.name,
            )
        )
        return {"type": "ir.actions.act_window_close"}
