from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.plie_pathway.tests.common import TODAY

from .common import PliePartnersCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestMatching(PliePartnersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lamentin = cls.env["plie.commune"].create(
            {"name": "Le Lamentin", "zip_codes": "97232", "company_id": cls.company.id}
        )
        laundry = cls.env["plie.rome.job"].create(
            {"code": "K2201", "name": "Blanchisserie"}
        )
        cls.offer = cls.env["plie.job.offer"].create(
            {
                "name": "Agent d'entretien",
                "partner_id": cls.cleaner.id,
                "rome_job_id": cls.rome_cleaning.id,
                "commune_id": cls.commune.id,
                "contract_type_id": cls.env.ref("plie_pathway.contract_type_cdd").id,
                "weekly_hours": 28.0,
                "positions": 1,
                "date_start": date(2025, 7, 1),
                "company_id": cls.company.id,
            }
        )
        # A fixed set: same job + same commune + available; same family in
        # another commune; same job but employed; no job target; no pathway.
        cls.best = cls._candidate("Alexis", cls.rome_cleaning)
        cls.family = cls._candidate("Bérard", laundry, zip="97232", city="Le Lamentin")
        cls.employed = cls._candidate("Céleste", cls.rome_cleaning)
        cls._employment(
            cls.employed.current_pathway_id, "interim", TODAY - timedelta(days=10)
        )
        cls.no_target = cls._candidate("Aubin", None)
        cls.without_pathway = cls._create_participant(lastname="Zéro")

    @classmethod
    def _candidate(cls, lastname, rome_job, **values):
        participant = cls._create_participant(lastname=lastname, **values)
        pathway = cls._pathway(participant)
        if rome_job:
            cls.env["plie.pathway.step"].create(
                {
                    "pathway_id": pathway.id,
                    "step_type_id": cls.type_job_search.id,
                    "rome_job_id": rome_job.id,
                    "date_start": TODAY - timedelta(days=30),
                }
            )
        return participant

    def test_candidates_are_ranked_by_job_commune_and_availability(self):
        ranked = self.offer.with_user(self.business)._suggest_candidates()
        self.assertEqual(
            [(participant, score) for participant, score, _reasons in ranked],
            [
                (self.best, 6),  # 3 job + 2 commune + 1 available
                (self.employed, 5),  # 3 job + 2 commune
                (self.no_target, 3),  # 2 commune + 1 available (name order)
                (self.family, 3),  # 1 family + 1 territory + 1 available
            ],
        )
        self.assertIn("K2204", ranked[0][2])

    def test_a_referent_is_suggested_only_their_own_participants(self):
        other = self._create_participant(
            lastname="Autre", referent_id=self.referent_colleague.id
        )
        self._pathway(other)
        ranked = self.offer.with_user(self.referent)._suggest_candidates()
        self.assertNotIn(other, [participant for participant, *_rest in ranked])
        self.assertIn(self.best, [participant for participant, *_rest in ranked])

    def test_hire_creates_the_employment_period_on_the_pathway(self):
        wizard = (
            self.env["plie.job.offer.suggestion"]
            .with_user(self.business)
            .create({"offer_id": self.offer.id})
        )
        wizard.line_ids.filtered(
            lambda line: line.participant_id == self.best
        ).selected = True
        wizard.action_propose()
        match = self.offer.match_ids
        self.assertEqual(match.participant_id, self.best)
        self.assertEqual(match.state, "proposed")
        match.action_interview()
        match.hire_date = date(2025, 7, 1)
        match.action_hire()
        employment = match.employment_id
        self.assertEqual(match.state, "hired")
        self.assertEqual(employment.pathway_id, self.best.current_pathway_id)
        self.assertEqual(employment.employer_id, self.cleaner)
        self.assertEqual(employment.rome_job_id, self.rome_cleaning)
        self.assertEqual(
            employment.contract_type_id, self.env.ref("plie_pathway.contract_type_cdd")
        )
        self.assertEqual(employment.date_start, date(2025, 7, 1))
        self.assertEqual(employment.weekly_hours, 28.0)
        # One position: the offer is filled.
        self.assertEqual(self.offer.state, "filled")
        with self.assertRaises(UserError):
            match.action_hire()

    def test_hire_records_the_offer_contract_type_and_its_follow_up_rule(self):
        for code, state in (("pec", "active"), ("cie", "follow_up")):
            participant = self._candidate(f"Embauche {code}", self.rome_cleaning)
            pathway = participant.current_pathway_id
            self.offer.contract_type_id = self.env.ref(
                f"plie_pathway.contract_type_{code}"
            )
            match = self.env["plie.job.match"].create(
                {"offer_id": self.offer.id, "participant_id": participant.id}
            )
            match.hire_date = date(2025, 7, 1)
            match.action_hire()
            self.assertEqual(
                match.employment_id.contract_type_id, self.offer.contract_type_id
            )
            self.assertEqual(pathway.state, state, code)
            self.offer.positions += 1

    def test_offer_hours_are_those_an_employment_accepts(self):
        with self.assertRaises(ValidationError) as error:
            self.offer.weekly_hours = 50
        self.assertIn("between 0 and 48", str(error.exception))
        self.offer.invalidate_recordset()
        self.assertEqual(self.offer.weekly_hours, 28.0)

    def test_refusal_needs_a_reason(self):
        match = self.env["plie.job.match"].create(
            {"offer_id": self.offer.id, "participant_id": self.family.id}
        )
        with self.assertRaisesRegex(UserError, "reason"):
            match.action_refuse()
        match.refusal_reason = "company"
        match.action_refuse()
        self.assertEqual(match.state, "refused")

    def test_hire_without_a_pathway_is_refused(self):
        match = self.env["plie.job.match"].create(
            {"offer_id": self.offer.id, "participant_id": self.without_pathway.id}
        )
        with self.assertRaisesRegex(UserError, "no pathway"):
            match.action_hire()
        self.assertFalse(
            self.env["plie.employment"].search(
                [("participant_id", "=", self.without_pathway.id)]
            )
        )

    def test_referent_proposes_own_participants_only(self):
        Match = self.env["plie.job.match"].with_user(self.referent)
        Match.create({"offer_id": self.offer.id, "participant_id": self.best.id})
        other = self._create_participant(
            lastname="Pas à moi", referent_id=self.referent_colleague.id
        )
        with self.assertRaises(AccessError):
            Match.create({"offer_id": self.offer.id, "participant_id": other.id})
