from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PlieEsfCase

PERIOD = (date(2022, 1, 1), date(2023, 12, 31))
# Hand-built participants: (last name, gender, birth date, entry, exit,
# participation answers). Expected counts are worked out below by hand.
PEOPLE = [
    (
        "P1",
        "woman",
        date(1985, 6, 15),
        date(2022, 3, 1),
        date(2022, 9, 30),
        {
            "entry_status": "long_term_unemployed",
            "entry_education_level": "1_2",
            "entry_disability": "yes",
            "entry_foreign_background": "no",
            "entry_minority": "no",
            "exit_recorded": True,
            "exit_employed": True,
            "m6_recorded": True,
            "m6_employed": True,
        },
    ),
    (
        "P2",
        "man",
        date(2000, 1, 10),
        date(2022, 3, 1),
        date(2022, 12, 15),
        {
            "entry_status": "unemployed",
            "entry_education_level": "4",
            "entry_third_country": True,
            "exit_recorded": True,
            "exit_job_searching": True,
        },
    ),
    (
        "P3",
        "non_binary",
        date(1960, 5, 5),
        date(2022, 3, 1),
        False,
        {
            "entry_status": "inactive",
            "entry_education_level": "6",
            "entry_homeless": True,
            "entry_disability": "refused",
            "entry_foreign_background": "yes",
        },
    ),
    (
        "P4",
        "woman",
        date(2005, 7, 1),
        date(2022, 3, 1),
        False,
        {
            "entry_status": "inactive",
            "entry_education_level": "1_2",
            "entry_rural": True,
            "entry_disability": "refused",
            "entry_foreign_background": "refused",
            "entry_minority": "refused",
        },
    ),
    (
        "P5",
        "man",
        date(1990, 1, 1),
        date(2022, 5, 2),
        date(2023, 1, 31),
        {
            "entry_status": "employed",
            "entry_education_level": "3",
            "entry_disability": "no",
            "entry_foreign_background": "no",
            "entry_minority": "no",
            "exit_recorded": True,
            "exit_employed": True,
            "m6_recorded": True,
            "m6_employed": True,
            "m6_improved": True,
        },
    ),
    # Supported one day: not a participant.
    (
        "P6",
        "woman",
        date(1980, 1, 1),
        date(2022, 4, 4),
        date(2022, 4, 4),
        {"entry_status": "unemployed", "entry_education_level": "3"},
    ),
    # Entered after the period.
    (
        "P7",
        "man",
        date(1980, 2, 2),
        date(2024, 1, 15),
        False,
        {"entry_status": "unemployed", "entry_education_level": "3"},
    ),
]
# code: (women, men, non-binary)
EXPECTED = {
    "EECO01": (2, 2, 1),
    "EECO02": (1, 1, 0),
    "EECO03": (1, 0, 0),
    "EECO04": (1, 0, 1),
    "EECO05": (0, 1, 0),
    "EECO06": (1, 0, 0),
    "EECO07": (0, 1, 0),
    "EECO08": (0, 0, 1),
    "EECO09": (2, 0, 0),
    "EECO10": (0, 2, 0),
    "EECO11": (0, 0, 1),
    "EECO12": (1, 0, 0),
    "EECO13": (0, 1, 0),
    "EECO14": (0, 0, 1),
    "EECO15": (0, 0, 0),
    "EECO16": (0, 0, 1),
    "EECO17": (1, 0, 0),
    "EECR01": (0, 1, 0),
    "EECR02": (0, 0, 0),
    "EECR03": (0, 0, 0),
    "EECR04": (1, 1, 0),
    "EECR05": (1, 1, 0),
    "EECR06": (0, 1, 0),
}


