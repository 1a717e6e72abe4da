from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TODAY, PliePathwayCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestPrescription(PliePathwayCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.known = cls._create_participant(
            lastname="Augustin",
            firstname="Marie-Josée",
            birth_date=date(1972, 3, 4),
            france_travail_id="8241528X",
        )

    def _prescription(self, **values):
        vals = {
            "prescriber_id": self.prescriber.id,
            "lastname": "Nouvelle",
            "firstname": "Personne",
            "birth_date": date(1990, 1, 1),
            "zip": "97200",
            "company_id": self.company.id,
        }
        vals.update(values)
        return self.env["plie.prescription"].with_user(self.coordinator).create(vals)

    def test_prescription_gets_a_reference_and_is_received(self):
        prescription = self._prescription()
        self.assertEqual(prescription.state, "received")
        self.assertTrue(prescription.name.startswith("ORI/"))
        self.assertEqual(prescription.commune_id, self.commune)

    def test_duplicate_is_detected_on_name_and_birth_date(self):
        prescription = self._prescription(
            lastname="AUGUSTIN ", firstname="marie-josée", birth_date=date(1972, 3, 4)
        )
        self.assertEqual(prescription.duplicate_participant_id, self.known)

    def test_duplicate_is_detected_on_france_travail_id(self):
        prescription = self._prescription(
            lastname="Augustin-Lubin", france_travail_id="8241528X"
        )
        self.assertEqual(prescription.duplicate_participant_id, self.known)

    def test_same_name_with_another_birth_date_is_another_person(self):
        prescription = self._prescription(
            lastname="Augustin", firstname="Marie-Josée", birth_date=date(1973, 3, 4)
        )
        self.assertFalse(prescription.duplicate_participant_id)

    def test_duplicates_of_another_plie_are_ignored(self):
        other = self.env["res.company"].create({"name": "Autre PLIE"})
        prescription = self._prescription(
            lastname="Augustin", firstname="Marie-Josée", birth_date=date(1972, 3, 4)
        )
        prescription.sudo().company_id = other
        self.assertFalse(prescription.sudo().duplicate_participant_id)

    def test_preassignment_links_the_known_person_instead_of_creating_one(self):
        prescription = self._prescription(
            lastname="Augustin",
            firstname="Marie-Josée",
            birth_date=date(1972, 3, 4),
            referent_id=self.referent_colleague.id,
        )
        count = self.env["plie.participant"].search_count([])
        prescription.with_user(self.coordinator).action_preassign()
        self.assertEqual(prescription.participant_id, self.known)
        self.assertEqual(self.known.referent_id, self.referent_colleague)
        self.assertEqual(self.env["plie.participant"].search_count([]), count)
        self.assertEqual(prescription.state, "preassigned")

    def test_preassignment_creates_the_participant_with_the_suggested_referent(self):
        self._pathway(referent_id=self.referent_colleague.id)
        prescription = self._prescription(phone="+596 696 00 00 00")
        self.assertEqual(prescription.suggested_referent_id, self.referent)
        prescription.with_user(self.coordinator).action_preassign()
        participant = prescription.participant_id
        self.assertEqual(participant.name, "Personne Nouvelle")
        self.assertEqual(participant.phone, "+596 696 00 00 00")
        self.assertEqual(participant.referent_id, self.referent)
        self.assertEqual(participant.state, "candidate")

    def test_suggestion_picks_the_referent_with_the_lowest_load(self):
        # Same capacity: the référent following fewer pathways is suggested.
        self._pathway(referent_id=self.referent.id)
        self.assertEqual(
            self._prescription().suggested_referent_id, self.referent_colleague
        )
        # Half the capacity with no pathway still has the lowest load (0 %).
        self.referent_colleague.plie_fte = 0.5
        self._pathway(referent_id=self.referent_colleague.id)
        self.assertEqual(self._prescription().suggested_referent_id, self.referent)

    def test_suggestion_prefers_the_referents_of_the_commune(self):
        self._pathway(referent_id=self.referent.id)
        self.referent_colleague.plie_commune_ids = False
        self.assertEqual(self._prescription().suggested_referent_id, self.referent)
        outside = self._prescription(zip="97100", city="Basse-Terre")
        self.assertEqual(outside.suggested_referent_id, self.referent_colleague)

    def test_suggestion_prefers_the_referents_of_the_prescribing_structure(self):
        self.referent_colleague.plie_commune_ids = False
        self._pathway(referent_id=self.referent.id)
        structure = self.referent.plie_structure_id
        self.referent_colleague.plie_structure_id = self.env["res.partner"].create(
            {
                "name": "Mission Locale",
                "is_company": True,
                "plie_is_referent_structure": True,
            }
        )
        prescription = self._prescription(zip="97100", city="Basse-Terre")
        self.assertEqual(prescription.suggested_referent_id, self.referent_colleague)
        prescription.prescriber_id = structure
        self.assertEqual(prescription.suggested_referent_id, self.referent)

    def test_person_already_in_a_pathway_cannot_be_preassigned_again(self):
        self._pathway(participant=self.known)
        prescription = self._prescription(
            lastname="Augustin", firstname="Marie-Josée", birth_date=date(1972, 3, 4)
        )
        with self.assertRaisesRegex(UserError, "already has an open pathway"):
            prescription.with_user(self.coordinator).action_preassign()
        self.assertEqual(prescription.state, "received")

    def test_putting_on_the_agenda_uses_the_next_planned_session(self):
        later = self._committee(days=30)
        sooner = self._committee(days=7)
        self._committee(days=-7)
        prescription = self._prescription()
        prescription.with_user(self.coordinator).action_preassign()
        prescription.with_user(self.coordinator).action_put_on_agenda()
        self.assertEqual(prescription.state, "agenda")
        self.assertEqual(prescription.committee_id, sooner)
        item = prescription.committee_item_ids
        self.assertEqual(item.committee_id, sooner)
        self.assertEqual(
            (item.item_type, item.participant_id),
            ("entry", prescription.participant_id),
        )
        self.assertFalse(later.item_ids)

    def test_agenda_needs_a_planned_session(self):
        prescription = self._prescription()
        prescription.with_user(self.coordinator).action_preassign()
        with self.assertRaisesRegex(UserError, "Plan a committee session first"):
            prescription.with_user(self.coordinator).action_put_on_agenda()
        self.assertEqual(prescription.state, "preassigned")

    def test_agenda_requires_a_preassignment(self):
        self._committee()
        prescription = self._prescription()
        with self.assertRaises(UserError):
            prescription.with_user(self.coordinator).action_put_on_agenda()
        self.assertFalse(prescription.committee_item_ids)

    def test_only_coordination_processes_prescriptions(self):
        prescription = self._prescription(referent_id=self.referent.id)
        for user in (self.referent, self.business, self.finance):
            with self.assertRaises(AccessError):
                prescription.with_user(user).action_preassign()
        self.assertEqual(prescription.state, "received")
        self.assertEqual(prescription.with_user(self.referent).lastname, "Nouvelle")

    def test_prescription_dates_are_kept(self):
        prescription = self._prescription(date=TODAY - timedelta(days=3))
        self.assertEqual(prescription.date, TODAY - timedelta(days=3))
