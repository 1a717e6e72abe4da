from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TODAY, PliePathwayCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestCommittee(PliePathwayCase):
    def _entry(self, participant, committee):
        prescription = self.env["plie.prescription"].create(
            {
                "prescriber_id": self.prescriber.id,
                "lastname": participant.lastname,
                "firstname": participant.firstname,
                "birth_date": participant.birth_date,
                "company_id": self.company.id,
                "participant_id": participant.id,
                "referent_id": participant.referent_id.id,
                "state": "preassigned",
                "committee_id": committee.id,
            }
        )
        prescription.action_put_on_agenda()
        return prescription.committee_item_ids

    def _close(self, committee):
        committee.with_user(self.coordinator).action_close()

    def test_eligibility_verdict_is_shown_at_the_session_date(self):
        committee = self._committee()
        eligible = self._entry(
            self._eligible_participant(lastname="Éligible"), committee
        )
        not_eligible = self._entry(
            self._create_participant(lastname="Inéligible"), committee
        )
        self.assertEqual(eligible.eligibility_verdict, "eligible")
        self.assertEqual(not_eligible.eligibility_verdict, "not_eligible")

    def test_admission_opens_a_pathway_to_sign(self):
        committee = self._committee()
        participant = self._eligible_participant(lastname="Admise")
        item = self._entry(participant, committee)
        item.write({"decision": "accepted", "decision_note": "Projet cohérent"})
        self._close(committee)
        pathway = item.pathway_id
        self.assertEqual(committee.state, "closed")
        self.assertEqual(item.prescription_id.state, "admitted")
        self.assertEqual(item.prescription_id.pathway_id, pathway)
        self.assertEqual(pathway.state, "draft")
        self.assertEqual(pathway.admission_date, TODAY + timedelta(days=7))
        self.assertEqual(pathway.referent_id, self.referent)
        self.assertEqual(pathway.assignment_ids.date_start, pathway.admission_date)

    def test_refused_entry_records_the_configurable_refusal_reason(self):
        committee = self._committee()
        item = self._entry(self._eligible_participant(lastname="Refusée"), committee)
        item.write({"decision": "refused", "decision_note": "Autre dispositif"})
        with self.assertRaisesRegex(UserError, "choose the refusal reason"):
            self._close(committee)
        item.refusal_reason_id = self.refusal_not_eligible
        self._close(committee)
        self.assertEqual(item.prescription_id.state, "refused")
        self.assertEqual(
            item.prescription_id.refusal_reason_id, self.refusal_not_eligible
        )
        self.assertFalse(item.participant_id.pathway_ids)
        groups = self.env["plie.committee.item"]._read_group(
            [("company_id", "=", self.company.id), ("decision", "=", "refused")],
            ["refusal_reason_id"],
            ["__count"],
        )
        self.assertEqual(groups, [(self.refusal_not_eligible, 1)])

    def test_postponed_entry_goes_on_the_agenda_of_a_later_session(self):
        first = self._committee(days=7)
        item = self._entry(self._eligible_participant(lastname="Reportée"), first)
        item.write({"decision": "postponed", "decision_note": "Pièce manquante"})
        self._close(first)
        prescription = item.prescription_id
        self.assertEqual(prescription.state, "postponed")
        second = self._committee(days=35)
        prescription.with_user(self.coordinator).action_put_on_agenda()
        self.assertEqual(prescription.state, "agenda")
        self.assertEqual(prescription.committee_id, second)
        self.assertEqual(len(prescription.committee_item_ids), 2)
        second.item_ids.write(
            {"decision": "accepted", "decision_note": "Pièce fournie"}
        )
        self._close(second)
        self.assertEqual(prescription.state, "admitted")

    def test_ineligible_entry_needs_a_recorded_derogation(self):
        committee = self._committee()
        item = self._entry(self._create_participant(lastname="Dérogation"), committee)
        item.write({"decision": "accepted", "decision_note": "Situation particulière"})
        with self.assertRaisesRegex(UserError, "record a derogation"):
            self._close(committee)
        self.assertEqual(committee.state, "planned")
        self.assertFalse(item.participant_id.pathway_ids)
        item.write({"derogation": True, "derogation_reason": "Sortie d'incarcération"})
        self._close(committee)
        self.assertEqual(item.pathway_id.state, "draft")

    def test_derogation_for_outside_territory_grants_the_territory_override(self):
        committee = self._committee()
        participant = self._eligible_participant(
            lastname="Hors territoire", zip="97100", city="Basse-Terre"
        )
        item = self._entry(participant, committee)
        self.assertEqual(item.eligibility_verdict, "outside_territory")
        item.write(
            {
                "decision": "accepted",
                "decision_note": "Déménagement prévu",
                "derogation": True,
                "derogation_reason": "Emménage à Fort-de-France",
            }
        )
        self._close(committee)
        self.assertTrue(participant.territory_override)
        self.assertEqual(
            participant.territory_override_reason, "Emménage à Fort-de-France"
        )
        self.assertTrue(item.pathway_id)

    def test_session_cannot_close_with_undecided_items_or_without_reasons(self):
        committee = self._committee()
        item = self._entry(self._eligible_participant(lastname="Indécise"), committee)
        with self.assertRaisesRegex(UserError, "no decision yet"):
            self._close(committee)
        item.decision = "accepted"
        with self.assertRaisesRegex(UserError, "give the reason"):
            self._close(committee)
        self.assertEqual(committee.state, "planned")

    def test_extension_and_change_of_referent_are_applied(self):
        pathway = self._pathway()
        committee = self._committee()
        Item = self.env["plie.committee.item"]
        Item.create(
            [
                {
                    "committee_id": committee.id,
                    "item_type": "extension",
                    "pathway_id": pathway.id,
                    "extension_date": date(2027, 12, 31),
                    "decision": "accepted",
                    "decision_note": "Formation en cours",
                },
                {
                    "committee_id": committee.id,
                    "item_type": "referent_change",
                    "pathway_id": pathway.id,
                    "new_referent_id": self.referent_colleague.id,
                    "decision": "accepted",
                    "decision_note": "Rapprochement du domicile",
                },
            ]
        )
        self._close(committee)
        self.assertEqual(pathway.date_planned_end, date(2027, 12, 31))
        self.assertEqual(pathway.referent_id, self.referent_colleague)
        self.assertEqual(pathway.participant_id.referent_id, self.referent_colleague)
        history = pathway.assignment_ids.sorted("id")
        self.assertEqual(history.referent_id, self.referent | self.referent_colleague)
        self.assertEqual(history[0].date_end, TODAY)
        self.assertEqual(history[1].reason, "Rapprochement du domicile")

    def test_exit_disagreeing_with_the_check_must_be_explained(self):
        pathway = self._pathway(start=date(2024, 6, 1))
        self._employment(pathway, "cdi", date(2024, 9, 1))
        committee = self._committee()
        item = self.env["plie.committee.item"].create(
            {
                "committee_id": committee.id,
                "item_type": "exit",
                "pathway_id": pathway.id,
                "exit_reason_id": self.reason_moved.id,
                "exit_date": TODAY,
                "decision": "accepted",
                "decision_note": "A quitté la Martinique",
            }
        )
        self.assertEqual(item.exit_check_ground, "employment")
        self.assertTrue(item.exit_disagreement)
        with self.assertRaisesRegex(UserError, "record why"):
            self._close(committee)
        item.disagreement_note = "Emploi quitté lors du déménagement"
        self._close(committee)
        self.assertEqual(pathway.state, "closed")
        self.assertFalse(pathway.is_positive_exit)
        self.assertEqual(pathway.exit_ground, "employment")
        self.assertTrue(pathway.exit_disagreement)
        self.assertEqual(
            pathway.exit_disagreement_note, "Emploi quitté lors du déménagement"
        )
        self.assertEqual(pathway.participant_id.state, "exited")
        self.assertEqual(pathway.participant_id.exit_date, TODAY)

    def test_closing_is_reserved_to_coordination(self):
        committee = self._committee()
        for user in (self.referent, self.business, self.finance, self.internal):
            with self.assertRaises(AccessError):
                committee.with_user(user).action_close()
        self.assertEqual(committee.state, "planned")

    def test_minutes_list_every_decision(self):
        committee = self._committee(location="Salle du conseil")
        admitted = self._entry(self._eligible_participant(lastname="Admise"), committee)
        admitted.write({"decision": "accepted", "decision_note": "Projet cohérent"})
        refused = self._entry(self._eligible_participant(lastname="Refusée"), committee)
        refused.write(
            {
                "decision": "refused",
                "decision_note": "Autre dispositif",
                "refusal_reason_id": self.refusal_not_eligible.id,
            }
        )
        self._close(committee)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "plie_pathway.action_report_committee_minutes", committee.ids
            )[0]
            .decode()
        )
        for text in (
            "Salle du conseil",
            "Admise",
            "Projet cohérent",
            "Refusée",
            self.refusal_not_eligible.name,
        ):
            self.assertIn(text, html)

    def test_engagement_contract_names_the_three_parties(self):
        pathway = self._pathway(start=False)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "plie_pathway.action_report_engagement_contract", pathway.ids
            )[0]
            .decode()
        )
        for text in (
            pathway.participant_id.name,
            self.referent.name,
            self.company.name,
        ):
            self.assertIn(text, html)

    def test_cancelled_session_must_be_empty(self):
        committee = self._committee()
        self._entry(self._eligible_participant(lastname="Inscrite"), committee)
        with self.assertRaises(UserError):
            committee.with_user(self.coordinator).action_cancel()
        empty = self._committee(days=14)
        empty.with_user(self.coordinator).action_cancel()
        self.assertEqual(empty.state, "cancelled")
