from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import COORDINATOR, PlieBaseCase


@tagged("post_install", "-at_install")
class TestMultiCompany(PlieBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create(
            {"name": "PLIE de l'agglomération B"}
        )
        cls.commune_b = cls.env["plie.commune"].create(
            {"name": "Ville B", "zip_codes": "75001", "company_id": cls.company_b.id}
        )
        cls.coordinator_b = cls._new_user("coordinator_b", COORDINATOR, cls.company_b)
        cls.participant_a = cls._create_participant()
        cls.participant_b = cls._create_participant(
            lastname="Bellemare",
            zip="75001",
            city="Paris",
            company_id=cls.company_b.id,
            referent_id=False,
        )

    def test_coordination_only_sees_its_own_plie(self):
        Participant = self.env["plie.participant"].with_user(self.coordinator)
        self.assertIn(self.participant_a, Participant.search([]))
        self.assertNotIn(self.participant_b, Participant.search([]))
        with self.assertRaises(AccessError):
            Participant.browse(self.participant_b.id).read(["name"])
        with self.assertRaises(AccessError):
            self.env["plie.commune"].with_user(self.coordinator).browse(
                self.commune_b.id
            ).read(["name"])

    def test_participant_of_plie_b_lives_in_plie_b_territory(self):
        self.assertEqual(self.participant_b.commune_id, self.commune_b)
        self.assertTrue(
            self._create_participant(
                lastname="Clémenté", zip="75001", city="Paris"
            ).outside_territory
        )

    def test_user_of_both_plies_sees_both_when_both_are_active(self):
        self.coordinator.company_ids = self.company | self.company_b
        Participant = self.env["plie.participant"].with_user(self.coordinator)
        both = Participant.with_context(
            allowed_company_ids=[self.company.id, self.company_b.id]
        ).search([])
        self.assertIn(self.participant_b, both)
        self.assertNotIn(self.participant_b, Participant.search([]))

    def test_a_person_followed_by_both_plies_is_seen_by_each(self):
        # One contact, two participants: the contact belongs to one PLIE only.
        twin = self._create_participant(
            partner_id=self.participant_a.partner_id.id,
            company_id=self.company_b.id,
            zip="75001",
            city="Paris",
            referent_id=False,
        )
        self.assertEqual(self.participant_a.partner_id.company_id, self.company_b)
        for user, participant in (
            (self.coordinator, self.participant_a),
            (self.coordinator_b, twin),
        ):
            Participant = (
                self.env["plie.participant"]
                .with_user(user)
                .with_context(allowed_company_ids=user.company_id.ids)
            )
            self.assertEqual(
                Participant.search([("id", "=", participant.id)]), participant
            )
            self.assertEqual(Participant.browse(participant.id).name, twin.name)

    def test_shared_criteria_are_seen_by_every_plie(self):
        own_b = self.env["plie.eligibility.criterion"].create(
            {"code": "B_ONLY", "name": "B only", "company_id": self.company_b.id}
        )
        Criterion = self.env["plie.eligibility.criterion"]
        visible = (
            Criterion.with_user(self.coordinator_b)
            .with_context(allowed_company_ids=self.company_b.ids)
            .search([])
        )
        self.assertIn(self.criterion_deld, visible)
        self.assertIn(own_b, visible)
        self.assertNotIn(own_b, Criterion.with_user(self.coordinator).search([]))
