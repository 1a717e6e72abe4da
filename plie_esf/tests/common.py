from datetime import date

from odoo import Command

from odoo.addons.plie_base.tests.common import PlieBaseCase

# The three Kohesio operations of the seeds: (title, start, end, total budget,
# EU contribution, co-financing rate as Kohesio shows it).
SEED_OPERATIONS = [
    (
        "Animation, coordination et communication du PLIE Sud Martinique",
        date(2018, 1, 1),
        date(2020, 12, 31),
        1122261.17,
        848092.77,
        "75,57%",
    ),
    (
        "Animation, coordination et communication du PLIE de la CACEM",
        date(2016, 7, 1),
        date(2017, 12, 31),
        952779.46,
        280021.88,
        "29,39%",
    ),
    (
        "Ingénierie et animation de parcours (PLIE de Grenoble)",
        date(2015, 1, 1),
        date(2016, 12, 31),
        981567.48,
        490783.74,
        "50%",
    ),
]
ACCOUNTANT = "account.group_account_invoice"


class PlieEsfCase(PlieBaseCase):
    """plie_base's PLIE and role users, with a chart of accounts, French
    expense accounts, an accountant without PLIE role, and builders of
    operations, bills and participations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["account.chart.template"].try_loading(
            "generic_coa", company=cls.company, install_demo=False
        )
        cls.accountant = cls._new_user("accountant", ACCOUNTANT)
        cls.users_with_accountant = dict(cls.users, accountant=cls.accountant)
        account = cls.env["account.account"].with_company(cls.company)
        cls.account_staff = account.create(
            {"name": "Salaires", "code": "641100", "account_type": "expense"}
        )
        cls.account_supplies = account.create(
            {"name": "Fournitures", "code": "606400", "account_type": "expense"}
        )
        cls.account_fees = account.create(
            {"name": "Honoraires", "code": "622600", "account_type": "expense"}
        )
        cls.supplier = cls.env["res.partner"].create(
            {"name": "Imprimerie du Lamentin", "is_company": True}
        )
        cls.programme = cls.env.ref("plie_esf.programme_esf_martinique_2014")

    @classmethod
    def _operation(cls, index=0, **values):
        name, start, end, total, eu, _rate = SEED_OPERATIONS[index]
        vals = {
            "name": name,
            "date_start": start,
            "date_end": end,
            "total_budget": total,
            "eu_amount": eu,
            "programme_id": cls.programme.id,
            "company_id": cls.company.id,
        }
        vals.update(values)
        return cls.env["plie.esf.operation"].create(vals)

    @classmethod
    def _balanced_plan(cls, operation):
        """EU contribution, then the State and self-funding for the rest."""
        rest = round(operation.total_budget - operation.eu_amount, 2)
        state = round(rest / 2, 2)
        operation.funding_line_ids = [
            Command.create({"cofunder_type": "eu", "amount": operation.eu_amount}),
            Command.create({"cofunder_type": "state", "amount": state}),
            Command.create({"cofunder_type": "self", "amount": round(rest - state, 2)}),
        ]

    @classmethod
    def _programmed_operation(cls, index=0, **values):
        operation = cls._operation(index, **values)
        cls._balanced_plan(operation)
        operation.action_programme()
        return operation

    @classmethod
    def _bill(cls, lines, bill_date=date(2018, 3, 15), ref="FA-001", post=True):
        """A vendor bill; each line: (account, amount, {analytic account:
        percentage})."""
        move = (
            cls.env["account.move"]
            .with_company(cls.company)
            .create(
                {
                    "move_type": "in_invoice",
                    "partner_id": cls.supplier.id,
                    "invoice_date": bill_date,
                    "date": bill_date,
                    "ref": ref,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": account.name,
                                "account_id": account.id,
                                "price_unit": amount,
                                "quantity": 1,
                                "tax_ids": [],
                                "analytic_distribution": {
                                    str(analytic.id): share
                                    for analytic, share in distribution.items()
                                },
                            }
                        )
                        for account, amount, distribution in lines
                    ],
                }
            )
        )
        if post:
            move.action_post()
        return move

    @classmethod
    def _participation(cls, operation, participant, **values):
        vals = {
            "operation_id": operation.id,
            "participant_id": participant.id,
            "entry_date": operation.date_start,
        }
        vals.update(values)
        return cls.env["plie.esf.participation"].create(vals)
