"""One record per model of plie_esf for the access policy walk test
(tests/plie_scenarios). See plie_base/tests/access_policy.py."""

import base64
from datetime import date

from odoo import Command

from odoo.addons.plie_base.tests.access_policy import Fixture

KOHESIO_CSV = (
    "ID,PROJECT NAME,TOTAL BUDGET,AMOUNT EU SUPPORT,START DATE,END DATE,"
    "COUNTRY,SUMMARY\n"
    'WALK1,Operation walk,"1 000,00 €","500,00 €",1 January 2018,'
    "31 December 2018,France,Walk\n"
)


def _operation(env, company):
    """A programmed operation of ``company`` with a balanced funding plan."""
    programme = env["plie.esf.programme"].create(
        {"name": "Programme walk", "period_start": 2014, "period_end": 2020}
    )
    operation = env["plie.esf.operation"].create(
        {
            "name": "Operation walk",
            "date_start": date(2018, 1, 1),
            "date_end": date(2018, 12, 31),
            "total_budget": 1000.0,
            "eu_amount": 500.0,
            "programme_id": programme.id,
            "company_id": company.id,
            "funding_line_ids": [
                Command.create({"cofunder_type": "eu", "amount": 500.0}),
                Command.create({"cofunder_type": "self", "amount": 500.0}),
            ],
        }
    )
    operation.action_programme()
    return operation


def _expense(env, company, operation):
    """A posted journal entry on the operation's analytic account, mirrored
    as an ESF expense."""
    Account = env["account.account"].with_company(company)
    supplies = Account.create(
        {"name": "Fournitures walk", "code": "606400", "account_type": "expense"}
    )
    payable = Account.create(
        {
            "name": "Fournisseurs walk",
            "code": "401000",
            "account_type": "liability_current",
        }
    )
    journal = env["account.journal"].create(
        {"name": "Walk", "code": "WALK", "type": "general", "company_id": company.id}
    )
    distribution = {str(operation.analytic_account_id.id): 100}
    move = (
        env["account.move"]
        .with_company(company)
        .create(
            {
                "move_type": "entry",
                "journal_id": journal.id,
                "date": date(2018, 3, 15),
                "ref": "FA-WALK",
                "line_ids": [
                    Command.create(
                        {
                            "name": "Supplies",
                            "account_id": supplies.id,
                            "debit": 100.0,
                            "analytic_distribution": distribution,
                        }
                    ),
                    Command.create(
                        {"name": "Supplies", "account_id": payable.id, "credit": 100.0}
                    ),
                ],
            }
        )
    )
    move.action_post()
    return operation.expense_ids


def access_policy_fixtures(env, users, fixtures):
    """An operation of ``env.company`` with one record of each kind, and the
    plie_base fixture participant taking part in it."""
    company = env.company
    operation = _operation(env, company)
    programme = operation.programme_id
    op = {"operation_id": operation.id}
    priority = env["plie.esf.priority"].create(
        {
            "programme_id": programme.id,
            "kind": "axis",
            "code": "W1",
            "name": "Axis walk",
        }
    )
    funding_line = operation.funding_line_ids[:1]
    payment = env["plie.esf.funding.payment"].create(
        {"funding_line_id": funding_line.id, "amount": 100.0}
    )
    budget_line = env["plie.esf.budget.line"].create(
        {**op, "category": "direct", "year": 2018, "amount": 400.0}
    )
    expense = _expense(env, company, operation)
    member = env["plie.esf.staff.member"].create(
        {**op, "name": "Staff walk", "annual_cost": 43000.0}
    )
    time = env["plie.esf.staff.time"].create(
        {"staff_member_id": member.id, "month": date(2018, 2, 1), "hours": 20}
    )
    period = {"date_from": date(2018, 1, 1), "date_to": date(2018, 12, 31)}
    claim = env["plie.esf.claim"].create({**op, **period})
    claim_line = env["plie.esf.claim.line"].create(
        {
            "claim_id": claim.id,
            "kind": "expense",
            "category": "direct",
            "label": "Walk",
            "amount": 10.0,
        }
    )
    participant = fixtures["plie.participant"].record
    participation = env["plie.esf.participation"].create(
        {
            **op,
            "participant_id": participant.id,
            "entry_date": date(2018, 2, 1),
            "entry_disability": "yes",
        }
    )
    # Another operation for the participations each role creates: a new
    # participant would shift the rows of plie_base's statistics fixture.
    other = operation.copy({"name": "Other operation walk"})
    report = env["plie.esf.indicator.report"].create({**op, **period})
    report.action_compute()
    budget_report = env["plie.esf.budget.report"].search(
        [("operation_id", "=", operation.id)], limit=1
    )
    return {
        "plie.esf.programme": Fixture(
            programme,
            {"name": "Programme new", "period_start": 2021, "period_end": 2027},
            {"managing_authority": "Région"},
        ),
        "plie.esf.priority": Fixture(
            priority,
            {"programme_id": programme.id, "kind": "axis", "code": "W2", "name": "N"},
            {"name": "Axis"},
        ),
        "plie.esf.operation": Fixture(
            operation,
            {
                "name": "Operation new",
                "company_id": company.id,
                "programme_id": programme.id,
                "date_start": date(2019, 1, 1),
                "date_end": date(2019, 12, 31),
            },
            {"location": "Le Lamentin"},
        ),
        "plie.esf.funding.line": Fixture(
            funding_line,
            {**op, "cofunder_type": "state", "amount": 0.0},
            {"amount": 500.0},
        ),
        "plie.esf.funding.payment": Fixture(
            payment,
            {"funding_line_id": funding_line.id, "amount": 50.0},
            {"reference": "VIR-1"},
        ),
        "plie.esf.budget.line": Fixture(
            budget_line,
            {**op, "category": "services", "year": 2018, "amount": 100.0},
            {"amount": 300.0},
        ),
        "plie.esf.expense": Fixture(
            expense,
            {
                **op,
                "move_line_id": expense.move_line_id.id,
                "category": "direct",
            },
            {"eligibility": "eligible"},
        ),
        "plie.esf.staff.member": Fixture(
            member,
            {**op, "name": "Staff new", "annual_cost": 30000.0},
            {"job_title": "Référent"},
        ),
        "plie.esf.staff.time": Fixture(
            time,
            {"staff_member_id": member.id, "month": date(2018, 3, 1), "hours": 10},
            {"hours": 30},
        ),
        "plie.esf.claim": Fixture(
            claim, {**op, **period}, {"date_to": date(2018, 6, 30)}
        ),
        "plie.esf.claim.line": Fixture(
            claim_line,
            {
                "claim_id": claim.id,
                "kind": "expense",
                "category": "direct",
                "label": "New",
                "amount": 5.0,
            },
            {"label": "Walk line"},
        ),
        "plie.esf.participation": Fixture(
            participation,
            {
                "operation_id": other.id,
                "participant_id": participant.id,
                "entry_date": date(2018, 3, 1),
            },
            {"entry_rural": True},
        ),
        "plie.esf.budget.report": Fixture(budget_report),
        "plie.esf.indicator.report": Fixture(
            report, {**op, **period}, {"date_to": date(2018, 6, 30)}
        ),
        "plie.esf.indicator.line": Fixture(
            report.line_ids[:1],
            {"report_id": report.id, "code": "WALK", "name": "Walk"},
            {"name": "Walk indicator"},
        ),
        "plie.esf.kohesio.import": Fixture(
            None,
            {
                "file": base64.b64encode(KOHESIO_CSV.encode()),
                "filename": "kohesio.csv",
                "programme_id": programme.id,
            },
            {"filename": "export.csv"},
        ),
    }
