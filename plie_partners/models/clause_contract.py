from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..const import BUSINESS


class PlieClauseContract(models.Model):
    """A public contract (marché) with social clauses, split in lots."""

    _name = "plie.clause.contract"
    _inherit = ["plie.clause.progress.mixin", "mail.thread"]
    _description = "Social-clause contract"
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "title"]
    _progress_column = "contract_id"

    name = fields.Char(string="Reference", required=True, index=True, tracking=True)
    title = fields.Char(required=True, tracking=True)
    buyer_id = fields.Many2one(
        "plie.clause.buyer",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        groups="base.group_user",  # not the company portal: no buyer access
    )
    lot_ids = fields.One2many("plie.clause.lot", "contract_id", string="Lots")
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    facilitator_id = fields.Many2one(
        "res.users",
        index=True,
        tracking=True,
        default=lambda self: self.env.user
        if self.env.user.has_group(BUSINESS)
        else False,
        domain=lambda self: [("groups_id", "in", self.env.ref(BUSINESS).id)],
    )
    required_hours = fields.Float(
        compute="_compute_required_hours", store=True, digits=(16, 2)
    )
    company_id = fields.Many2one(
        "res.company",
        string="PLIE",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A contract reference can only be used once in a PLIE.",
        ),
    ]

    @api.depends("lot_ids.required_hours")
    def _compute_required_hours(self):
        for contract in self:
            contract.required_hours = sum(contract.lot_ids.mapped("required_hours"))

    @api.depends("name", "title")
    def _compute_display_name(self):
        for contract in self:
            contract.display_name = f"{contract.name} - {contract.title}"

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if contract.date_end < contract.date_start:
                raise ValidationError(
                    _(
                        "The contract %(name)s cannot end before it starts.",
                        name=contract.name,
                    )
                )

    def action_open_placements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "plie_partners.action_plie_clause_placement"
        )
        action["domain"] = [("contract_id", "=", self.id)]
        return action

    def action_open_hours(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "plie_partners.action_plie_clause_hours"
        )
        action["domain"] = [("contract_id", "=", self.id)]
        return action
