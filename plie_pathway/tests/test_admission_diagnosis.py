from datetime import timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TODAY, PliePathwayCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestAdmissionDiagnosis(PliePathwayCase):
    """The committee stores the eligibility it admitted someone on: criteria,
    evidence, verdict, author, date and validity, never recomputed."""

    def _entry(self, participant, committee, **values):
        prescription = self.env["plie.prescription"].create(
            {
                "prescriber_id": self.prescriber.id,
                "lastname": participant.lastname,
                "company_id": self.company.id,
                "referent_id": participant.referent_id.id,
            }
        )
        prescription.write({"participant_id": participant.id})
        prescription.with_context(plie_state_change=True).write(
            {"state": "preassigned", "committee_id": committee.id}
        )
        prescription.action_put_on_agenda()
        item = prescription.committee_item_ids
        item.write({"decision": "accepted", "decision_note": "Projet cohérent"})
        item.write(values)
        return item

    def _admit(self, participant, **values):
        committee = self._committee(days=0)
        item = self._entry(participant, committee, **values)
        committee.with_user(self.coordinator).action_close()
        return item

    def test_admission_stores_the_diagnosis_as_it_stood(self):
        participant = self._eligible_participant(lastname="Admise")
        evidence = participant.evidence_ids
        item = self._admit(participant)
        diagnosis = item.diagnosis_id
        self.assertEqual(item.pathway_id.admission_diagnosis_id, diagnosis)
        self.assertEqual(diagnosis.verdict, "eligible")
        self.assertEqual(diagnosis.date, TODAY)
        self.assertEqual(diagnosis.author_id, self.coordinator)
        self.assertEqual(diagnosis.valid_until, TODAY + relativedelta(months=6))
        self.assertFalse(diagnosis.derogation)
        line = diagnosis.line_ids.filtered(
            lambda line: line.criterion_id == self.criterion_deld
        )
        self.assertEqual(line.status, "met")
        self.assertEqual(line.evidence_date, evidence.evidence_date)
        self.assertEqual(line.checked_by_id, evidence.checked_by_id)
        self.assertEqual(line.checked_on, evidence.checked_on)

    def test_diagnosis_is_not_recomputed_from_later_data(self):
        participant = self._eligible_participant(lastname="Embauchée")
        item = self._admit(participant)
        lines = item.diagnosis_id.line_ids.read(
            ["criterion_name", "status", "evidence_date"]
        )
        # Later: they find a job and the evidence is removed.
        participant.write({"labour_market_status": "employed"})
        participant.evidence_ids.unlink()
        self.env.invalidate_all()
        self.assertEqual(participant.eligibility_verdict, "not_eligible")
        self.assertEqual(item.eligibility_verdict, "eligible")
        self.assertEqual(item.pathway_id.admission_verdict, "eligible")
        self.assertEqual(
            item.diagnosis_id.line_ids.read(
                ["criterion_name", "status", "evidence_date"]
            ),
            lines,
        )

    def test_derogation_is_stored_with_its_reason_and_author(self):
        participant = self._create_participant(lastname="Dérogation")
        item = self._admit(
            participant, derogation=True, derogation_reason="Situation d'urgence"
        )
        diagnosis = item.diagnosis_id
        self.assertEqual(diagnosis.verdict, "not_eligible")
        self.assertTrue(diagnosis.derogation)
        self.assertEqual(diagnosis.derogation_reason, "Situation d'urgence")
        self.assertEqual(diagnosis.author_id, self.coordinator)
        self.assertTrue(item.pathway_id)

    def test_diagnosis_cannot_be_changed_or_deleted(self):
        diagnosis = self._admit(self._eligible_participant()).diagnosis_id
        for user in (self.coordinator, self.manager):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    diagnosis.with_user(user).write({"verdict": "not_eligible"})
                with self.assertRaises(AccessError):
                    diagnosis.line_ids.with_user(user).write({"status": "met"})
                with self.assertRaises(AccessError):
                    diagnosis.with_user(user).unlink()
        self.assertEqual(diagnosis.verdict, "eligible")

    def test_diagnosis_is_for_the_roles_reading_social_data(self):
        diagnosis = self._admit(self._eligible_participant()).diagnosis_id
        for user in (self.referent, self.coordinator):
            diagnosis.with_user(user).read(["verdict", "line_ids"])
        for user in (self.business, self.finance, self.internal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                diagnosis.with_user(user).read(["date"])

    def test_subject_access_export_holds_the_diagnosis(self):
        participant = self._eligible_participant(lastname="Export")
        self._admit(participant)
        data = participant.with_user(self.coordinator)._gdpr_export_data()
        (diagnosis,) = data["eligibility_diagnoses"]
        self.assertEqual(diagnosis["verdict"], "eligible")
        self.assertEqual(diagnosis["date"], TODAY)
        self.assertIn(
            self.criterion_deld.name,
            [c["criterion_name"] for c in diagnosis["criteria"]],
        )

    def test_refusal_stores_the_diagnosis_too(self):
        committee = self._committee(days=0)
        item = self._entry(self._create_participant(lastname="Refusée"), committee)
        item.write(
            {
                "decision": "refused",
                "refusal_reason_id": self.refusal_not_eligible.id,
            }
        )
        committee.with_user(self.coordinator).action_close()
        self.assertEqual(item.diagnosis_id.verdict, "not_eligible")
        self.assertEqual(item.diagnosis_id.date, TODAY - timedelta(days=0))

    def test_minutes_show_the_criteria_and_evidence_relied_on(self):
        participant = self._eligible_participant(lastname="Procès-verbal")
        item = self._admit(participant)
        participant.evidence_ids.unlink()
        html = (
            self.env["ir.actions.report"]
            .with_user(self.coordinator)
            ._render_qweb_html(
                "plie_pathway.action_report_committee_minutes", item.committee_id.ids
            )[0]
            .decode()
        )
        self.assertIn(self.criterion_deld.name, html)
        checked_by = item.diagnosis_id.line_ids.checked_by_id
        self.assertTrue(checked_by)
        self.assertIn(checked_by.name, html)
