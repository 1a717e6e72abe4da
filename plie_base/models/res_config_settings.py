from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    plie_share_structure_caseload = fields.Boolean(
        related="company_id.plie_share_structure_caseload", readonly=False
    )
    plie_diagnosis_validity_months = fields.Integer(
        related="company_id.plie_diagnosis_validity_months", readonly=False
    )
    plie_retention_years = fields.Integer(
        related="company_id.plie_retention_years", readonly=False
    )
    plie_statistics_threshold = fields.Integer(
        related="company_id.plie_statistics_threshold", readonly=False
    )
    plie_low_qualification_level = fields.Selection(
        related="company_id.plie_low_qualification_level", readonly=False
    )
