from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.tests import Form, tagged

from .common import TODAY, PliePathwayCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestEndToEnd(PliePathwayCase):
    def test_prescription_to_positive_exit_after_six_months_in_employment(self):
        coordinator = self.env(user=self.coordinator)
        referent = self.env(user=self.referent)

        # 1. A prescriber orients a person; coordination pre-assigns them.
        prescription = coordinator["plie.prescription"].create(
            {
                "prescriber_id": self.prescriber.id,
                "lastname": "Lancry",
                "firstname": "Maëlle",
                "birth_date": date(1988, 4, 12),
                "gender": "woman",
                "zip": "97200",
                "city": "Fort-de-France",
                "reason": "Demandeuse d'emploi de longue durée",
                "referent_id": self.referent.id,
                "company_id": self.company.id,
            }
        )
        prescription.action_preassign()
        participant = prescription.participant_id
        self.assertEqual(participant.referent_id, self.referent)
        # The référent records the evidence of eligibility.
        participant.with_user(self.referent).write(
            {
                "ft_registration_date": date(2023, 1, 10),
                "labour_market_status": "long_term_unemployed",
            }
        )
        referent["plie.eligibility.evidence"].create(
            {"participant_id": participant.id, "criterion_id": self.criterion_deld.id}
        )

        # 2. The next committee admits them.
        committee = self._committee(days=3)
        prescription.action_put_on_agenda()
        item = prescription.committee_item_ids.with_user(self.coordinator)
        self.assertEqual(item.eligibility_verdict, "eligible")
        item.write(
            {"decision": "accepted", "decision_note": "Éligible DELD, projet cohérent"}
        )
        committee.with_user(self.coordinator).action_close()
        pathway = prescription.pathway_id.with_user(self.referent)
        self.assertEqual(pathway.state, "draft")
        self.assertEqual(prescription.state, "admitted")

        # 3. The engagement contract is signed: the person becomes a participant.
        with freeze_time(TODAY + timedelta(days=5)):
            signature = TODAY + timedelta(days=5)
            with Form(pathway) as form:
                form.date_start = signature
            pathway.action_sign_contract()
        self.assertEqual(pathway.state, "active")
        self.assertEqual(participant.state, "participant")
        self.assertEqual(pathway.date_planned_end, signature + relativedelta(months=24))

        # 4. Steps and interviews with the référent.
        referent["plie.pathway.step"].create(
            [
                {
                    "pathway_id": pathway.id,
                    "step_type_id": self.type_diagnosis.id,
                    "date_start": signature,
                    "date_end": signature + timedelta(days=20),
                    "outcome": "achieved",
                },
                {
                    "pathway_id": pathway.id,
                    "step_type_id": self.type_job_search.id,
                    "date_start": signature + timedelta(days=21),
                    "rome_job_id": self.rome_cleaning.id,
                },
            ]
        )
        with freeze_time(datetime(2025, 7, 1, 11, 0)):
            interview = referent["plie.interview"].create(
                {
                    "pathway_id": pathway.id,
                    "date": datetime(2025, 7, 1, 10, 0),
                    "summary": "<p>Diagnostic partagé</p>",
                    "next_appointment": datetime(2025, 7, 29, 10, 0),
                }
            )
        self.assertEqual(pathway.last_contact_date, date(2025, 7, 1))
        self.assertEqual(
            interview.calendar_event_id.start, datetime(2025, 7, 29, 10, 0)
        )
        self.assertEqual(interview.calendar_event_id.user_id, self.referent)

        # 5. Hiring starts the 6-month follow-up and its check-points.
        hiring = date(2025, 9, 1)
        referent["plie.employment"].create(
            {
                "pathway_id": pathway.id,
                "contract_type_id": self.env.ref("plie_pathway.contract_type_cdi").id,
                "date_start": hiring,
                "weekly_hours": 35,
                "rome_job_id": self.rome_cleaning.id,
            }
        )
        self.assertEqual(pathway.state, "follow_up")
        self.assertEqual(pathway.follow_up_end, date(2026, 3, 1))
        checkpoint_type = self.env.ref(
            "plie_pathway.mail_activity_type_follow_up_checkpoint"
        )
        checkpoints = pathway.activity_ids.filtered(
            lambda a: a.activity_type_id == checkpoint_type
        )
        self.assertEqual(
            sorted(checkpoints.mapped("date_deadline")),
            [date(2025, 10, 1), date(2025, 12, 1), date(2026, 3, 1)],
        )
        self.assertEqual(checkpoints.user_id, self.referent)

        # 6. After the follow-up, the référent proposes a positive exit...
        with freeze_time(date(2026, 3, 2)):
            exit_committee = self._committee(days=260)
            wizard = referent["plie.exit.proposal"].create(
                {
                    "pathway_id": pathway.id,
                    "committee_id": exit_committee.id,
                    "exit_reason_id": self.reason_employment.id,
                    "exit_date": date(2026, 3, 2),
                    "note": "CDI confirmé après 6 mois",
                }
            )
            self.assertEqual(wizard.exit_check_ground, "employment")
            self.assertFalse(wizard.exit_disagreement)
            wizard.action_confirm()
            # ... which the committee validates.
            exit_item = exit_committee.item_ids
            exit_item.write(
                {"decision": "accepted", "decision_note": "Sortie positive"}
            )
            exit_committee.with_user(self.coordinator).action_close()

        self.assertEqual(pathway.state, "closed")
        self.assertEqual(pathway.date_end, date(2026, 3, 2))
        self.assertTrue(pathway.is_positive_exit)
        self.assertEqual(pathway.exit_ground, "employment")
        self.assertFalse(pathway.exit_disagreement)
        self.assertFalse(pathway.activity_ids)
        self.assertEqual(participant.state, "exited")
        self.assertEqual(participant.exit_date, date(2026, 3, 2))

        # A person may come back later: a new prescription, a new pathway, the
        # history of the first one kept.
        returning = coordinator["plie.prescription"].create(
            {
                "prescriber_id": self.prescriber.id,
                "lastname": "Lancry",
                "firstname": "Maëlle",
                "birth_date": date(1988, 4, 12),
                "company_id": self.company.id,
            }
        )
        self.assertEqual(returning.duplicate_participant_id, participant)
        returning.action_preassign()
        self.assertEqual(returning.participant_id, participant)
        self.assertEqual(participant.pathway_count, 1)
