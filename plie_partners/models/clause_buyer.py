from odoo import api, fields, models

from ..const import BUYER_KINDS


class PlieClauseBuyer(models.Model):
    """A buyer (donneur d'ordre) putting social clauses in its contracts."""

    _name = "plie.clause.buyer"
    _inherit = ["plie.clause.progress.mixin"]
    _description = "Social-clause buyer"
    _order = "name"
    _check_company_auto = True
    _progress_column = "buyer_id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Organisation",
        required=True,
        index=True,
        domain=[("is_company", "=", True)],
    )
    name = fields.Char(related="partner_id.name", store=True, index=True)
    kind = fields.Selection(BUYER_KINDS, required=True, default="commune")
    contract_ids = fields.One2many("plie.clause.contract", "buyer_id")
    contract_count = fields.Integer(compute="_compute_required_hours")
    required_hours = fields.Float(compute="_compute_required_hours", digits=(16, 2))
    company_id = fields.Many2one(
        "res.company",
        string="PLIE",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "partner_company_uniq",
            "unique(partner_id, company_id)",
            "This organisation is already a buyer of this PLIE.",
        ),
    ]

    @api.depends("contract_ids.required_hours")
    def _compute_required_hours(self):
        groups = self.env["plie.clause.contract"]._read_group(
            [("buyer_id", "in", self.ids)],
            ["buyer_id"],
            ["__count", "required_hours:sum"],
        )
        totals = {buyer: (count, hours) for buyer, count, hours in groups}
        for buyer in self:
            buyer.contract_count, buyer.required_hours = totals.get(
                buyer._origin, (0, 0.0)
            )

    def action_open_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "plie_partners.action_plie_clause_contract"
        )
        action["domain"] = [("buyer_id", "=", self.id)]
        action["context"] = {"default_buyer_id": self.id}
        return action
