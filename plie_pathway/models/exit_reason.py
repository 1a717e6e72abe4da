from odoo import api, fields, models

# How funders count an exit (DOMAIN.md, "The pathway"): the positive-exit rate
# is reported on all exits and on exits other than neutral ones.
EXIT_CATEGORIES = [
    ("positive", "Positive"),
    ("neutral", "Neutral"),
    ("other", "Other"),
]


class PlieExitReason(models.Model):
    _name = "plie.exit.reason"
    _description = "Pathway exit reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category = fields.Selection(
        EXIT_CATEGORIES,
        required=True,
        default="other",
        index=True,
        help="Positive: counts as a positive exit. Neutral: an exit the pathway "
        "could not prevent (moved away, death, long illness, maternity or "
        "parental leave, incarceration), left out of the rate on non-neutral "
        "exits. Other: every other exit.",
    )
    is_positive = fields.Boolean(
        string="Positive exit",
        compute="_compute_is_positive",
        store=True,
        help="Counts as a positive exit in the statistics. The committee is warned "
        "when it disagrees with the positive-exit check of the pathway.",
    )
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to share the reason between every PLIE of the database.",
    )
    description = fields.Text(translate=True)

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The code of an exit reason must be unique.",
        ),
    ]

    @api.depends("category")
    def _compute_is_positive(self):
        for reason in self:
            reason.is_positive = reason.category == "positive"
