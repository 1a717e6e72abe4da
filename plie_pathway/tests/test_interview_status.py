from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import TODAY, PliePathwayCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestInterviewStatus(PliePathwayCase):
    """An interview is planned, held, a no-show or cancelled; only a held one
    is a contact, and no-shows are counted per participant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pathway = cls._pathway(start=TODAY - timedelta(days=60))

    def _overdue(self):
        Pathway = self.env["plie.pathway"].with_user(self.referent)
        return Pathway.search(
            [("contact_overdue", "=", True), ("id", "=", self.pathway.id)]
        )

    def test_an_interview_is_planned_in_the_future_and_held_in_the_past(self):
        planned = self._interview(self.pathway, TODAY + timedelta(days=5))
        held = self._interview(self.pathway, TODAY)
        self.assertEqual(planned.state, "planned")
        self.assertEqual(held.state, "held")

    def test_only_a_held_interview_is_a_contact(self):
        start = self.pathway.date_start
        self.assertTrue(self.pathway.contact_overdue)
        self.assertEqual(self._overdue(), self.pathway)

        planned = self._interview(self.pathway, TODAY + timedelta(days=5))
        missed = self._interview(self.pathway, TODAY - timedelta(days=10))
        missed.with_user(self.referent).action_mark_no_show()
        called_off = self._interview(self.pathway, TODAY - timedelta(days=5))
        called_off.with_user(self.referent).action_mark_cancelled()
        self.assertEqual(
            (planned | missed | called_off).mapped("state"),
            ["planned", "no_show", "cancelled"],
        )
        self.assertEqual(self.pathway.last_contact_date, start)
        self.assertEqual(self.pathway.next_appointment, planned.date)
        self.assertTrue(self.pathway.contact_overdue)
        self.assertEqual(self._overdue(), self.pathway)

        late = self._interview(self.pathway, TODAY - timedelta(days=40))
        late.with_user(self.referent).action_mark_no_show()
        late.with_user(self.referent).action_mark_planned()
        self.assertEqual(late.state, "planned")
        late.with_user(self.referent).action_mark_held()
        self.assertEqual(self.pathway.last_contact_date, TODAY - timedelta(days=40))
        self.assertTrue(self.pathway.contact_overdue)

        missed.with_user(self.referent).action_mark_planned()
        missed.with_user(self.referent).action_mark_held()
        self.assertEqual(self.pathway.last_contact_date, TODAY - timedelta(days=10))
        self.assertFalse(self.pathway.contact_overdue)
        self.assertFalse(self._overdue())

    def test_marking_an_interview_held_closes_the_no_contact_reminder(self):
        interview = self._interview(self.pathway, TODAY - timedelta(days=2))
        interview.with_user(self.referent).action_mark_no_show()
        self.env["plie.pathway"]._cron_pathway_reminders()
        overdue_type = self.env.ref("plie_pathway.mail_activity_type_contact_overdue")
        reminders = self.pathway.activity_ids.filtered(
            lambda a: a.activity_type_id == overdue_type
        )
        self.assertEqual(len(reminders), 1)
        interview.with_user(self.referent).action_mark_planned()
        interview.with_user(self.referent).action_mark_held()
        self.assertFalse(
            self.pathway.activity_ids.filtered(
                lambda a: a.activity_type_id == overdue_type
            )
        )

    def test_a_held_or_missed_interview_cannot_be_in_the_future(self):
        Interview = self.env["plie.interview"].with_user(self.referent)
        values = {
            "pathway_id": self.pathway.id,
            "date": "2025-06-20 10:00:00",
        }
        with self.assertRaises(ValidationError):
            Interview.create({**values, "state": "held"})
        planned = Interview.create(values)
        with self.assertRaises(ValidationError):
            planned.action_mark_held()
        with self.assertRaises(ValidationError):
            planned.action_mark_no_show()
        planned.action_mark_cancelled()
        self.assertEqual(planned.state, "cancelled")

    def test_a_new_date_keeps_a_no_show_or_a_cancellation(self):
        missed = self._interview(self.pathway, TODAY - timedelta(days=3))
        missed.with_user(self.referent).action_mark_no_show()
        missed.with_user(self.referent).date = "2025-06-12 09:00:00"
        self.assertEqual(missed.state, "no_show")
        planned = self._interview(self.pathway, TODAY + timedelta(days=3))
        planned.with_user(self.referent).action_mark_cancelled()
        planned.with_user(self.referent).date = "2025-06-22 09:00:00"
        self.assertEqual(planned.state, "cancelled")

    def test_no_shows_are_counted_per_pathway_and_per_participant(self):
        participant = self.pathway.participant_id
        earlier = self._pathway(
            participant=participant,
            start=TODAY - timedelta(days=700),
            state="closed",
            date_end=TODAY - timedelta(days=200),
        )
        for pathway, days in ((earlier, 400), (self.pathway, 20), (self.pathway, 10)):
            self._interview(pathway, TODAY - timedelta(days=days)).with_user(
                self.referent
            ).action_mark_no_show()
        self._interview(self.pathway, TODAY - timedelta(days=5))
        cancelled = self._interview(self.pathway, TODAY - timedelta(days=4))
        cancelled.action_mark_cancelled()

        as_referent = self.pathway.with_user(self.referent)
        self.assertEqual(as_referent.no_show_count, 2)
        self.assertEqual(earlier.with_user(self.referent).no_show_count, 1)
        self.assertEqual(participant.with_user(self.referent).no_show_count, 3)
        Participant = self.env["plie.participant"].with_user(self.referent)
        mine = [("referent_id", "=", self.referent.id)]
        self.assertEqual(
            Participant.search([*mine, ("no_show_count", ">=", 3)]), participant
        )
        Pathway = self.env["plie.pathway"].with_user(self.referent)
        self.assertEqual(
            Pathway.search([*mine, ("no_show_count", ">", 0)]), self.pathway | earlier
        )

        self.pathway.interview_ids.filtered(lambda i: i.state == "no_show")[
            :1
        ].with_user(self.referent).action_mark_planned()
        self.assertEqual(as_referent.no_show_count, 1)
        self.assertEqual(participant.with_user(self.referent).no_show_count, 2)
