from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import TODAY, PliePathwayCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestDuplicates(PliePathwayCase):
    """A person is recognised whatever the accents, the case and the order of
    their names, among participants and among prescriptions still waiting."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.known = cls._create_participant(
            lastname="Augustin",
            firstname="Marie-Josée",
            birth_date=date(1972, 3, 4),
        )

    def _prescription(self, lastname, firstname, birth_date=date(1990, 1, 1), **vals):
        return (
            self.env["plie.prescription"]
            .with_user(self.coordinator)
            .create(
                {
                    "prescriber_id": self.prescriber.id,
                    "lastname": lastname,
                    "firstname": firstname,
                    "birth_date": birth_date,
                    "zip": "97200",
                    "company_id": self.company.id,
                    **vals,
                }
            )
        )

    def test_names_match_whatever_the_accents_case_and_order(self):
        for lastname, firstname in (
            ("MARIE JOSEE", "augustin"),
            ("Augustïn", "marie josée"),
            ("marie-josée augustin", ""),
        ):
            with self.subTest(lastname=lastname, firstname=firstname):
                prescription = self._prescription(
                    lastname, firstname, birth_date=date(1972, 3, 4)
                )
                self.assertEqual(prescription.duplicate_participant_id, self.known)

    def test_another_name_on_the_same_birth_date_is_another_person(self):
        prescription = self._prescription(
            "Augustine", "Marie-Josée", birth_date=date(1972, 3, 4)
        )
        self.assertFalse(prescription.duplicate_participant_id)

    def test_a_participant_with_swapped_names_cannot_be_created_twice(self):
        with self.assertRaises(ValidationError):
            self._create_participant(
                lastname="MARIE-JOSEE",
                firstname="Augustin",
                birth_date=date(1972, 3, 4),
            )

    def test_a_pending_prescription_of_the_same_person_is_found(self):
        first = self._prescription("Léandre", "Rose-Aimée")
        second = self._prescription("ROSE AIMEE", "leandre")
        other = self._prescription("Léandre", "Rose-Aimée", date(1991, 1, 1))
        prescriptions = first | second | other
        prescriptions.invalidate_recordset()
        self.assertEqual(
            [p.duplicate_prescription_id for p in prescriptions],
            [second, first, other.browse()],
        )
        self.assertFalse(second.duplicate_participant_id)

    def test_a_pending_prescription_is_found_by_france_travail_id(self):
        first = self._prescription("Léandre", "Rose", france_travail_id="1234567A")
        second = self._prescription(
            "Léandre-Pierre", "Rose", date(1980, 5, 5), france_travail_id="1234567a"
        )
        self.assertEqual(second.duplicate_prescription_id, first)

    def test_a_withdrawn_prescription_is_no_longer_a_duplicate(self):
        first = self._prescription("Léandre", "Rose-Aimée")
        first.with_user(self.coordinator).action_withdraw()
        second = self._prescription("Léandre", "Rose-Aimée")
        self.assertFalse(second.duplicate_prescription_id)
