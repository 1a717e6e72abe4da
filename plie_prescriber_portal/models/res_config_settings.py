from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    plie_prescriber_consent_text = fields.Text(
        related="company_id.plie_prescriber_consent_text", readonly=False
    )
