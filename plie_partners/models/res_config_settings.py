from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    plie_clause_max_monthly_hours = fields.Float(
        related="company_id.plie_clause_max_monthly_hours", readonly=False
    )
