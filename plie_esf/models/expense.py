from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

from ..esf_rules import COST_CATEGORIES, ELIGIBILITY_STATES, category_of_account


class PlieEsfExpense(models.Model):
    """A posted journal item on an operation's analytic account, with the
    share of it the analytic distribution gives to the operation. Accounting
    owns the item; finance decides its eligibility."""

    _name = "plie.esf.expense"
    _description = "ESF operation expense"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    operation_id = fields.Many2one(
        "plie.esf.operation", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="operation_id.company_id", store=True)
    currency_id = fields.Many2one(related="operation_id.currency_id")
    move_line_id = fields.Many2one(
        "account.move.line",
        string="Journal item",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
    )
    move_id = fields.Many2one(
        related="move_line_id.move_id", string="Journal entry", store=True
    )
    date = fields.Date(related="move_line_id.date", store=True, index=True)
    partner_id = fields.Many2one(
        related="move_line_id.partner_id", string="Supplier", store=True
    )
    reference = fields.Char(compute="_compute_reference", store=True)
    label = fields.Char(related="move_line_id.name", string="Label")
    account_id = fields.Many2one(related="move_line_id.account_id", store=True)
    percentage = fields.Float(
        string="Share (%)",
        readonly=True,
        digits=(5, 2),
        help="Share of the journal item the analytic distribution gives the "
        "operation.",
    )
    amount = fields.Monetary(
        readonly=True, help="Journal item amount with the share applied."
    )
    category = fields.Selection(
        COST_CATEGORIES, required=True, index=True, tracking=True
    )
    eligibility = fields.Selection(
        ELIGIBILITY_STATES,
        default="to_check",
        required=True,
        index=True,
        tracking=True,
    )
    partial_amount = fields.Monetary(
        string="Eligible part", tracking=True, help="For partly eligible items."
    )
    eligible_amount = fields.Monetary(compute="_compute_eligible_amount", store=True)
    ineligible_reason = fields.Char(string="Reason", tracking=True)
    document_id = fields.Many2one(
        "ir.attachment",
        string="Supporting document",
        domain="[('res_model', '=', 'account.move'), ('res_id', '=', move_id)]",
    )
    document_name = fields.Char(related="document_id.name", string="Document")

    _sql_constraints = [
        (
            "line_operation_uniq",
            "unique(move_line_id, operation_id)",
            "This journal item is already an expense of the operation.",
        ),
    ]

    @api.depends("move_id.ref", "move_id.name")
    def _compute_reference(self):
        for expense in self:
            move = expense.move_id
            expense.reference = move.ref or move.name

    @api.depends("eligibility", "amount", "partial_amount")
    def _compute_eligible_amount(self):
        for expense in self:
            expense.eligible_amount = {
                "eligible": expense.amount,
                "partial": expense.partial_amount,
            }.get(expense.eligibility, 0.0)

    @api.constrains("eligibility", "partial_amount", "ineligible_reason", "amount")
    def _check_eligibility(self):
        for expense in self:
            if expense.eligibility in ("ineligible", "partial") and not (
                expense.ineligible_reason
            ):
                raise ValidationError(
                    _(
                        "Give the reason why %(ref)s is not fully eligible.",
                        ref=expense.reference,
                    )
                )
            if expense.eligibility == "partial" and (
                expense.partial_amount <= 0
                or float_compare(expense.partial_amount, expense.amount, 2) >= 0
            ):
                raise ValidationError(
                    _(
                        "The eligible part of %(ref)s must be more than zero and "
                        "less than its amount.",
                        ref=expense.reference,
                    )
                )

    def write(self, vals):
        res = super().write(vals)
        if "eligibility" in vals or "partial_amount" in vals:
            self.env["plie.esf.claim.line"]._check_expenses_not_claimed(self)
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_mark_eligible(self):
        self.write({"eligibility": "eligible", "ineligible_reason": False})

    def action_attach_bill_document(self):
        """Link each expense to the main attachment of its bill."""
        for expense in self.filtered(lambda e: not e.document_id):
            # sudo: the bill's attachment belongs to accounting, which finance
            # officers need not be able to read as such.
            expense.document_id = expense.move_id.sudo().message_main_attachment_id

    # ------------------------------------------------------------------
    # Synchronisation with accounting
    # ------------------------------------------------------------------
    @api.model
    def _sync_move_lines(self, lines):
        """Create or update the expenses of posted journal items on the
        operations' analytic accounts (percentage of the distribution applied,
        company currency)."""
        # sudo: posting a bill (an accountant, not an ESF officer) brings its items
        # into the operations' expenses.
        operations = (
            self.env["plie.esf.operation"]
            .sudo()
            .search([("analytic_account_id", "!=", False)])
        )
        by_account = {str(op.analytic_account_id.id): op for op in operations}
        existing = {
            (e.move_line_id.id, e.operation_id.id): e
            # sudo: as above, the accountant posting the bill reads no expense.
            for e in self.sudo().search([("move_line_id", "in", lines.ids)])
        }
        to_create = []
        for line in lines:
            for operation, percentage in _shares(line, by_account).items():
                amount = line.company_currency_id.round(line.balance * percentage / 100)
                expense = existing.get((line.id, operation.id))
                values = {"percentage": percentage, "amount": amount}
                if expense:
                    if (expense.percentage, expense.amount) != (percentage, amount):
                        expense.write(values)
                    continue
                to_create.append(
                    {
                        **values,
                        "operation_id": operation.id,
                        "move_line_id": line.id,
                        "category": category_of_account(line.account_id.code),
                        "document_id": line.move_id.message_main_attachment_id.id,
                    }
                )
        # Accountants posting bills have no right on ESF expenses: the sync
        # only mirrors what they posted.
        return self.sudo().create(to_create)


def _shares(line, by_account):
    """{operation: percentage} of a journal item's analytic distribution.
    Keys are account ids, or comma-separated ids across plans."""
    shares = defaultdict(float)
    for key, percentage in (line.analytic_distribution or {}).items():
        for account_id in key.split(","):
            if account_id in by_account:
                shares[by_account[account_id]] += percentage
    return shares
