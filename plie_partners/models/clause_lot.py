from odoo import api, fields, models

from ..const import BUSINESS


class PlieClauseLot(models.Model):
    """A lot of a contract, awarded to one company, with its required hours."""

    _name = "plie.clause.lot"
    _inherit = ["plie.clause.progress.mixin"]
    _description = "Social-clause lot"
    _order = "contract_id, sequence, id"
    _check_company_auto = True
    _progress_column = "lot_id"

    contract_id = fields.Many2one(
        "plie.clause.contract", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Lot", required=True)
    awardee_id = fields.Many2one(
        "res.partner",
        index=True,
        domain=[("is_company", "=", True)],
        help="Company the lot is awarded to; its contacts with portal access "
        "declare the hours of the lot.",
    )
    amount = fields.Monetary(string="Amount (excl. tax)", currency_field="currency_id")
    hours_rate = fields.Float(
        string="Hours per €1,000",
        help="When set with the amount, the required hours are computed: "
        "amount / 1,000 × rate.",
    )
    required_hours = fields.Float(
        compute="_compute_required_hours",
        store=True,
        readonly=False,
        digits=(16, 2),
    )
    placement_ids = fields.One2many(
        "plie.clause.placement",
        "lot_id",
        string="Placements",
        groups=f"{BUSINESS},base.group_portal",
    )
    company_id = fields.Many2one(
        related="contract_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    _sql_constraints = [
        (
            "required_hours_positive",
            "CHECK(required_hours >= 0)",
            "The required hours of a lot cannot be negative.",
        ),
    ]

    @api.depends("amount", "hours_rate")
    def _compute_required_hours(self):
        # Required hours from the amount: the rate is set by the buyer in the
        # contract's specifications (hours of insertion per €1,000 of works).
        for lot in self.filtered(lambda lot: lot.amount and lot.hours_rate):
            lot.required_hours = lot.amount / 1000.0 * lot.hours_rate

    @api.depends("contract_id.name", "name")
    def _compute_display_name(self):
        for lot in self:
            lot.display_name = f"{lot.contract_id.name} / {lot.name}"
