from odoo import fields, models

from ..esf_rules import DEFAULT_INCOMPLETE_THRESHOLD


class ResCompany(models.Model):
    _inherit = "res.company"

    plie_esf_incomplete_threshold = fields.Float(
        string="ESF incomplete records warning (%)",
        default=DEFAULT_INCOMPLETE_THRESHOLD,
        help="Share of incomplete participant records above which the ESF "
        "indicators warn: the managing authority may apply a financial "
        "correction.",
    )
