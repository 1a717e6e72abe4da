from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import PlieBaseCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-01")
class TestEvidenceReminders(PlieBaseCase):
    def _evidence(self, participant, on):
        return self.env["plie.eligibility.evidence"].create(
            {
                "participant_id": participant.id,
                "criterion_id": self.criterion_deld.id,
                "evidence_date": on,
            }
        )

    def _reminders(self, participants):
        activity_type = self.env.ref("plie_base.mail_activity_type_renew_evidence")
        return participants.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )

    def test_referent_gets_one_reminder_before_evidence_expires(self):
        expiring = self._create_participant()
        self._evidence(expiring, date(2025, 12, 15))  # expires 2026-03-15
        fresh = self._create_participant(lastname="Augustin")
        self._evidence(fresh, date(2026, 2, 20))  # expires 2026-05-20
        exited = self._create_participant(lastname="Desroses", state="exited")
        self._evidence(exited, date(2025, 12, 15))

        self.env["plie.participant"]._cron_remind_expiring_evidence()
        reminder = self._reminders(expiring)
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.user_id, self.referent)
        self.assertEqual(reminder.date_deadline, date(2026, 3, 15))
        self.assertFalse(self._reminders(fresh | exited))

        self.env["plie.participant"]._cron_remind_expiring_evidence()
        self.assertEqual(len(self._reminders(expiring)), 1)