@tagged("post_install", "-at_install")
class TestIndicators(PlieEsfCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.operation = cls._operation(
            0,
            programme_id=cls.env.ref("plie_esf.programme_esf_plus_2021").id,
            date_start=PERIOD[0],
            date_end=PERIOD[1],
        )
        cls.participations = cls._people(cls.operation, PEOPLE)

    @classmethod
    def _people(cls, operation, people, suffix=""):
        participations = cls.env["plie.esf.participation"]
        for lastname, gender, birth, entry, exit_, answers in people:
            participant = cls._create_participant(
                lastname=lastname + suffix, gender=gender, birth_date=birth
            )
            participations |= cls._participation(
                operation, participant, entry_date=entry, exit_date=exit_, **answers
            )
        return participations

    def _report(self, user=None, operation=None):
        report = self.env["plie.esf.indicator.report"].with_user(user or self.finance)
        report = report.create(
            {
                "operation_id": (operation or self.operation).id,
                "date_from": PERIOD[0],
                "date_to": PERIOD[1],
            }
        )
        report.action_compute()
        return report

    def _by_code(self, report):
        return {
            line.code: (line.women, line.men, line.non_binary)
            for line in report.line_ids
        }

    def test_indicators_by_gender_on_the_hand_built_set(self):
        report = self._report()
        self.assertEqual(self._by_code(report), EXPECTED)
        totals = {line.code: line.total for line in report.line_ids}
        self.assertEqual(
            totals["EECO01"], totals["EECO02"] + totals["EECO04"] + totals["EECO05"]
        )

    def test_an_unknown_age_counts_in_no_age_band(self):
        participant = self._create_participant(lastname="P8", birth_date=False)
        self._participation(
            self.operation,
            participant,
            entry_date=date(2022, 6, 1),
            entry_status="unemployed",
            entry_education_level="3",
        )
        found = self._by_code(self._report())
        self.assertEqual(found["EECO01"], (3, 2, 1))
        for code in ("EECO06", "EECO07", "EECO08"):
            self.assertEqual(found[code], EXPECTED[code], code)
        self.operation.programme_id = self.programme
        found = self._by_code(self._report())
        self.assertEqual(found["CO06"], (1, 1, 0))
        self.assertEqual(found["CO07"], (0, 0, 1))

    def test_report_is_named_in_the_breadcrumb(self):
        self.assertEqual(self._report().display_name, "ESF indicators")

    def test_coordination_reads_the_indicators_too(self):
        self.assertEqual(self._by_code(self._report(self.coordinator)), EXPECTED)
        for user in (self.referent, self.business, self.internal, self.accountant):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._report(user)

    def test_2014_2020_operations_also_report_co_and_cr_codes(self):
        self.operation.programme_id = self.programme
        found = self._by_code(self._report())
        self.assertEqual(found["CO01"], (1, 1, 0))
        self.assertEqual(found["CO06"], (1, 1, 0))  # under 25: P4 (16), P2 (22)
        self.assertEqual(found["CO07"], (0, 0, 1))
        self.assertEqual(found["CR04"], (1, 1, 0))
        self.assertEqual(found["CR07"], (0, 1, 0))
        self.assertEqual(found["EECO01"], (2, 2, 1))

    def test_each_cell_opens_the_participations_it_counts(self):
        report = self._report()
        line = report.line_ids.filtered(lambda line: line.code == "EECO02")
        action = line.action_open_participations()
        found = self.env["plie.esf.participation"].search(action["domain"])
        self.assertEqual(sorted(found.participant_id.mapped("lastname")), ["P1", "P2"])
        women = line.with_context(plie_esf_gender="woman").action_open_participations()
        found = self.env["plie.esf.participation"].search(women["domain"])
        self.assertEqual(found.participant_id.mapped("lastname"), ["P1"])

    def test_special_category_cells_open_only_for_coordination(self):
        line = self._report().line_ids.filtered(lambda line: line.code == "EECO12")
        self.assertEqual(line.total, 1)
        with self.assertRaises(AccessError):
            line.action_open_participations()
        line = self._report(self.coordinator).line_ids.filtered(
            lambda line: line.code == "EECO12"
        )
        action = line.action_open_participations()
        found = self.env["plie.esf.participation"].search(action["domain"])
        self.assertEqual(found.participant_id.lastname, "P1")

    def test_each_participation_explains_why_it_counts(self):
        p1 = self.participations[0]
        explanation = p1.with_user(self.coordinator).indicator_explanation
        for code in (
            "EECO01",
            "EECO02",
            "EECO03",
            "EECO09",
            "EECO12",
            "EECR04",
            "EECR05",
        ):
            self.assertIn(f"{code}:", explanation)
        self.assertIn("EECO03: Status at entry: long-term unemployed", explanation)
        self.assertNotIn("EECO07", explanation)
        finance_view = p1.with_user(self.finance).indicator_explanation
        self.assertNotIn("EECO12", finance_view)
        self.assertIn("EECO03", finance_view)
        p6 = self.participations[5]
        self.assertFalse(p6.is_counted)
        self.assertIn("Not counted", p6.indicator_explanation)

    def test_completeness_share_and_warning(self):
        report = self._report()
        # P2 (no special-category answer) and P3 (minority) are incomplete.
        self.assertEqual((report.participant_count, report.incomplete_count), (5, 2))
        self.assertEqual(report.incomplete_share, 40.0)
        self.assertTrue(report.incomplete_warning)
        self.company.plie_esf_incomplete_threshold = 50.0
        self.assertFalse(self._report().incomplete_warning)
        p3 = self.participations[2].with_user(self.finance)
        self.assertEqual(p3.missing_answers, "Minority (incl. Roma)")
        action = report.action_open_incomplete()
        found = self.env["plie.esf.participation"].search(action["domain"])
        self.assertEqual(sorted(found.participant_id.mapped("lastname")), ["P2", "P3"])

    def test_special_category_answers_are_hidden_from_finance(self):
        p1 = self.participations[0]
        self.assertEqual(p1.with_user(self.coordinator).entry_disability, "yes")
        with self.assertRaises(AccessError):
            p1.with_user(self.finance).read(["entry_disability"])
        with self.assertRaises(AccessError):
            self.env["plie.esf.participation"].with_user(self.finance).search(
                [("entry_minority", "=", "yes")]
            )

    def test_changes_to_answers_are_tracked(self):
        p2 = self.participations[1]
        self.env.flush_all()
        self.cr.precommit.clear()  # forget the tracking skipped at set-up
        p2.with_user(self.finance).with_context(tracking_disable=False).write(
            {"entry_rural": True}
        )
        self.env.flush_all()
        self.cr.precommit.run()
        tracked = p2.message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertIn("entry_rural", tracked)

    def test_query_count_does_not_grow_with_participants(self):
        def count_queries(operation):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self._report(operation=operation)
            return self.cr.sql_log_count - before

        small = self._operation(
            1,
            programme_id=self.operation.programme_id.id,
            date_start=PERIOD[0],
            date_end=PERIOD[1],
        )
        self._people(small, PEOPLE[:2], suffix=" small")
        large = self._operation(
            2,
            programme_id=self.operation.programme_id.id,
            date_start=PERIOD[0],
            date_end=PERIOD[1],
        )
        for batch in range(6):
            self._people(large, PEOPLE, suffix=f" large {batch}")
        count_queries(small)  # warm the caches of access rules
        self.assertEqual(count_queries(small), count_queries(large))
        with self.assertQueryCount(__system__=4):
            self._report(operation=large)
