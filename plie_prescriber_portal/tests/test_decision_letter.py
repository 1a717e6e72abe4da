from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.plie_pathway.tests.common import TODAY

from .common import PrescriberPortalCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestDecisionLetter(PrescriberPortalCase):
    def _on_agenda(self, user, lastname, committee):
        prescription = self._send(user, lastname=lastname)
        prescription.with_user(self.coordinator).action_preassign()
        prescription.with_user(self.coordinator).write({"committee_id": committee.id})
        prescription.with_user(self.coordinator).action_put_on_agenda()
        return prescription

    def test_each_prescriber_receives_the_decision_for_the_people_they_sent(self):
        committee = self._committee()
        refused = self._on_agenda(self.member, "Refusée", committee)
        postponed = self._on_agenda(self.other_member, "Reportée", committee)
        refused.committee_item_ids.write(
            {
                "decision": "refused",
                "decision_note": "Free text of the committee",
                "refusal_reason_id": self.refusal_not_eligible.id,
            }
        )
        postponed.committee_item_ids.write(
            {"decision": "postponed", "decision_note": "Free text of the committee"}
        )
        committee.with_user(self.coordinator).action_close()
        mails = self.env["mail.mail"].search(
            [
                ("model", "=", "plie.prescription"),
                ("res_id", "in", (refused | postponed).ids),
            ]
        )
        self.assertEqual(len(mails), 2)
        by_prescription = {mail.res_id: mail for mail in mails}
        to_member = by_prescription[refused.id]
        self.assertEqual(to_member.recipient_ids, self.member.partner_id)
        self.assertIn("Refusée", to_member.body_html)
        self.assertIn(self.refusal_not_eligible.name, to_member.body_html)
        self.assertNotIn("Free text", to_member.body_html)
        self.assertEqual(len(to_member.attachment_ids), 1)
        self.assertEqual(
            by_prescription[postponed.id].recipient_ids, self.other_member.partner_id
        )
        self.assertEqual(refused.decision_letter_date, TODAY)
        self.assertEqual(postponed.decision_letter_date, TODAY)
        # The letter is what the portal shows: no free text of the committee.
        letter = refused._decision_letter_pdf().decode()
        self.assertIn(self.refusal_not_eligible.name, letter)
        self.assertNotIn("Free text", letter)
        self.assertTrue(self._follow_up(self.member, refused)["letter"])
