from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from ..models.pathway import DAYS_PER_MONTH
from .common import TODAY, PliePathwayCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestSuspension(PliePathwayCase):
    """A suspended pathway's days do not count: not in its durations, not in
    its long-pathway alert and cap, not in its contact frequency."""

    @classmethod
    def _suspension(cls, pathway, start, end=None, reason="illness"):
        return cls.env["plie.pathway.suspension"].create(
            {
                "pathway_id": pathway.id,
                "date_start": start,
                "date_end": end,
                "reason": reason,
            }
        )

    def _suspend_through_the_wizard(self, pathway, start, reason="illness"):
        action = pathway.with_user(self.referent).action_suspend()
        self.assertEqual(action["res_model"], "plie.pathway.suspend")
        wizard = (
            self.env["plie.pathway.suspend"]
            .with_user(self.referent)
            .with_context(**action["context"])
            .create({"date_start": start, "reason": reason, "note": "Hospital"})
        )
        wizard.action_confirm()

    def test_suspend_asks_the_date_and_reason_and_resume_ends_the_suspension(self):
        pathway = self._pathway()
        self._suspend_through_the_wizard(pathway, TODAY - timedelta(days=10))
        self.assertEqual(pathway.state, "suspended")
        suspension = pathway.with_user(self.referent).suspension_ids
        self.assertEqual(suspension.date_start, TODAY - timedelta(days=10))
        self.assertFalse(suspension.date_end)
        self.assertEqual(suspension.reason, "illness")
        self.assertEqual(suspension.note, "Hospital")
        self.assertEqual(suspension.days, 10)
        pathway.with_user(self.referent).action_resume()
        self.assertEqual(pathway.state, "active")
        self.assertEqual(suspension.date_end, TODAY)

        self._employment(pathway, "cdd", TODAY)
        self._suspend_through_the_wizard(pathway, TODAY, reason="maternity")
        pathway.with_user(self.referent).action_resume()
        self.assertEqual(pathway.state, "follow_up")
        self.assertEqual(len(pathway.suspension_ids), 2)
        self.assertEqual(pathway.suspended_days, 10)

    def test_suspended_days_are_deducted_from_the_duration_of_a_closed_pathway(self):
        # 2024-01-01 to 2025-01-01: 366 days, 31 + 10 of them suspended.
        pathway = self._pathway(
            start=date(2024, 1, 1),
            state="closed",
            date_end=date(2025, 1, 1),
            exit_reason_id=self.reason_moved.id,
        )
        self.assertEqual(pathway.duration_days, 366)
        self._suspension(pathway, date(2024, 3, 1), date(2024, 4, 1))
        self._suspension(pathway, date(2024, 10, 10), date(2024, 10, 20))
        self.assertEqual(pathway.suspended_days, 41)
        self.assertEqual(pathway.duration_days, 325)
        self.assertEqual(
            pathway.duration_months, round(325 / DAYS_PER_MONTH, 1)
        )  # 10.7
        Pathway = self.env["plie.pathway"]
        participant = ("participant_id", "=", pathway.participant_id.id)
        self.assertEqual(
            Pathway.search([participant, ("duration_days", "=", 325)]), pathway
        )

    def test_suspended_days_are_deducted_from_the_months_of_a_running_pathway(self):
        # 2025-01-16 to today: 151 days; 20 days suspended, then 10 running.
        pathway = self._pathway(start=date(2025, 1, 16))
        self._suspension(pathway, date(2025, 2, 1), date(2025, 2, 21))
        self._suspend_through_the_wizard(pathway, date(2025, 6, 6))
        self.assertEqual(pathway.suspended_days, 30)
        self.assertEqual(pathway.duration_months, round(121 / DAYS_PER_MONTH, 1))  # 4.0
        self.assertEqual(pathway.duration_days, 0)  # counted once closed

    def test_closing_a_suspended_pathway_ends_its_suspension_at_the_exit(self):
        pathway = self._pathway(start=date(2025, 1, 16))
        self._suspend_through_the_wizard(pathway, date(2025, 5, 17))
        pathway._close(date(2025, 6, 6), self.reason_moved)
        self.assertEqual(pathway.suspension_ids.date_end, date(2025, 6, 6))
        # 141 days from the signature to the exit, 20 of them suspended.
        self.assertEqual(pathway.duration_days, 121)

    def test_a_suspension_moves_the_alert_and_the_cap(self):
        # Without suspension: alert on 2025-06-01 (24 months), cap on 2025-06-01
        # for the second one (36 months); today is 2025-06-16.
        paused_month = self._pathway(start=date(2023, 6, 1))
        self._suspension(paused_month, date(2024, 1, 10), date(2024, 2, 9))
        capped = self._pathway(start=date(2022, 6, 1))
        self._suspension(capped, date(2023, 1, 1), date(2023, 1, 11))
        below_cap = self._pathway(start=date(2022, 6, 1))
        self._suspension(below_cap, date(2023, 1, 1), date(2023, 1, 21))
        # Suspended since before the alert: the clock stopped at 23 months.
        stopped = self._pathway(start=date(2023, 5, 1), state="suspended")
        self._suspension(stopped, date(2025, 4, 20))
        # Suspended since after the alert: the alert stays.
        reached = self._pathway(start=date(2023, 5, 1), state="suspended")
        self._suspension(reached, date(2025, 5, 10))
        plain = self._pathway(start=date(2023, 6, 1))

        expected = {
            paused_month: (date(2025, 7, 1), date(2026, 7, 1), False),
            capped: (date(2024, 6, 11), date(2025, 6, 11), "cap"),
            below_cap: (date(2024, 6, 21), date(2025, 6, 21), "alert"),
            stopped: (False, False, False),
            reached: (date(2025, 5, 1), False, "alert"),
            plain: (date(2025, 6, 1), date(2026, 6, 1), "alert"),
        }
        for pathway, (alert_date, cap_date, alert) in expected.items():
            self.assertEqual(
                (pathway.date_alert, pathway.date_cap, pathway.duration_alert),
                (alert_date, cap_date, alert),
                pathway.participant_id.name,
            )
        self._assert_search_agrees_with_compute(expected)

        # Resuming the stopped one today: 57 days suspended, alert on 2025-06-27.
        stopped.with_user(self.referent).action_resume()
        self.assertEqual(stopped.date_alert, date(2025, 6, 27))
        self.assertFalse(stopped.duration_alert)
        with freeze_time(date(2025, 6, 27)):
            stopped.invalidate_recordset(["duration_alert"])
            self.assertEqual(stopped.duration_alert, "alert")
            Pathway = self.env["plie.pathway"]
            self.assertIn(stopped, Pathway.search([("duration_alert", "=", "alert")]))

    def _assert_search_agrees_with_compute(self, expected):
        Pathway = self.env["plie.pathway"].with_user(self.referent)
        pathways = Pathway.browse([p.id for p in expected])
        for operator in ("=", "!="):
            for value in ("alert", "cap", False):
                found = Pathway.search(
                    [("id", "in", pathways.ids), ("duration_alert", operator, value)]
                )
                computed = pathways.filtered(
                    lambda p, o=operator, v=value: (p.duration_alert == v) == (o == "=")
                )
                self.assertEqual(found, computed, f"duration_alert {operator} {value}")

    def test_no_contact_is_overdue_while_suspended_nor_for_the_days_suspended(self):
        pathway = self._pathway(start=TODAY - timedelta(days=120))
        self._interview(pathway, TODAY - timedelta(days=50))
        Pathway = self.env["plie.pathway"].with_user(self.referent)
        overdue = [("contact_overdue", "=", True), ("id", "=", pathway.id)]
        self.assertTrue(pathway.contact_overdue)

        self._suspend_through_the_wizard(pathway, TODAY - timedelta(days=40))
        self.assertFalse(pathway.contact_overdue)
        self.assertFalse(Pathway.search(overdue))
        self.env["plie.pathway"]._cron_pathway_reminders()
        overdue_type = self.env.ref("plie_pathway.mail_activity_type_contact_overdue")
        self.assertNotIn(overdue_type, pathway.activity_ids.activity_type_id)

        # Resumed today after 40 days: due 30 + 40 days after the last contact.
        pathway.with_user(self.referent).action_resume()
        self.assertEqual(pathway.contact_due_date, TODAY + timedelta(days=20))
        self.assertFalse(pathway.contact_overdue)
        self.assertFalse(Pathway.search(overdue))
        with freeze_time(TODAY + timedelta(days=21)):
            pathway.invalidate_recordset(["contact_overdue"])
            self.assertTrue(pathway.contact_overdue)
            self.assertEqual(Pathway.search(overdue), pathway)

    def test_suspensions_are_dated_within_the_pathway_and_do_not_overlap(self):
        pathway = self._pathway(start=TODAY - timedelta(days=100))
        self._suspension(
            pathway, TODAY - timedelta(days=60), TODAY - timedelta(days=30)
        )
        Suspension = self.env["plie.pathway.suspension"].with_user(self.referent)
        values = {"pathway_id": pathway.id, "reason": "other"}
        for start, end in (
            (TODAY - timedelta(days=40), TODAY - timedelta(days=20)),  # overlap
            (TODAY - timedelta(days=110), TODAY - timedelta(days=90)),  # before
            (TODAY - timedelta(days=10), TODAY + timedelta(days=10)),  # future
            (TODAY - timedelta(days=10), TODAY - timedelta(days=20)),  # reversed
            (TODAY - timedelta(days=10), False),  # running, pathway not suspended
        ):
            with self.assertRaises(ValidationError, msg=f"{start} {end}"):
                Suspension.create({**values, "date_start": start, "date_end": end})
        # Back to back is fine.
        Suspension.create(
            {
                **values,
                "date_start": TODAY - timedelta(days=30),
                "date_end": TODAY - timedelta(days=25),
            }
        )
        self.assertEqual(pathway.suspended_days, 35)

    def test_durations_and_alerts_read_in_the_same_queries_for_more_pathways(self):
        def read_durations():
            pathways = self.env["plie.pathway"].with_user(self.referent).search([])
            pathways.read(
                [
                    "duration_months",
                    "suspended_days",
                    "duration_alert",
                    "contact_overdue",
                    "no_show_count",
                ]
            )

        # Measured with 3 then 23 pathways, each suspended once: the same count.
        for extra in (3, 20):
            for index in range(extra):
                pathway = self._pathway(start=date(2023, 1, 1) + timedelta(days=index))
                self._suspension(pathway, date(2024, 1, 1), date(2024, 1, 11))
            self._warm_up(read_durations)
            with self.assertQueryCount(5):
                read_durations()
