from odoo import api, fields, models

from ..esf_rules import COFUNDER_TYPES


class PlieEsfFundingLine(models.Model):
    _name = "plie.esf.funding.line"
    _description = "ESF funding plan line"
    _order = "operation_id, sequence, id"
    _check_company_auto = True

    operation_id = fields.Many2one(
        "plie.esf.operation", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="operation_id.company_id", store=True)
    currency_id = fields.Many2one(related="operation_id.currency_id")
    sequence = fields.Integer(default=10)
    cofunder_type = fields.Selection(
        COFUNDER_TYPES, string="Co-funder type", required=True, default="eu"
    )
    partner_id = fields.Many2one("res.partner", string="Co-funder")
    amount = fields.Monetary(string="Committed", required=True)
    share = fields.Float(string="Share (%)", compute="_compute_share", digits=(5, 2))
    payment_ids = fields.One2many(
        "plie.esf.funding.payment", "funding_line_id", string="Payments received"
    )
    received_amount = fields.Monetary(
        string="Received", compute="_compute_received", store=True
    )
    remaining_amount = fields.Monetary(
        string="Still to receive", compute="_compute_received", store=True
    )

    _sql_constraints = [
        ("amount_check", "CHECK(amount >= 0)", "A commitment cannot be negative."),
    ]

    @api.depends("amount", "operation_id.total_budget")
    def _compute_share(self):
        for line in self:
            total = line.operation_id.total_budget
            line.share = line.amount / total * 100 if total else 0.0

    @api.depends("amount", "payment_ids.amount")
    def _compute_received(self):
        for line in self:
            line.received_amount = sum(line.payment_ids.mapped("amount"))
            line.remaining_amount = line.amount - line.received_amount

    @api.depends("cofunder_type", "partner_id")
    def _compute_display_name(self):
        types = dict(self._fields["cofunder_type"]._description_selection(self.env))
        for line in self:
            line.display_name = line.partner_id.name or types.get(line.cofunder_type)
