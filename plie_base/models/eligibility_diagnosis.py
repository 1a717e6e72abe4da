from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from ..constants import ELIGIBILITY_VERDICTS, SOCIAL


class PlieEligibilityDiagnosis(models.Model):
    """The eligibility of a person as it stood on the day of a decision: an
    audit fact, stored once and never recomputed from later data (like the
    dated, authored diagnostic d'éligibilité of les emplois de l'inclusion)."""

    _name = "plie.eligibility.diagnosis"
    _description = "Eligibility diagnosis at a decision"
    _order = "date desc, id desc"
    _check_company_auto = True

    participant_id = fields.Many2one(
        "plie.participant",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        related="participant_id.company_id", store=True, index=True, precompute=True
    )
    date = fields.Date(string="Decision date", required=True, readonly=True)
    author_id = fields.Many2one(
        "res.users",
        string="Decided by",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    origin = fields.Char(
        string="Decision", readonly=True, help="Where the decision was taken."
    )
    verdict = fields.Selection(
        ELIGIBILITY_VERDICTS, required=True, readonly=True, groups=SOCIAL
    )
    derogation = fields.Boolean(readonly=True)
    derogation_reason = fields.Text(readonly=True, groups=SOCIAL)
    valid_until = fields.Date(
        readonly=True,
        help="Until this date the diagnosis admits the person without a new check.",
    )
    line_ids = fields.One2many(
        "plie.eligibility.diagnosis.line",
        "diagnosis_id",
        string="Criteria",
        readonly=True,
        groups=SOCIAL,
    )

    @api.depends("participant_id", "date")
    def _compute_display_name(self):
        for diagnosis in self:
            diagnosis.display_name = _(
                "Eligibility of %(name)s on %(date)s",
                name=diagnosis.participant_id.name,
                date=diagnosis.date,
            )

    def write(self, vals):
        # Only anonymisation (as superuser) may still erase free text.
        if not self.env.su:
            raise AccessError(_("An eligibility diagnosis cannot be changed."))
        return super().write(vals)

    @api.model
    def _values_for(self, participant, date, result, derogation_reason=False):
        """Creation values of the diagnosis of ``participant`` on ``date`` from
        its EligibilityResult, with the evidence each criterion relied on."""
        months = participant.company_id.plie_diagnosis_validity_months
        lines = [
            participant._diagnosis_line_values(criterion, date, status)
            for criteria, status in (
                (result.eligible_criteria, "met"),
                (result.priority_criteria, "met"),
                (result.missing_criteria, "missing_evidence"),
            )
            for criterion in criteria
        ]
        return {
            "participant_id": participant.id,
            "date": date,
            "verdict": result.verdict,
            "derogation": bool(derogation_reason),
            "derogation_reason": derogation_reason,
            "valid_until": date + relativedelta(months=months) if months else False,
            "line_ids": [fields.Command.create(line) for line in lines],
        }
