from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PlieBaseCase


@tagged("post_install", "-at_install")
class TestStatistics(PlieBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        consent = {"special_consent": "given"}
        cls._create_participant(
            lastname="A", education_level="1_2", disability="yes", **consent
        )
        cls._create_participant(lastname="B", education_level="3", disability="refused")
        cls._create_participant(
            lastname="C",
            gender="man",
            education_level="1_2",
            disability="no",
            qpv_id=cls.qpv.id,
            birth_date=date(1960, 1, 1),
            **consent,
        )
        cls.Statistics = cls.env["plie.participant.statistics"]

    def _counts(self, user, groupby):
        return {
            tuple(group[name] for name in groupby): group["participant_count"]
            for group in self.Statistics.with_user(user).read_group(
                [], ["participant_count:sum"], groupby, lazy=False
            )
        }

    def test_finance_counts_special_categories_without_reading_anyone(self):
        self.company.plie_statistics_threshold = 1
        self.assertEqual(
            self._counts(self.finance, ["disability"]),
            {("yes",): 1, ("refused",): 1, ("no",): 1},
        )
        self.assertEqual(
            self._counts(self.finance, ["isced_level", "gender"]),
            {("0_2", "woman"): 1, ("3_4", "woman"): 1, ("0_2", "man"): 1},
        )
        qpv = self.Statistics.with_user(self.finance).read_group(
            [("is_qpv_resident", "=", True)], ["participant_count:sum"], []
        )
        self.assertEqual(qpv[0]["participant_count"], 1)
        self.assertNotIn("participant_id", self.Statistics._fields)

    def test_groups_under_the_threshold_are_suppressed_outside_coordination(self):
        self.assertEqual(self.company.plie_statistics_threshold, 5)
        self.assertEqual(
            self._counts(self.finance, ["disability"]),
            {("yes",): None, ("refused",): None, ("no",): None},
        )
        # Coordination is within the référents' circle: exact figures.
        self.assertEqual(
            self._counts(self.coordinator, ["disability"]),
            {("yes",): 1, ("refused",): 1, ("no",): 1},
        )
        self.company.plie_statistics_threshold = 3
        self.assertEqual(self._counts(self.finance, []), {(): 3})

    def test_ages_are_counted_in_bands_not_birth_years(self):
        self.company.plie_statistics_threshold = 1
        self.assertNotIn("birth_year", self.Statistics._fields)
        self.assertEqual(
            self._counts(self.finance, ["age_band"]),
            {("26_49",): 2, ("50_plus",): 1},
        )

    def test_finance_reads_no_row_one_by_one(self):
        rows = self.Statistics.with_user(self.finance).search([])
        self.assertTrue(rows)
        with self.assertRaises(AccessError):
            rows.read(["disability", "gender", "commune_id"])
        self.assertTrue(rows.with_user(self.coordinator).read(["disability"]))
