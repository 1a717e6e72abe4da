from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TODAY, PliePathwayCase

MINUTES = "plie_pathway.action_report_committee_minutes"


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestPathwaySideDoors(PliePathwayCase):
    """Committee sessions, exit reasons, pathway threads and appointments reach
    only the roles that read participants' social data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own = cls._pathway(cls._create_participant(lastname="Suivie"))
        cls.other = cls._pathway(
            cls._create_participant(
                lastname="Autre", referent_id=cls.referent_colleague.id
            )
        )
        cls.committee = cls._committee(note="<p>Refused: health, debts</p>")
        cls.items = cls.env["plie.committee.item"].create(
            [
                {
                    "committee_id": cls.committee.id,
                    "item_type": "extension",
                    "pathway_id": pathway.id,
                }
                for pathway in (cls.own, cls.other)
            ]
        )
        cls.env["ir.attachment"].create(
            {
                "name": "minutes.pdf",
                "raw": b"everyone",
                "res_model": "plie.committee",
                "res_id": cls.committee.id,
            }
        )

    def test_referent_sees_the_committee_items_of_their_caseload_only(self):
        committee = self.committee.with_user(self.referent)
        self.assertEqual(committee.item_ids, self.items[0])
        self.assertEqual(committee.item_count, 1)
        with self.assertRaises(AccessError):
            committee.read(["note"])

    def test_minutes_notes_files_and_pdf_are_for_coordination(self):
        Report = self.env["ir.actions.report"]
        for user in (self.referent, self.business, self.finance):
            env = self.env(user=user)
            with self.subTest(user=user.login):
                self.assertFalse(
                    env["ir.attachment"].search([("res_model", "=", "plie.committee")])
                )
                with self.assertRaises(AccessError):
                    Report.with_env(env)._render_qweb_html(MINUTES, self.committee.ids)
        html, _type = Report.with_user(self.coordinator)._render_qweb_html(
            MINUTES, self.committee.ids
        )
        self.assertIn(b"Autre", html)

    def test_business_and_finance_do_not_see_exit_reasons(self):
        self.own.sudo().exit_reason_id = self.reason_moved
        for user in (self.business, self.finance):
            with self.subTest(user=user.login):
                Pathway = self.env["plie.pathway"].with_user(user)
                with self.assertRaises(AccessError):
                    Pathway.search_count([("exit_reason_id.code", "=", "health")])
                with self.assertRaises(AccessError):
                    Pathway.read_group([], ["__count"], ["exit_reason_id"])
                with self.assertRaises(AccessError):
                    Pathway.search_count([("priority_criterion_ids", "!=", False)])
        Report = self.env["plie.pathway.report"].with_user(self.finance)
        with self.assertRaises(AccessError):
            Report.read_group([], ["exit_count:sum"], ["exit_reason_id"])
        with self.assertRaises(AccessError):
            Report.search_count([("pathway_id.priority_criterion_ids", "!=", False)])
        self.assertTrue(Report.read_group([], ["exit_count:sum"], ["gender"]))

    def test_pathway_chatter_is_for_social_roles(self):
        message = self.own.with_user(self.referent).message_post(
            body="Family problems", subtype_xmlid="mail.mt_note"
        )
        for user in (self.business, self.finance):
            with self.subTest(user=user.login):
                self.assertFalse(self.own.with_user(user).message_ids)
                with self.assertRaises(AccessError):
                    message.with_user(user).read(["body"])
        self.assertIn(message, self.own.with_user(self.coordinator).message_ids)

    def test_plain_internal_user_finds_no_plie_appointment(self):
        interview = self._interview(
            self.own, TODAY, next_appointment=TODAY + timedelta(days=20)
        )
        event = interview.calendar_event_id
        self.assertTrue(event)
        Event = self.env["calendar.event"]
        self.assertFalse(
            Event.with_user(self.internal).search([("name", "ilike", "Suivie")])
        )
        with self.assertRaises(AccessError):
            event.with_user(self.internal).read(["name"])
        self.assertEqual(
            Event.with_user(self.referent).search([("name", "ilike", "Suivie")]),
            event,
        )
