import json
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PlieBaseCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-01")
class TestGdpr(PlieBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.participant = cls._create_participant(
            email="ketty@example.com",
            phone="+596 696 00 00 00",
            street="12 rue Lamartine",
            france_travail_id="7654321B",
            ft_registration_date=date(2024, 1, 1),
            education_level="3",
            housing_situation="family",
            state="exited",
            exit_date=date(2025, 6, 30),
            qpv_id=cls.qpv.id,
        )
        cls.env["plie.participant.note"].create(
            {"participant_id": cls.participant.id, "body": "Mentions her children"}
        )
        cls.evidence = cls.env["plie.eligibility.evidence"].create(
            {
                "participant_id": cls.participant.id,
                "criterion_id": cls.criterion_deld.id,
                "evidence_date": date(2024, 12, 1),
                "document": b"UERG",
                "document_name": "attestation.pdf",
                "note": "Seen at interview",
            }
        )

    def test_retention_ends_years_after_the_exit_year(self):
        # Conservative default until plie_esf computes the ESF retention end.
        self.assertEqual(self.company.plie_retention_years, 10)
        self.assertEqual(self.participant.retention_end_date, date(2035, 12, 31))
        # The ESF end replaces the default, later or earlier.
        self.participant.esf_retention_end_date = date(2037, 12, 31)
        self.assertEqual(self.participant.retention_end_date, date(2037, 12, 31))
        self.participant.esf_retention_end_date = date(2030, 12, 31)
        self.assertEqual(self.participant.retention_end_date, date(2030, 12, 31))

    def test_anonymisation_is_refused_before_the_default_retention_end(self):
        for day in ("2026-03-01", "2035-12-31"):
            with freeze_time(day), self.subTest(day=day):
                with self.assertRaises(UserError):
                    self.participant.with_user(self.manager).action_anonymize()
        self.assertFalse(self.participant.is_anonymized)
        with freeze_time("2036-01-01"):
            self.participant.with_user(self.manager).action_anonymize()
        self.assertTrue(self.participant.is_anonymized)

    @freeze_time("2036-01-02")
    def test_anonymisation_keeps_statistics_and_wipes_the_rest(self):
        self.participant.message_post(body="Called Ketty about her RSA")
        partner = self.participant.partner_id
        self.participant.with_user(self.manager).action_anonymize()
        participant = self.participant
        self.assertTrue(participant.is_anonymized)
        self.assertEqual(participant.anonymized_by_id, self.manager)
        self.assertNotIn("Ketty", participant.name)
        self.assertNotIn("Dorival", participant.name)
        for field in ("email", "phone", "street", "birth_date", "france_travail_id"):
            self.assertFalse(participant[field], field)
        self.assertFalse(participant.note_ids)
        self.assertFalse(self.evidence.document)
        self.assertFalse(self.evidence.note)
        self.assertEqual(self.evidence.criterion_id, self.criterion_deld)
        # What statistics and ESF indicators need survives.
        self.assertEqual(participant.birth_year, 1985)
        self.assertEqual(participant.gender, "woman")
        self.assertEqual(participant.education_level, "3")
        self.assertEqual(participant.labour_market_status, "long_term_unemployed")
        self.assertEqual(participant.ft_registration_date, date(2024, 1, 1))
        self.assertEqual(participant.exit_date, date(2025, 6, 30))
        self.assertEqual(participant.commune_id, self.commune)
        self.assertEqual(participant.qpv_id, self.qpv)
        bodies = " ".join(participant.message_ids.mapped("body"))
        self.assertNotIn("Ketty", bodies)
        self.assertIn("anonymised", bodies)
        self.assertEqual(partner, participant.partner_id)
        with self.assertRaises(UserError):
            participant.with_user(self.manager).action_anonymize()

    def test_anonymisation_is_refused_during_esf_retention(self):
        self.participant.esf_retention_end_date = date(2037, 12, 31)
        with freeze_time("2036-01-02"), self.assertRaisesRegex(UserError, "ESF"):
            self.participant.with_user(self.manager).action_anonymize()
        self.assertFalse(self.participant.is_anonymized)
        self.assertEqual(self.participant.email, "ketty@example.com")

    def test_anonymisation_is_refused_during_a_pathway(self):
        self.participant.state = "participant"
        with self.assertRaises(UserError):
            self.participant.with_user(self.manager).action_anonymize()

    def test_only_direction_anonymises(self):
        for user in (self.referent, self.coordinator, self.finance, self.business):
            with self.assertRaises(AccessError):
                self.participant.with_user(user).action_anonymize()
        self.assertFalse(self.participant.is_anonymized)

    def test_subject_access_export_holds_everything_about_the_person(self):
        payload = self.participant.with_user(self.coordinator)._personal_data_export()
        data = json.loads(payload)
        self.assertEqual(data["participant"]["name"], "Ketty Dorival")
        self.assertEqual(data["participant"]["housing_situation"], "family")
        self.assertEqual(data["notes"][0]["body"], "Mentions her children")
        self.assertEqual(
            data["eligibility_evidence"][0]["document_name"], "attestation.pdf"
        )
        with self.assertRaises(AccessError):
            self.participant.with_user(self.referent).action_export_personal_data()
