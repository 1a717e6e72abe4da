from datetime import timedelta

from freezegun import freeze_time
from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import datetime as safe_datetime
from odoo.tools.safe_eval import safe_eval

from .common import TODAY, PliePathwayCase

PARTICIPANTS = "plie_base.plie_participant_view_search"
# (model, search view, filter, queries): a coordinator's daily searches, one
# query each (the priority publics read their criteria and thresholds first).
DAILY_SEARCHES = [
    ("plie.participant", PARTICIPANTS, "priority", 3),
    ("plie.participant", PARTICIPANTS, "deld", 1),
    ("plie.participant", PARTICIPANTS, "qpv", 1),
    ("plie.participant", PARTICIPANTS, "to_review", 1),
    ("plie.pathway", "plie_pathway.plie_pathway_view_search", "contact_overdue", 1),
]


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestDailySearches(PliePathwayCase):
    """The filters coordination uses every day run as one SQL query each,
    whatever the number of participants."""

    def _domain(self, view, name):
        """The filter's domain, as the web client evaluates it."""
        arch = self.env.ref(view).arch
        [node] = etree.fromstring(arch).xpath(f"//filter[@name='{name}']")
        context = {
            "context_today": lambda: safe_datetime.date.today(),
            "uid": self.coordinator.id,
        }
        return safe_eval(node.get("domain"), context)

    def _volume(self, count):
        """Participants who match every filter: DELD, QPV, over 50, no
        evidence, no contact for 40 days."""
        for _index in range(count):
            participant = self._create_participant(
                lastname=f"Volume {next(self._numbers)}",
                labour_market_status="long_term_unemployed",
                ft_registration_date=TODAY - timedelta(days=800),
                qpv_id=self.qpv.id,
                birth_date=TODAY - timedelta(days=55 * 365),
                referent_id=self.referent.id,
            )
            pathway = self._pathway(participant)
            self._interview(pathway, TODAY - timedelta(days=40))

    def test_daily_searches_queries_do_not_grow_with_the_participants(self):
        # Measured with 2 then 22 matching participants: the same counts.
        for extra in (2, 20):
            self._volume(extra)
            for model, view, name, queries in DAILY_SEARCHES:
                # The web client's context holds the user's time zone.
                Model = (
                    self.env[model]
                    .with_user(self.coordinator)
                    .with_context(tz="Europe/Paris")
                )
                domain = self._domain(view, name)
                self._warm_up(lambda M=Model, d=domain: M.search(d))
                with self.subTest(search=name, volume=extra):
                    with self.assertQueryCount(queries):
                        found = Model.search(domain)
                    self.assertGreaterEqual(len(found), extra)
