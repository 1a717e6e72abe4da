from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    plie_commune_ids = fields.One2many(
        "plie.commune", "company_id", string="PLIE territory communes"
    )
    plie_share_structure_caseload = fields.Boolean(
        string="Référents see their structure's caseload",
        help="When set, a référent sees and edits the participants of every "
        "référent of the same structure, not only their own.",
    )
    plie_retention_years = fields.Integer(
        string="Retention after exit (years)",
        default=5,
        help="Participants' data are kept this many years after 31 December of "
        "the year of their exit, or longer when an ESF retention period requires it.",
    )
    plie_statistics_threshold = fields.Integer(
        string="Statistical secrecy threshold",
        default=5,
        help="Statistics shown outside coordination hide the figures of groups "
        "of fewer participants than this.",
    )

    def write(self, vals):
        res = super().write(vals)
        if "plie_share_structure_caseload" in vals:
            # Record rules read this setting through res.users: drop cached rules.
            self.env.registry.clear_cache()
        return res
