from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFinanceTour(HttpCase):
    def test_finance_officer_marks_an_expense_eligible_and_downloads_the_statement(
        self,
    ):
        company = self.env.company
        if not self.env["account.journal"].search([("company_id", "=", company.id)]):
            self.env["account.chart.template"].try_loading(
                "generic_coa", company=company, install_demo=False
            )
        new_test_user(
            self.env,
            login="tour_finance",
            groups="plie_base.group_plie_finance",
            name="Tour Finance",
            lang="en_US",
        )
        operation = self.env["plie.esf.operation"].create(
            {
                "name": "Opération de la visite",
                "date_start": "2018-01-01",
                "date_end": "2020-12-31",
                "total_budget": 1000.0,
                "eu_amount": 500.0,
                "funding_line_ids": [
                    Command.create({"cofunder_type": "eu", "amount": 500.0}),
                    Command.create({"cofunder_type": "self", "amount": 500.0}),
                ],
            }
        )
        operation.action_programme()
        account = self.env["account.account"].create(
            {"name": "Fournitures", "code": "606401", "account_type": "expense"}
        )
        bill = self.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": self.env["res.partner"]
                .create({"name": "Fournisseur"})
                .id,
                "invoice_date": "2018-03-15",
                "ref": "FA-TOUR",
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Fournitures",
                            "account_id": account.id,
                            "price_unit": 120.0,
                            "tax_ids": [],
                            "analytic_distribution": {
                                str(operation.analytic_account_id.id): 100
                            },
                        }
                    )
                ],
            }
        )
        bill.action_post()
        self.start_tour(
            "/odoo", "plie_esf_finance_checks_expense", login="tour_finance"
        )
        expense = operation.expense_ids
        self.assertEqual(expense.eligibility, "eligible")
        self.assertEqual(expense.eligible_amount, 120.0)
        statement = self.env["ir.attachment"].search(
            [("res_model", "=", operation._name), ("res_id", "=", operation.id)]
        )
        # The downloaded statement is kept on the operation (report attachment).
        self.assertEqual(
            statement.name, "Etat des depenses - Opération de la visite.xlsx"
        )
