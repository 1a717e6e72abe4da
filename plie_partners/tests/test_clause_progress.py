from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.plie_pathway.tests.common import TODAY

from .common import PliePartnersCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestClauseProgress(PliePartnersCase):
    """A fixed set worked by hand: lot 1 (1,000 h required) has a woman of 55,
    long-term jobseeker on RSA living in a QPV, hired directly (100 + 120 h
    validated, 80 h only declared), and a man of 35 provided by an ETTI (50 h);
    lot 2 (€200,000 × 2.5 h per €1,000 = 500 h) has a person outside the PLIE
    (30 + 20 h)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        woman = cls._create_participant(
            lastname="Femme",
            gender="woman",
            birth_date=date(1970, 3, 1),
            ft_registration_date=date(2022, 1, 1),
            labour_market_status="long_term_unemployed",
            qpv_id=cls.qpv.id,
        )
        cls.env["plie.participant.benefit"].create(
            {
                "participant_id": woman.id,
                "benefit_type": "rsa",
                "start_date": date(2023, 1, 1),
            }
        )
        man = cls._create_participant(
            lastname="Homme",
            gender="man",
            birth_date=date(1990, 3, 1),
            labour_market_status="unemployed",
            ft_registration_date=date(2024, 12, 1),
        )
        direct = cls._placement(
            cls.lot_works, end=date(2025, 6, 30), participant_id=woman.id
        )
        cls._hours(direct, date(2025, 2, 1), 100)
        cls._hours(direct, date(2025, 3, 1), 120)
        cls._hours(direct, date(2025, 4, 1), 80, state="declared")
        etti = cls._placement(
            cls.lot_works,
            start=date(2025, 3, 1),
            participant_id=man.id,
            delivery_mode="etti",
            structure_id=cls.etti.id,
        )
        cls._hours(etti, date(2025, 3, 1), 50)
        outside = cls._placement(cls.lot_cleaning, external_name="Hors PLIE")
        cls._hours(outside, date(2025, 3, 1), 30)
        cls._hours(outside, date(2025, 4, 1), 20)

    def test_progress_per_lot(self):
        works = self.lot_works.with_user(self.business)
        self.assertEqual(works.required_hours, 1000)
        self.assertEqual(works.realised_hours, 270)
        self.assertAlmostEqual(works.progress_rate, 27.0)
        self.assertEqual(works.person_count, 2)
        cleaning = self.lot_cleaning.with_user(self.business)
        self.assertEqual(cleaning.required_hours, 500)
        self.assertEqual(cleaning.realised_hours, 50)
        self.assertAlmostEqual(cleaning.progress_rate, 10.0)
        self.assertEqual(cleaning.person_count, 1)

    def test_progress_per_contract_and_buyer(self):
        for record in (self.contract, self.buyer):
            record = record.with_user(self.business)
            self.assertEqual(record.required_hours, 1500)
            self.assertEqual(record.realised_hours, 320)
            self.assertAlmostEqual(record.progress_rate, 21.33, places=2)
            self.assertEqual(record.person_count, 3)

    def test_progress_on_a_date_range(self):
        march = {"plie_date_from": "2025-03-01", "plie_date_to": "2025-03-31"}
        self.assertEqual(self.lot_works.with_context(**march).realised_hours, 170)
        self.assertEqual(self.contract.with_context(**march).realised_hours, 200)
        self.assertEqual(self.contract.with_context(**march).person_count, 3)
        january = {"plie_date_from": "2025-01-01", "plie_date_to": "2025-01-31"}
        self.assertEqual(self.contract.with_context(**january).person_count, 0)

    def test_hours_by_delivery_mode_and_priority_public(self):
        figures = self.lot_works.with_user(self.business)._clause_progress()[
            self.lot_works.id
        ]
        self.assertEqual(figures["modes"], {"direct_hire": 220, "etti": 50})
        publics = figures["publics"]
        self.assertEqual(publics["women"], (1, 220))
        self.assertEqual(publics["senior"], (1, 220))
        self.assertEqual(publics["deld"], (1, 220))
        # Social figures about fewer than 5 people are not shown.
        self.assertEqual(publics["qpv"], (None, None))
        self.assertEqual(publics["rsa"], (None, None))
        self.assertIn(
            "&lt; 5", str(self.lot_works.with_user(self.business).progress_html)
        )

    def test_secrecy_threshold_is_the_plie_setting(self):
        # The threshold that plie.statistics.mixin applies, set per PLIE.
        self.company.plie_statistics_threshold = 1
        lot = self.lot_works.with_user(self.business)
        publics = lot._clause_progress()[lot.id]["publics"]
        self.assertEqual(publics["qpv"], (1, 220))
        self.assertEqual(publics["rsa"], (1, 220))
        self.company.plie_statistics_threshold = 3
        self.assertIn("&lt; 3", str(lot.progress_html))

    def test_declared_hours_count_once_validated(self):
        declared = self.env["plie.clause.hours"].search(
            [("state", "=", "declared"), ("contract_id", "=", self.contract.id)]
        )
        declared.with_user(self.business).action_validate()
        self.assertEqual(self.lot_works.realised_hours, 350)
        self.assertEqual(declared.validated_by_id, self.business)

    def test_finance_reads_the_totals(self):
        contract = self.contract.with_user(self.finance)
        self.assertEqual(contract.read(["realised_hours"])[0]["realised_hours"], 320)

    def test_query_count_does_not_grow_with_placements(self):
        contracts = self.env["plie.clause.contract"].with_user(self.business)

        def progress():
            records = contracts.browse(self.contract.id)
            records.read(
                ["required_hours", "realised_hours", "progress_rate", "person_count"]
            )

        self._warm_up(progress)
        with self.assertQueryCount(2):
            progress()
        for number in range(20):
            placement = self._placement(
                self.lot_works, external_name=f"Personne {number}"
            )
            self._hours(placement, date(2025, 3, 1), 10)
        self._warm_up(progress)
        with self.assertQueryCount(2):
            progress()
        self.assertEqual(self.contract.realised_hours, 520)

    def test_progress_opens_on_a_chosen_period(self):
        wizard = (
            self.env["plie.clause.progress.period"]
            .with_user(self.finance)
            .create(
                {"date_from": "2025-03-01", "date_to": "2025-03-31", "level": "lot"}
            )
        )
        action = wizard.action_open()
        self.assertEqual(action["res_model"], "plie.clause.lot")
        lots = (
            self.env["plie.clause.lot"]
            .with_user(self.finance)
            .with_context(**action["context"])
            .browse((self.lot_works | self.lot_cleaning).ids)
        )
        self.assertEqual(lots.mapped("realised_hours"), [170, 30])
