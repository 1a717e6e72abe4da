from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import PlieBaseCase


@tagged("post_install", "-at_install")
@freeze_time("2025-06-16")
class TestBadInput(PlieBaseCase):
    """Bad input gets a clear error and writes nothing, from forms, imports
    and RPC alike."""

    def _count(self):
        return self.env["plie.participant"].search_count([])

    def _refused(self, exception=ValidationError, **values):
        before = self._count()
        with self.assertRaises(exception), self.cr.savepoint():
            self._create_participant(lastname="Refusée", **values)
        self.assertEqual(self._count(), before)

    def test_malformed_france_travail_identifiers_are_refused(self):
        for value in ("12345", "12345678AB", "ABCDEFGH", "1" * 100_000):
            with self.subTest(value=value[:12]):
                self._refused(france_travail_id=value)

    def test_france_travail_identifier_is_stored_in_one_form(self):
        participant = self._create_participant(france_travail_id=" 1234567a ")
        self.assertEqual(participant.france_travail_id, "1234567A")
        participant.france_travail_id = "123 456 789 01"
        self.assertEqual(participant.france_travail_id, "12345678901")

    def test_a_one_megabyte_name_gets_a_clear_error(self):
        self._refused(firstname="x" * 1_000_000)
        participant = self._create_participant()
        with self.assertRaises(ValidationError):
            participant.write({"lastname": "y" * 1_000_000})

    def test_dates_out_of_range_are_refused(self):
        self._refused(birth_date=date(1850, 1, 1))

    def test_exit_date_in_the_future_is_refused(self):
        participant = self._create_participant()
        with self.assertRaises(ValidationError):
            participant.with_context(plie_state_change=True).write(
                {"state": "exited", "exit_date": date(2025, 7, 1)}
            )

    def test_state_written_directly_is_refused(self):
        participant = self._create_participant()
        for user in (self.referent, self.coordinator, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                participant.with_user(user).write({"state": "participant"})
        with self.assertRaises(AccessError):
            self.env["plie.participant"].with_user(self.coordinator).create(
                {"lastname": "Directe", "state": "participant"}
            )
        self.assertEqual(participant.state, "candidate")

    def test_import_reports_the_error_and_writes_nothing(self):
        before = self._count()
        result = (
            self.env["plie.participant"]
            .with_user(self.coordinator)
            .load(
                ["lastname", "france_travail_id", "referent_id/id"],
                [["Importée", "pas un identifiant", ""]],
            )
        )
        self.assertFalse(result["ids"])
        self.assertIn(
            "France Travail", " ".join(m["message"] for m in result["messages"])
        )
        self.assertEqual(self._count(), before)

    def test_second_active_participant_of_the_same_person_is_refused(self):
        self._create_participant(france_travail_id="7654321B")
        self._refused(
            firstname="Autre", birth_date=date(1990, 1, 1), france_travail_id="7654321B"
        )
