from datetime import timedelta
from unittest.mock import patch

from freezegun import freeze_time
from psycopg2 import errors

from odoo import SUPERUSER_ID, api, sql_db
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import TODAY, PliePathwayCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestActionSeats(PliePathwayCase):
    """An action takes as many participants as it has seats; the next ones
    wait on its waiting list, first enrolled first served."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.action = cls.env["plie.action"].create(
            {"name": "Atelier CV", "capacity": 2, "company_id": cls.company.id}
        )
        cls.pathways = [cls._pathway() for _index in range(4)]

    def _enrol(self, pathway, user=None, **values):
        return (
            self.env["plie.action.enrolment"]
            .with_user(user or self.referent)
            .create({"action_id": self.action.id, "pathway_id": pathway.id, **values})
        )

    def _started(self):
        return {"state": "started", "date_start": TODAY - timedelta(days=3)}

    def test_enrolments_beyond_the_seats_go_on_the_waiting_list(self):
        first, second, third, fourth = (self._enrol(p) for p in self.pathways)
        self.assertEqual(
            [e.state for e in (first, second, third, fourth)],
            ["prescribed", "prescribed", "waiting", "waiting"],
        )
        self.assertEqual(
            (self.action.seats_taken, self.action.waiting_count, self.action.fill_rate),
            (2, 2, 100.0),
        )

    def test_enrolments_created_together_fill_the_seats_in_order(self):
        enrolments = (
            self.env["plie.action.enrolment"]
            .with_user(self.referent)
            .create(
                [
                    {"action_id": self.action.id, "pathway_id": p.id}
                    for p in self.pathways[:3]
                ]
            )
        )
        self.assertEqual(
            enrolments.mapped("state"), ["prescribed", "prescribed", "waiting"]
        )

    def test_starting_an_action_without_a_free_seat_is_refused(self):
        self._enrol(self.pathways[0])
        self._enrol(self.pathways[1])
        with (
            self.assertRaisesRegex(UserError, "All 2 seats of Atelier CV are taken"),
            self.env.cr.savepoint(),
        ):
            self._enrol(self.pathways[2], **self._started())
        waiting = self._enrol(self.pathways[2])
        with (
            self.assertRaisesRegex(UserError, "All 2 seats of Atelier CV are taken"),
            self.env.cr.savepoint(),
        ):
            waiting.with_user(self.referent).write(self._started())
        self.assertEqual(waiting.state, "waiting")

    def test_the_first_on_the_waiting_list_moves_up_when_a_seat_frees(self):
        first, second, third, fourth = (self._enrol(p) for p in self.pathways)
        first.with_user(self.referent).write(self._started())
        first.with_user(self.referent).write({"state": "abandoned"})
        self.assertEqual(
            [e.state for e in (first, second, third, fourth)],
            ["abandoned", "prescribed", "prescribed", "waiting"],
        )
        activity = third.pathway_id.activity_ids
        self.assertEqual(activity.user_id, self.referent)
        self.assertIn("Atelier CV", activity.summary)
        # Withdrawing a positioning (deleting it) also frees its seat.
        second.with_user(self.referent).unlink()
        self.assertEqual(fourth.state, "prescribed")
        self.assertEqual(self.action.waiting_count, 0)

    def test_an_exit_frees_the_seats_of_actions_not_started(self):
        seat, _other, waiting, queued = (self._enrol(p) for p in self.pathways)
        self.assertEqual(
            (seat.state, waiting.state, queued.state),
            ("prescribed", "waiting", "waiting"),
        )
        leaving = seat.pathway_id | queued.pathway_id
        reason = self.env.ref("plie_pathway.exit_reason_moved")
        leaving.with_user(self.coordinator)._close(TODAY, reason)
        self.assertFalse((seat | queued).exists())
        self.assertEqual(waiting.state, "prescribed")

    def test_the_waiting_list_moves_up_across_caseloads(self):
        """The référent who frees a seat cannot read the next participant on
        the list (another caseload): they still get the seat."""
        colleague_pathway = self._pathway(referent_id=self.referent_colleague.id)
        first = self._enrol(self.pathways[0])
        self._enrol(self.pathways[1])
        waiting = self._enrol(colleague_pathway, user=self.referent_colleague)
        self.assertEqual(waiting.state, "waiting")
        first.with_user(self.referent).unlink()
        self.assertEqual(waiting.state, "prescribed")
        self.assertEqual(
            waiting.pathway_id.activity_ids.user_id, self.referent_colleague
        )

    def test_more_seats_move_the_waiting_list_up_and_fewer_than_taken_is_refused(
        self,
    ):
        enrolments = [self._enrol(p) for p in self.pathways]
        self.action.with_user(self.coordinator).capacity = 3
        self.assertEqual(
            [e.state for e in enrolments],
            ["prescribed", "prescribed", "prescribed", "waiting"],
        )
        with (
            self.assertRaisesRegex(UserError, "3 participants hold a seat"),
            self.env.cr.savepoint(),
        ):
            self.action.with_user(self.coordinator).capacity = 2
        self.action.with_user(self.coordinator).capacity = 0  # no limit
        self.assertEqual(enrolments[3].state, "prescribed")

    def test_an_action_without_seats_has_no_limit(self):
        self.action.capacity = 0
        enrolments = [self._enrol(p) for p in self.pathways]
        self.assertEqual({e.state for e in enrolments}, {"prescribed"})

    def test_taking_a_seat_locks_the_action_row(self):
        """Two référents enrolling on the last seat at once: the first locks
        the action's row until its transaction ends, the second's request
        fails at once (and Odoo retries it)."""
        queries = []
        cr = self.env.cr
        execute = type(cr).execute

        def spy(cursor, query, params=None, log_exceptions=True):
            queries.append(str(getattr(query, "code", query)))
            return execute(cursor, query, params, log_exceptions)

        with patch.object(type(cr), "execute", spy):
            self._enrol(self.pathways[0])
        self.assertTrue(
            any(
                "FROM plie_action" in q and "FOR NO KEY UPDATE NOWAIT" in q
                for q in queries
            ),
            queries,
        )


@tagged("post_install", "-at_install")
class TestLastSeatRace(TransactionCase):
    """Two référents enrol on the last seat of a demo action at once, each in
    their own database transaction: only one gets it. Runs on committed demo
    data in separate transactions, and puts everything back."""

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _enrol(self, cr, pathway_id):
        return (
            self._env(cr)["plie.action.enrolment"]
            .create({"action_id": self.action_id, "pathway_id": pathway_id})
            .state
        )

    def test_only_one_of_two_concurrent_enrolments_gets_the_last_seat(self):
        connection = sql_db.db_connect(self.env.cr.dbname)
        with connection.cursor() as cr1, connection.cursor() as cr2:
            env = self._env(cr1)
            action = env.ref("plie_pathway.action_tre")
            self.action_id, capacity = action.id, action.capacity
            taken = action.enrolment_ids.pathway_id
            first, second = env["plie.pathway"].search(
                [("state", "=", "active"), ("id", "not in", taken.ids)], limit=2
            )
            action.capacity = action.seats_taken + 1
            cr1.commit()
            cr2.execute("SET lock_timeout = '5s'")  # never hang the test run
            try:
                # NOWAIT: the second fails at once while the first is running.
                self.assertEqual(self._enrol(cr1, first.id), "prescribed")
                with (
                    self.assertRaises(errors.LockNotAvailable),
                    mute_logger("odoo.sql_db"),
                ):
                    self._enrol(cr2, second.id)
                cr2.rollback()
                # REPEATABLE READ: the second transaction started before the
                # first committed; its lock fails instead of counting stale seats.
                cr2.execute("SELECT 1 FROM plie_action LIMIT 1")
                cr1.commit()
                with (
                    self.assertRaises(errors.SerializationFailure),
                    mute_logger("odoo.sql_db"),
                ):
                    self._enrol(cr2, second.id)
                cr2.rollback()
                # Odoo retries the request: it now finds the seat taken.
                self.assertEqual(self._enrol(cr2, second.id), "waiting")
                cr2.rollback()
            finally:
                cr2.rollback()
                cr2.execute("RESET lock_timeout")
                cr1.rollback()
                env = self._env(cr1)
                env["plie.action.enrolment"].search(
                    [
                        ("action_id", "=", self.action_id),
                        ("pathway_id", "in", (first | second).ids),
                    ]
                ).unlink()
                env["plie.action"].browse(self.action_id).capacity = capacity
                cr1.commit()
