from odoo import fields, models

from ..esf_rules import COST_CATEGORIES


class PlieEsfBudgetLine(models.Model):
    _name = "plie.esf.budget.line"
    _description = "ESF operation budget line"
    _order = "operation_id, year, category"

    operation_id = fields.Many2one(
        "plie.esf.operation", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="operation_id.company_id", store=True)
    currency_id = fields.Many2one(related="operation_id.currency_id")
    category = fields.Selection(COST_CATEGORIES, required=True, index=True)
    year = fields.Integer(required=True, index=True)
    amount = fields.Monetary(string="Budgeted", required=True)

    _sql_constraints = [
        (
            "category_year_uniq",
            "unique(operation_id, category, year)",
            "One budget line per cost category and year.",
        ),
        ("year_check", "CHECK(year BETWEEN 2000 AND 2100)", "Enter a valid year."),
    ]
