from odoo import fields, models
from odoo.exceptions import AccessError


class PlieEligibilityDiagnosisLine(models.Model):
    """One criterion of a diagnosis and the evidence it relied on, copied as
    they stood (the evidence may later expire, change or be deleted)."""

    _name = "plie.eligibility.diagnosis.line"
    _description = "Criterion of an eligibility diagnosis"
    _order = "diagnosis_id, kind, id"

    diagnosis_id = fields.Many2one(
        "plie.eligibility.diagnosis", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="diagnosis_id.company_id", store=True, index=True, precompute=True
    )
    criterion_id = fields.Many2one(
        "plie.eligibility.criterion", required=True, ondelete="restrict"
    )
    criterion_name = fields.Char(string="Criterion name", required=True)
    kind = fields.Selection(
        [("eligibility", "Makes eligible"), ("priority", "Priority public")],
        required=True,
    )
    status = fields.Selection(
        [("met", "Met"), ("missing_evidence", "Evidence missing")], required=True
    )
    evidence_id = fields.Many2one("plie.eligibility.evidence", ondelete="set null")
    evidence_date = fields.Date(string="Document date")
    evidence_expiry_date = fields.Date(string="Document valid until")
    document_name = fields.Char(string="Document")
    checked_by_id = fields.Many2one("res.users", string="Checked by")
    checked_on = fields.Date()

    def write(self, vals):
        # Only anonymisation (as superuser) may still erase the document names.
        if not self.env.su:
            raise AccessError(self.env._("An eligibility diagnosis cannot be changed."))
        return super().write(vals)
