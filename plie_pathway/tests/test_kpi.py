import base64
import json
from datetime import date, timedelta
from io import BytesIO

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from ..report.pathway_report import FIGURES
from .common import TODAY, PliePathwayCase

YEAR_2024 = (date(2024, 1, 1), date(2024, 12, 31))


class PlieStatisticsCase(PliePathwayCase):
    """A known data set for 2024, worked out by hand:

    pathway  référent   start       exit        reason       days  born  QPV
    A        référent   2023-06-01  2024-03-01  employment   274   1995  no
    B        référent   2024-02-01  2024-08-01  moved (n)    182   2000  yes
    C        référent   2024-03-15  2024-12-15  employment   275   1970  yes
    D        référent   2024-05-01  2025-02-01  abandonment  -     1985  no
    E        colleague  2024-09-01  open                           1985  no
    F        colleague  2023-01-01  2024-10-01  abandonment  639   1985  no
    G        référent   not signed
    H        colleague  2025-01-10  open

    2024: file active A B C D E F = 6; entries B C D E = 4; exits A B C F
    = 4, positive A C: 50 % of all exits, 66.7 % of the 3 non-neutral ones
    (B moved away: neutral); average (274 + 182 + 275 + 639) / 4 = 342.5
    days, median (274 + 275) / 2 = 274.5 days. F lives outside the communes.
    Age bands at entry: B under 26, C 50 and over, the others 26 to 49.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reason_abandonment = cls.env.ref("plie_pathway.exit_reason_abandonment")
        cls.pathways = {}
        me, other = cls.referent, cls.referent_colleague
        rows = {
            "A": (me, date(2023, 6, 1), date(2024, 3, 1), "employment", 1995),
            "B": (me, date(2024, 2, 1), date(2024, 8, 1), "moved", 2000),
            "C": (me, date(2024, 3, 15), date(2024, 12, 15), "employment", 1970),
            "D": (me, date(2024, 5, 1), date(2025, 2, 1), "abandonment", 1985),
            "E": (other, date(2024, 9, 1), None, None, 1985),
            "F": (other, date(2023, 1, 1), date(2024, 10, 1), "abandonment", 1985),
            "G": (me, False, None, None, 1985),
            "H": (other, date(2025, 1, 10), None, None, 1985),
        }  # fmt: skip
        reasons = {
            "employment": cls.reason_employment,
            "moved": cls.reason_moved,
            "abandonment": cls.reason_abandonment,
        }
        for key, (referent, start, end, reason, born) in rows.items():
            participant = cls._create_participant(
                lastname=f"KPI {key}",
                referent_id=referent.id,
                birth_date=date(born, 7, 1),
                gender="man" if key in "BE" else "woman",
                **({"qpv_id": cls.qpv.id} if key in "BC" else {}),
                **({"zip": "97100", "city": "Basse-Terre"} if key == "F" else {}),
            )
            values = {}
            if end:
                values.update(
                    state="closed",
                    date_end=end,
                    exit_reason_id=reasons[reason].id,
                    is_positive_exit=reason == "employment",
                )
            cls.pathways[key] = cls._pathway(participant, start=start, **values)

    def _figures(self, user, groupby=()):
        Report = self.env["plie.pathway.report"].with_user(user)
        return Report._figures(*YEAR_2024, groupby, company=self.company)


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestStatistics(PlieStatisticsCase):
    def test_funder_figures_of_the_year_on_the_known_data_set(self):
        [figures] = self._figures(self.coordinator)
        self.assertEqual(
            {key: round(value, 2) for key, value in figures.items()},
            {
                "file_active": 6,
                "entry_count": 4,
                "exit_count": 4,
                "positive_exit_count": 2,
                "neutral_exit_count": 1,
                "positive_exit_rate": 50.0,
                "positive_exit_rate_non_neutral": 66.67,
                "duration_days": 342.5,
                "duration_median_days": 274.5,
            },
        )

    def test_file_active_counts_a_pathway_once_over_a_period_of_months(self):
        [figures] = self.env["plie.pathway.report"]._figures(
            date(2024, 9, 1), date(2025, 1, 31), company=self.company
        )
        # C D E F in pathway in September, then C D E, then D E H in January.
        self.assertEqual(figures["file_active"], 5)
        self.assertEqual(figures["entry_count"], 2)  # E, H
        self.assertEqual(figures["exit_count"], 2)  # F, C

    def test_figures_per_age_band(self):
        rows = {
            row["age_band"]: (
                row["file_active"],
                row["exit_count"],
                row["positive_exit_rate"],
            )
            for row in self._figures(self.coordinator, ["age_band"])
        }
        self.assertEqual(
            rows,
            {
                "under_26": (1, 1, 0.0),
                "26_49": (4, 2, 50.0),
                "50_plus": (1, 1, 100.0),
            },
        )

    def test_figures_per_commune_and_qpv(self):
        communes = {
            row["commune_id"]: (
                row["file_active"],
                row["exit_count"],
                round(row["positive_exit_rate"], 2),
            )
            for row in self._figures(self.coordinator, ["commune_id"])
        }
        self.assertEqual(
            communes,
            {self.commune: (5, 3, 66.67), self.env["plie.commune"]: (1, 1, 0.0)},
        )
        qpv = {
            row["qpv_residence"]: (
                row["file_active"],
                row["positive_exit_rate"],
                row["positive_exit_rate_non_neutral"],
            )
            for row in self._figures(self.coordinator, ["qpv_residence"])
        }
        self.assertEqual(qpv, {"qpv": (2, 50.0, 100.0), "outside_qpv": (4, 50.0, 50.0)})

    def test_entries_and_exits_per_month(self):
        groups = (
            self.env["plie.pathway.report"]
            .with_user(self.coordinator)
            ._read_group(
                self.env["plie.pathway.report"]._period_domain(
                    *YEAR_2024, self.company
                ),
                ["date:month"],
                ["entry_count:sum", "exit_count:sum", "positive_exit_count:sum"],
            )
        )
        by_month = {month.month: counts for month, *counts in groups}
        self.assertEqual(by_month[2], [1, 0, 0])  # B enters
        self.assertEqual(by_month[3], [1, 1, 1])  # C enters, A exits positively
        self.assertEqual(by_month[8], [0, 1, 0])  # B exits
        self.assertEqual(by_month[12], [0, 1, 1])  # C exits positively

    def test_a_referent_sees_only_their_caseload_figures(self):
        [mine] = self._figures(self.referent)
        self.assertEqual(
            (mine["file_active"], mine["entry_count"], mine["exit_count"]), (4, 3, 3)
        )
        [theirs] = self._figures(self.referent_colleague)
        self.assertEqual(
            (theirs["file_active"], theirs["entry_count"], theirs["exit_count"]),
            (2, 1, 1),
        )
        rows = self.env["plie.pathway.report"].with_user(self.referent).search([])
        self.assertEqual(
            rows.pathway_id,
            self.pathways["A"]
            | self.pathways["B"]
            | self.pathways["C"]
            | self.pathways["D"],
        )

    def test_finance_sees_figures_without_the_small_cells(self):
        [total] = self._figures(self.finance)
        self.assertEqual(total["positive_exit_rate"], 50.0)
        communes = {
            row["commune_id"]: row["file_active"]
            for row in self._figures(self.finance, ["commune_id"])
        }
        # Under the threshold of 5 people, the cell shows no figure.
        self.assertEqual(communes, {self.commune: 5, self.env["plie.commune"]: None})
        with self.assertRaises(AccessError):
            self.env["plie.pathway.report"].with_user(self.finance).search([]).read(
                ["participant_id"]
            )

    def test_business_relations_read_no_pathway_figure(self):
        with self.assertRaises(AccessError):
            self._figures(self.business)

    def test_every_table_of_the_figures_in_one_query(self):
        groupbys = ["commune_id", "gender", "age_band"]
        for user in (self.coordinator, self.finance):
            Report = self.env["plie.pathway.report"].with_user(user)
            tables = Report._figures_by(*YEAR_2024, groupbys, self.company)
            with self.subTest(user=user.name):
                self.assertEqual(
                    tables[None], Report._figures(*YEAR_2024, company=self.company)
                )
                for groupby in groupbys:
                    self.assertCountEqual(
                        tables[groupby],
                        Report._figures(*YEAR_2024, [groupby], company=self.company),
                    )

    def test_figures_queries_do_not_grow_with_the_pathways(self):
        Report = self.env["plie.pathway.report"].with_user(self.coordinator)

        def figures():
            return Report._figures(*YEAR_2024, ["commune_id"], company=self.company)

        # Measured with 8 then 48 pathways: the same count.
        for extra in (0, 40):
            for index in range(extra):
                self._pathway(
                    self._create_participant(lastname=f"Volume {index}"),
                    start=date(2024, 1, 1) + timedelta(days=index),
                    state="closed",
                    date_end=date(2024, 11, 1),
                    exit_reason_id=self.reason_moved.id,
                )
            self._warm_up(figures)
            with self.assertQueryCount(1):
                rows = figures()
        self.assertEqual(sum(row["exit_count"] for row in rows), 44)

    def test_figures_of_a_period_are_those_of_its_months(self):
        # _figures reads one row per pathway of the period; the dashboard
        # reads one row per month: the same figures, in one query.
        Report = self.env["plie.pathway.report"].with_user(self.coordinator)
        groupby = ["referent_id", "commune_id"]
        for period in (YEAR_2024, (date(2020, 3, 1), date(2025, 2, 28))):
            self._warm_up(lambda p=period: Report._figures(*p, groupby, self.company))
            with self.assertQueryCount(1):
                figures = Report._figures(*period, groupby, self.company)
            self.assertTrue(figures)
            months = Report._read_group(
                Report._period_domain(*period, self.company), groupby, FIGURES
            )
            self.assertEqual(
                [[self._round(v) for v in row.values()] for row in figures],
                [[self._round(v) for v in row] for row in months],
            )

    @staticmethod
    def _round(value):
        return round(value, 6) if isinstance(value, float) else value


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestAnnualReport(PlieStatisticsCase):
    def _wizard(self, user):
        return (
            self.env["plie.annual.report"]
            .with_user(user)
            .create({"company_id": self.company.id, "year": 2024})
        )

    def test_annual_report_workbook_holds_the_figures_per_commune_and_qpv(self):
        wizard = self._wizard(self.coordinator)
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.coordinator)
            ._render_xlsx("plie_pathway.action_report_annual_xlsx", wizard.ids, None)
        )
        self.assertEqual(kind, "xlsx")
        sheet = load_workbook(BytesIO(content))["2024"]
        cells = [
            [cell.value for cell in row]
            for row in sheet.iter_rows(min_row=3, max_row=14, max_col=10)
        ]
        self.assertEqual(
            cells[0][:4], ["All participants", "File active", "Entries", "Exits"]
        )
        self.assertEqual(cells[0][6:], [
            "Positive exit rate (%)",
            "Positive exit rate, non-neutral exits (%)",
            "Average duration (months)",
            "Median duration (months)",
        ])  # fmt: skip
        self.assertEqual(cells[1], ["Total", 6, 4, 4, 2, 1, 50.0, 66.7, 11.3, 9.0])
        self.assertEqual(cells[3][0], "Per commune")
        self.assertEqual(
            cells[4], ["Fort-de-France", 5, 4, 3, 2, 1, 66.7, 100.0, 8.0, 9.0]
        )
        self.assertEqual(cells[5], ["Not set", 1, 0, 1, 0, 0, 0.0, 0.0, 21.0, 21.0])
        self.assertEqual(cells[7][0], "Per QPV residence")
        self.assertEqual(
            cells[8], ["QPV resident", 2, 2, 2, 1, 1, 50.0, 100.0, 7.5, 7.5]
        )
        self.assertEqual(
            cells[9], ["Outside QPV", 4, 2, 2, 1, 0, 50.0, 50.0, 15.0, 15.0]
        )
        self.assertEqual(cells[11][0], "Per gender")

    def test_annual_report_pdf_renders_the_tables(self):
        wizard = self._wizard(self.coordinator)
        Report = self.env["ir.actions.report"].with_user(self.coordinator)
        html, _kind = Report._render_qweb_html(
            "plie_pathway.action_report_annual_pdf", wizard.ids
        )
        for text in ("Activity report 2024", "Per commune", "Fort-de-France", "66.7"):
            self.assertIn(text, html.decode())
        # Without wkhtmltopdf (tests), Odoo returns the HTML it would print.
        content, kind = Report._render_qweb_pdf(
            "plie_pathway.action_report_annual_pdf", wizard.ids
        )
        if kind == "pdf":
            self.assertTrue(content.startswith(b"%PDF"))
        else:
            self.assertIn(b"Activity report 2024", content)

    def test_annual_report_queries_do_not_grow_with_the_pathways(self):
        wizard = self._wizard(self.coordinator)
        for extra in (0, 30):
            for index in range(extra):
                self._pathway(
                    self._create_participant(lastname=f"Volume {index}"),
                    start=date(2024, 1, 1) + timedelta(days=index),
                )
            self._warm_up(wizard._report_data)
            with self.assertQueryCount(8):
                wizard._report_data()

    def test_referents_cannot_print_the_annual_report(self):
        with self.assertRaises(AccessError):
            self._wizard(self.referent)


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestDashboard(PlieStatisticsCase):
    def test_dashboard_charts_read_the_pathway_figures(self):
        dashboard = self.env.ref("plie_pathway.spreadsheet_dashboard_pathways")
        data = json.loads(base64.b64decode(dashboard.spreadsheet_binary_data))
        charts = {
            figure["id"]: figure["data"] for figure in data["sheets"][0]["figures"]
        }
        expected = {
            "plie-pathway-entries": 4,
            "plie-pathway-exits": 4,
            "plie-pathway-file-active-referent": 6,
            "plie-pathway-gender": 6,
        }
        period = self.env["plie.pathway.report"]._period_domain(
            *YEAR_2024, self.company
        )
        for chart_id, total in expected.items():
            meta = charts[chart_id]["metaData"]
            Report = self.env[meta["resModel"]].with_user(self.coordinator)
            field = Report._fields[meta["measure"]]
            groups = Report.read_group(
                period,
                [f"{meta['measure']}:{field.aggregator}"],
                meta["groupBy"][:1],
            )
            with self.subTest(chart=chart_id):
                self.assertEqual(sum(group[meta["measure"]] for group in groups), total)
        self.assertEqual(
            dashboard.group_ids, self.env.ref("plie_base.group_plie_referent")
        )


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase, PliePathwayCase):
    def test_coordination_opens_the_pathway_dashboard(self):
        self._pathway(self._create_participant(lastname="Tableau"))
        # The spreadsheet needs the date format of an installed language.
        self.coordinator.lang = self.env["res.lang"].search([], limit=1).code
        self.start_tour(
            "/odoo/action-plie_pathway.plie_pathway_dashboard_action",
            "plie_pathway_dashboard",
            login=self.coordinator.login,
        )
