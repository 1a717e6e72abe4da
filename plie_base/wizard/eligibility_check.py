from odoo import api, fields, models

from ..constants import ELIGIBILITY_VERDICTS


class PlieEligibilityCheck(models.TransientModel):
    """Shows a participant's eligibility verdict at any date (e.g. the date of
    the committee), with the criteria met and those awaiting evidence."""

    _name = "plie.eligibility.check"
    _description = "Eligibility check at a date"

    participant_id = fields.Many2one("plie.participant", required=True)
    check_date = fields.Date(required=True, default=fields.Date.context_today)
    verdict = fields.Selection(
        ELIGIBILITY_VERDICTS,
        compute="_compute_result",
    )
    eligible_criterion_ids = fields.Many2many(
        "plie.eligibility.criterion",
        string="Eligibility criteria met",
        compute="_compute_result",
    )
    priority_criterion_ids = fields.Many2many(
        "plie.eligibility.criterion",
        string="Priority publics",
        compute="_compute_result",
    )
    missing_evidence_criterion_ids = fields.Many2many(
        "plie.eligibility.criterion",
        string="Criteria awaiting evidence",
        compute="_compute_result",
    )

    @api.constrains("participant_id")
    def _check_participant_access(self):
        # The verdict tells the person's social situation: for their readers.
        self.participant_id.check_access("read")

    @api.depends("participant_id", "check_date")
    def _compute_result(self):
        for check in self:
            participant = check.participant_id.with_context(plie_date=check.check_date)
            check.verdict = participant.eligibility_verdict
            check.eligible_criterion_ids = participant.eligible_criterion_ids
            check.priority_criterion_ids = participant.priority_criterion_ids
            check.missing_evidence_criterion_ids = (
                participant.missing_evidence_criterion_ids
            )
