from datetime import date

from odoo import fields, models


class PlieClauseReport(models.TransientModel):
    _name = "plie.clause.report"
    _description = "Yearly social-clause reports"

    year = fields.Integer(required=True, default=lambda self: date.today().year)
    buyer_ids = fields.Many2many(
        "plie.clause.buyer",
        string="Buyers",
        help="Leave empty for every buyer.",
    )

    def _print(self, report):
        self.ensure_one()
        buyers = self.buyer_ids or self.env["plie.clause.buyer"].search([])
        return self.env.ref(report).report_action(buyers, data={"year": self.year})

    def action_print_buyers(self):
        return self._print("plie_partners.action_report_clause_buyer_xlsx")

    def action_print_consolidated(self):
        return self._print("plie_partners.action_report_clause_consolidated_xlsx")
