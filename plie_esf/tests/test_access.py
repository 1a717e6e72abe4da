from datetime import date

from odoo import Command
from odoo.tests import Form, tagged

from odoo.addons.plie_base.tests.common import assert_access_matrix

from .common import PlieEsfCase


@tagged("post_install", "-at_install")
class TestAccessMatrix(PlieEsfCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.operation = cls._programmed_operation(0)
        cls._bill(
            [(cls.account_supplies, 100.0, {cls.operation.analytic_account_id: 100})]
        )
        cls.expense = cls.operation.expense_ids
        cls.participant = cls._create_participant(lastname="Matrix")
        cls.participation = cls._participation(
            cls.operation, cls.participant, entry_disability="yes"
        )
        cls.claim = cls.env["plie.esf.claim"].create(
            {
                "operation_id": cls.operation.id,
                "date_from": date(2018, 1, 1),
                "date_to": date(2018, 12, 31),
            }
        )

    def _operations(self):
        operation, claim = self.operation, self.claim
        return {
            "read operation": lambda env: env["plie.esf.operation"]
            .browse(operation.id)
            .read(["name", "eu_rate"]),
            "write operation": lambda env: env["plie.esf.operation"]
            .browse(operation.id)
            .write({"location": "Le Lamentin"}),
            "read funding plan": lambda env: env["plie.esf.funding.line"]
            .browse(operation.funding_line_ids.ids)
            .read(["amount"]),
            "write budget": lambda env: env["plie.esf.operation"]
            .browse(operation.id)
            .write(
                {
                    "budget_line_ids": [
                        Command.create(
                            {
                                "category": "direct",
                                "year": 2000 + env.uid % 100,
                                "amount": 1.0,
                            }
                        )
                    ]
                }
            ),
            "mark expense eligible": lambda env: env["plie.esf.expense"]
            .browse(self.expense.id)
            .action_mark_eligible(),
            "compute claim": lambda env: env["plie.esf.claim"]
            .browse(claim.id)
            .action_compute_lines(),
            "approve claim": lambda env: env["plie.esf.claim"]
            .browse(claim.id)
            .action_approve(),
            "read participation": lambda env: env["plie.esf.participation"]
            .browse(self.participation.id)
            .read(["entry_status", "entry_date"]),
            "write participation": lambda env: env["plie.esf.participation"]
            .browse(self.participation.id)
            .write({"entry_rural": True}),
            "read special answers": lambda env: env["plie.esf.participation"]
            .browse(self.participation.id)
            .read(["entry_disability"]),
            "compute indicators": lambda env: env["plie.esf.indicator.report"]
            .create(
                {
                    "operation_id": operation.id,
                    "date_from": date(2018, 1, 1),
                    "date_to": date(2018, 12, 31),
                }
            )
            .action_compute(),
            "read budget vs actual": lambda env: env["plie.esf.budget.report"].search(
                [("operation_id", "=", operation.id)]
            ),
            "read journal items": lambda env: env["account.move.line"]
            .browse(self.expense.move_line_id.id)
            .read(["balance"]),
            "read participants' ESF participations": lambda env: env["plie.participant"]
            .browse(self.participant.id)
            .read(["esf_participation_ids"]),
        }

    # Allowed roles per operation; every other role must get AccessError.
    MATRIX = {
        "read operation": {"coordinator", "finance", "manager"},
        "write operation": {"finance", "manager"},
        "read funding plan": {"finance", "manager"},
        "write budget": {"finance", "manager"},
        "mark expense eligible": {"finance", "manager"},
        "compute claim": {"finance", "manager"},
        "approve claim": {"manager"},
        "read participation": {"coordinator", "finance", "manager"},
        "write participation": {"coordinator", "finance", "manager"},
        "read special answers": {"coordinator", "manager"},
        "compute indicators": {"coordinator", "finance", "manager"},
        "read budget vs actual": {"finance", "manager"},
        "read journal items": {"finance", "manager", "accountant"},
        "read participants' ESF participations": {"coordinator", "finance", "manager"},
    }

    def test_each_role_performs_exactly_its_allowed_operations(self):
        assert_access_matrix(
            self, self._operations(), self.MATRIX, self.users_with_accountant
        )

    def test_each_role_opens_the_forms_it_may_read(self):
        forms = {
            "plie.esf.operation": (
                self.operation,
                {"coordinator", "finance", "manager"},
            ),
            "plie.esf.participation": (
                self.participation,
                {"coordinator", "finance", "manager"},
            ),
            "plie.esf.claim": (self.claim, {"finance", "manager"}),
            "plie.esf.expense": (self.expense, {"finance", "manager"}),
            "plie.participant": (
                self.participant,
                {"referent", "coordinator", "business", "finance", "manager"},
            ),
        }
        for model, (record, roles) in forms.items():
            for role in roles:
                with self.subTest(model=model, role=role):
                    form = Form(record.with_user(self.users[role]))
                    self.assertTrue(form.id)
