from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PlieEsfCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02")
class TestClaim(PlieEsfCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.operation = cls._programmed_operation(
            0, flat_rate_option="indirect_15_staff"
        )
        analytic = cls.operation.analytic_account_id
        cls._bill([(cls.account_supplies, 1000.0, {analytic: 100})], date(2018, 3, 15))
        cls._bill(
            [(cls.account_fees, 800.0, {analytic: 100})], date(2018, 6, 1), ref="FA-002"
        )
        cls._bill(
            [(cls.account_supplies, 70.0, {analytic: 100})],
            date(2018, 9, 1),
            ref="FA-003",
        )
        expenses = cls.operation.expense_ids
        expenses.filtered(lambda e: e.reference == "FA-001").eligibility = "eligible"
        expenses.filtered(lambda e: e.reference == "FA-002").write(
            {
                "eligibility": "partial",
                "partial_amount": 500.0,
                "ineligible_reason": "Prorata",
            }
        )
        expenses.filtered(lambda e: e.reference == "FA-003").eligibility = "eligible"
        member = cls.env["plie.esf.staff.member"].create(
            {
                "operation_id": cls.operation.id,
                "name": "Coordinatrice",
                "annual_cost": 38500.0,
            }
        )
        cls.env["plie.esf.staff.time"].create(
            {"staff_member_id": member.id, "month": date(2018, 1, 1), "hours": 100}
        )
        eu_line = cls.operation.funding_line_ids.filtered(
            lambda line: line.cofunder_type == "eu"
        )
        eu_line.payment_ids = [
            Command.create(
                {"kind": "advance", "date": date(2018, 2, 1), "amount": 100000.0}
            )
        ]
        cls.woman = cls._create_participant(lastname="Claim A", state="exited")
        cls.man = cls._create_participant(lastname="Claim B", gender="man")
        cls._participation(cls.operation, cls.woman, entry_date=date(2018, 2, 5))
        cls._participation(cls.operation, cls.man, entry_date=date(2018, 4, 5))
        cls.claim = cls.env["plie.esf.claim"].create(
            {
                "name": "DP 1",
                "operation_id": cls.operation.id,
                "date_from": date(2018, 1, 1),
                "date_to": date(2018, 6, 30),
            }
        )
        cls.claim.with_user(cls.finance).action_compute_lines()

    def test_the_claim_snapshots_costs_flat_rate_resources_and_participants(self):
        claim = self.claim.with_user(self.finance)
        kinds = sorted(
            (line.kind, line.category or "", line.amount) for line in claim.line_ids
        )
        self.assertEqual(
            kinds,
            [
                ("expense", "direct", 1000.0),
                ("expense", "services", 500.0),
                ("flat_rate", "flat_rate", 335.70),  # 15% of 2 238,00
                ("resource", "", 100000.0),
                ("staff", "staff", 2238.0),  # 100 h x 22,38
            ],
        )
        self.assertEqual(claim.claimed_total, 4073.70)
        self.assertEqual(claim.resources_total, 100000.0)
        self.assertEqual(
            claim.category_totals(),
            {
                "staff": 2238.0,
                "direct": 1000.0,
                "services": 500.0,
                "indirect": 0.0,
                "flat_rate": 335.70,
            },
        )
        self.assertEqual(
            (
                claim.participants_women,
                claim.participants_men,
                claim.participants_total,
            ),
            (1, 1, 2),
        )

    def _submit(self):
        self.claim.with_user(self.manager).action_approve()
        self.claim.with_user(self.finance).action_submit()

    def test_direction_approves_before_finance_submits(self):
        with self.assertRaisesRegex(UserError, "approve"):
            self.claim.with_user(self.finance).action_submit()
        with self.assertRaises(AccessError):
            self.claim.with_user(self.finance).action_approve()
        for user in (self.coordinator, self.referent, self.internal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.claim.with_user(user).read(["claimed_total"])
        self._submit()
        self.assertEqual(self.claim.state, "submitted")
        self.assertEqual(self.claim.approved_by_id, self.manager)

    def test_submitted_lines_cannot_change(self):
        self._submit()
        line = self.claim.line_ids.filtered(lambda line: line.kind == "expense")[:1]
        expense = line.expense_id
        claim = self.claim.with_user(self.finance)
        for change in (
            lambda: line.with_user(self.finance).write({"amount": 1.0}),
            lambda: line.with_user(self.finance).unlink(),
            lambda: claim.action_compute_lines(),
            lambda: claim.unlink(),
            lambda: claim.write({"date_to": date(2018, 12, 31)}),
            lambda: expense.with_user(self.finance).write(
                {"eligibility": "ineligible", "ineligible_reason": "x"}
            ),
        ):
            with self.assertRaises(UserError), self.cr.savepoint():
                change()
        self.assertEqual(line.amount, 1000.0)
        correction = (
            self.env["plie.esf.claim.line"]
            .with_user(self.finance)
            .create(
                {
                    "claim_id": self.claim.id,
                    "kind": "expense",
                    "category": "direct",
                    "label": "Oubli",
                    "amount": 10.0,
                    "accepted_amount": 10.0,
                }
            )
        )
        self.assertTrue(correction.is_correction)

    def test_expense_lines_need_a_cost_category(self):
        lines = self.env["plie.esf.claim.line"].with_user(self.finance)
        values = {"claim_id": self.claim.id, "kind": "expense", "label": "Sans"}
        with self.assertRaises(ValidationError), self.cr.savepoint():
            lines.create(values)
        self.assertNotIn("Sans", self.claim.line_ids.mapped("label"))
        self.assertTrue(lines.create({**values, "category": "direct"}))

    def test_control_records_accepted_amounts_with_reasons_then_payment(self):
        self._submit()
        claim = self.claim.with_user(self.finance)
        staff = claim.line_ids.filtered(lambda line: line.kind == "staff")
        staff.accepted_amount = 2000.0
        with self.assertRaisesRegex(UserError, "reason"):
            claim.action_check()
        staff.cut_reason = "Feuilles de temps non signées"
        claim.action_check()
        self.assertEqual(claim.state, "checked")
        self.assertEqual(claim.accepted_total, 3835.70)
        with self.assertRaises(UserError):
            staff.write({"accepted_amount": 2238.0})
        with self.assertRaisesRegex(UserError, "payment date"):
            claim.action_mark_paid()
        claim.write({"payment_date": date(2019, 3, 10), "paid_amount": 2898.92})
        claim.action_mark_paid()
        self.assertEqual(claim.state, "paid")
        self.assertEqual(self.operation.last_payment_date, date(2019, 3, 10))
        self.assertEqual(self.operation.retention_end_date, date(2024, 12, 31))

    def test_retention_of_the_last_payment_protects_the_participants(self):
        self._submit()
        claim = self.claim.with_user(self.finance)
        claim.action_check()
        claim.write({"payment_date": date(2025, 5, 20), "paid_amount": 3000.0})
        claim.action_mark_paid()
        # 31 December of the last payment's year + 5 years (art. 82).
        self.assertEqual(self.operation.retention_end_date, date(2030, 12, 31))
        self.assertEqual(self.woman.esf_retention_end_date, date(2030, 12, 31))
        self.assertEqual(self.woman.retention_end_date, date(2030, 12, 31))
        with self.assertRaisesRegex(UserError, "kept until 2030-12-31"):
            self.woman.with_user(self.manager).action_anonymize()

    def test_the_personal_data_export_includes_the_esf_answers(self):
        data = self.woman.with_user(self.coordinator)._gdpr_export_data()
        (participation,) = data["esf_participations"]
        self.assertEqual(participation["entry_date"], date(2018, 2, 5))
        self.assertEqual(participation["operation_id"][0], self.operation.id)
