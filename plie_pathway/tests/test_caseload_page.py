from datetime import timedelta

from freezegun import freeze_time
from lxml import etree

from odoo.tests import tagged

from .common import TODAY, PliePathwayCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestCaseloadPage(PliePathwayCase):
    """The référent's "My caseload" list, read as the web client reads it:
    its computed columns, and a query count that does not grow with the
    rows of the page."""

    def _page(self, limit=80):
        Participant = self.env["plie.participant"].with_user(self.referent)
        view = self.env.ref("plie_base.plie_participant_view_list")
        arch = Participant.get_views([(view.id, "list")])["views"]["list"]["arch"]
        specification = {}
        for node in etree.fromstring(arch).iter("field"):
            name = node.get("name")
            relational = Participant._fields[name].type == "many2one"
            specification[name] = {"fields": {"display_name": {}}} if relational else {}
        return Participant.web_search_read(
            [("referent_id", "=", self.referent.id)], specification, limit=limit
        )

    def _caseload(self, count):
        for _index in range(count):
            pathway = self._pathway(referent_id=self.referent.id)
            self._interview(pathway, TODAY - timedelta(days=40))

    def test_the_caseload_shows_contact_duration_and_eligibility(self):
        late = self._pathway(
            self._eligible_participant(referent_id=self.referent.id),
            start=TODAY - timedelta(days=365),
        )
        self._interview(late, TODAY - timedelta(days=45))
        recent = self._pathway(referent_id=self.referent.id)
        self._interview(recent, TODAY - timedelta(days=3))
        rows = {row["id"]: row for row in self._page()["records"]}
        self.assertEqual(
            rows[late.participant_id.id]["last_contact_date"],
            TODAY - timedelta(days=45),
        )
        self.assertTrue(rows[late.participant_id.id]["contact_overdue"])
        self.assertAlmostEqual(
            rows[late.participant_id.id]["pathway_duration_months"], 12.0, delta=0.1
        )
        late_row = rows[late.participant_id.id]
        self.assertEqual(late_row["eligibility_verdict"], "eligible")
        self.assertFalse(rows[recent.participant_id.id]["contact_overdue"])
        self.assertEqual(
            rows[recent.participant_id.id]["eligibility_verdict"], "not_eligible"
        )

    def test_the_caseload_page_queries_do_not_grow_with_its_rows(self):
        # Measured with 3 then 23 participants on the page: the same count.
        for extra in (3, 20):
            self._caseload(extra)
            self._warm_up(self._page)
            with self.assertQueryCount(17):
                page = self._page()
        self.assertEqual(page["length"], 23)
