from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    plie_structure_id = fields.Many2one(
        "res.partner",
        string="Référent structure",
        domain=[("plie_is_referent_structure", "=", True)],
        help="Structure employing this référent de parcours.",
    )
    plie_shared_structure_ids = fields.Many2many(
        "res.partner",
        compute="_compute_plie_shared_structure_ids",
        string="Structures whose caseload is shared",
        help="Technical: used by the participants' record rules.",
    )

    @api.depends("plie_structure_id", "company_id.plie_share_structure_caseload")
    @api.depends_context("company")
    def _compute_plie_shared_structure_ids(self):
        for user in self:
            shared = user.company_id.plie_share_structure_caseload
            user.plie_shared_structure_ids = user.plie_structure_id if shared else False

    def _get_invalidation_fields(self):
        # Record rules read the structure: drop the cached rule domains when a
        # référent moves, so that the move takes effect at once.
        return super()._get_invalidation_fields() | {"plie_structure_id"}

    @api.model
    def _plie_referent_domain(self):
        """Users who may follow participants: domain for référent fields (the
        fields' check_company adds the PLIE)."""
        return [("groups_id", "in", self.env.ref("plie_base.group_plie_referent").id)]
