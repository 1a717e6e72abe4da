from odoo import _, api, fields, models

from ..models.pathway_suspension import SUSPENSION_REASONS


class PliePathwaySuspend(models.TransientModel):
    """The référent suspends a pathway: from when, and why."""

    _name = "plie.pathway.suspend"
    _description = "Suspend a pathway"

    pathway_id = fields.Many2one("plie.pathway", required=True)
    date_start = fields.Date(
        string="Suspended from", required=True, default=fields.Date.context_today
    )
    reason = fields.Selection(SUSPENSION_REASONS, required=True)
    note = fields.Text(
        help="Seen by the référent and coordination only.",
    )

    @api.constrains("pathway_id")
    def _check_pathway_access(self):
        # Only who follows the pathway suspends it.
        self.pathway_id.check_access("write")

    def action_confirm(self):
        self.ensure_one()
        self.pathway_id._suspend(self.date_start, self.reason, self.note)
        self.pathway_id.message_post(
            body=_("Pathway suspended from %(date)s.", date=self.date_start)
        )
        return {"type": "ir.actions.act_window_close"}
