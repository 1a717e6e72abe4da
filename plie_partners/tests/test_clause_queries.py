from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.plie_pathway.tests.common import TODAY

from .common import PliePartnersCase

YEAR = {"plie_date_from": "2025-01-01", "plie_date_to": "2025-12-31"}


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestClauseQueries(PliePartnersCase):
    """The contracts' list and the buyer report of a year run as many queries
    with 2 contracts as with 6, whatever their placements and hours."""

    def _add_contracts(self, count):
        """`count` contracts of the buyer, each with a lot, two placements and
        their validated hours of three months."""
        for _number in range(count):
            number = self.env["plie.clause.contract"].search_count([])
            contract = self.env["plie.clause.contract"].create(
                {
                    "name": f"M2025-V{number}",
                    "title": "Volume",
                    "buyer_id": self.buyer.id,
                    "date_start": date(2025, 1, 1),
                    "date_end": date(2026, 6, 30),
                    "facilitator_id": self.business.id,
                    "company_id": self.company.id,
                }
            )
            lot = self.env["plie.clause.lot"].create(
                {"contract_id": contract.id, "name": "Lot", "required_hours": 300}
            )
            for person in range(2):
                placement = self._placement(lot, external_name=f"Personne {person}")
                for month in (2, 3, 4):
                    self._hours(placement, date(2025, month, 1), 10)

    def _assert_same_queries(self, function, queries):
        for extra in (1, 4):
            self._add_contracts(extra)
            self._warm_up(function)
            with self.assertQueryCount(queries):
                result = function()
        return result

    def test_contracts_list_of_a_year_with_their_progress(self):
        contracts = (
            self.env["plie.clause.contract"]
            .with_user(self.business)
            .with_context(**YEAR)
        )
        fields = ("name", "required_hours", "realised_hours", "progress_rate")

        def list_view():
            return contracts.web_search_read(
                [("date_start", "<=", "2025-12-31"), ("date_end", ">=", "2025-01-01")],
                {
                    **dict.fromkeys(fields, {}),
                    "buyer_id": {"fields": {"display_name": {}}},
                    "facilitator_id": {"fields": {"display_name": {}}},
                },
            )

        result = self._assert_same_queries(list_view, 6)
        volume = [
            row["realised_hours"]
            for row in result["records"]
            if row["name"].startswith("M2025-V")
        ]
        self.assertEqual(volume, [60.0] * 5)

    def test_buyer_report_of_a_year(self):
        Report = self.env["ir.actions.report"].with_user(self.business)

        def render():
            return Report._render_xlsx(
                "plie_partners.action_report_clause_buyer_xlsx",
                self.buyer.ids,
                {"year": 2025},
            )

        content, kind = self._assert_same_queries(render, 15)
        self.assertEqual(kind, "xlsx")
        self.assertTrue(content)
