from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PlieEsfCase


@tagged("post_install", "-at_install")
class TestExpenses(PlieEsfCase):
    """Bills and payroll posted on the operations' analytic accounts become
    expenses; finance decides what is eligible; staff costs and flat rates
    are computed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.operation = cls._programmed_operation(0)
        cls.other = cls._programmed_operation(1)
        cls.account = cls.operation.analytic_account_id
        # A bill split 40%/60% between the two operations on its fees line.
        cls.bill = cls._bill(
            [
                (cls.account_supplies, 1000.0, {cls.account: 100}),
                (
                    cls.account_fees,
                    2000.0,
                    {cls.account: 40, cls.other.analytic_account_id: 60},
                ),
            ]
        )
        cls.payroll = cls._payroll(3000.0)
        cls.draft_bill = cls._bill(
            [(cls.account_supplies, 999.0, {cls.account: 100})], post=False
        )

    @classmethod
    def _payroll(cls, amount):
        liability = (
            cls.env["account.account"]
            .with_company(cls.company)
            .create(
                {
                    "name": "Rémunérations dues",
                    "code": "421000",
                    "account_type": "liability_current",
                }
            )
        )
        journal = cls.env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", cls.company.id)], limit=1
        )
        move = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": journal.id,
                "date": date(2018, 1, 31),
                "ref": "PAIE-2018-01",
                "line_ids": [
                    Command.create(
                        {
                            "name": "Salaires janvier",
                            "account_id": cls.account_staff.id,
                            "debit": amount,
                            "analytic_distribution": {str(cls.account.id): 100},
                        }
                    ),
                    Command.create(
                        {
                            "name": "Salaires janvier",
                            "account_id": liability.id,
                            "credit": amount,
                        }
                    ),
                ],
            }
        )
        move.action_post()
        return move

    def _expense(self, operation, account):
        return operation.expense_ids.filtered(lambda e: e.account_id == account)

    def test_posted_items_become_expenses_with_the_distribution_share(self):
        expenses = self.operation.expense_ids
        self.assertEqual(len(expenses), 3, "the draft bill is not an expense")
        supplies = self._expense(self.operation, self.account_supplies)
        fees = self._expense(self.operation, self.account_fees)
        staff = self._expense(self.operation, self.account_staff)
        self.assertEqual((supplies.amount, supplies.category), (1000.0, "direct"))
        self.assertEqual(
            (fees.amount, fees.percentage, fees.category), (800.0, 40.0, "services")
        )
        self.assertEqual((staff.amount, staff.category), (3000.0, "staff"))
        other_fees = self._expense(self.other, self.account_fees)
        self.assertEqual((other_fees.amount, other_fees.percentage), (1200.0, 60.0))
        self.assertEqual(supplies.partner_id, self.supplier)
        self.assertEqual(supplies.reference, "FA-001")
        self.assertEqual(supplies.eligibility, "to_check")

    def test_refreshing_adds_nothing_twice(self):
        self.operation.with_user(self.finance).action_sync_expenses()
        self.assertEqual(len(self.operation.expense_ids), 3)

    def test_finance_marks_eligible_partly_eligible_and_ineligible(self):
        supplies = self._expense(self.operation, self.account_supplies)
        fees = self._expense(self.operation, self.account_fees)
        supplies.with_user(self.finance).action_mark_eligible()
        fees.with_user(self.finance).write(
            {
                "eligibility": "partial",
                "partial_amount": 500.0,
                "ineligible_reason": "Prorata temporis",
            }
        )
        self.assertEqual(supplies.eligible_amount, 1000.0)
        self.assertEqual(fees.eligible_amount, 500.0)
        operation = self.operation.with_user(self.finance)
        self.assertEqual(operation.other_direct_total, 1500.0)
        self.assertEqual(operation.eligible_total, 1500.0)
        for values, message in (
            ({"eligibility": "ineligible", "ineligible_reason": False}, "reason"),
            ({"partial_amount": 900.0}, "less than its amount"),
        ):
            with (
                self.assertRaisesRegex(ValidationError, message),
                self.cr.savepoint(),
            ):
                fees.with_user(self.finance).write(values)
            fees.invalidate_recordset()
            self.assertEqual(fees.eligible_amount, 500.0)

    def test_payroll_items_are_evidence_not_claimed_twice(self):
        staff = self._expense(self.operation, self.account_staff)
        staff.action_mark_eligible()
        self.assertEqual(self.operation.staff_cost_total, 0.0)
        self.assertEqual(self.operation.eligible_total, 0.0)

    def test_the_bill_document_is_linked_to_its_expenses(self):
        attachment = self.env["ir.attachment"].create(
            {
                "name": "FA-001.pdf",
                "raw": b"%PDF-1.4",
                "res_model": "account.move",
                "res_id": self.bill.id,
            }
        )
        self.bill.message_main_attachment_id = attachment
        supplies = self._expense(self.operation, self.account_supplies)
        supplies.with_user(self.finance).action_attach_bill_document()
        self.assertEqual(supplies.document_id, attachment)
        self.assertEqual(supplies.document_name, "FA-001.pdf")

    def test_accountants_post_bills_but_see_no_esf_data(self):
        bill = self._bill(
            [(self.account_supplies, 10.0, {self.account: 100})],
            post=False,
            ref="FA-ACC",
        )
        bill.with_user(self.accountant).action_post()
        expense = self.operation.expense_ids.filtered(lambda e: e.reference == "FA-ACC")
        self.assertEqual(expense.amount, 10.0)
        with self.assertRaises(AccessError):
            expense.with_user(self.accountant).read(["amount"])
        with self.assertRaises(AccessError):
            self.operation.with_user(self.accountant).read(["name"])

    def test_a_bill_back_to_draft_is_no_expense_unless_claimed(self):
        bill = self._bill(
            [(self.account_supplies, 50.0, {self.account: 100})], ref="FA-DRAFT"
        )
        self.assertEqual(len(self.operation.expense_ids), 4)
        bill.with_user(self.accountant).button_draft()
        self.assertEqual(len(self.operation.expense_ids), 3)
        claim = self.env["plie.esf.claim"].create(
            {
                "operation_id": self.operation.id,
                "date_from": date(2018, 1, 1),
                "date_to": date(2018, 12, 31),
            }
        )
        self._expense(self.operation, self.account_supplies).action_mark_eligible()
        claim.action_compute_lines()
        with self.assertRaisesRegex(UserError, "credit note"):
            self.bill.with_user(self.accountant).button_draft()
        self.assertEqual(self.bill.state, "posted")

    def test_finance_reads_journal_items_but_cannot_change_them(self):
        line = self.bill.with_user(self.finance).invoice_line_ids[:1]
        self.assertTrue(line.read(["balance", "analytic_distribution"]))
        with self.assertRaises(AccessError):
            line.write({"name": "changed"})


@tagged("post_install", "-at_install")
class TestStaffCostsAndFlatRates(PlieEsfCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.operation = cls._programmed_operation(0)
        cls.member = cls.env["plie.esf.staff.member"].create(
            {
                "operation_id": cls.operation.id,
                "name": "Chargée de mission",
                "annual_cost": 38500.0,
            }
        )
        cls.env["plie.esf.staff.time"].create(
            [
                {
                    "staff_member_id": cls.member.id,
                    "month": date(2018, 1, 17),
                    "hours": 100,
                },
                {
                    "staff_member_id": cls.member.id,
                    "month": date(2018, 2, 1),
                    "hours": 80.5,
                },
            ]
        )
        bill = cls._bill(
            [(cls.account_supplies, 1500.0, {cls.operation.analytic_account_id: 100})]
        )
        cls.operation.expense_ids.filtered(lambda e: e.move_id == bill).write(
            {"eligibility": "eligible"}
        )

    def test_hourly_rate_is_the_annual_cost_over_1720_hours(self):
        self.assertEqual(self.member.standard_hours, 1720)
        self.assertEqual(self.member.hourly_rate, 22.38)  # 38 500 / 1 720
        times = self.member.time_ids.sorted("month")
        self.assertEqual(times.mapped("month"), [date(2018, 1, 1), date(2018, 2, 1)])
        self.assertEqual(times.mapped("cost"), [2238.0, 1801.59])
        self.assertEqual(self.operation.staff_cost_total, 4039.59)

    def test_hours_are_capped_per_month_and_per_year(self):
        with self.assertRaises(ValidationError):
            self.env["plie.esf.staff.time"].create(
                {
                    "staff_member_id": self.member.id,
                    "month": date(2018, 3, 1),
                    "hours": 300,
                }
            )
        with self.assertRaisesRegex(ValidationError, "1720"):
            self.env["plie.esf.staff.time"].create(
                [
                    {
                        "staff_member_id": self.member.id,
                        "month": date(2018, m, 1),
                        "hours": 200,
                    }
                    for m in range(3, 12)
                ]
            )

    def test_no_flat_rate_claims_real_costs(self):
        self.assertEqual(self.operation.flat_rate_total, 0.0)
        self.assertEqual(self.operation.eligible_total, 5539.59)

    def test_indirect_costs_at_15_percent_of_direct_staff_costs(self):
        self.operation.flat_rate_option = "indirect_15_staff"
        self.assertEqual(self.operation.flat_rate_total, 605.94)
        self.assertEqual(self.operation.eligible_total, 6145.53)

    def test_indirect_costs_at_7_percent_of_direct_costs(self):
        self.operation.flat_rate_option = "indirect_7_direct"
        self.assertEqual(self.operation.flat_rate_total, 387.77)  # 5 539,59 x 7%
        self.assertAlmostEqual(self.operation.eligible_total, 5539.59 + 387.77, 2)

    def test_40_percent_of_staff_costs_replaces_every_other_cost(self):
        self.operation.flat_rate_option = "other_40_staff"
        self.assertEqual(self.operation.flat_rate_total, 1615.84)
        self.assertEqual(self.operation.other_direct_total, 0.0)
        self.assertAlmostEqual(self.operation.eligible_total, 4039.59 + 1615.84, 2)

    def test_budget_vs_actual_per_category_and_year(self):
        self.operation.budget_line_ids = [
            Command.create({"category": "staff", "year": 2018, "amount": 10000.0}),
            Command.create({"category": "direct", "year": 2018, "amount": 3000.0}),
            Command.create({"category": "flat_rate", "year": 2018, "amount": 1000.0}),
            Command.create({"category": "staff", "year": 2019, "amount": 10000.0}),
        ]
        self.operation.flat_rate_option = "indirect_15_staff"
        self.env.flush_all()
        rows = (
            self.env["plie.esf.budget.report"]
            .with_user(self.finance)
            .search([("operation_id", "=", self.operation.id)])
        )
        found = {
            (r.year, r.category): (
                r.budget_amount,
                r.actual_amount,
                r.eligible_amount,
                r.execution_rate,
            )
            for r in rows
        }
        self.assertEqual(found[("2018", "staff")], (10000.0, 0.0, 4039.59, 40.3959))
        self.assertEqual(found[("2018", "direct")], (3000.0, 1500.0, 1500.0, 50.0))
        self.assertEqual(found[("2018", "flat_rate")], (1000.0, 0.0, 605.94, 60.594))
        self.assertEqual(found[("2019", "staff")], (10000.0, 0.0, 0.0, 0.0))
        with self.assertRaises(AccessError):
            self.env["plie.esf.budget.report"].with_user(self.coordinator).search([])
