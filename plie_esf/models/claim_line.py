from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from ..esf_rules import CLAIM_LINE_KINDS, COST_CATEGORIES

# What the control step may still change on the lines of a submitted claim.
CONTROL_FIELDS = {"accepted_amount", "cut_reason"}


class PlieEsfClaimLine(models.Model):
    _name = "plie.esf.claim.line"
    _description = "ESF payment claim line"
    _order = "claim_id, kind, date, id"

    claim_id = fields.Many2one(
        "plie.esf.claim", required=True, index=True, ondelete="cascade"
    )
    claim_state = fields.Selection(related="claim_id.state")
    operation_id = fields.Many2one(
        related="claim_id.operation_id", store=True, index=True
    )
    company_id = fields.Many2one(related="claim_id.company_id", store=True)
    currency_id = fields.Many2one(related="claim_id.currency_id")
    kind = fields.Selection(CLAIM_LINE_KINDS, required=True)
    category = fields.Selection(COST_CATEGORIES)
    expense_id = fields.Many2one(
        "plie.esf.expense", index=True, ondelete="restrict", readonly=True
    )
    staff_time_id = fields.Many2one(
        "plie.esf.staff.time", index=True, ondelete="restrict", readonly=True
    )
    date = fields.Date()
    partner_id = fields.Many2one("res.partner", string="Supplier or co-funder")
    reference = fields.Char()
    label = fields.Char(required=True)
    document_ref = fields.Char(string="Document")
    amount = fields.Monetary(string="Claimed")
    accepted_amount = fields.Monetary(string="Accepted")
    cut_reason = fields.Char(string="Reason for the cut")
    is_correction = fields.Boolean(
        readonly=True, help="Added after the claim was submitted."
    )

    @api.constrains("kind", "category")
    def _check_expense_category(self):
        # The expense statement totals expenses per cost category.
        if self.filtered(lambda line: line.kind == "expense" and not line.category):
            raise ValidationError(
                _("An expense line of a claim needs a cost category.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        claims = self.env["plie.esf.claim"].browse(
            [vals["claim_id"] for vals in vals_list]
        )
        for vals, claim in zip(vals_list, claims, strict=True):
            if claim.state in ("checked", "paid"):
                raise UserError(_("A checked or paid claim cannot receive new lines."))
            vals["is_correction"] = claim.state == "submitted"
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - CONTROL_FIELDS:
            self._check_draft()
        elif any(line.claim_id.state in ("checked", "paid") for line in self):
            raise UserError(_("The control of a checked claim cannot change."))
        return super().write(vals)

    def unlink(self):
        self._check_draft()
        return super().unlink()

    def _check_draft(self):
        if any(line.claim_id.state != "draft" for line in self):
            raise UserError(
                _(
                    "The lines of a submitted claim cannot change: add a "
                    "correction line or prepare a new claim."
                )
            )

    def _check_cut_reasons(self):
        for line in self.filtered(lambda line: line.kind != "resource"):
            cut = float_compare(line.accepted_amount, line.amount, 2) < 0
            if cut and not line.cut_reason:
                raise UserError(
                    _(
                        "Give the reason why %(label)s was cut from %(claimed)s "
                        "to %(accepted)s.",
                        label=line.label,
                        claimed=line.amount,
                        accepted=line.accepted_amount,
                    )
                )

    @api.model
    def _check_expenses_not_claimed(self, expenses):
        """An expense frozen in a submitted claim keeps its eligibility."""
        # sudo: the guard must see every claim line, also those of claims the
        # user may not read.
        frozen = self.sudo().search_count(
            [("expense_id", "in", expenses.ids), ("claim_id.state", "!=", "draft")],
            limit=1,
        )
        if frozen:
            raise UserError(
                _(
                    "This expense is part of a submitted payment claim: its "
                    "eligibility cannot change any more."
                )
            )
