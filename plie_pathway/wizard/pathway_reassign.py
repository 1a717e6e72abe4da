from odoo import _, fields, models
from odoo.exceptions import AccessError, UserError


class PliePathwayReassign(models.TransientModel):
    """Coordination moves pathways to another référent, with a tracked reason."""

    _name = "plie.pathway.reassign"
    _description = "Reassign pathways to a référent"

    pathway_ids = fields.Many2many("plie.pathway", string="Pathways", required=True)
    referent_id = fields.Many2one(
        "res.users",
        string="New référent",
        required=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("plie_base.group_plie_referent").id)
        ],
    )
    reason = fields.Char(required=True)

    def action_confirm(self):
        self.ensure_one()
        if not self.env.user.has_group("plie_base.group_plie_coordinator"):
            raise AccessError(_("Only coordination reassigns pathways."))
        closed = self.pathway_ids.filtered(lambda p: p.state == "closed")
        if closed:
            raise UserError(
                _(
                    "Closed pathways keep their référent: %(names)s.",
                    names=", ".join(closed.mapped("display_name")),
                )
            )
        self.pathway_ids.with_context(plie_assignment_reason=self.reason).write(
            {"referent_id": self.referent_id.id}
        )
        return {"type": "ir.actions.act_window_close"}
