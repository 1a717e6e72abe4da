from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TODAY, PliePathwayCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestCaseload(PliePathwayCase):
    """Fixed data set: référent 12 open pathways + 1 closed, colleague 3 open
    (half time), coordination none; capacity 50 per full-time référent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.referent_colleague.plie_fte = 0.5
        recent = TODAY - timedelta(days=20)
        cls._pathways(cls.referent, 10)
        cls._pathway(referent_id=cls.referent.id, start=recent, state="follow_up")
        cls._pathway(referent_id=cls.referent.id, start=False)
        cls._pathway(referent_id=cls.referent.id, state="closed", date_end=recent)
        colleague = cls._pathways(cls.referent_colleague, 3, start_days=60)
        # Two of the colleague's participants have had no contact for 31 days.
        for pathway, days in zip(colleague, (31, 31, 5), strict=True):
            cls._interview(pathway, TODAY - timedelta(days=days))

    @classmethod
    def _pathways(cls, referent, count, start_days=20):
        return cls.env["plie.pathway"].concat(
            *(
                cls._pathway(
                    referent_id=referent.id, start=TODAY - timedelta(days=start_days)
                )
                for _index in range(count)
            )
        )

    def _caseload(self):
        rows = (
            self.env["plie.caseload.report"]
            .with_user(self.coordinator)
            .search([("company_id", "=", self.company.id)])
        )
        return {
            row.referent_id: (
                row.fte,
                row.capacity,
                row.active_count,
                round(row.load_percent, 2),
                row.overdue_count,
            )
            for row in rows
        }

    def test_caseload_counts_open_pathways_against_capacity(self):
        self.assertEqual(
            self._caseload(),
            {
                self.referent: (1.0, 50.0, 12, 24.0, 0),
                self.referent_colleague: (0.5, 25.0, 3, 12.0, 2),
            },
        )

    def test_a_caseload_row_opens_the_referents_open_pathways(self):
        row = (
            self.env["plie.caseload.report"]
            .with_user(self.coordinator)
            .search([("referent_id", "=", self.referent_colleague.id)])
        )
        action = row.action_open_pathways()
        pathways = (
            self.env["plie.pathway"]
            .with_user(self.coordinator)
            .search(action["domain"])
        )
        self.assertEqual(len(pathways), 3)
        self.assertEqual(pathways.referent_id, self.referent_colleague)

    def test_loads_feed_the_suggestion(self):
        loads = self.env["res.users"]._plie_referent_loads(self.company)
        self.assertEqual(loads[self.referent], (12, 50.0))
        self.assertEqual(loads[self.referent_colleague], (3, 25.0))
        suggested = self.env["res.users"]._plie_least_loaded(loads, self.commune)
        self.assertEqual(suggested, self.referent_colleague)

    def test_bulk_reassignment_is_tracked_with_its_reason(self):
        pathways = self.env["plie.pathway"].search(
            [("referent_id", "=", self.referent.id), ("state", "=", "active")], limit=4
        )
        wizard = (
            self.env["plie.pathway.reassign"]
            .with_user(self.coordinator)
            .create(
                {
                    "pathway_ids": [(6, 0, pathways.ids)],
                    "referent_id": self.referent_colleague.id,
                    "reason": "Rééquilibrage des portefeuilles",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(pathways.referent_id, self.referent_colleague)
        self.assertEqual(pathways.participant_id.referent_id, self.referent_colleague)
        current = pathways.assignment_ids.filtered(lambda a: not a.date_end)
        self.assertEqual(current.referent_id, self.referent_colleague)
        self.assertEqual(
            set(current.mapped("reason")), {"Rééquilibrage des portefeuilles"}
        )
        self.assertEqual(self._caseload()[self.referent][2], 8)
        self.assertEqual(self._caseload()[self.referent_colleague][2], 7)

    def test_only_coordination_reassigns(self):
        pathway = self.env["plie.pathway"].search(
            [("referent_id", "=", self.referent.id)], limit=1
        )
        wizard = (
            self.env["plie.pathway.reassign"]
            .with_user(self.coordinator)
            .create(
                {
                    "pathway_ids": [(6, 0, pathway.ids)],
                    "referent_id": self.referent_colleague.id,
                    "reason": "Test",
                }
            )
        )
        with self.assertRaises(AccessError):
            wizard.with_user(self.referent).action_confirm()
        with self.assertRaises(AccessError):
            pathway.with_user(self.referent).write(
                {"referent_id": self.referent_colleague.id}
            )
        self.assertEqual(pathway.referent_id, self.referent)

    def test_closed_pathways_keep_their_referent(self):
        closed = self.env["plie.pathway"].search(
            [("company_id", "=", self.company.id), ("state", "=", "closed")]
        )
        wizard = (
            self.env["plie.pathway.reassign"]
            .with_user(self.coordinator)
            .create(
                {
                    "pathway_ids": [(6, 0, closed.ids)],
                    "referent_id": self.referent_colleague.id,
                    "reason": "Test",
                }
            )
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()

    def test_caseload_queries_do_not_grow_with_the_participants(self):
        Report = self.env["plie.caseload.report"].with_user(self.coordinator)
        Users = self.env["res.users"].with_user(self.coordinator)

        def read_caseload():
            Report.search_read(
                [("company_id", "=", self.company.id)],
                [
                    "referent_id",
                    "capacity",
                    "active_count",
                    "load_percent",
                    "overdue_count",
                ],
            )
            Users._plie_referent_loads(self.company)

        # Measured with 16 then 56 pathways: the same count.
        for extra in (0, 20):
            self._pathways(self.referent, extra)
            self._pathways(self.referent_colleague, extra)
            self._warm_up(read_caseload)
            with self.assertQueryCount(11):
                read_caseload()
