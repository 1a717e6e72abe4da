import xmlrpc.client
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import TODAY, PliePathwayCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestBadInput(PliePathwayCase):
    """Dates, hours and states: refused with a clear error, nothing written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pathway = cls._pathway()

    def test_contract_signed_in_the_future_or_before_admission_is_refused(self):
        draft = self._pathway(start=False, admission_date=TODAY - timedelta(days=5))
        for day in (TODAY + timedelta(days=1), TODAY - timedelta(days=6)):
            with self.subTest(day=day), self.assertRaises(ValidationError):
                draft.with_user(self.referent).write({"date_start": day})
        self.assertFalse(draft.date_start)

    def test_exit_in_the_future_is_refused(self):
        with self.assertRaises(ValidationError):
            self.env["plie.committee.item"].create(
                {
                    "committee_id": self._committee().id,
                    "item_type": "exit",
                    "pathway_id": self.pathway.id,
                    "exit_reason_id": self.reason_moved.id,
                    "exit_date": TODAY + timedelta(days=3),
                }
            )
        wizard = (
            self.env["plie.exit.proposal"]
            .with_user(self.referent)
            .create(
                {
                    "pathway_id": self.pathway.id,
                    "committee_id": self._committee().id,
                    "exit_reason_id": self.reason_moved.id,
                    "exit_date": TODAY + timedelta(days=3),
                    "note": "Déménagement prévu",
                }
            )
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertFalse(self.pathway.committee_item_ids)

    def test_future_interview_is_planned_and_is_not_a_contact(self):
        last_contact = self.pathway.last_contact_date
        planned = self._interview(self.pathway, TODAY + timedelta(days=10))
        self.assertEqual(planned.state, "planned")
        self.assertEqual(self.pathway.last_contact_date, last_contact)
        self.assertEqual(planned.date, self.pathway.next_appointment)
        with self.assertRaises(ValidationError):
            planned.with_user(self.referent).action_mark_held()
        held = self._interview(self.pathway, TODAY - timedelta(days=1))
        self.assertEqual(held.state, "held")
        self.assertEqual(self.pathway.last_contact_date, TODAY - timedelta(days=1))

    def test_hours_out_of_range_are_refused(self):
        Interview = self.env["plie.interview"].with_user(self.referent)
        with self.assertRaises(ValidationError):
            Interview.create(
                {
                    "pathway_id": self.pathway.id,
                    "date": datetime(2025, 6, 10, 10),
                    "duration": 30,
                }
            )
        action = self.env["plie.action"].create(
            {"name": "Atelier CV", "company_id": self.company.id}
        )
        with self.assertRaises(ValidationError):
            self.env["plie.action.enrolment"].with_user(self.referent).create(
                {
                    "pathway_id": self.pathway.id,
                    "action_id": action.id,
                    "planned_hours": 100_000,
                }
            )
        with self.assertRaises(ValidationError):
            self._employment(self.pathway, "cdi", TODAY, weekly_hours=80)

    def test_dates_out_of_range_are_refused(self):
        with self.assertRaises(ValidationError):
            self._employment(self.pathway, "cdd", date(202, 1, 1))
        with self.assertRaises(ValidationError):
            self.env["plie.pathway.step"].create(
                {
                    "pathway_id": self.pathway.id,
                    "step_type_id": self.type_diagnosis.id,
                    "date_start": date(3025, 1, 1),
                }
            )

    def test_states_move_only_through_their_actions(self):
        prescription = self.env["plie.prescription"].create(
            {
                "prescriber_id": self.prescriber.id,
                "lastname": "Directe",
                "company_id": self.company.id,
            }
        )
        committee = self._committee()
        writes = [
            (self.pathway, {"state": "closed"}),
            (prescription, {"state": "admitted"}),
            (committee, {"state": "closed"}),
            (self.pathway.participant_id, {"state": "exited"}),
        ]
        for record, values in writes:
            for user in (self.coordinator, self.manager):
                with (
                    self.subTest(model=record._name, user=user.login),
                    self.assertRaises(AccessError),
                ):
                    record.with_user(user).write(values)
        with self.assertRaises(AccessError):
            self.env["plie.pathway"].with_user(self.coordinator).create(
                {
                    "participant_id": self._create_participant(lastname="Raccourci").id,
                    "company_id": self.company.id,
                    "state": "active",
                }
            )
        self.assertEqual(self.pathway.state, "active")
        self.assertEqual(prescription.state, "received")
        self.assertEqual(committee.state, "planned")

    def test_referent_of_another_plie_is_refused(self):
        company_b = self.env["res.company"].create({"name": "PLIE voisin"})
        referent_b = self._new_user(
            "referent_b", "plie_base.group_plie_referent", company_b
        )
        with self.assertRaises(UserError):
            self.env["plie.prescription"].with_user(self.coordinator).create(
                {
                    "prescriber_id": self.prescriber.id,
                    "lastname": "Ailleurs",
                    "company_id": self.company.id,
                    "referent_id": referent_b.id,
                }
            )
        with self.assertRaises(UserError):
            self.env["plie.pathway.reassign"].with_user(self.coordinator).create(
                {
                    "pathway_ids": [(6, 0, self.pathway.ids)],
                    "referent_id": referent_b.id,
                    "reason": "Erreur",
                }
            )

    def test_malformed_identifier_on_a_prescription_is_refused(self):
        with self.assertRaises(ValidationError):
            self.env["plie.prescription"].with_user(self.coordinator).create(
                {
                    "prescriber_id": self.prescriber.id,
                    "lastname": "Identifiant",
                    "company_id": self.company.id,
                    "france_travail_id": "x" * 100_000,
                }
            )


@tagged("post_install", "-at_install")
class TestBadInputOverRpc(HttpCase, PliePathwayCase):
    """The same guards hold for a client calling XML-RPC."""

    def _call(self, user, model, method, *args):
        return self.xmlrpc_object.execute(
            self.env.cr.dbname, user.id, user.login, model, method, *args
        )

    # Refusals are expected: odoo.http logs each as a warning.
    @mute_logger("odoo.http")
    def test_rpc_cannot_skip_the_committee_or_store_bad_identifiers(self):
        pathway = self._pathway()
        with self.assertRaises(xmlrpc.client.Fault):
            self._call(
                self.coordinator,
                "plie.pathway",
                "write",
                pathway.ids,
                {"state": "closed"},
            )
        # The message names the expected format (in the user's language).
        with self.assertRaisesRegex(xmlrpc.client.Fault, "1234567A"):
            self._call(
                self.coordinator,
                "plie.participant",
                "create",
                {"lastname": "Rpc", "france_travail_id": "x" * 100_000},
            )
        self.assertEqual(pathway.state, "active")
        self.assertFalse(
            self.env["plie.participant"].search_count([("lastname", "=", "Rpc")])
        )
