from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    plie_contact_frequency_days = fields.Integer(
        related="company_id.plie_contact_frequency_days", readonly=False
    )
    plie_pathway_alert_months = fields.Integer(
        related="company_id.plie_pathway_alert_months", readonly=False
    )
    plie_pathway_cap_months = fields.Integer(
        related="company_id.plie_pathway_cap_months", readonly=False
    )
    plie_candidate_retention_months = fields.Integer(
        related="company_id.plie_candidate_retention_months", readonly=False
    )
    plie_caseload_per_fte = fields.Integer(
        related="company_id.plie_caseload_per_fte", readonly=False
    )
    plie_min_weekly_hours = fields.Float(
        related="company_id.plie_min_weekly_hours", readonly=False
    )
