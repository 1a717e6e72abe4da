from odoo import fields, models

from ..constants import EDUCATION_LEVELS


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
    # Conservative default: an ESF operation keeps its documents 5 years from
    # 31 December of the year of its last payment, which may come years after
    # a participant's exit; until plie_esf computes that date, keep 10 years.
    plie_retention_years = fields.Integer(
        string="Retention after exit (years)",
        default=10,
        help="Participants' data are kept this many years after 31 December of "
        "the year of their exit, or longer when an ESF retention period requires "
        "it; anonymisation is refused before then.",
    )

    plie_diagnosis_validity_months = fields.Integer(
        string="Eligibility diagnosis valid for (months)",
        default=6,
        help="How long the eligibility diagnosis stored at an admission admits the "
        "person without a new check; 0 means no expiry.",
    )
    # "Low or no qualification" is read as level 3 (CAP, BEP) or below, as
    # les-emplois does (DOMAIN.md, "Who is eligible").
    plie_low_qualification_level = fields.Selection(
        EDUCATION_LEVELS,
        string="Low qualification up to",
        default="3",
        required=True,
        help="Highest education level that counts as low or no qualification "
        "for the priority public of that name.",
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
