from odoo import fields, models

# Rules computed from the participant's data (seed 004, CACEM; DOMAIN.md
# "Who is eligible"). Each returns whether the participant meets it on a date.
CRITERION_RULES = {
    "manual": lambda participant, date: False,
    "deld": lambda participant, date: participant._is_jobseeker_for(date, 12),
    "detld": lambda participant, date: participant._is_jobseeker_for(date, 24),
    "minimum_benefit": lambda participant, date: participant._has_benefit_at(date),
    "qpv": lambda participant, date: bool(participant.qpv_id),
    "single_parent_woman": lambda participant, date: participant.single_parent
    and participant.gender == "woman",
    "senior": lambda participant, date: (participant._age_at(date) or 0) >= 50,
    "low_qualification": lambda participant, date: participant.isced_level == "0_2",
    "rqth": lambda participant, date: participant._has_rqth_at(date),
    "young_low_qualification": lambda participant, date: participant.isced_level
    == "0_2"
    and participant._age_at(date) is not None
    and participant._age_at(date) < 26,
}


class PlieEligibilityCriterion(models.Model):
    _name = "plie.eligibility.criterion"
    _description = "PLIE eligibility criterion"
    _order = "kind, sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to share the criterion between every PLIE of the database.",
    )
    kind = fields.Selection(
        [
            ("eligibility", "Makes eligible on its own"),
            ("priority", "Priority public (counted only)"),
        ],
        required=True,
        default="eligibility",
    )
    rule = fields.Selection(
        [
            ("manual", "Checked by hand (evidence only)"),
            ("deld", "Jobseeker registered 12 months or more (DELD)"),
            ("detld", "Jobseeker registered 24 months or more (DETLD)"),
            ("minimum_benefit", "Receives a minimum social benefit"),
            ("qpv", "Lives in a priority neighbourhood (QPV)"),
            ("single_parent_woman", "Single-parent woman"),
            ("senior", "Aged 50 or over"),
            ("low_qualification", "Low or no qualification (ISCED 0-2)"),
            ("rqth", "Recognised disabled worker (RQTH)"),
            ("young_low_qualification", "Under 26 without qualification"),
        ],
        required=True,
        default="manual",
        help="How the criterion is met: computed from the participant's data, "
        "or checked by hand and proven by an evidence.",
    )
    evidence_required = fields.Boolean(
        default=True,
        help="The criterion only counts when a valid evidence (document, date, "
        "who checked) is recorded.",
    )
    evidence_validity_months = fields.Integer(
        string="Evidence valid for (months)",
        help="How long an evidence stays valid after its date; 0 means no expiry.",
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The code of an eligibility criterion must be unique.",
        ),
        (
            "validity_positive",
            "CHECK(evidence_validity_months >= 0)",
            "The validity of an evidence cannot be negative.",
        ),
    ]

    def _is_met_by_data(self, participant, date):
        self.ensure_one()
        return bool(CRITERION_RULES[self.rule](participant, date))
