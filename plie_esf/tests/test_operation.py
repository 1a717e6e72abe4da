from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from ..esf_rules import format_rate
from .common import SEED_OPERATIONS, PlieEsfCase


@tagged("post_install", "-at_install")
class TestOperation(PlieEsfCase):
    def test_seed_operations_show_kohesio_totals_contribution_and_rate(self):
        for index, (_name, _start, _end, total, eu, rate) in enumerate(SEED_OPERATIONS):
            operation = self._operation(index)
            with self.subTest(operation=operation.name):
                self.assertEqual(operation.total_budget, total)
                self.assertEqual(operation.eu_amount, eu)
                self.assertEqual(format_rate(operation.eu_rate, "fr_FR"), rate)
                self.assertEqual(operation.eu_rate_label, rate.replace(",", "."))
        self.assertEqual(self._operation(0).eu_rate, 75.57)
        self.assertEqual(self._operation(1).eu_rate, 29.39)
        self.assertEqual(self._operation(2).eu_rate, 50.0)

    def test_rate_entered_gives_the_eu_amount_rounded_to_the_cent(self):
        operation = self._operation(2)
        with Form(operation.with_user(self.finance)) as form:
            form.eu_rate = 40.0
        self.assertEqual(operation.eu_amount, 392626.99)
        self.assertEqual(operation.eu_rate, 40.0)

    def test_eu_contribution_cannot_exceed_the_budget(self):
        with self.assertRaises(ValidationError):
            self._operation(0, eu_amount=2000000.0)

    def test_programming_requires_a_balanced_funding_plan(self):
        operation = self._operation(0)
        operation.funding_line_ids = [
            Command.create({"cofunder_type": "eu", "amount": 848092.77}),
            Command.create({"cofunder_type": "region", "amount": 200000.0}),
        ]
        self.assertEqual(operation.funding_gap, 74168.40)
        with self.assertRaisesRegex(UserError, "does not balance"):
            operation.action_programme()
        self.assertEqual(operation.state, "draft")
        self.assertFalse(operation.analytic_account_id)
        operation.funding_line_ids = [
            Command.create({"cofunder_type": "self", "amount": 74168.40})
        ]
        operation.with_user(self.finance).action_programme()
        self.assertEqual(operation.state, "programmed")
        self.assertFalse(operation.funding_gap)

    def test_eu_lines_must_match_the_eu_contribution(self):
        operation = self._operation(2)
        operation.funding_line_ids = [
            Command.create({"cofunder_type": "eu", "amount": 400000.0}),
            Command.create({"cofunder_type": "state", "amount": 581567.48}),
        ]
        with self.assertRaisesRegex(UserError, "EU lines"):
            operation.action_submit()

    def test_programming_creates_the_analytic_account_in_the_esf_plan(self):
        operation = self._programmed_operation(1, mdfse_number="201600123")
        account = operation.analytic_account_id
        self.assertEqual(
            account.plan_id, self.env.ref("plie_esf.analytic_plan_esf_operations")
        )
        self.assertEqual(account.name, operation.name)
        self.assertEqual(account.code, "201600123")
        self.assertEqual(account.company_id, self.company)
        operation.action_start()
        operation.action_close()
        self.assertEqual(operation.analytic_account_id, account)

    def test_payments_received_are_tracked_against_the_commitment(self):
        operation = self._programmed_operation(0)
        eu_line = operation.funding_line_ids.filtered(
            lambda line: line.cofunder_type == "eu"
        )
        eu_line.payment_ids = [
            Command.create({"kind": "advance", "amount": 200000.0}),
            Command.create({"kind": "interim", "amount": 300000.0}),
        ]
        self.assertEqual(eu_line.received_amount, 500000.0)
        self.assertEqual(eu_line.remaining_amount, 348092.77)
        self.assertEqual(operation.received_total, 500000.0)
        self.assertAlmostEqual(eu_line.share, 75.57, places=2)
