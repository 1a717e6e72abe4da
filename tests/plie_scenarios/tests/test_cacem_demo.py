from datetime import date

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestCacemDemo(TransactionCase):
    """The demo database tells the CACEM's story (seed 004) consistently across
    the addons. Skipped on a database installed without demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref("plie_base.participant_01", raise_if_not_found=False):
            cls.skipTest(cls, "no demo data")
        cls.company = cls.env.ref("base.main_company")
        cls.participants = cls.env["plie.participant"].search(
            [("company_id", "=", cls.company.id)]
        )

    def test_demo_plie_has_its_territory_referents_and_participants(self):
        self.assertEqual(
            set(
                self.env["plie.commune"]
                .search([("company_id", "=", self.company.id)])
                .mapped("name")
            ),
            {"Fort-de-France", "Le Lamentin", "Schœlcher", "Saint-Joseph"},
        )
        self.assertEqual(len(self.participants), 40)
        self.assertEqual(len(self.participants.referent_id), 5)
        self.assertEqual(len(self.participants.referent_structure_id), 3)

    def test_demo_includes_people_who_are_not_eligible(self):
        verdicts = self.participants.with_context(plie_date=date.today()).mapped(
            "eligibility_verdict"
        )
        self.assertIn("eligible", verdicts)
        self.assertTrue({"not_eligible", "outside_territory"} & set(verdicts))

    def test_demo_admissions_were_eligible_at_their_session(self):
        admissions = self.env["plie.committee.item"].search(
            [
                ("company_id", "=", self.company.id),
                ("item_type", "=", "entry"),
                ("decision", "=", "accepted"),
            ]
        )
        self.assertEqual(len(admissions), 31)
        for item in admissions:
            with self.subTest(participant=item.participant_id.name):
                self.assertEqual(item.diagnosis_id.date, item._session_day())
                # Computed again at the session date, the verdict is the same.
                verdict = item.participant_id._eligibility_results(item._session_day())[
                    item.participant_id.id
                ].verdict
                self.assertEqual(item.eligibility_verdict, "eligible")
                self.assertEqual(verdict, "eligible")

    def test_demo_positive_exit_rate_is_close_to_the_cacem_thirty_percent(self):
        [figures] = self.env["plie.pathway.report"]._figures(
            date(2000, 1, 1), date.today(), company=self.company
        )
        self.assertGreater(figures["exit_count"], 0)
        self.assertAlmostEqual(figures["positive_exit_rate"], 30.0, delta=5.0)

    def test_demo_referent_sees_exactly_their_caseload(self):
        referent = self.env.ref("plie_base.user_referent1")
        seen = self.env["plie.participant"].with_user(referent).search([])
        self.assertTrue(seen)
        self.assertEqual(
            seen, self.participants.filtered(lambda p: p.referent_id == referent)
        )
