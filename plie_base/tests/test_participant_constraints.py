from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import PlieBaseCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-01")
class TestParticipantConstraints(PlieBaseCase):
    def test_birth_date_must_be_in_the_past(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._create_participant(birth_date=date(2026, 3, 1))
        self.assertFalse(
            self.env["plie.participant"].search(
                [("lastname", "=", "Dorival"), ("company_id", "=", self.company.id)]
            )
        )

    def test_france_travail_registration_cannot_be_in_the_future(self):
        with self.assertRaises(ValidationError):
            self._create_participant(ft_registration_date=date(2026, 3, 2))

    def test_france_travail_registration_cannot_precede_birth(self):
        with self.assertRaises(ValidationError):
            self._create_participant(
                birth_date=date(1990, 1, 1), ft_registration_date=date(1989, 1, 1)
            )

    def test_one_active_participant_per_person_and_plie(self):
        first = self._create_participant()
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._create_participant(lastname="DORIVAL ", firstname="ketty")
        first.active = False
        second = self._create_participant()
        self.assertTrue(second.active)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            first.active = True

    def test_same_france_travail_identifier_is_the_same_person(self):
        self._create_participant(france_travail_id="1234567A")
        with self.assertRaises(ValidationError):
            self._create_participant(
                lastname="Autre",
                birth_date=date(1970, 1, 1),
                france_travail_id="1234567a",
            )

    def test_same_person_may_be_participant_of_another_plie(self):
        other_company = self.env["res.company"].create({"name": "PLIE voisin"})
        self._create_participant()
        twin = self._create_participant(company_id=other_company.id, referent_id=False)
        self.assertEqual(twin.partner_id.company_id, other_company)

    def test_contact_is_restricted_to_the_participant_plie(self):
        participant = self._create_participant()
        self.assertEqual(participant.partner_id.company_id, self.company)
        self.assertEqual(participant.name, "Ketty Dorival")
        self.assertEqual(participant.birth_year, 1985)

    def test_special_category_answers_need_consent(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._create_participant(disability="yes")
        refused = self._create_participant(disability="refused")
        self.assertEqual(refused.disability, "refused")
        consenting = self._create_participant(
            lastname="Zébus", special_consent="given", disability="no", minority="yes"
        )
        self.assertEqual(consenting.minority, "yes")

    def test_benefit_cannot_end_before_it_starts(self):
        participant = self._create_participant()
        with self.assertRaises(ValidationError):
            self.env["plie.participant.benefit"].create(
                {
                    "participant_id": participant.id,
                    "benefit_type": "rsa",
                    "start_date": date(2026, 2, 1),
                    "end_date": date(2026, 1, 1),
                }
            )

    def test_only_coordination_grants_a_territory_derogation(self):
        participant = self._create_participant(zip="97231", city="Le Robert")
        with self.assertRaises(AccessError):
            participant.with_user(self.referent).territory_override = True
        self.assertFalse(participant.territory_override)
        participant.with_user(self.coordinator).with_context(
            tracking_disable=False
        ).write({"territory_override": True, "territory_override_reason": "Relocation"})
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertTrue(participant.territory_override)
        tracked = participant.message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertIn("territory_override", tracked)

    def test_admission_is_refused_outside_the_territory_without_derogation(self):
        inside = self._create_participant()
        outside = self._create_participant(
            lastname="Ovide", zip="97231", city="Le Robert"
        )
        inside._check_territory_for_admission()
        with self.assertRaisesRegex(Exception, "Ovide"):
            (inside | outside)._check_territory_for_admission()
