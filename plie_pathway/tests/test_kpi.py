from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from ..models.pathway import DAYS_PER_MONTH
from .common import TODAY, PliePathwayCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestKpi(PliePathwayCase):
    """A known data set for 2024, worked out by hand:

    pathway  référent    start       exit        positive  days
    A        référent    2023-06-01  2024-03-01  yes       274
    B        référent    2024-02-01  2024-08-01  no        182
    C        référent    2024-03-15  2024-12-15  yes       275
    D        référent    2024-05-01  2025-02-01  no        -
    E        colleague   2024-09-01  open
    F        colleague   2023-01-01  2024-10-01  no        639
    G        référent    not signed
    H        colleague   2025-01-10  open

    2024: entries B C D E = 4; exits A B C F = 4, positive A C = 50 %;
    average (274 + 182 + 275 + 639) / 4 = 342.5 days, median 274.5 days;
    active on 2024-12-31: D E = 2. Overdue today: E (no contact since 2024-09).
    Actions of 2024: 10 + 5 seats, 3 + 2 started = 33.3 %.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.senior = cls.criterion_senior
        cls.qpv_criterion = cls.criterion_qpv
        cls.pathways = {}
        rows = {
            "A": (cls.referent, date(2023, 6, 1), date(2024, 3, 1), True, [cls.senior]),
            "B": (
                cls.referent,
                date(2024, 2, 1),
                date(2024, 8, 1),
                False,
                [cls.senior, cls.qpv_criterion],
            ),
            "C": (cls.referent, date(2024, 3, 15), date(2024, 12, 15), True, []),
            "D": (cls.referent, date(2024, 5, 1), date(2025, 2, 1), False, []),
            "E": (cls.referent_colleague, date(2024, 9, 1), None, None, []),
            "F": (
                cls.referent_colleague,
                date(2023, 1, 1),
                date(2024, 10, 1),
                False,
                [],
            ),
            "G": (cls.referent, False, None, None, []),
            "H": (cls.referent_colleague, date(2025, 1, 10), None, None, []),
        }
        for key, (referent, start, end, positive, priority) in rows.items():
            participant = cls._create_participant(
                lastname=f"KPI {key}",
                referent_id=referent.id,
                **({"zip": "97100", "city": "Basse-Terre"} if key == "F" else {}),
            )
            values = {"priority_criterion_ids": [(6, 0, [c.id for c in priority])]}
            if end:
                reason = cls.reason_employment if positive else cls.reason_moved
                values.update(
                    state="closed",
                    date_end=end,
                    exit_reason_id=reason.id,
                    is_positive_exit=positive,
                )
            cls.pathways[key] = cls._pathway(participant, start=start, **values)
        cls._interview(cls.pathways["H"], TODAY - timedelta(days=10))
        Action = cls.env["plie.action"]
        first = Action.create(
            {
                "name": "Atelier 2024",
                "capacity": 10,
                "company_id": cls.company.id,
                "date_start": date(2024, 1, 1),
                "date_end": date(2024, 6, 30),
            }
        )
        second = Action.create(
            {
                "name": "Formation",
                "capacity": 5,
                "company_id": cls.company.id,
                "date_start": date(2024, 9, 1),
                "date_end": date(2025, 3, 31),
            }
        )
        later = Action.create(
            {
                "name": "Atelier 2025",
                "capacity": 8,
                "company_id": cls.company.id,
                "date_start": date(2025, 3, 1),
                "date_end": date(2025, 6, 30),
            }
        )
        enrolments = [
            (first, "A", "completed"),
            (first, "B", "started"),
            (first, "C", "abandoned"),
            (first, "D", "prescribed"),
            (second, "D", "completed"),
            (second, "E", "abandoned"),
            (later, "E", "started"),
            (later, "H", "started"),
        ]
        cls.env["plie.action.enrolment"].create(
            [
                {
                    "action_id": action.id,
                    "pathway_id": cls.pathways[key].id,
                    "state": state,
                    "date_start": state != "prescribed" and date(2024, 10, 1),
                }
                for action, key, state in enrolments
            ]
        )

    def _dashboard(self, user=None):
        return (
            self.env["plie.kpi.dashboard"]
            .with_user(user or self.coordinator)
            .create(
                {
                    "company_id": self.company.id,
                    "date_from": date(2024, 1, 1),
                    "date_to": date(2024, 12, 31),
                    "at_date": date(2024, 12, 31),
                }
            )
        )

    def test_dashboard_figures_on_the_known_data_set(self):
        values = self._dashboard()._kpi_values()
        self.assertEqual(
            {key: round(value, 4) for key, value in values.items()},
            {
                "entry_count": 4,
                "exit_count": 4,
                "positive_exit_count": 2,
                "positive_exit_rate": 50.0,
                "average_duration_months": round(342.5 / DAYS_PER_MONTH, 4),
                "median_duration_months": round(274.5 / DAYS_PER_MONTH, 4),
                "active_count": 2,
                "overdue_count": 1,
                "action_capacity": 15,
                "action_seats_taken": 5,
                "action_fill_rate": round(100 * 5 / 15, 4),
            },
        )

    def test_finance_sees_the_same_figures(self):
        self.assertEqual(self._dashboard(self.finance).positive_exit_rate, 50.0)

    def test_positive_exit_rate_per_referent_commune_and_priority_public(self):
        Report = self.env["plie.pathway.report"].with_user(self.coordinator)
        domain = [
            ("company_id", "=", self.company.id),
            ("movement", "=", "exit"),
            ("date", ">=", date(2024, 1, 1)),
            ("date", "<=", date(2024, 12, 31)),
        ]

        def rates(groupby):
            return {
                group: (count, round(rate, 2))
                for group, count, rate in Report._read_group(
                    domain, [groupby], ["__count", "positive_exit_rate:avg"]
                )
            }

        self.assertEqual(
            rates("referent_id"),
            {self.referent: (3, 66.67), self.referent_colleague: (1, 0.0)},
        )
        self.assertEqual(
            rates("commune_id"),
            {self.commune: (3, 66.67), self.env["plie.commune"]: (1, 0.0)},
        )
        self.assertEqual(
            rates("priority_criterion_ids"),
            {
                self.senior: (2, 50.0),
                self.qpv_criterion: (1, 0.0),
                self.env["plie.eligibility.criterion"]: (2, 50.0),
            },
        )

    def test_entries_and_exits_per_month(self):
        Report = self.env["plie.pathway.report"].with_user(self.coordinator)
        groups = Report._read_group(
            [
                ("company_id", "=", self.company.id),
                ("date", ">=", date(2024, 1, 1)),
                ("date", "<=", date(2024, 12, 31)),
            ],
            ["date:month"],
            ["entry_count:sum", "exit_count:sum", "positive_exit_count:sum"],
        )
        by_month = {month.month: counts for month, *counts in groups}
        self.assertEqual(by_month[2], [1, 0, 0])  # B enters
        self.assertEqual(by_month[3], [1, 1, 1])  # C enters, A exits positively
        self.assertEqual(by_month[8], [0, 1, 0])  # B exits
        self.assertEqual(by_month[12], [0, 1, 1])  # C exits positively

    def test_dashboard_queries_do_not_grow_with_the_participants(self):
        dashboard = self._dashboard()
        # Measured with 8 then 48 pathways (and their exits): the same count.
        for extra in (0, 40):
            for index in range(extra):
                participant = self._create_participant(lastname=f"Volume {index}")
                self._pathway(
                    participant,
                    start=date(2024, 1, 1) + timedelta(days=index),
                    state="closed",
                    date_end=date(2024, 11, 1),
                    exit_reason_id=self.reason_moved.id,
                )
            self._warm_up(dashboard._kpi_values)
            with self.assertQueryCount(10):
                values = dashboard._kpi_values()
        self.assertEqual(values["exit_count"], 44)
