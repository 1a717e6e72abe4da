from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

from ..positive_exit import (
    DEFAULT_MIN_WEEKLY_HOURS,
    EMPLOYMENT_DAYS_REQUIRED,
    merged_days,
    positive_exit_ground,
)
from .common import TODAY, PliePathwayCase

START = date(2024, 1, 1)
CHECK = date(2025, 6, 30)
# The usual table (data/contract_type_data.xml), keyed by code: the function
# takes any key, the pathway passes contract type ids.
RULES = {
    "cdi": (True, False),
    "cdd": (True, False),
    "interim": (True, False),
    "cie": (True, False),
    "pec": (False, False),
    "aci": (False, False),
    "ei": (False, False),
    "ai": (False, False),
    "etti": (False, False),
    "apprenticeship": (False, "work_study"),
    "professionalisation": (False, "work_study"),
    "business_creation": (False, "business_creation"),
}


def days_after(start, days):
    """The day that closes a period of ``days`` inclusive days from ``start``."""
    return start + timedelta(days=days - 1)


@tagged("post_install", "-at_install")
class TestPositiveExitRule(TransactionCase):
    """Hand-worked examples of the usual rule (positive_exit.py): 6 months
    means 180 days, days are inclusive, overlapping periods merge."""

    def ground(self, employments=(), trainings=(), start=START, check=CHECK, **kwargs):
        """Employment tuples without weekly hours are full-time (35 h)."""
        employments = [(*e, 35.0) if len(e) == 3 else e for e in employments]
        return positive_exit_ground(
            start, check, employments, list(trainings), RULES, **kwargs
        )

    def test_six_months_are_180_days_at_half_time_by_default(self):
        self.assertEqual(EMPLOYMENT_DAYS_REQUIRED, 180)
        self.assertEqual(DEFAULT_MIN_WEEKLY_HOURS, 17.5)

    def test_half_time_counts_and_seventeen_hours_do_not(self):
        year = (date(2024, 1, 1), date(2024, 12, 31))
        self.assertFalse(self.ground([("cdi", *year, 17.0)]))
        self.assertEqual(self.ground([("cdi", *year, 17.5)]), "employment")

    def test_the_hours_threshold_is_a_parameter(self):
        year = ("cdd", date(2024, 1, 1), date(2024, 12, 31), 20.0)
        self.assertEqual(self.ground([year]), "employment")
        self.assertFalse(self.ground([year], min_weekly_hours=24.0))
        self.assertEqual(
            self.ground([(*year[:3], 10.0)], min_weekly_hours=10.0), "employment"
        )

    def test_the_contract_rules_are_a_parameter(self):
        year = ("pec", date(2024, 1, 1), date(2024, 12, 31), 35.0)
        self.assertFalse(self.ground([year]))
        rules = {**RULES, "pec": (True, False)}
        self.assertEqual(
            positive_exit_ground(START, CHECK, [year], [], rules), "employment"
        )
        # A contract type missing from the table does nothing.
        self.assertFalse(positive_exit_ground(START, CHECK, [year], [], {}))

    def test_cie_counts_toward_six_months_and_pec_does_not(self):
        year = (date(2024, 1, 1), date(2024, 12, 31))
        self.assertEqual(self.ground([("cie", *year)]), "employment")
        self.assertFalse(self.ground([("pec", *year)]))

    def test_iae_contracts_do_not_count_toward_six_months(self):
        year = (date(2024, 1, 1), date(2024, 12, 31))
        for contract_type in ("aci", "ei", "ai", "etti"):
            self.assertFalse(self.ground([(contract_type, *year)]), contract_type)

    def test_part_time_days_do_not_add_to_half_time_days(self):
        # 100 days at 35 h and 100 days at 10 h: only 100 days count.
        full = ("cdd", date(2024, 1, 1), days_after(date(2024, 1, 1), 100), 35.0)
        part = ("cdd", date(2024, 6, 1), days_after(date(2024, 6, 1), 100), 10.0)
        self.assertFalse(self.ground([full, part]))

    def test_work_study_is_positive_whatever_its_hours(self):
        contract = ("apprenticeship", date(2025, 6, 1), None, 10.0)
        self.assertEqual(self.ground([contract]), "work_study")

    def test_merged_days_counts_each_day_once(self):
        june = (date(2024, 6, 1), date(2024, 6, 30))
        mid_june_to_mid_july = (date(2024, 6, 15), date(2024, 7, 15))
        august = (date(2024, 8, 1), date(2024, 8, 31))
        self.assertEqual(merged_days([june]), 30)
        self.assertEqual(merged_days([june, mid_june_to_mid_july]), 45)
        self.assertEqual(merged_days([august, june, mid_june_to_mid_july]), 76)
        # Back-to-back periods join without a gap or a double count.
        july = (date(2024, 7, 1), date(2024, 7, 31))
        self.assertEqual(merged_days([june, july]), 61)

    def test_interim_missions_adding_up_to_exactly_six_months_are_positive(self):
        # 100 + 80 = 180 days, with a gap between the two missions.
        first = ("interim", date(2024, 3, 1), days_after(date(2024, 3, 1), 100))
        second = ("interim", date(2024, 9, 1), days_after(date(2024, 9, 1), 80))
        self.assertEqual(self.ground([first, second]), "employment")

    def test_interim_missions_one_day_short_of_six_months_are_not_positive(self):
        first = ("interim", date(2024, 3, 1), days_after(date(2024, 3, 1), 100))
        second = ("interim", date(2024, 9, 1), days_after(date(2024, 9, 1), 79))
        self.assertFalse(self.ground([first, second]))

    def test_overlapping_missions_are_not_counted_twice(self):
        # 120 days and 120 days overlapping by 61 days: 179 distinct days.
        first = ("interim", date(2024, 3, 1), days_after(date(2024, 3, 1), 120))
        overlap_start = days_after(date(2024, 3, 1), 60)
        second = ("interim", overlap_start, days_after(overlap_start, 120))
        self.assertEqual(
            merged_days([(first[1], first[2]), (second[1], second[2])]), 179
        )
        self.assertFalse(self.ground([first, second]))
        third = ("cdd", days_after(second[2], 2), days_after(second[2], 2))
        self.assertEqual(self.ground([first, second, third]), "employment")

    def test_cdd_of_five_months_is_not_positive(self):
        cdd = ("cdd", date(2024, 2, 1), date(2024, 6, 30))  # 151 days
        self.assertFalse(self.ground([cdd]))

    def test_cdd_of_six_calendar_months_is_positive(self):
        cdd = ("cdd", date(2024, 2, 1), date(2024, 7, 31))  # 182 days
        self.assertEqual(self.ground([cdd]), "employment")

    def test_open_ended_cdi_counts_up_to_the_check_date(self):
        cdi = ("cdi", date(2025, 1, 1), None)
        self.assertFalse(self.ground([cdi], check=date(2025, 6, 28)))  # 179 days
        self.assertEqual(self.ground([cdi], check=date(2025, 6, 29)), "employment")

    def test_business_creation_is_positive(self):
        creation = ("business_creation", date(2025, 5, 1), None)
        self.assertEqual(self.ground([creation]), "business_creation")

    def test_apprenticeship_and_professionalisation_contracts_are_positive(self):
        for contract_type in ("apprenticeship", "professionalisation"):
            contract = (contract_type, date(2025, 6, 1), date(2025, 6, 15))
            self.assertEqual(self.ground([contract]), "work_study")

    def test_validated_qualifying_training_is_positive(self):
        self.assertEqual(
            self.ground(trainings=[date(2025, 3, 31)]), "qualifying_training"
        )

    def test_iae_and_subsidised_contracts_do_not_make_the_exit_positive(self):
        contracts = [
            ("aci", date(2024, 1, 1), date(2024, 12, 31)),
            ("pec", date(2024, 1, 1), date(2024, 12, 31)),
        ]
        self.assertFalse(self.ground(contracts))

    def test_employment_started_before_entry_counts_from_entry(self):
        # A CDD of 300 days, 150 of them before the pathway started.
        cdd = (
            "cdd",
            START - timedelta(days=150),
            days_after(START - timedelta(days=150), 300),
        )
        self.assertFalse(self.ground([cdd]))
        longer = ("cdd", cdd[1], days_after(START, 180))
        self.assertEqual(self.ground([longer]), "employment")

    def test_work_study_or_creation_started_before_entry_does_not_count(self):
        before = START - timedelta(days=1)
        for contract_type in ("apprenticeship", "business_creation"):
            self.assertFalse(self.ground([(contract_type, before, None)]))
        self.assertFalse(self.ground(trainings=[before]))

    def test_nothing_counts_after_the_check_date(self):
        after = CHECK + timedelta(days=1)
        self.assertFalse(self.ground([("business_creation", after, None)]))
        self.assertFalse(self.ground(trainings=[after]))

    def test_no_ground_without_a_start(self):
        self.assertFalse(self.ground([("business_creation", START, None)], start=None))


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestPathwayPositiveExitCheck(PliePathwayCase):
    """The pathway applies the rule to its own employment periods and steps."""

    def test_pathway_check_reads_its_employment_periods(self):
        pathway = self._pathway(start=date(2024, 6, 1))
        self.assertFalse(pathway.exit_check_ground)
        self._employment(pathway, "interim", date(2024, 9, 1), date(2024, 11, 30))
        self._employment(pathway, "interim", date(2025, 1, 1), date(2025, 3, 31))
        pathway.invalidate_recordset(["exit_check_ground"])
        self.assertEqual(pathway.exit_check_ground, "employment")  # 91 + 90 days

    def test_only_validated_qualifying_trainings_count(self):
        pathway = self._pathway(start=date(2024, 6, 1))
        step = self.env["plie.pathway.step"].create(
            {
                "pathway_id": pathway.id,
                "step_type_id": self.type_training.id,
                "date_start": date(2024, 9, 1),
                "date_end": date(2025, 2, 28),
                "outcome": "achieved",
                "qualifying": False,
            }
        )
        self.assertFalse(pathway.exit_check_ground)
        step.qualifying = True
        self.assertEqual(pathway.exit_check_ground, "qualifying_training")
        step.outcome = "abandoned"
        self.assertFalse(pathway.exit_check_ground)

    def test_check_at_the_exit_date_ignores_later_employment(self):
        pathway = self._pathway(start=date(2024, 6, 1))
        self._employment(pathway, "business_creation", date(2025, 6, 1))
        grounds = pathway._positive_exit_grounds({pathway.id: date(2025, 5, 31)})
        self.assertFalse(grounds[pathway.id])
        self.assertEqual(pathway.exit_check_ground, "business_creation")
