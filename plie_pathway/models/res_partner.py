from odoo import fields, models


class ResPartner(models.Model):
    """Organisation-level flag only: nothing about a participant goes here."""

    _inherit = "res.partner"

    plie_prescriber_kind = fields.Selection(
        [
            ("france_travail", "France Travail"),
            ("mission_locale", "Mission Locale"),
            ("social_services", "Social services (CCAS, department)"),
            ("association", "Association"),
            ("other", "Other prescriber"),
        ],
        string="PLIE prescriber",
        index=True,
        help="Set on organisations that orient people to the PLIE.",
    )
