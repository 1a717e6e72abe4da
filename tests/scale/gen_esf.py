"""ESF side of the generated PLIE: operations with their funding plan and
budget, programmed (which gives each its analytic account), the
participations with the answers the EECO/EECR indicators read, and posted
journal items on the operations' analytic accounts (analytic lines and ESF
expenses, which the budget report shows)."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from gen_common import REFERENCE, months_between, spread

from odoo.addons.plie_esf.esf_rules import EXIT_ANSWERS

PROGRAMME_END = date(2027, 12, 31)
# Participation answers prefilled per participation: small batches keep the
# prefill (pathways matched per participation) fast.
PARTICIPATION_BATCH = 500
# Budget share of each cost category.
BUDGET_SHARES = {"staff": 0.55, "direct": 0.2, "services": 0.15, "indirect": 0.1}
# Expense accounts (French chart: the class gives the cost category):
# (code, name, weight).
EXPENSE_ACCOUNTS = [
    ("641100", "Salaires", 45),
    ("606400", "Fournitures", 35),
    ("622600", "Honoraires", 20),
]
# Share of its budget an operation spent by the reference date, on average.
SPENT = 0.9
PAYABLE = ("408000", "Fournisseurs - factures non parvenues")
# Exit answers: (weight, answers set to True).
EXIT_RESULTS = [
    (35, ("exit_employed",)),
    (8, ("exit_in_education", "exit_qualification")),
    (7, ("exit_in_education",)),
    (40, ("exit_job_searching",)),
    (10, ()),
]
SPECIAL = ("yes", "no", "no", "no", "no", "no", "no", "refused")


class EsfGenerator:
    """Mixed into the Generator of generate.py."""

    def make_esf(self):
        self.operations = self.step("ESF operations", self.make_operations)
        self.step("ESF participations", self.make_participations)
        self.step("ESF journal items", self.make_journal_items)

    # ------------------------------------------------------------------
    def operation_count(self):
        # At least three: one participant per operation, and the first one
        # holds a third of the participations.
        return max(3, self.count["plie.esf.operation"])

    def make_operations(self):
        rng = self.rng
        programme = self.env.ref("plie_esf.programme_esf_plus_2021")
        priorities = {p.kind: p.id for p in programme.priority_ids}
        vals_list = []
        for index in range(self.operation_count()):
            if index == 0:  # the big one, over the whole programming period
                start, end = date(2021, 1, 1), PROGRAMME_END
                total = 3_000_000
            else:
                start = date(2021 + (index - 1) % 5, 1, 1)
                years = rng.randint(1, 3)
                end = min(date(start.year + years - 1, 12, 31), PROGRAMME_END)
                total = rng.randrange(150_000, 900_000, 1000)
            eu = round(total * 0.6, 2)
            state_part = round((total - eu) / 2, 2)
            vals_list.append(
                {
                    "name": f"Opération générée {index + 1:02d}",
                    "mdfse_number": f"GEN{self.company.id:03d}{index + 1:02d}",
                    "company_id": self.company.id,
                    "beneficiary_id": self.company.partner_id.id,
                    "programme_id": programme.id,
                    "axis_id": priorities.get("axis"),
                    "specific_objective_id": priorities.get("specific_objective"),
                    "date_start": start,
                    "date_end": end,
                    "total_budget": total,
                    "eu_amount": eu,
                    "flat_rate_option": rng.choice(
                        ("none", "indirect_15_staff", "other_40_staff")
                    ),
                    "funding_line_ids": [
                        (0, 0, {"cofunder_type": "eu", "amount": eu}),
                        (0, 0, {"cofunder_type": "state", "amount": state_part}),
                        (
                            0,
                            0,
                            {
                                "cofunder_type": "self",
                                "amount": round(total - eu - state_part, 2),
                            },
                        ),
                    ],
                    "budget_line_ids": self.budget_lines(start, end, total),
                }
            )
        operations = self.create("plie.esf.operation", vals_list)
        operations.action_programme()
        operations.action_start()
        operations.filtered(lambda o: o.date_end < REFERENCE).action_close()
        return operations

    @staticmethod
    def budget_lines(start, end, total):
        years = range(start.year, end.year + 1)
        return [
            (
                0,
                0,
                {
                    "category": category,
                    "year": year,
                    "amount": round(total * share / len(years), 2),
                },
            )
            for year in years
            for category, share in BUDGET_SHARES.items()
        ]

    def operation_shares(self, total):
        """`total` over the operations: a third to the first one."""
        first = round(total / 3)
        return [first] + spread(total - first, len(self.operations) - 1)

    # ------------------------------------------------------------------
    def make_participations(self):
        rng = self.rng
        participants = self.participants.read(
            ["labour_market_status", "education_level"], load=False
        )
        operations = self.operations.read(["date_start", "date_end"])
        vals_list = []
        for operation, count in zip(
            operations,
            self.operation_shares(self.count["plie.esf.participation"]),
            strict=True,
        ):
            last = min(operation["date_end"], REFERENCE)
            for participant in rng.sample(participants, min(count, len(participants))):
                entry = operation["date_start"] + timedelta(
                    days=rng.randint(0, (last - operation["date_start"]).days)
                )
                vals = {
                    "operation_id": operation["id"],
                    "participant_id": participant["id"],
                    "entry_date": entry,
                    **self.entry_answers(participant),
                    **self.exit_answers(entry, last),
                }
                vals_list.append(vals)
        return self.create(
            "plie.esf.participation", vals_list, batch_size=PARTICIPATION_BATCH
        )

    def entry_answers(self, participant):
        rng = self.rng
        status = participant["labour_market_status"]
        if not status or rng.random() < 0.2:
            status = rng.choice(
                ("unemployed", "long_term_unemployed", "inactive", "employed")
            )
        return {
            "entry_status": status,
            "entry_education_level": participant["education_level"] or "3",
            "entry_third_country": rng.random() < 0.08,
            "entry_homeless": rng.random() < 0.06,
            "entry_rural": rng.random() < 0.1,
            "entry_disability": rng.choice(SPECIAL),
            "entry_foreign_background": rng.choice(SPECIAL),
            "entry_minority": rng.choice(SPECIAL),
        }

    def exit_answers(self, entry, last):
        """Every answer given, False ones too: the prefill leaves them alone
        (its six-month answers depend on the day it runs)."""
        rng = self.rng
        vals = dict.fromkeys(
            ("exit_recorded", *EXIT_ANSWERS, "m6_recorded", "m6_employed"), False
        )
        vals.update(exit_date=False, m6_improved=False)
        exit_date = entry + timedelta(days=rng.randint(30, 540))
        if exit_date > last or rng.random() < 0.3:
            return vals
        weights, results = zip(*EXIT_RESULTS, strict=True)
        vals["exit_date"] = exit_date
        vals["exit_recorded"] = rng.random() < 0.95
        if vals["exit_recorded"]:
            vals.update(dict.fromkeys(rng.choices(results, weights)[0], True))
        if exit_date + relativedelta(months=6) <= REFERENCE:
            vals["m6_recorded"] = True
            vals["m6_employed"] = rng.random() < 0.45
            vals["m6_improved"] = vals["m6_employed"] and rng.random() < 0.5
        return vals

    # ------------------------------------------------------------------
    def make_journal_items(self):
        """Monthly miscellaneous entries of each operation, one payable line
        against items on its analytic account, posted: posting makes their
        analytic lines and ESF expenses."""
        env = self.env
        env["account.chart.template"].try_loading(
            "generic_coa", company=self.company, install_demo=False
        )
        accounts = self.create(
            "account.account",
            [
                {"code": code, "name": name, "account_type": "expense"}
                for code, name, _weight in EXPENSE_ACCOUNTS
            ]
            + [
                {
                    "code": PAYABLE[0],
                    "name": PAYABLE[1],
                    "account_type": "liability_current",
                }
            ],
        )
        *expense_accounts, payable = accounts.ids
        journal = env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", self.company.id)], limit=1
        )
        moves = []
        for operation, count in zip(
            self.operations,
            self.operation_shares(self.count["account.analytic.line"]),
            strict=True,
        ):
            # Entries dated at the end of months over before the reference.
            months = months_between(
                operation.date_start,
                min(operation.date_end, REFERENCE - timedelta(days=1)),
            )
            # Amounts in step with the budget, whatever the number of items.
            mean = operation.total_budget * SPENT / count
            for month, lines in zip(months, spread(count, len(months)), strict=True):
                if lines:
                    moves.append(
                        self.journal_entry(
                            (journal, month, operation.analytic_account_id.id),
                            lines,
                            mean,
                            expense_accounts,
                            payable,
                        )
                    )
        posted = self.env["account.move"].browse()
        for start in range(0, len(moves), 20):
            batch = self.env["account.move"].create(moves[start : start + 20])
            batch.action_post()
            posted |= batch
            batch.flush_model()
            self.env.invalidate_all()
        self.judge_expenses()
        return self.env["account.analytic.line"].search(
            [("move_line_id.move_id", "in", posted.ids)]
        )

    def journal_entry(self, where, count, mean, accounts, payable):
        rng = self.rng
        journal, month, analytic = where
        weights = [weight for _code, _name, weight in EXPENSE_ACCOUNTS]
        lines, total = [], 0.0
        for _i in range(count):
            index = rng.choices(range(len(accounts)), weights)[0]
            name = EXPENSE_ACCOUNTS[index][1]
            amount = round(mean * rng.uniform(0.2, 1.8), 2)
            total += amount
            lines.append(
                (
                    0,
                    0,
                    {
                        "name": name,
                        "account_id": accounts[index],
                        "debit": amount,
                        # A few items are shared with the PLIE's other work.
                        "analytic_distribution": {
                            str(analytic): rng.choice((100, 100, 100, 50))
                        },
                    },
                )
            )
        lines.append(
            (
                0,
                0,
                {"name": "À payer", "account_id": payable, "credit": round(total, 2)},
            )
        )
        day = month + relativedelta(months=1, days=-1)
        return {
            "move_type": "entry",
            "journal_id": journal.id,
            "date": day,
            "ref": f"GEN-{analytic}-{month:%Y-%m}",
            "line_ids": lines,
        }

    def judge_expenses(self):
        """Finance's eligibility decisions: most items eligible, some still to
        check, a few refused."""
        rng = self.rng
        expenses = self.env["plie.esf.expense"].search(
            [("operation_id", "in", self.operations.ids)], order="id"
        )
        eligible, ineligible = [], []
        for expense in expenses.ids:
            draw = rng.random()
            if draw < 0.85:
                eligible.append(expense)
            elif draw < 0.9:
                ineligible.append(expense)
        Expense = self.env["plie.esf.expense"]
        Expense.browse(eligible).write({"eligibility": "eligible"})
        Expense.browse(ineligible).write(
            {"eligibility": "ineligible", "ineligible_reason": "Hors période"}
        )
