from odoo import models


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
