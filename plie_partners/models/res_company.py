from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    plie_clause_max_monthly_hours = fields.Float(
        string="Maximum clause hours per person and month",
        default=151.67,
        help="Monthly hours above this figure are refused (151.67 h is a "
        "full-time month at 35 hours a week).",
    )
