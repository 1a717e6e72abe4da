import re

from odoo import fields, models


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
            ("low_qualification", "Low or no qualification (PLIE threshold)"),
            ("rqth", "Recognised disabled worker (RQTH)"),
            ("young_low_qualification", "Under 26 without qualification"),
        ],
        required=True,
        default="manual",
        help="How the criterion is met: computed from the participant's data, "
        "or checked by hand and proven by an evidence. Each rule is the method "
        "_eligibility_rule_<rule> of the participant (and _eligibility_domain_<rule> "
        "for searches), which another addon can extend or add.",
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

    def _rule_key(self):
        """The name of the participant's rule methods for this criterion: its
        rule, or, for a criterion checked by hand, its code when an addon
        provides ``_eligibility_rule_<code>`` (code in lower case, e.g. ``iae``
        for the code "IAE"); "manual" when the criterion is evidence only."""
        self.ensure_one()
        if self.rule != "manual":
            return self.rule
        key = re.sub(r"\W+", "_", (self.code or "").strip().lower())
        if key and hasattr(self.env["plie.participant"], f"_eligibility_rule_{key}"):
            return key
        return "manual"

    def _is_met_by_data(self, participant, date):
        """Whether ``participant`` meets this criterion's rule on ``date``,
        through the participant's method ``_eligibility_rule_<key>``."""
        self.ensure_one()
        return bool(participant._eligibility_rule(self._rule_key())(date))
