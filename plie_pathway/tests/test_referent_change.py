from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TODAY, PliePathwayCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestReferentChange(PliePathwayCase):
    """One référent per person: the pathway and the prescription read the
    participant's, and a change moves access and followers at once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.participant = cls._create_participant(lastname="Suivie")
        cls.prescription = cls.env["plie.prescription"].create(
            {
                "prescriber_id": cls.prescriber.id,
                "lastname": "Suivie",
                "company_id": cls.company.id,
                "referent_id": cls.referent.id,
                "reason": "Orientation confidentielle",
            }
        )
        cls.prescription.with_user(cls.coordinator).action_preassign()
        cls.pathway = cls._pathway(cls.prescription.participant_id)

    def _reads_prescription(self, user):
        return bool(
            self.env["plie.prescription"]
            .with_user(user)
            .search_count([("id", "=", self.prescription.id)])
        )

    def _apply_referent_change(self, new_referent):
        committee = self._committee()
        self.env["plie.committee.item"].create(
            {
                "committee_id": committee.id,
                "item_type": "referent_change",
                "pathway_id": self.pathway.id,
                "new_referent_id": new_referent.id,
                "decision": "accepted",
                "decision_note": "Rapprochement du domicile",
            }
        )
        committee.with_user(self.coordinator).action_close()

    def test_pathway_referent_cannot_be_written(self):
        for user in (self.referent, self.coordinator):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.pathway.with_user(user).write(
                    {"referent_id": self.referent_colleague.id}
                )
        self.assertEqual(self.pathway.referent_id, self.referent)

    def test_committee_decision_updates_every_view_of_the_referent(self):
        self._apply_referent_change(self.referent_colleague)
        participant = self.pathway.participant_id
        self.assertEqual(participant.referent_id, self.referent_colleague)
        self.assertEqual(self.pathway.referent_id, self.referent_colleague)
        self.assertEqual(self.prescription.referent_id, self.referent_colleague)
        history = self.pathway.assignment_ids.sorted("id")
        self.assertEqual(history[-1].referent_id, self.referent_colleague)
        self.assertEqual(history[-1].reason, "Rapprochement du domicile")

    def test_previous_referent_stops_following(self):
        old, new = self.referent.partner_id, self.referent_colleague.partner_id
        participant = self.pathway.participant_id
        self.assertIn(old, self.pathway.message_partner_ids)
        self._apply_referent_change(self.referent_colleague)
        for record in (self.pathway, participant, self.prescription):
            with self.subTest(model=record._name):
                self.assertNotIn(old, record.message_partner_ids)
        self.assertIn(new, self.pathway.message_partner_ids)
        self.assertIn(new, participant.message_partner_ids)

    def test_prescription_is_handed_over_with_the_participant(self):
        self.assertTrue(self._reads_prescription(self.referent))
        self.assertFalse(self._reads_prescription(self.referent_colleague))
        wizard = (
            self.env["plie.pathway.reassign"]
            .with_user(self.coordinator)
            .create(
                {
                    "pathway_ids": [(6, 0, self.pathway.ids)],
                    "referent_id": self.referent_colleague.id,
                    "reason": "Congé longue durée",
                }
            )
        )
        wizard.action_confirm()
        self.assertTrue(self._reads_prescription(self.referent_colleague))
        self.assertFalse(self._reads_prescription(self.referent))
        with self.assertRaises(AccessError):
            self.prescription.with_user(self.referent).read(["reason"])

    def test_prescription_referent_follows_the_participant_once_preassigned(self):
        with self.assertRaises(AccessError):
            self.prescription.with_user(self.coordinator).write(
                {"referent_id": self.referent_colleague.id}
            )

    def test_closed_pathway_keeps_the_referent_who_followed_it(self):
        closed = self._pathway(
            self._create_participant(lastname="Sortie"),
            state="closed",
            date_end=date(2025, 6, 1),
        )
        closed.participant_id._change_referent(self.referent_colleague)
        self.assertEqual(closed.referent_id, self.referent)

    def test_coordination_reassigns_a_candidate_before_admission(self):
        candidate = self._create_participant(lastname="Candidate")
        wizard = (
            self.env["plie.pathway.reassign"]
            .with_user(self.coordinator)
            .create(
                {
                    "participant_ids": [(6, 0, candidate.ids)],
                    "referent_id": self.referent_colleague.id,
                    "reason": "Proximité du domicile",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(candidate.referent_id, self.referent_colleague)
        self.assertIn(self.referent_colleague.partner_id, candidate.message_partner_ids)
        self.assertNotIn(self.referent.partner_id, candidate.message_partner_ids)
