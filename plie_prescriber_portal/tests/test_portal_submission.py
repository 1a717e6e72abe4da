from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.plie_pathway.tests.common import TODAY

from .common import BIRTH, PrescriberPortalCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestPortalSubmission(PrescriberPortalCase):
    def test_a_member_sends_a_prescription_with_its_documents_and_consent(self):
        prescription = self._send(self.member)
        self.assertEqual(prescription.state, "received")
        self.assertEqual(prescription.prescriber_id, self.prescriber)
        self.assertEqual(prescription.prescriber_contact_id, self.member.partner_id)
        self.assertTrue(prescription.from_portal)
        self.assertIn("agreed to be oriented", prescription.consent_text)
        self.assertEqual(
            prescription.attachment_ids.mapped("name"), ["attestation.pdf"]
        )
        self.assertEqual(prescription.attachment_ids.res_id, prescription.id)
        self.assertEqual(prescription.commune_id, self.commune)
        # The member does not follow the PLIE's record and its chatter.
        self.assertNotIn(self.member.partner_id, prescription.message_partner_ids)

    def test_pre_assignment_gives_the_new_participant_the_situation_sent(self):
        prescription = self._send(self.member, education_level="3")
        prescription.with_user(self.coordinator).action_preassign()
        participant = prescription.participant_id
        self.assertEqual(str(participant.ft_registration_date), "2023-01-10")
        self.assertEqual(participant.education_level, "3")
        self.assertEqual(participant.benefit_ids.benefit_type, "rsa")

    def test_a_person_living_outside_the_territory_is_refused_with_a_clear_message(
        self,
    ):
        with self.assertRaisesRegex(
            UserError,
            "97300 Cayenne is outside the territory of PLIE de test, which takes "
            "people living in Fort-de-France",
        ):
            self._send(self.member, zip="97300", city="Cayenne")
        self.assertFalse(
            self.env["plie.prescription"].search(
                [("prescriber_id", "=", self.prescriber.id)]
            )
        )

    def test_a_prescription_without_the_persons_consent_is_refused(self):
        with self.assertRaisesRegex(UserError, "Confirm that the person agreed"):
            self._send(self.member, consent=False)

    def test_only_members_of_a_prescriber_organisation_can_send(self):
        for user in (self.coordinator, self.internal):
            with self.assertRaises(AccessError):
                self._send(user)
        self.prescriber.plie_prescriber_suspended = True
        with self.assertRaises(AccessError):
            self._send(self.member)

    def test_a_known_person_looks_the_same_to_the_prescriber_as_an_unknown_one(self):
        self._create_participant(lastname="Connue", firstname="Déjà", birth_date=BIRTH)
        known = self._send(
            self.member, lastname="Connue", firstname="Déjà", birth_date=str(BIRTH)
        )
        unknown = self._send(self.member, lastname="Inconnue", firstname="Déjà")
        # What the portal shows differs by identity and reference only.
        hidden = ("id", "reference", "person")
        shown = [
            {
                k: v
                for k, v in self._follow_up(self.member, p).items()
                if k not in hidden
            }
            for p in (known, unknown)
        ]
        self.assertEqual(shown[0], shown[1])
        self.assertEqual(shown[0]["status"], "received")
        # Coordination sees the match, and a note on the known one only.
        Prescription = self.env["plie.prescription"].with_user(self.coordinator)
        self.assertEqual(
            Prescription.browse(known.id).duplicate_participant_id.lastname, "Connue"
        )
        self.assertFalse(Prescription.browse(unknown.id).duplicate_participant_id)
        notes = self.env["mail.message"].search(
            [
                ("model", "=", "plie.prescription"),
                ("res_id", "in", (known | unknown).ids),
                ("body", "ilike", "Possible duplicate"),
            ]
        )
        self.assertEqual(notes.mapped("res_id"), known.ids)

    def test_anonymisation_erases_the_situation_sent_on_the_portal(self):
        prescription = self._send(self.member, education_level="3")
        prescription.with_user(self.coordinator).action_preassign()
        prescription.participant_id._anonymize()
        self.assertEqual(prescription.lastname, "Anonymised participant")
        self.assertFalse(prescription.ft_registration_date)
        self.assertFalse(prescription.benefit_type)
        self.assertFalse(prescription.education_level)
        self.assertFalse(prescription.attachment_ids)
