from odoo import _, fields, models
from odoo.exceptions import AccessError, UserError


class PliePathwayReassign(models.TransientModel):
    """Coordination hands participants (and their open pathways) to another
    référent, with a tracked reason: pathways, or candidates not admitted yet."""

    _name = "plie.pathway.reassign"
    _description = "Reassign pathways to a référent"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    pathway_ids = fields.Many2many(
        "plie.pathway", string="Pathways", check_company=True
    )
    participant_ids = fields.Many2many(
        "plie.participant", string="Participants", check_company=True
    )
    referent_id = fields.Many2one(
        "res.users",
        string="New référent",
        required=True,
        check_company=True,
        domain=lambda self: self.env["res.users"]._plie_referent_domain(),
    )
    reason = fields.Char(required=True)

    def action_confirm(self):
        self.ensure_one()
        if not self.env.user.has_group("plie_base.group_plie_coordinator"):
            raise AccessError(_("Only coordination reassigns pathways."))
        participants = self.participant_ids | self.pathway_ids.participant_id
        if not participants:
            raise UserError(_("Choose the pathways or participants to reassign."))
        closed = self.pathway_ids.filtered(lambda p: p.state == "closed")
        if closed:
            raise UserError(
                _(
                    "Closed pathways keep their référent: %(names)s.",
                    names=", ".join(closed.mapped("display_name")),
                )
            )
        participants._change_referent(self.referent_id, self.reason)
        return {"type": "ir.actions.act_window_close"}
