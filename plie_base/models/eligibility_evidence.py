from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class PlieEligibilityEvidence(models.Model):
    _name = "plie.eligibility.evidence"
    _inherit = ["plie.thread.mixin"]
    _description = "Evidence of an eligibility criterion"
    _order = "evidence_date desc, id desc"
    _check_company_auto = True

    participant_id = fields.Many2one(
        "plie.participant",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="participant_id.company_id", store=True, index=True, precompute=True
    )
    criterion_id = fields.Many2one(
        "plie.eligibility.criterion",
        required=True,
        ondelete="restrict",
        check_company=True,
    )
    evidence_date = fields.Date(
        string="Document date",
        required=True,
        default=fields.Date.context_today,
        help="Date of the document proving the criterion.",
    )
    document = fields.Binary(attachment=True)
    document_name = fields.Char()
    note = fields.Char()
    checked_by_id = fields.Many2one(
        "res.users", string="Checked by", default=lambda self: self.env.user
    )
    checked_on = fields.Date(default=fields.Date.context_today)
    expiry_date = fields.Date(
        compute="_compute_expiry_date",
        store=True,
        index=True,
        help="From this date on, the evidence no longer proves the criterion.",
    )

    @api.depends("evidence_date", "criterion_id.evidence_validity_months")
    def _compute_expiry_date(self):
        for evidence in self:
            months = evidence.criterion_id.evidence_validity_months
            evidence.expiry_date = (
                evidence.evidence_date + relativedelta(months=months)
                if months and evidence.evidence_date
                else False
            )

    def _is_valid_at(self, date):
        self.ensure_one()
        return self.evidence_date <= date and (
            not self.expiry_date or date < self.expiry_date
        )
