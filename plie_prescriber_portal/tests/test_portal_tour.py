from odoo.tests import HttpCase, tagged

from .common import PrescriberPortalCase


@tagged("post_install", "-at_install")
class TestPortalTour(HttpCase, PrescriberPortalCase):
    def test_a_prescriber_sends_a_person_then_reads_the_committee_decision(self):
        self.member.password = "prescriber-ft-pwd"
        self.start_tour(
            "/my/prescriptions",
            "plie_prescriber_portal_send",
            login=self.member.login,
        )
        prescription = self.env["plie.prescription"].search(
            [("prescriber_id", "=", self.prescriber.id)]
        )
        self.assertEqual(prescription.lastname, "Tourmaline")
        self.assertEqual(
            prescription.attachment_ids.mapped("name"), ["attestation.txt"]
        )
        self.assertEqual(prescription.prescriber_contact_id, self.member.partner_id)
        # Later, the committee refuses the entry.
        coordinator = self.env["plie.prescription"].with_user(self.coordinator)
        prescription = coordinator.browse(prescription.id)
        prescription.action_preassign()
        committee = self._committee()
        prescription.committee_id = committee
        prescription.action_put_on_agenda()
        prescription.committee_item_ids.write(
            {
                "decision": "refused",
                "decision_note": "Not eligible yet",
                "refusal_reason_id": self.refusal_not_eligible.id,
            }
        )
        committee.with_user(self.coordinator).action_close()
        self.assertEqual(
            self._follow_up(self.member, prescription)["decision"], "Refused"
        )
        self.start_tour(
            "/my/prescriptions",
            "plie_prescriber_portal_decision",
            login=self.member.login,
        )
        response = self.url_open(f"/my/prescriptions/{prescription.id}/letter")
        self.assertEqual(response.status_code, 200)
        self.authenticate(self.other_member.login, self.other_member.login)
        response = self.url_open(f"/my/prescriptions/{prescription.id}/letter")
        self.assertEqual(response.status_code, 404)
