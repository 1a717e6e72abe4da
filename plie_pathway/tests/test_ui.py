from datetime import datetime, timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPathwayTours(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        commune = cls.env["plie.commune"].create(
            {"name": "Commune du tour", "zip_codes": "97299", "company_id": company.id}
        )
        cls.referent = new_test_user(
            cls.env,
            login="tour_pathway_referent",
            groups="plie_base.group_plie_referent",
            name="Référent du tour",
        )
        cls.coordinator = new_test_user(
            cls.env,
            login="tour_pathway_coordinator",
            groups="plie_base.group_plie_coordinator",
            name="Coordination du tour",
        )
        Participant = cls.env["plie.participant"]
        cls.participant = Participant.create(
            {
                "lastname": "Tourville",
                "firstname": "Jeanne",
                "zip": "97299",
                "referent_id": cls.referent.id,
                "company_id": company.id,
            }
        )
        cls.pathway = cls.env["plie.pathway"].create(
            {
                "participant_id": cls.participant.id,
                "referent_id": cls.referent.id,
                "company_id": company.id,
                "state": "active",
                "date_start": fields.Date.today() - timedelta(days=40),
            }
        )
        cls.candidate = Participant.create(
            {
                "lastname": "Tourmaline",
                "firstname": "Paul",
                "zip": "97299",
                "referent_id": cls.referent.id,
                "company_id": company.id,
                "labour_market_status": "long_term_unemployed",
                "ft_registration_date": fields.Date.today() - timedelta(days=800),
            }
        )
        cls.env["plie.eligibility.evidence"].create(
            {
                "participant_id": cls.candidate.id,
                "criterion_id": cls.env.ref("plie_base.criterion_deld").id,
            }
        )
        cls.committee = cls.env["plie.committee"].create(
            {
                "name": "Session du tour",
                "company_id": company.id,
                "date": datetime.now() + timedelta(days=3),
            }
        )
        cls.item = cls.env["plie.committee.item"].create(
            {
                "committee_id": cls.committee.id,
                "item_type": "entry",
                "participant_id": cls.candidate.id,
            }
        )
        assert commune  # the participants live in the PLIE's territory

    def test_referent_records_an_interview(self):
        self.start_tour(
            "/odoo",
            "plie_pathway_referent_records_interview",
            login="tour_pathway_referent",
        )
        interview = self.pathway.interview_ids
        self.assertEqual(interview.kind, "phone")
        self.assertEqual(interview.state, "held")
        self.assertIn("recherche d'emploi", interview.summary)
        self.assertEqual(interview.referent_id, self.referent)

    def test_referent_suspends_a_pathway(self):
        self.start_tour(
            "/odoo",
            "plie_pathway_referent_suspends_pathway",
            login="tour_pathway_referent",
        )
        self.assertEqual(self.pathway.state, "suspended")
        suspension = self.pathway.suspension_ids
        self.assertEqual(suspension.reason, "illness")
        self.assertEqual(suspension.date_start, fields.Date.today())
        self.assertFalse(suspension.date_end)

    def test_coordinator_closes_a_committee_session(self):
        self.start_tour(
            "/odoo",
            "plie_pathway_coordinator_closes_committee",
            login="tour_pathway_coordinator",
        )
        self.assertEqual(self.committee.state, "closed")
        self.assertEqual(self.item.decision, "accepted")
        self.assertEqual(self.item.pathway_id.participant_id, self.candidate)
        self.assertEqual(self.item.pathway_id.state, "draft")
