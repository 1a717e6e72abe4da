from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common import TODAY, PliePathwayCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestReminders(PliePathwayCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.overdue = cls._pathway(start=TODAY - timedelta(days=60))
        cls._interview(cls.overdue, TODAY - timedelta(days=31))
        cls.recent = cls._pathway(start=TODAY - timedelta(days=60))
        cls._interview(cls.recent, TODAY - timedelta(days=30))
        cls.new = cls._pathway(start=TODAY - timedelta(days=29))
        cls.suspended = cls._pathway(
            start=TODAY - timedelta(days=90), state="suspended"
        )
        cls.long = cls._pathway(start=TODAY - timedelta(days=25 * 31))
        cls._interview(cls.long, TODAY - timedelta(days=2))
        cls.capped = cls._pathway(start=date(2022, 6, 16))
        cls._interview(cls.capped, TODAY - timedelta(days=2))

    def _activities(self, pathways, xmlid):
        activity_type = self.env.ref(xmlid)
        return pathways.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )

    def test_overdue_filter_uses_the_configured_frequency(self):
        Pathway = self.env["plie.pathway"].with_user(self.referent)
        self.assertEqual(Pathway.search([("contact_overdue", "=", True)]), self.overdue)
        self.assertEqual(self.overdue.last_contact_date, TODAY - timedelta(days=31))
        self.assertNotIn(
            self.overdue, Pathway.search([("contact_overdue", "=", False)])
        )
        self.company.plie_contact_frequency_days = 45
        self.assertFalse(Pathway.search([("contact_overdue", "=", True)]))
        self.company.plie_contact_frequency_days = 28
        self.assertEqual(
            Pathway.search([("contact_overdue", "=", True)]),
            self.overdue | self.recent | self.new,
        )

    def test_cron_raises_one_activity_for_the_referent_until_an_interview(self):
        Pathway = self.env["plie.pathway"]
        xmlid = "plie_pathway.mail_activity_type_contact_overdue"
        Pathway._cron_pathway_reminders()
        Pathway._cron_pathway_reminders()
        activity = self._activities(self.overdue, xmlid)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.referent)
        self.assertFalse(
            self._activities(self.recent | self.new | self.suspended, xmlid)
        )
        self._interview(self.overdue, TODAY)
        self.assertFalse(self._activities(self.overdue, xmlid))
        self.assertFalse(self.overdue.contact_overdue)

    def test_long_pathways_are_flagged_at_24_months_and_at_the_cap(self):
        self.assertEqual(self.long.duration_alert, "alert")
        self.assertEqual(self.capped.duration_alert, "cap")  # exactly 36 months
        self.assertFalse(self.overdue.duration_alert)
        Pathway = self.env["plie.pathway"]
        self.assertEqual(
            Pathway.search([("duration_alert", "!=", False)]), self.long | self.capped
        )
        self.assertEqual(Pathway.search([("duration_alert", "=", "cap")]), self.capped)
        self.assertEqual(Pathway.search([("duration_alert", "=", "alert")]), self.long)
        Pathway._cron_pathway_reminders()
        alerts = self._activities(
            Pathway.search([("company_id", "=", self.company.id)]),
            "plie_pathway.mail_activity_type_duration_alert",
        )
        self.assertEqual(alerts.mapped("res_id"), (self.long | self.capped).ids)
        self.company.plie_pathway_cap_months = 40
        self.assertEqual(self.capped.duration_alert, "alert")

    def test_next_appointment_is_kept_in_the_referents_calendar(self):
        interview = self._interview(
            self.recent, TODAY, next_appointment="2025-07-10 09:00:00"
        )
        event = interview.calendar_event_id
        self.assertEqual(event.privacy, "private")
        self.assertEqual(event.res_id, self.recent.id)
        self.assertEqual(self.recent.next_appointment, event.start)
        interview.next_appointment = "2025-07-11 09:00:00"
        self.assertEqual(event.start.day, 11)
        interview.next_appointment = False
        self.assertFalse(event.exists())
