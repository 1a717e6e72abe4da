from odoo import _, models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    _inherit = "account.move"

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        lines = posted.line_ids.filtered(
            lambda line: line.analytic_distribution
            and line.display_type not in ("line_section", "line_note")
        )
        if lines:
            self.env["plie.esf.expense"]._sync_move_lines(lines)
        return posted

    def button_draft(self):
        """A bill back to draft is no actual expense any more; one already in
        a payment claim cannot go back to draft (the claim keeps it)."""
        # sudo: an accountant resetting a bill may not read ESF expenses.
        expenses = (
            self.env["plie.esf.expense"].sudo().search([("move_id", "in", self.ids)])
        )
        # sudo: nor read the claims that keep them.
        claimed = (
            self.env["plie.esf.claim.line"]
            .sudo()
            .search([("expense_id", "in", expenses.ids)])
        )
        if claimed:
            raise UserError(
                _(
                    "%(move)s is in the ESF payment claim %(claim)s: it cannot go "
                    "back to draft. Correct it with a credit note.",
                    move=claimed.expense_id.move_id[:1].display_name,
                    claim=claimed.claim_id[:1].display_name,
                )
            )
        # Accountants have no right on ESF expenses: they only undo the mirror.
        expenses.unlink()
        return super().button_draft()
