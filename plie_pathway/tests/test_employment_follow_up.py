from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import TODAY, PliePathwayCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestEmploymentFollowUp(PliePathwayCase):
    """Follow-up in employment: started by a contract that counts, back in
    pathway when it ends before 6 months, an exit to propose at 6 months."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.plie_min_weekly_hours = 17.5
        cls.exit_due = cls.env.ref("plie_pathway.mail_activity_type_exit_due")

    def _exit_due_activities(self, pathways):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "plie.pathway"),
                ("res_id", "in", pathways.ids),
                ("activity_type_id", "=", self.exit_due.id),
            ]
        )

    def test_seeded_contract_types_follow_the_usual_rule(self):
        ref = self.env.ref
        expected = {
            "cdi": (True, False),
            "cdd": (True, False),
            "interim": (True, False),
            "cie": (True, False),
            "pec": (False, False),
            "aci": (False, False),
            "ei": (False, False),
            "ai": (False, False),
            "etti": (False, False),
            "apprenticeship": (False, "work_study"),
            "professionalisation": (False, "work_study"),
            "business_creation": (False, "business_creation"),
        }
        types = self.env["plie.contract.type"].browse(
            [ref(f"plie_pathway.contract_type_{code}").id for code in expected]
        )
        rules = types._positive_exit_rules()
        self.assertEqual(
            {
                code: rules[ref(f"plie_pathway.contract_type_{code}").id]
                for code in expected
            },
            expected,
        )
        self.assertEqual(self.env["res.company"].new({}).plie_min_weekly_hours, 17.5)

    def test_hiring_on_a_counting_contract_starts_the_follow_up(self):
        for code in ("cdi", "cdd", "interim", "cie"):
            pathway = self._pathway()
            self._employment(pathway, code, TODAY)
            self.assertEqual(pathway.state, "follow_up", code)
            self.assertEqual(pathway.follow_up_start, TODAY, code)

    def test_pec_and_iae_contracts_do_not_start_the_follow_up(self):
        for code in ("pec", "aci", "ei", "ai", "etti"):
            pathway = self._pathway()
            self._employment(pathway, code, TODAY)
            self.assertEqual(pathway.state, "active", code)
            self.assertFalse(pathway.follow_up_start, code)

    def test_seventeen_hours_do_not_start_the_follow_up_and_half_time_does(self):
        below = self._pathway()
        self._employment(below, "cdi", TODAY, weekly_hours=17.0)
        self.assertEqual(below.state, "active")
        half_time = self._pathway()
        self._employment(half_time, "cdi", TODAY, weekly_hours=17.5)
        self.assertEqual(half_time.state, "follow_up")

    def test_the_hours_threshold_is_a_setting_of_the_plie(self):
        self.company.plie_min_weekly_hours = 24.0
        pathway = self._pathway()
        employment = self._employment(pathway, "cdd", TODAY, weekly_hours=20.0)
        self.assertEqual(pathway.state, "active")
        employment.weekly_hours = 24.0
        self.assertEqual(pathway.state, "follow_up")

    def test_counting_employment_ending_before_six_months_brings_the_pathway_back(
        self,
    ):
        pathway = self._pathway(start=TODAY - timedelta(days=200))
        employment = self._employment(pathway, "cdd", TODAY - timedelta(days=60))
        self.assertEqual(pathway.state, "follow_up")
        self.assertEqual(len(pathway.activity_ids), 3)  # 1, 3, 6-month check-points
        employment.date_end = TODAY - timedelta(days=1)  # 60 days worked
        self.assertEqual(pathway.state, "active")
        self.assertFalse(pathway.follow_up_start)
        self.assertFalse(pathway.activity_ids)
        # A new counting contract starts a new follow-up.
        self._employment(pathway, "interim", TODAY)
        self.assertEqual(pathway.state, "follow_up")
        self.assertEqual(pathway.follow_up_start, TODAY)

    def test_deleting_the_counting_employment_brings_the_pathway_back(self):
        pathway = self._pathway()
        employment = self._employment(pathway, "cdi", TODAY - timedelta(days=30))
        self.assertEqual(pathway.state, "follow_up")
        employment.unlink()
        self.assertEqual(pathway.state, "active")
        self.assertFalse(pathway.follow_up_start)

    def test_an_employment_ending_before_it_starts_is_refused(self):
        pathway = self._pathway()
        with self.assertRaises(ValidationError) as refusal:
            self._employment(pathway, "cdd", TODAY, TODAY - timedelta(days=1))
        self.assertIn("cannot end before it starts", str(refusal.exception))
        self.assertFalse(
            self.env["plie.employment"].search_count([("pathway_id", "=", pathway.id)])
        )

    def test_a_contract_ending_in_the_future_ends_the_follow_up_on_the_daily_run(self):
        pathway = self._pathway(start=TODAY - timedelta(days=200))
        self._employment(
            pathway, "cdd", TODAY - timedelta(days=30), TODAY + timedelta(days=29)
        )
        self.assertEqual(pathway.state, "follow_up")
        self.env["plie.pathway"]._cron_employment_follow_up()
        self.assertEqual(pathway.state, "follow_up")
        with freeze_time(TODAY + timedelta(days=30)):
            self.env["plie.pathway"]._cron_employment_follow_up()
        self.assertEqual(pathway.state, "active")

    def test_six_months_of_counted_days_ask_the_referent_for_the_exit_once(self):
        pathway = self._pathway(
            start=TODAY - timedelta(days=400), referent_id=self.referent.id
        )
        # 179 days worked up to today: not yet.
        self._employment(pathway, "cdi", TODAY - timedelta(days=178))
        self.assertEqual(pathway.state, "follow_up")
        self.assertFalse(self._exit_due_activities(pathway))
        with freeze_time(TODAY + timedelta(days=1)):
            self.env["plie.pathway"]._cron_employment_follow_up()
            activity = self._exit_due_activities(pathway)
            self.assertEqual(len(activity), 1)
            self.assertEqual(activity.user_id, self.referent)
            self.assertEqual(activity.date_deadline, TODAY + timedelta(days=1))
            self.assertTrue(pathway.follow_up_six_months)
            self.assertEqual(pathway.state, "follow_up")
            activity.action_feedback(feedback="Proposed")
            self.env["plie.pathway"]._cron_employment_follow_up()
            pathway.employment_ids.weekly_hours = 30.0
        self.assertFalse(self._exit_due_activities(pathway))
        self.assertEqual(
            self.env["mail.message"].search_count(
                [
                    ("model", "=", "plie.pathway"),
                    ("res_id", "=", pathway.id),
                    ("mail_activity_type_id", "=", self.exit_due.id),
                ]
            ),
            1,
        )

    def test_the_daily_run_does_not_query_per_pathway(self):
        def run():
            self.env["plie.pathway"]._cron_employment_follow_up()

        pathways = [self._pathway(start=date(2024, 1, 1)) for _i in range(2)]
        for pathway in pathways:
            self._employment(pathway, "cdi", TODAY - timedelta(days=30))
        self._warm_up(run)
        with self.assertQueryCount(7):
            run()
        pathways = [self._pathway(start=date(2024, 1, 1)) for _i in range(4)]
        for pathway in pathways:
            self._employment(pathway, "cdi", TODAY - timedelta(days=30))
        self._warm_up(run)
        with self.assertQueryCount(7):
            run()
