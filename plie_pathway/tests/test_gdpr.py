from datetime import timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common import TODAY, PliePathwayCase


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
        participant.write({"state": "exited"})
        participant.with_user(self.manager).action_anonymize()
        self.assertFalse(interview.summary)
        self.assertFalse(pathway.note)
        self.assertFalse(prescription.reason)
        self.assertNotEqual(prescription.lastname, participant.lastname and "x")
        # Dates and outcomes stay for the statistics.
        self.assertEqual(pathway.date_end, TODAY)
