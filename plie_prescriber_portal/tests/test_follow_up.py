from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.plie_pathway.tests.common import TODAY

from .common import PrescriberPortalCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestFollowUp(PrescriberPortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Prescription = cls.env["plie.prescription"]
        cls.sent_a = Prescription.with_user(cls.member)._portal_submit(
            cls._person(lastname="Alpha"), ()
        )
        cls.sent_b = Prescription.with_user(cls.member_b)._portal_submit(
            cls._person(lastname="Bravo"), ()
        )
        cls.sent_other = Prescription.with_user(cls.other_member)._portal_submit(
            cls._person(lastname="Charlie"), ()
        )

    def _reach(self, user, search=None):
        Prescription = self.env["plie.prescription"].with_user(user)
        return Prescription._portal_prescriptions(search=search)

    def test_members_see_every_prescription_of_their_organisation_only(self):
        both = self.sent_a | self.sent_b
        self.assertEqual(self._reach(self.member), both)
        self.assertEqual(self._reach(self.member_b), both)
        self.assertEqual(self._reach(self.other_member), self.sent_other)
        with self.assertRaises(AccessError):
            self._follow_up(self.other_member, self.sent_a)

    def test_a_search_filter_finds_nothing_outside_the_organisation(self):
        self.assertEqual(self._reach(self.member, search="Alpha"), self.sent_a)
        self.assertFalse(self._reach(self.member, search="Charlie"))
        self.assertFalse(self._reach(self.member, search=self.sent_other.name))

    def test_portal_users_have_no_right_on_plie_records(self):
        env = self.env(user=self.member)
        for model in ("plie.prescription", "plie.participant", "plie.committee"):
            with self.assertRaises(AccessError):
                env[model].search([])
        attachment = self.env["ir.attachment"].create(
            {
                "name": "a.txt",
                "raw": b"x",
                "res_model": "plie.prescription",
                "res_id": self.sent_a.id,
            }
        )
        # Portal users have no right on attachments (and so none on these).
        with self.assertRaises(AccessError):
            env["ir.attachment"].search([("id", "=", attachment.id)])

    def test_a_suspended_organisation_and_a_removed_member_reach_nothing(self):
        self.prescriber.plie_prescriber_suspended = True
        self.assertFalse(self._reach(self.member))
        self.prescriber.plie_prescriber_suspended = False
        self.member_b.partner_id.with_user(self.coordinator).action_plie_remove_member()
        self.assertFalse(self._reach(self.member_b))
        self.assertEqual(self._reach(self.member), self.sent_a | self.sent_b)
        self.assertIn(
            "is no longer a member",
            self.prescriber.message_ids[:1].body,
        )

    def test_the_follow_up_shows_the_statuses_and_nothing_of_the_pathway(self):
        prescription = self.sent_a
        self.assertEqual(
            self._follow_up(self.member, prescription)["status"], "received"
        )
        prescription.with_user(self.coordinator).action_preassign()
        follow_up = self._follow_up(self.member, prescription)
        self.assertEqual(follow_up["status"], "preassigned")
        self.assertEqual(follow_up["referent"], prescription.referent_id.name)
        committee = self._committee(days=-3)
        prescription.with_user(self.coordinator).committee_id = committee
        prescription.with_user(self.coordinator).action_put_on_agenda()
        follow_up = self._follow_up(self.member, prescription)
        self.assertEqual(follow_up["status"], "agenda")
        self.assertEqual(follow_up["committee_date"], committee.date)
        item = prescription.committee_item_ids
        item.write(
            {
                "decision": "accepted",
                "decision_note": "Confidential: debts",
                "derogation": True,
                "derogation_reason": "Evidence to come",
            }
        )
        committee.with_user(self.coordinator).action_close()
        follow_up = self._follow_up(self.member, prescription)
        self.assertEqual(follow_up["status"], "admitted")
        self.assertEqual(follow_up["decision"], "Admitted")
        self.assertTrue(follow_up["letter"])
        pathway = prescription.pathway_id
        pathway.write({"state": "active", "date_start": pathway.admission_date})
        self.assertEqual(
            self._follow_up(self.member, prescription)["status"], "in_pathway"
        )
        prescription.pathway_id.state = "closed"
        follow_up = self._follow_up(self.member, prescription)
        self.assertEqual(follow_up["status"], "exited")
        self.assertNotIn("Confidential", str(follow_up))
        self.assertEqual(
            set(follow_up),
            {
                "id",
                "reference",
                "person",
                "date",
                "sent_by",
                "status",
                "status_label",
                "referent",
                "referent_email",
                "referent_phone",
                "committee_date",
                "decision",
                "refusal_category",
                "letter",
            },
        )

    def test_the_follow_up_list_reads_in_a_constant_number_of_queries(self):
        Prescription = self.env["plie.prescription"].with_user(self.member)

        def follow_up():
            return Prescription._portal_prescriptions()._portal_values()

        self._warm_up(follow_up)
        with self.assertQueryCount(8):
            self.assertEqual(len(follow_up()), 2)
        for number in range(4):
            self._send(self.member_b, lastname=f"Extra {number}", documents=())
        self._warm_up(follow_up)
        with self.assertQueryCount(8):
            self.assertEqual(len(follow_up()), 6)
