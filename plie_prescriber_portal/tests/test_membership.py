from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PrescriberPortalCase


@tagged("post_install", "-at_install")
class TestMembership(PrescriberPortalCase):
    def test_coordination_invites_the_organisations_contacts_to_the_portal(self):
        contact = self.env["res.partner"].create(
            {"name": "Conseillère à inviter", "parent_id": self.prescriber.id}
        )
        prescriber = self.prescriber.with_user(self.coordinator)
        action = prescriber.action_plie_invite_members()
        self.assertEqual(action["res_model"], "portal.wizard")
        self.assertEqual(
            set(action["context"]["active_ids"]),
            {self.member.partner_id.id, self.member_b.partner_id.id, contact.id},
        )
        self.assertEqual(prescriber.plie_prescriber_member_count, 2)

    def test_only_a_prescriber_can_invite_members(self):
        with self.assertRaisesRegex(UserError, "is not a prescriber"):
            self.structure.with_user(self.coordinator).action_plie_invite_members()

    def test_only_coordination_sees_and_lifts_a_suspension(self):
        self.prescriber.plie_prescriber_suspended = True
        with self.assertRaises(AccessError):
            self.prescriber.with_user(self.referent).read(["plie_prescriber_suspended"])
        self.prescriber.with_user(self.coordinator).plie_prescriber_suspended = False
        self.assertEqual(
            self.env["plie.prescription"].with_user(self.member)._portal_organisation(),
            self.prescriber,
        )

    def test_a_contact_outside_a_prescriber_cannot_leave_one(self):
        with self.assertRaisesRegex(UserError, "is not a member"):
            self.coordinator.partner_id._plie_leave_prescriber_organisation("test")
