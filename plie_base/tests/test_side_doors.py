import json
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import PlieBaseCase


@tagged("post_install", "-at_install")
class TestThreadSideDoors(PlieBaseCase):
    """What a référent writes in a participant's chatter (health, family,
    debts...) reaches only the roles that read the participant's social data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.participant = cls._create_participant()
        cls.message = cls.participant.with_user(cls.referent).message_post(
            body="Health problems, debts.",
            subtype_xmlid="mail.mt_note",
            # Mentioned users would read it in their Discuss inbox.
            partner_ids=(cls.business | cls.finance | cls.internal).partner_id.ids,
        )
        cls.attachment = cls.env["ir.attachment"].create(
            {
                "name": "medical.pdf",
                "raw": b"health",
                "res_model": "plie.participant",
                "res_id": cls.participant.id,
            }
        )
        cls.activity = cls.participant.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Call about the debts",
            user_id=cls.business.id,
        )

    def test_roles_without_social_data_find_no_message_note_or_file(self):
        domain = [("model", "=", "plie.participant")]
        for user in (self.business, self.finance, self.internal):
            env = self.env(user=user)
            with self.subTest(user=user.login):
                self.assertFalse(env["mail.message"].search(domain))
                self.assertFalse(
                    env["ir.attachment"].search([("id", "=", self.attachment.id)])
                )
                self.assertFalse(
                    env["mail.followers"].search(
                        [("res_model", "=", "plie.participant")]
                    )
                )
                with self.assertRaises(AccessError):
                    self.message.with_env(env).read(["body"])
                with self.assertRaises(AccessError):
                    self.attachment.with_env(env).read(["datas"])

    def test_thread_checks_cost_no_query_per_message(self):
        domain = [("model", "=", "plie.participant")]

        def queries(user):
            Message = self.env["mail.message"].with_user(user)
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            Message.search(domain).read(["body", "author_id"])
            return self.cr.sql_log_count - before

        users = (self.referent, self.business)
        for user in users:
            queries(user)  # warm the caches of groups and rules
        counts = {user: queries(user) for user in users}
        participant = self.participant.with_user(self.referent)
        for number in range(10):
            participant.message_post(
                body=f"Note {number}", subtype_xmlid="mail.mt_note"
            )
        for user, count in counts.items():
            self.assertEqual(queries(user), count, user.login)

    def test_the_referent_reads_the_thread(self):
        env = self.env(user=self.referent)
        participant = self.participant.with_env(env)
        self.assertIn(self.message, participant.message_ids)
        self.assertEqual(
            env["ir.attachment"].search([("id", "=", self.attachment.id)]),
            self.attachment,
        )

    def test_business_reads_no_message_through_the_participant(self):
        participant = self.participant.with_user(self.business)
        self.assertFalse(participant.message_ids)
        self.assertFalse(participant.message_follower_ids)
        self.assertFalse(participant.activity_ids)

    def test_activities_assigned_to_a_role_without_social_data_are_hidden(self):
        with self.assertRaises(AccessError):
            self.activity.with_user(self.business).read(["summary", "note"])
        self.assertFalse(
            self.env["mail.activity"]
            .with_user(self.business)
            .search([("id", "=", self.activity.id)])
        )

    def test_mentioned_users_without_social_data_are_not_notified(self):
        notified = self.env["mail.notification"].search(
            [("mail_message_id", "=", self.message.id)]
        )
        self.assertFalse(
            notified.res_partner_id & (self.business | self.finance).partner_id
        )
        inbox = (
            self.env["mail.message"]
            .with_user(self.business)
            .search([("needaction", "=", True)])
        )
        self.assertNotIn(self.message, inbox)

    def test_discuss_and_composer_do_not_open_the_thread(self):
        Participant = self.env["plie.participant"].with_user(self.finance)
        self.assertFalse(Participant._get_thread_with_access(self.participant.id))
        self.assertTrue(
            Participant.with_user(self.referent)._get_thread_with_access(
                self.participant.id
            )
        )
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.business)
            .with_context(
                default_model="plie.participant",
                default_res_ids=self.participant.ids,
                default_composition_mode="comment",
            )
        )
        with self.assertRaises(AccessError):
            composer.create({"body": "Hello"})._action_send_mail()
        with self.assertRaises(AccessError):
            self.env["ir.attachment"].with_user(self.business).create(
                {
                    "name": "upload.txt",
                    "raw": b"x",
                    "res_model": "plie.participant",
                    "res_id": self.participant.id,
                }
            )


@tagged("post_install", "-at_install")
class TestSearchSideDoors(PlieBaseCase):
    """A field a role may not read is not searched, grouped or sorted on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.participant = cls._create_participant(rqth=True)
        cls.env["plie.participant.benefit"].create(
            {
                "participant_id": cls.participant.id,
                "benefit_type": "rsa",
                "start_date": date(2025, 1, 1),
            }
        )

    def test_business_and_finance_cannot_filter_on_social_data(self):
        for user in (self.business, self.finance):
            Participant = self.env["plie.participant"].with_user(user)
            for domain in (
                [("benefit_ids", "!=", False)],
                [("benefit_ids.benefit_type", "=", "rsa")],
                [("note_ids", "!=", False)],
                [("evidence_ids", "!=", False)],
                [("priority_criterion_ids", "!=", False)],
                [("rqth", "=", True)],
            ):
                with self.subTest(user=user.login, domain=domain):
                    with self.assertRaises(AccessError):
                        Participant.search_count(domain)
            with self.assertRaises(AccessError):
                Participant.read_group([], ["__count"], ["housing_situation"])
            with self.assertRaises(AccessError):
                Participant.search([], order="rqth")

    def test_the_referent_filters_their_caseload_on_benefits(self):
        Participant = self.env["plie.participant"].with_user(self.referent)
        self.assertEqual(
            Participant.search([("benefit_ids", "!=", False)]), self.participant
        )


