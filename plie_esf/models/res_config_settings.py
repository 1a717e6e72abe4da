from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    plie_esf_incomplete_threshold = fields.Float(
        related="company_id.plie_esf_incomplete_threshold", readonly=False
    )
