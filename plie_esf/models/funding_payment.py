from odoo import fields, models

from ..esf_rules import PAYMENT_KINDS


class PlieEsfFundingPayment(models.Model):
    _name = "plie.esf.funding.payment"
    _description = "Payment received from a co-funder"
    _order = "date desc, id desc"

    funding_line_id = fields.Many2one(
        "plie.esf.funding.line", required=True, index=True, ondelete="cascade"
    )
    operation_id = fields.Many2one(
        related="funding_line_id.operation_id", store=True, index=True
    )
    company_id = fields.Many2one(related="funding_line_id.company_id", store=True)
    currency_id = fields.Many2one(related="funding_line_id.currency_id")
    kind = fields.Selection(PAYMENT_KINDS, required=True, default="advance")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    amount = fields.Monetary(required=True)
    reference = fields.Char()

    _sql_constraints = [
        ("amount_check", "CHECK(amount > 0)", "A payment must be positive."),
    ]
