import base64
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TODAY, PliePathwayCase

# Retention after an exit on TODAY ends on 31 December, 10 years later.
AFTER_RETENTION = date(2036, 1, 2)


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestGdpr(PliePathwayCase):
    def test_export_and_anonymisation_cover_pathways_and_interviews(self):
        pathway = self._pathway(note="<p>Note confidentielle</p>")
        interview = self._interview(
            pathway, TODAY - timedelta(days=2), summary="<p>Difficultés de logement</p>"
        )
        participant = pathway.participant_id
        prescription = self.env["plie.prescription"].create(
            {
                "prescriber_id": self.prescriber.id,
                "lastname": participant.lastname,
                "company_id": self.company.id,
                "participant_id": participant.id,
                "reason": "Situation familiale difficile",
            }
        )
        data = participant.with_user(self.coordinator)._gdpr_export_data()
        self.assertEqual(data["pathways"][0]["name"], pathway.name)
        self.assertIn("Difficultés de logement", data["interviews"][0]["summary"])
        self.assertEqual(
            data["prescriptions"][0]["reason"], "Situation familiale difficile"
        )

        pathway.write({"state": "closed", "date_end": TODAY})
        participant.write({"state": "exited", "exit_date": TODAY})
        with freeze_time(AFTER_RETENTION):
            participant.with_user(self.manager).action_anonymize()
        self.assertFalse(interview.summary)
        self.assertFalse(pathway.note)
        self.assertFalse(prescription.reason)
        self.assertNotEqual(prescription.lastname, participant.lastname and "x")
        # Dates and outcomes stay for the statistics.
        self.assertEqual(pathway.date_end, TODAY)

    def test_anonymisation_leaves_no_trace_of_identity(self):
        participant = self._create_participant(lastname="Zéphirin")
        pathway = self._pathway(participant)
        committee = self._committee(days=0)
        item = self.env["plie.committee.item"].create(
            {
                "committee_id": committee.id,
                "item_type": "extension",
                "pathway_id": pathway.id,
                "proposal_note": "Mme Zéphirin attend une formation",
                "decision_note": "Zéphirin : prolongation",
            }
        )
        self._employment(
            pathway,
            "cdd",
            TODAY - timedelta(days=30),
            TODAY - timedelta(days=1),
            job_title="Agent d'entretien chez Zéphirin et fils",
        )
        interview = self._interview(
            pathway,
            TODAY - timedelta(days=3),
            next_appointment=datetime(2025, 7, 1, 9, 0),
        )
        event = interview.calendar_event_id
        for record in (participant, pathway):
            record.message_post(body="Zéphirin a appelé au sujet de ses dettes")
            self.env["ir.attachment"].create(
                {
                    "name": "courrier-zephirin.pdf",
                    "datas": base64.b64encode(b"Zephirin"),
                    "res_model": record._name,
                    "res_id": record.id,
                }
            )
        self.env["ir.attachment"].create(
            {
                "name": "Minutes - session.pdf",
                "datas": base64.b64encode(b"Zephirin"),
                "res_model": "plie.committee",
                "res_id": committee.id,
            }
        )
        pathway.write({"state": "closed", "date_end": TODAY})
        participant.write({"state": "exited", "exit_date": TODAY})

        with freeze_time(AFTER_RETENTION):
            participant.with_user(self.manager).action_anonymize()

        self.assertNotIn("Zéphirin", participant.name)
        self.assertIn("Anonymised participant", participant.name)
        messages = self.env["mail.message"].search([("body", "ilike", "Zéphirin")])
        self.assertFalse(messages)
        attachments = self.env["ir.attachment"].search(
            [("name", "ilike", "zephirin")]
        ) | self.env["ir.attachment"].search(
            [("res_model", "=", "plie.committee"), ("res_id", "=", committee.id)]
        )
        self.assertFalse(attachments)
        self.assertFalse(pathway.employment_ids.job_title)
        self.assertEqual(
            pathway.employment_ids.contract_type_id,
            self.env.ref("plie_pathway.contract_type_cdd"),
        )
        for field in ("proposal_note", "decision_note"):
            self.assertFalse(item[field], field)
        self.assertFalse(event.exists())
        self.assertEqual(item.participant_id.name, participant.name)


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestUnadmittedCandidates(PliePathwayCase):
    """Refused, withdrawn and never-admitted candidates: the pre-assigned
    référent loses access at the decision, the data go after a delay."""

    def _preassigned(self, lastname):
        prescription = self.env["plie.prescription"].create(
            {
                "prescriber_id": self.prescriber.id,
                "lastname": lastname,
                "birth_date": date(1990, 5, 5),
                "company_id": self.company.id,
                "referent_id": self.referent.id,
                "reason": "Orientation",
            }
        )
        prescription.with_user(self.coordinator).action_preassign()
        return prescription

    def _refuse(self, prescription):
        committee = self._committee(days=0)
        prescription.write({"committee_id": committee.id})
        prescription.with_user(self.coordinator).action_put_on_agenda()
        prescription.committee_item_ids.write(
            {
                "decision": "refused",
                "decision_note": "Non éligible",
                "refusal_reason_id": self.refusal_not_eligible.id,
            }
        )
        committee.with_user(self.coordinator).action_close()

    def _purge(self, day):
        with freeze_time(day):
            return self.env["plie.participant"]._cron_anonymize_unadmitted_candidates()

    def test_refused_candidate_loses_the_referent_then_is_anonymised(self):
        prescription = self._preassigned("Refusée")
        participant = prescription.participant_id
        self._refuse(prescription)
        self.assertEqual(prescription.state, "refused")
        self.assertEqual(prescription.decision_date, TODAY)
        self.assertFalse(participant.referent_id)
        for record in (participant, prescription):
            with self.subTest(model=record._name), self.assertRaises(AccessError):
                record.with_user(self.referent).read(["name"])
        self.assertFalse(self._purge(date(2025, 12, 15)))
        self.assertFalse(participant.is_anonymized)
        self.assertEqual(self._purge(date(2025, 12, 16)), participant)
        self.assertTrue(participant.is_anonymized)
        self.assertNotIn("Refusée", prescription.lastname)

    def test_withdrawn_candidate_is_anonymised_after_the_configured_delay(self):
        self.company.plie_candidate_retention_months = 3
        prescription = self._preassigned("Retirée")
        prescription.with_user(self.coordinator).action_withdraw()
        self.assertEqual(prescription.state, "withdrawn")
        self.assertFalse(prescription.referent_id)
        self.assertFalse(self._purge(date(2025, 9, 15)))
        self.assertEqual(self._purge(date(2025, 9, 16)), prescription.participant_id)

    def test_candidates_waiting_for_a_decision_or_admitted_are_kept(self):
        waiting = self._preassigned("Enattente")
        refused = self._preassigned("Revenue")
        self._refuse(refused)
        # The refused person was oriented again: their new prescription waits.
        self.env["plie.prescription"].create(
            {
                "prescriber_id": self.prescriber.id,
                "lastname": "Revenue",
                "company_id": self.company.id,
                "participant_id": refused.participant_id.id,
            }
        )
        admitted = self._pathway()
        purged = self._purge(date(2027, 1, 1))
        self.assertFalse(purged & (waiting.participant_id | refused.participant_id))
        self.assertFalse(admitted.participant_id.is_anonymized)

    def test_postponed_candidate_never_presented_again_is_anonymised(self):
        prescription = self._preassigned("Ajournée")
        committee = self._committee(days=0)
        prescription.write({"committee_id": committee.id})
        prescription.with_user(self.coordinator).action_put_on_agenda()
        prescription.committee_item_ids.write(
            {"decision": "postponed", "decision_note": "Justificatif manquant"}
        )
        committee.with_user(self.coordinator).action_close()
        participant = prescription.participant_id
        # Postponed: the référent keeps following the person meanwhile.
        self.assertEqual(participant.referent_id, self.referent)
        self.assertEqual(prescription.decision_date, TODAY)
        self.assertFalse(self._purge(date(2025, 12, 15)))
        self.assertEqual(self._purge(date(2025, 12, 16)), participant)
        self.assertFalse(participant.referent_id)
