from odoo import fields, models

from ..constants import (
    AGE_BANDS,
    EDUCATION_LEVELS,
    GENDERS,
    ISCED_LEVELS,
    LABOUR_MARKET_STATUSES,
    NATIONALITY_CATEGORIES,
    PARTICIPANT_STATES,
    SPECIAL_CATEGORY_ANSWERS,
)


class PlieParticipantStatistics(models.Model):
    """Participants counted by profile, with no identity: lets finance see the
    ESF answers in aggregate only (see plie.statistics.mixin), so that a
    special-category answer cannot be tied to a person."""

    _name = "plie.participant.statistics"
    _inherit = ["plie.statistics.mixin"]
    _description = "Participant statistics (aggregated)"
    _auto = False
    _rec_name = "company_id"
    _depends = {
        "plie.participant": [
            "active",
            "company_id",
            "state",
            "gender",
            "birth_year",
            "commune_id",
            "labour_market_status",
            "education_level",
            "isced_level",
            "qpv_id",
            "is_housing_excluded",
            "nationality_category",
            "disability",
            "foreign_background",
            "minority",
        ],
    }

    company_id = fields.Many2one("res.company", string="PLIE", readonly=True)
    state = fields.Selection(
        PARTICIPANT_STATES,
        string="Status",
        readonly=True,
    )
    gender = fields.Selection(
        GENDERS,
        readonly=True,
    )
    age_band = fields.Selection(AGE_BANDS, readonly=True)
    commune_id = fields.Many2one("plie.commune", readonly=True)
    labour_market_status = fields.Selection(
        LABOUR_MARKET_STATUSES,
        readonly=True,
    )
    education_level = fields.Selection(EDUCATION_LEVELS, readonly=True)
    isced_level = fields.Selection(
        ISCED_LEVELS,
        string="ISCED level",
        readonly=True,
    )
    is_qpv_resident = fields.Boolean(string="QPV resident", readonly=True)
    is_housing_excluded = fields.Boolean(
        string="Homeless or housing exclusion", readonly=True
    )
    nationality_category = fields.Selection(
        NATIONALITY_CATEGORIES,
        readonly=True,
    )
    disability = fields.Selection(SPECIAL_CATEGORY_ANSWERS, readonly=True)
    foreign_background = fields.Selection(SPECIAL_CATEGORY_ANSWERS, readonly=True)
    minority = fields.Selection(SPECIAL_CATEGORY_ANSWERS, readonly=True)
    participant_count = fields.Integer(string="Participants", readonly=True)

    @property
    def _table_query(self):
        dimensions = (
            "company_id, state, gender, age_band, commune_id, labour_market_status, "
            "education_level, isced_level, is_housing_excluded, nationality_category, "
            "disability, foreign_background, minority"
        )
        # Age in years reached this year (DOMAIN.md: under 26, 26-49, 50+).
        age = "EXTRACT(YEAR FROM CURRENT_DATE) - birth_year"
        return f"""
            SELECT row_number() OVER () AS id, {dimensions},
                   is_qpv_resident, count(*) AS participant_count
              FROM (
                SELECT *, qpv_id IS NOT NULL AS is_qpv_resident,
                       CASE WHEN birth_year IS NULL THEN NULL
                            WHEN {age} < 26 THEN 'under_26'
                            WHEN {age} < 50 THEN '26_49'
                            ELSE '50_plus' END AS age_band
                  FROM plie_participant
                 WHERE active
              ) AS participant
          GROUP BY {dimensions}, is_qpv_resident
        """
