import base64
import json
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import PliePartnersCase


@tagged("post_install", "-at_install")
class TestDashboard(PliePartnersCase):
    def test_clause_dashboard_charts_read_the_validated_hours(self):
        placement = self._placement(self.lot_works, external_name="Graphique")
        self._hours(placement, date(2025, 3, 1), 42)
        self._hours(placement, date(2025, 4, 1), 8, state="declared")
        dashboard = self.env.ref("plie_partners.spreadsheet_dashboard_clauses")
        self.assertIn(
            self.env.ref("plie_base.group_plie_business"), dashboard.group_ids
        )
        data = json.loads(base64.b64decode(dashboard.spreadsheet_binary_data))
        charts = [figure["data"] for figure in data["sheets"][0]["figures"]]
        self.assertEqual(len(charts), 3)
        for chart in charts:
            meta = chart["metaData"]
            Model = self.env[meta["resModel"]].with_user(self.business)
            groups = Model.read_group(
                chart["searchParams"]["domain"] + [("placement_id", "=", placement.id)],
                [f"{meta['measure']}:sum"],
                meta["groupBy"][:1],
            )
            self.assertEqual(sum(group[meta["measure"]] for group in groups), 42)

    def test_other_internal_users_cannot_read_the_dashboard_data(self):
        with self.assertRaises(AccessError):
            self.env["plie.clause.hours"].with_user(self.internal).read_group(
                [], ["hours:sum"], ["contract_id"]
            )


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase, PliePartnersCase):
    def test_business_officer_opens_the_clause_dashboard(self):
        placement = self._placement(self.lot_works, external_name="Graphique")
        self._hours(placement, date(2025, 3, 1), 42)
        # The spreadsheet needs the date format of an installed language.
        self.business.lang = self.env["res.lang"].search([], limit=1).code
        self.start_tour(
            "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action",
            "plie_partners_clause_dashboard",
            login=self.business.login,
        )
