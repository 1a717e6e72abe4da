from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PlieEsfCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02")
class TestParticipationPrefill(PlieEsfCase):
    """Participations are prefilled from plie_base's situation at entry and
    plie_pathway's dates, exit reason and employment periods."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.operation = cls._programmed_operation(0)
        cls.participant = cls._create_participant(
            lastname="Prefill",
            birth_date=date(1998, 4, 2),
            labour_market_status="unemployed",
            ft_registration_date=date(2017, 5, 1),
            education_level="3",
            housing_situation="homeless",
            nationality_category="third_country",
            special_consent="given",
            disability="no",
            foreign_background="yes",
            minority="refused",
            state="exited",
        )
        cls.pathway = cls.env["plie.pathway"].create(
            {
                "participant_id": cls.participant.id,
                "referent_id": cls.referent.id,
                "date_start": date(2018, 2, 12),
                "date_end": date(2019, 6, 28),
                "state": "closed",
                "exit_reason_id": cls.env.ref("plie_pathway.exit_reason_employment").id,
            }
        )
        cls.env["plie.employment"].create(
            {
                "pathway_id": cls.pathway.id,
                "contract_type_id": cls.env.ref("plie_pathway.contract_type_cdi").id,
                "date_start": date(2019, 6, 1),
            }
        )
        # A pathway that ended before the operation: not attached.
        other = cls._create_participant(lastname="Before")
        cls.env["plie.pathway"].create(
            {
                "participant_id": other.id,
                "date_start": date(2016, 1, 4),
                "date_end": date(2017, 3, 1),
                "state": "closed",
            }
        )

    def test_finance_attaches_the_participants_of_the_operation_prefilled(self):
        self.operation.with_user(self.finance).action_collect_participations()
        participation = self.operation.participation_ids
        self.assertEqual(participation.participant_id, self.participant)
        self.assertEqual(participation.entry_date, date(2018, 2, 12))
        self.assertEqual(participation.exit_date, date(2019, 6, 28))
        self.assertTrue(participation.is_counted)
        # 19 at entry, unemployed for 9 months: long-term under 25.
        self.assertEqual(participation.entry_age, 19)
        self.assertEqual(participation.entry_status, "long_term_unemployed")
        self.assertEqual(participation.entry_isced, "3_4")
        self.assertTrue(participation.entry_homeless)
        self.assertTrue(participation.entry_third_country)
        self.assertEqual(
            (
                participation.entry_disability,
                participation.entry_foreign_background,
                participation.entry_minority,
            ),
            ("no", "yes", "refused"),
        )
        self.assertTrue(participation.exit_recorded)
        self.assertTrue(participation.exit_employed)
        self.assertFalse(participation.exit_job_searching)
        self.assertTrue(participation.m6_recorded)
        self.assertTrue(participation.m6_employed)
        self.assertFalse(participation.is_incomplete)
        # Collecting again adds no one twice.
        self.operation.with_user(self.finance).action_collect_participations()
        self.assertEqual(len(self.operation.participation_ids), 1)

    def test_a_person_is_one_participant_of_an_operation(self):
        self._participation(self.operation, self.participant)
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self._participation(self.operation, self.participant)

    def test_finance_reads_no_pathway_content_through_participations(self):
        participation = self._participation(self.operation, self.participant)
        participation = participation.with_user(self.finance)
        self.assertTrue(participation.read(["entry_status", "exit_employed"]))
        with self.assertRaises(AccessError):
            self.pathway.with_user(self.finance).read(["note"])
        with self.assertRaises(AccessError):
            self.participant.with_user(self.finance).read(["housing_situation"])