@tagged("post_install", "-at_install")
class TestContactSideDoors(PlieBaseCase):
    """Being a participant is itself sensitive: their contact is hidden from
    users without a PLIE role, and written only by who writes the participant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.participant = cls._create_participant(phone="0696123456")
        cls.partner = cls.participant.partner_id

    def test_internal_user_finds_no_participant_contact(self):
        Partner = self.env["res.partner"].with_user(self.internal)
        self.assertFalse(Partner.search([("name", "ilike", "Dorival")]))
        self.assertFalse(Partner.name_search("Dorival"))
        self.assertFalse(Partner.search([("phone", "=", "0696123456")]))
        with self.assertRaises(AccessError):
            self.partner.with_user(self.internal).read(["name", "phone"])
        # Ordinary contacts stay visible.
        self.assertTrue(Partner.search([("id", "=", self.structure.id)]))

    def test_plie_roles_keep_the_contact(self):
        for user in (self.referent, self.coordinator, self.business, self.finance):
            Partner = self.env["res.partner"].with_user(user)
            with self.subTest(user=user.login):
                self.assertIn(
                    self.partner.id, [i for i, _n in Partner.name_search("Dorival")]
                )

    def test_the_contact_thread_follows_the_participant(self):
        message = self.partner.message_post(
            body="Email from the participant: my debts", subtype_xmlid="mail.mt_note"
        )
        domain = [("model", "=", "res.partner"), ("res_id", "=", self.partner.id)]
        for user in (self.referent_colleague, self.business, self.finance):
            with self.subTest(user=user.login):
                Message = self.env["mail.message"].with_user(user)
                self.assertFalse(Message.search(domain))
                with self.assertRaises(AccessError):
                    message.with_user(user).read(["body"])
        Message = self.env["mail.message"].with_user(self.referent)
        self.assertEqual(Message.search(domain), message)

    def test_only_who_writes_the_participant_writes_the_contact(self):
        for user in (self.referent_colleague, self.business):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.partner.with_user(user).write({"phone": "0000"})
        self.partner.with_user(self.referent).write({"phone": "0696000000"})
        self.assertEqual(self.participant.phone, "0696000000")


@tagged("post_install", "-at_install")
class TestPersonalDataExport(PlieBaseCase, HttpCase):
    """The subject access export goes to the one who asks, is logged, and
    leaves no copy behind."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.participant = cls._create_participant(housing_situation="family")

    def _attachments(self):
        return self.env["ir.attachment"].search(
            [
                ("res_model", "=", "plie.participant"),
                ("res_id", "=", self.participant.id),
            ]
        )

    def test_export_is_streamed_to_coordination_and_logged(self):
        self.authenticate(self.coordinator.login, self.coordinator.login)
        response = self.url_open(f"/plie/personal_data/{self.participant.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        data = json.loads(response.content)
        self.assertEqual(data["participant"]["housing_situation"], "family")
        self.assertFalse(self._attachments(), "no copy is kept")
        # Who and when, in the chatter (in the requester's language).
        log = self.participant.message_ids[:1]
        self.assertEqual(log.author_id, self.coordinator.partner_id)
        self.assertIn(self.coordinator.name, log.body)
        self.assertTrue(log.date)

    # Refusals are expected: odoo.http logs each as a warning.
    @mute_logger("odoo.http")
    def test_export_is_refused_to_the_other_roles(self):
        for user in (self.referent, self.business):
            self.authenticate(user.login, user.login)
            response = self.url_open(f"/plie/personal_data/{self.participant.id}")
            self.assertEqual(response.status_code, 403, user.login)
        self.assertFalse(self._attachments())
