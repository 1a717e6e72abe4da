from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import TODAY, PliePathwayCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestActionAttendance(PliePathwayCase):
    """Attendance is recorded per session and per participant; the
    enrolment's attended hours and rate add up the sessions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.action = cls.env["plie.action"].create(
            {
                "name": "Atelier CV",
                "capacity": 10,
                "company_id": cls.company.id,
                "date_start": date(2025, 5, 1),
            }
        )
        cls.pathway = cls._pathway()
        cls.other_pathway = cls._pathway(referent_id=cls.referent_colleague.id)
        cls.enrolment, cls.other_enrolment = cls.env["plie.action.enrolment"].create(
            [
                {
                    "action_id": cls.action.id,
                    "pathway_id": pathway.id,
                    "state": "started",
                    "date_start": date(2025, 5, 5),
                    "planned_hours": 20,
                }
                for pathway in (cls.pathway, cls.other_pathway)
            ]
        )
        cls.prescribed = cls.env["plie.action.enrolment"].create(
            {"action_id": cls.action.id, "pathway_id": cls._pathway().id}
        )
        cls.sessions = cls._sessions(4)

    @classmethod
    def _sessions(cls, count, duration=3.0):
        return cls.env["plie.action.session"].create(
            [
                {
                    "action_id": cls.action.id,
                    "date": date(2025, 5, 6) + timedelta(days=7 * week),
                    "time_start": 9.0,
                    "duration": duration,
                }
                for week in range(count)
            ]
        )

    def _line(self, session, state="present", enrolment=None, **values):
        return (
            self.env["plie.action.attendance"]
            .with_user(self.referent)
            .create(
                {
                    "session_id": session.id,
                    "enrolment_id": (enrolment or self.enrolment).id,
                    "state": state,
                    **values,
                }
            )
        )

    def test_attended_hours_and_rate_add_up_the_sessions(self):
        s1, s2, s3, s4 = self.sessions
        self._line(s1)
        self._line(s2, hours=1.5)  # came late
        self._line(s3, "absent")
        self._line(s4, "excused")
        self.assertEqual(self.enrolment.attended_hours, 4.5)
        self.assertEqual(self.enrolment.recorded_hours, 12.0)
        self.assertEqual(self.enrolment.attendance_rate, 37.5)

    def test_absent_and_excused_count_no_hours(self):
        absent = self._line(self.sessions[0], "absent")
        excused = self._line(self.sessions[1], "excused")
        self.assertEqual((absent.hours, excused.hours), (0.0, 0.0))
        self.assertEqual(self.enrolment.attended_hours, 0.0)
        self.assertEqual(self.enrolment.attendance_rate, 0.0)
        with (
            self.assertRaisesRegex(ValidationError, "was absent"),
            self.env.cr.savepoint(),
        ):
            absent.write({"hours": 2.0})
        present = self._line(self.sessions[2])
        self.assertEqual(self.enrolment.attended_hours, 3.0)
        present.write({"state": "excused"})
        self.assertEqual(present.hours, 0.0)
        self.assertEqual(self.enrolment.attended_hours, 0.0)

    def test_hours_out_of_range_are_refused(self):
        for hours in (-1.0, 3.5):
            with (
                self.subTest(hours=hours),
                self.assertRaisesRegex(
                    ValidationError, "between 0 and the session's 3.0 hours"
                ),
                self.env.cr.savepoint(),
            ):
                self._line(self.sessions[0], hours=hours)
        for duration in (0.0, 12.5):
            with self.subTest(duration=duration), self.assertRaises(ValidationError):
                self._sessions(1, duration=duration)
        with (
            self.assertRaisesRegex(ValidationError, "outside the dates"),
            self.env.cr.savepoint(),
        ):
            self.sessions[0].date = date(2025, 4, 30)

    def test_attendance_only_for_participants_of_the_sessions_action(self):
        other_action = self.action.copy({"name": "Permis"})
        session = self.env["plie.action.session"].create(
            {"action_id": other_action.id, "date": date(2025, 5, 7), "duration": 2}
        )
        with (
            self.assertRaisesRegex(ValidationError, "not enrolled in Permis"),
            self.env.cr.savepoint(),
        ):
            self._line(session)

    def test_fill_attendance_marks_everyone_attending_present_once(self):
        session = self.sessions[0]
        session.with_user(self.coordinator).action_fill_attendance()
        lines = session.attendance_ids
        self.assertEqual(lines.enrolment_id, self.enrolment | self.other_enrolment)
        self.assertEqual(set(lines.mapped("hours")), {3.0})
        session.with_user(self.coordinator).action_fill_attendance()
        self.assertEqual(len(session.attendance_ids), 2)
        # A participant who started after the session is not on its list.
        self.other_enrolment.date_start = date(2025, 5, 10)
        self.sessions[0].attendance_ids.unlink()
        session.action_fill_attendance()
        self.assertEqual(session.attendance_ids.enrolment_id, self.enrolment)

    def test_a_referent_fills_and_reads_the_attendance_of_their_caseload_only(self):
        session = self.sessions[0].with_user(self.referent)
        session.action_fill_attendance()
        Attendance = self.env["plie.action.attendance"]
        self.assertEqual(
            Attendance.with_user(self.referent)
            .search([("session_id", "=", session.id)])
            .enrolment_id,
            self.enrolment,
        )
        other = Attendance.create(
            {"session_id": session.id, "enrolment_id": self.other_enrolment.id}
        )
        with self.assertRaises(AccessError):
            other.with_user(self.referent).read(["hours"])
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self._line(self.sessions[1], enrolment=self.other_enrolment)

    def test_access_to_attendance_by_role(self):
        line = self._line(self.sessions[0])
        expected = {
            "referent": (True, True),
            "colleague": (False, False),
            "coordinator": (True, True),
            "business": (False, False),
            "finance": (True, False),
            "manager": (True, True),
            "internal": (False, False),
        }
        for role, (can_read, can_write) in expected.items():
            user = self.users[role]
            with self.subTest(role=role):
                as_user = line.with_user(user)
                if can_read:
                    self.assertEqual(as_user.read(["state"])[0]["state"], "present")
                else:
                    with self.assertRaises(AccessError):
                        as_user.read(["state"])
                if can_write:
                    as_user.write({"hours": 2.0})
                else:
                    with self.assertRaises(AccessError):
                        as_user.write({"hours": 2.0})
        sessions = self.env["plie.action.session"]
        for role in ("business", "colleague", "finance"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                sessions.with_user(self.users[role]).create(
                    {"action_id": self.action.id, "date": date(2025, 6, 3)}
                )

    def test_attended_hours_cost_the_same_queries_whatever_the_sessions(self):
        def record(sessions):
            self.env["plie.action.attendance"].create(
                [
                    {"session_id": s.id, "enrolment_id": self.enrolment.id}
                    for s in sessions
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()

        # The grouped read of the lines, then the write of the figures.
        def compute():
            self.enrolment.invalidate_recordset()
            self.enrolment._compute_attendance()

        record(self.sessions[:1])
        self._warm_up(compute)
        with self.assertQueryCount(2):
            compute()
        record(self._sessions(20) | self.sessions[1:])
        self._warm_up(compute)
        with self.assertQueryCount(2):
            compute()
        self.assertEqual(self.enrolment.attended_hours, 24 * 3.0)
