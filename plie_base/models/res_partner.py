from odoo import fields, models


class ResPartner(models.Model):
    """Only organisation-level PLIE flags live here: every internal user reads
    contacts, so nothing about a participant may be added to this model."""

    _inherit = "res.partner"

    plie_is_referent_structure = fields.Boolean(
        string="PLIE référent structure",
        help="Organisation employing référents de parcours (association, "
        "Mission Locale, CCAS...).",
    )
