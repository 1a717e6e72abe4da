import io
from datetime import date

from openpyxl import load_workbook

from odoo.tests import tagged

from .common import PlieEsfCase


@tagged("post_install", "-at_install")
class TestXlsxStatements(PlieEsfCase):
    """Statements rendered through report_xlsx as the finance officer, read
    back with openpyxl."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.operation = cls._programmed_operation(
            0, flat_rate_option="indirect_15_staff"
        )
        analytic = cls.operation.analytic_account_id
        cls._bill(
            [
                (cls.account_supplies, 1000.0, {analytic: 100}),
                (cls.account_fees, 2000.0, {analytic: 40}),
            ],
            date(2018, 3, 15),
        )
        cls._bill(
            [(cls.account_supplies, 300.0, {analytic: 100})],
            date(2018, 4, 2),
            ref="FA-002",
        )
        supplies, fees, other = cls.operation.expense_ids.sorted("id")
        supplies.eligibility = "eligible"
        fees.write(
            {
                "eligibility": "partial",
                "partial_amount": 500.0,
                "ineligible_reason": "Prorata",
            }
        )
        other.write({"eligibility": "ineligible", "ineligible_reason": "Hors période"})
        member = cls.env["plie.esf.staff.member"].create(
            {
                "operation_id": cls.operation.id,
                "name": "Coordinatrice",
                "job_title": "Chargée de mission",
                "annual_cost": 38500.0,
            }
        )
        cls.env["plie.esf.staff.time"].create(
            [
                {"staff_member_id": member.id, "month": date(2018, 1, 1), "hours": 100},
                {
                    "staff_member_id": member.id,
                    "month": date(2018, 2, 1),
                    "hours": 80.5,
                },
            ]
        )

    def _render(self, report, records, user=None):
        action = self.env.ref(f"plie_esf.{report}").with_user(user or self.finance)
        content, kind = action._render_xlsx(action.report_name, records.ids, None)
        self.assertEqual(kind, "xlsx")
        return load_workbook(io.BytesIO(content)).active

    def _rows(self, sheet):
        return [list(row) for row in sheet.iter_rows(values_only=True)]

    def test_expense_statement_totals_per_category_match_the_claim(self):
        sheet = self._render("action_report_expense_statement", self.operation)
        rows = self._rows(sheet)
        self.assertEqual(
            rows[2][:7],
            [
                "Supplier",
                "Date",
                "Reference",
                "Label",
                "Category",
                "Amount",
                "Eligible amount",
            ],
        )
        body = rows[3:6]
        self.assertEqual(
            [(r[0], r[2], r[4], r[5], r[6], r[7]) for r in body],
            [
                (
                    "Imprimerie du Lamentin",
                    "FA-001",
                    "Other direct costs",
                    1000,
                    1000,
                    "Eligible",
                ),
                (
                    "Imprimerie du Lamentin",
                    "FA-001",
                    "External services",
                    800,
                    500,
                    "Partly eligible",
                ),
                (
                    "Imprimerie du Lamentin",
                    "FA-002",
                    "Other direct costs",
                    300,
                    0,
                    "Ineligible",
                ),
            ],
        )
        totals = {r[0]: r[6] for r in rows[7:] if r[0]}
        claim = self.env["plie.esf.claim"].create(
            {
                "operation_id": self.operation.id,
                "date_from": date(2018, 1, 1),
                "date_to": date(2018, 12, 31),
            }
        )
        claim.action_compute_lines()
        claimed = claim.category_totals()
        self.assertEqual(totals["Other direct costs"], claimed["direct"])
        self.assertEqual(totals["External services"], claimed["services"])
        self.assertEqual(totals["Total"], 1500)

    def test_claim_expense_statement_is_the_frozen_claim(self):
        claim = self.env["plie.esf.claim"].create(
            {
                "operation_id": self.operation.id,
                "date_from": date(2018, 1, 1),
                "date_to": date(2018, 12, 31),
            }
        )
        claim.action_compute_lines()
        rows = self._rows(self._render("action_report_claim_expense_statement", claim))
        self.assertEqual(
            [(r[2], r[6]) for r in rows[3:5]], [("FA-001", 1000), ("FA-001", 500)]
        )
        totals = {r[0]: r[6] for r in rows[6:] if r[0]}
        claimed = claim.category_totals()
        self.assertEqual(totals["Other direct costs"], claimed["direct"])
        self.assertEqual(totals["External services"], claimed["services"])

    def test_staff_cost_statement_shows_rate_hours_and_costs(self):
        rows = self._rows(
            self._render("action_report_staff_cost_statement", self.operation)
        )
        self.assertEqual(
            rows[3][:5], ["Coordinatrice", "Chargée de mission", 38500, 1720, 22.38]
        )
        self.assertEqual([r[6:8] for r in rows[3:5]], [[100, 2238], [80.5, 1801.59]])
        self.assertEqual(rows[5][0], "Total")
        self.assertAlmostEqual(rows[5][7], 4039.59, 2)

    def test_funding_plan_statement_balances(self):
        rows = self._rows(
            self._render("action_report_funding_plan_statement", self.operation)
        )
        self.assertEqual(rows[3][1:4], ["European Union (ESF)", 848092.77, 75.57])
        total = next(r for r in rows if r[0] == "Total")
        self.assertAlmostEqual(total[2], 1122261.17, 2)
        eu = next(r for r in rows if r[0] == "EU contribution")
        self.assertEqual(eu[2:4], [848092.77, 75.57])

    def test_participants_export_has_special_categories_only_for_coordination(self):
        participant = self._create_participant(lastname="Export", email="k@ex.fr")
        self._participation(
            self.operation,
            participant,
            entry_status="inactive",
            entry_disability="yes",
            exit_date=date(2018, 9, 3),
            exit_recorded=True,
            exit_employed=True,
        )
        finance_rows = self._rows(
            self._render("action_report_participants_export", self.operation)
        )
        headers = finance_rows[2]
        self.assertNotIn("Disability", headers)
        row = dict(zip(headers, finance_rows[3], strict=True))
        self.assertEqual(row["Last name"], "Export")
        self.assertEqual(row["Email"], "k@ex.fr")
        self.assertEqual(row["Status at entry"], "Inactive")
        self.assertEqual(row["In employment (incl. self-employed)"], "Yes")
        manager_rows = self._rows(
            self._render(
                "action_report_participants_export", self.operation, self.manager
            )
        )
        row = dict(zip(manager_rows[2], manager_rows[3], strict=True))
        self.assertEqual(row["Disability"], "Yes")

    def test_participants_export_queries_do_not_grow_with_participations(self):
        first, second = self._programmed_operation(1), self._programmed_operation(2)
        operations = first | second

        def export():
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            sheet = self._render("action_report_participants_export", operations)
            return sheet, self.cr.sql_log_count - before

        for operation in operations:
            participant = self._create_participant(lastname=f"A{operation.id}")
            self._participation(operation, participant)
        export()
        _sheet, small = export()
        for index in range(4):
            participant = self._create_participant(lastname=f"B{index}")
            self._participation(second, participant)
        sheet, large = export()
        self.assertEqual(small, large)
        # One sheet per operation, named uniquely: this is the first.
        self.assertEqual(sheet.title, "Participants")
        self.assertEqual(len(sheet.parent.worksheets), 2)
        self.assertEqual(len(list(sheet.parent.worksheets[1].iter_rows())), 8)

    def test_statement_of_several_operations_has_a_sheet_each(self):
        operations = self.operation | self._programmed_operation(1)
        action = self.env.ref("plie_esf.action_report_funding_plan_statement")
        content, _kind = action.with_user(self.finance)._render_xlsx(
            action.report_name, operations.ids, None
        )
        workbook = load_workbook(io.BytesIO(content))
        self.assertEqual(workbook.sheetnames, ["Funding plan", "Funding plan (2)"])
        titles = [sheet["A1"].value for sheet in workbook.worksheets]
        self.assertEqual(
            titles, [f"Funding plan: {operation.name}" for operation in operations]
        )

    def test_indicators_table_and_query_bound(self):
        for index in range(3):
            participant = self._create_participant(
                lastname=f"Ind {index}", gender="man"
            )
            self._participation(self.operation, participant, entry_status="unemployed")
        report = (
            self.env["plie.esf.indicator.report"]
            .with_user(self.finance)
            .create(
                {
                    "operation_id": self.operation.id,
                    "date_from": date(2018, 1, 1),
                    "date_to": date(2020, 12, 31),
                }
            )
        )
        report.action_compute()
        rows = self._rows(self._render("action_report_indicators_table", report))
        self.assertEqual(
            rows[2], ["Code", "Indicator", "Women", "Men", "Non-binary", "Total"]
        )
        found = {r[0]: r[2:6] for r in rows[3:] if r[0]}
        self.assertEqual(found["EECO01"], [0, 3, 0, 3])
        self.assertEqual(found["CO01"], [0, 3, 0, 3])
        self.assertEqual(found["Incomplete records (%)"][-1], 100)

    def test_statement_queries_do_not_grow_with_expenses(self):
        def count(operation):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self._render("action_report_expense_statement", operation)
            return self.cr.sql_log_count - before

        small = self._programmed_operation(1)
        large = self._programmed_operation(2)
        self._bill(
            [(self.account_supplies, 10.0, {small.analytic_account_id: 100})], ref="S-1"
        )
        for index in range(8):
            self._bill(
                [
                    (
                        self.account_supplies,
                        10.0 + index,
                        {large.analytic_account_id: 100},
                    )
                ],
                ref=f"L-{index}",
            )
        count(small)
        self.assertEqual(count(small), count(large))


@tagged("post_install", "-at_install")
class TestDashboard(PlieEsfCase):
    def test_finance_opens_the_esf_dashboard(self):
        dashboard = self.env.ref("plie_esf.dashboard_esf")
        # The spreadsheet locale comes from the user's language: an active one.
        self.finance.lang = self.env["res.lang"].search([], limit=1).code
        data = dashboard.with_user(self.finance).get_readonly_dashboard()
        figures = data["snapshot"]["sheets"][0]["figures"]
        models = {figure["data"]["metaData"]["resModel"] for figure in figures}
        self.assertEqual(models, {"plie.esf.budget.report", "plie.esf.participation"})
        visible = self.env["spreadsheet.dashboard"].with_user(self.finance).search([])
        self.assertIn(dashboard, visible)
        hidden = self.env["spreadsheet.dashboard"].with_user(self.internal).search([])
        self.assertNotIn(dashboard, hidden)
