from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.plie_pathway.tests.common import TODAY

from .common import PliePartnersCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestClauseHours(PliePartnersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.participant = cls._create_participant(lastname="Horaire")
        cls.placement = cls._placement(
            cls.lot_works,
            start=date(2025, 2, 10),
            end=date(2025, 5, 20),
            participant_id=cls.participant.id,
        )
        cls.other = cls._placement(cls.lot_works, external_name="Rose Hors-PLIE")

    def test_facilitator_enters_a_month_of_hours(self):
        line = (
            self.env["plie.clause.hours"]
            .with_user(self.business)
            .create(
                {
                    "placement_id": self.placement.id,
                    "month": date(2025, 3, 17),
                    "hours": 120,
                }
            )
        )
        self.assertEqual(line.month, date(2025, 3, 1))
        self.assertEqual(line.state, "validated")
        self.assertEqual(self.placement.validated_hours, 120)

    def test_negative_hours_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "negative"), self.cr.savepoint():
            self._hours(self.placement, date(2025, 3, 1), -1)

    def test_hours_above_the_monthly_maximum_are_refused(self):
        with (
            self.assertRaisesRegex(ValidationError, "monthly maximum"),
            self.cr.savepoint(),
        ):
            self._hours(self.placement, date(2025, 3, 1), 160)
        self.company.plie_clause_max_monthly_hours = 169
        self.assertEqual(self._hours(self.placement, date(2025, 3, 1), 160).hours, 160)

    def test_hours_outside_the_placement_are_refused(self):
        for month in (date(2025, 1, 1), date(2025, 6, 1)):
            with (
                self.assertRaisesRegex(ValidationError, "outside the placement"),
                self.cr.savepoint(),
            ):
                self._hours(self.placement, month, 10)
        # The first and last months of the placement count, even partly worked.
        self._hours(self.placement, date(2025, 2, 1), 40)
        self._hours(self.placement, date(2025, 5, 1), 60)

    def test_a_month_is_entered_once_per_placement(self):
        self._hours(self.placement, date(2025, 3, 1), 10)
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self._hours(self.placement, date(2025, 3, 12), 10)

    def _import(self, *lines):
        wizard = (
            self.env["plie.clause.hours.import"]
            .with_user(self.business)
            .create({"data_file": self._csv(*lines), "filename": "heures.csv"})
        )
        wizard.action_import()
        return wizard

    def test_csv_import_of_a_valid_file(self):
        self._hours(self.placement, date(2025, 3, 1), 10)
        wizard = self._import(
            "placement;month;hours",
            f"{self.placement.name};03/2025;100,5",
            f"{self.placement.name};2025-04;120",
            f"{self.other.name};04/2025;35",
        )
        self.assertFalse(wizard.error_report)
        self.assertEqual(wizard.imported_count, 3)
        lines = self.env["plie.clause.hours"].search(
            [("placement_id", "in", (self.placement | self.other).ids)]
        )
        self.assertEqual(
            sorted((line.placement_id.name, line.month, line.hours) for line in lines),
            sorted(
                [
                    (self.placement.name, date(2025, 3, 1), 100.5),
                    (self.placement.name, date(2025, 4, 1), 120.0),
                    (self.other.name, date(2025, 4, 1), 35.0),
                ]
            ),
        )

    def test_csv_import_with_one_bad_row_writes_nothing_and_names_the_line(self):
        wizard = self._import(
            "placement,month,hours",
            f"{self.placement.name},03/2025,100",
            f"{self.placement.name},04/2025,-3",
            f"{self.placement.name},09/2025,10",
            "CLS/0000/9999,04/2025,10",
            f"{self.other.name},avril,10",
        )
        self.assertEqual(wizard.imported_count, 0)
        report = wizard.error_report.splitlines()
        self.assertEqual(len(report), 4)
        self.assertTrue(report[0].startswith("Line 3:") and "negative" in report[0])
        self.assertTrue(report[1].startswith("Line 4:") and "outside" in report[1])
        self.assertTrue(
            report[2].startswith("Line 5:") and "unknown placement" in report[2]
        )
        self.assertTrue(report[3].startswith("Line 6:") and "MM/YYYY" in report[3])
        self.assertFalse(
            self.env["plie.clause.hours"].search_count(
                [("placement_id", "in", (self.placement | self.other).ids)]
            )
        )

    def test_hours_show_on_the_participants_pathway(self):
        pathway = self._pathway(self.participant, start=date(2025, 1, 15))
        self._hours(self.placement, date(2025, 3, 1), 100)
        self._hours(self.placement, date(2025, 4, 1), 50, state="declared")
        self.assertEqual(pathway.with_user(self.referent).clause_hours, 100)
        self.assertEqual(pathway.with_user(self.business).clause_hours, 100)

    def test_subject_access_export_includes_placements_and_hours(self):
        self._hours(self.placement, date(2025, 3, 1), 100)
        data = self.participant.with_user(self.coordinator)._gdpr_export_data()
        self.assertEqual(
            [placement["name"] for placement in data["clause_placements"]],
            [self.placement.name],
        )
        self.assertEqual([line["hours"] for line in data["clause_hours"]], [100])
