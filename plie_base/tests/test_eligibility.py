from datetime import date

from odoo.tests import tagged

from .common import PlieBaseCase


@tagged("post_install", "-at_install")
class TestEligibility(PlieBaseCase):
    """Verdicts are read by the participant's référent, the least-privileged
    role that sees them."""

    def _verdict(self, participant, on):
        return self._as_referent(participant, on).eligibility_verdict

    def _criteria(self, participant, on, field="eligible_criterion_ids"):
        return self._as_referent(participant, on)[field]

    def _as_referent(self, participant, on):
        return participant.with_user(self.referent).with_context(plie_date=on)

    def _add_evidence(self, participant, criterion, on):
        return self.env["plie.eligibility.evidence"].create(
            {
                "participant_id": participant.id,
                "criterion_id": criterion.id,
                "evidence_date": on,
            }
        )

    def test_deld_starts_twelve_months_after_registration(self):
        participant = self._create_participant(ft_registration_date=date(2025, 1, 15))
        self._add_evidence(participant, self.criterion_deld, date(2026, 1, 10))
        self.assertFalse(participant.with_context(plie_date=date(2026, 1, 14)).is_deld)
        self.assertEqual(self._verdict(participant, date(2026, 1, 14)), "not_eligible")
        self.assertTrue(participant.with_context(plie_date=date(2026, 1, 15)).is_deld)
        self.assertEqual(self._verdict(participant, date(2026, 1, 15)), "eligible")
        self.assertEqual(
            self._criteria(participant, date(2026, 1, 15)), self.criterion_deld
        )

    def test_detld_needs_twenty_four_months(self):
        participant = self._create_participant(ft_registration_date=date(2024, 3, 1))
        on_eve = participant.with_context(plie_date=date(2026, 2, 28))
        self.assertTrue(on_eve.is_deld)
        self.assertFalse(on_eve.is_detld)
        self.assertEqual(on_eve.jobseeker_months, 23)
        self.assertTrue(participant.with_context(plie_date=date(2026, 3, 1)).is_detld)

    def test_deld_requires_a_jobseeker_status(self):
        participant = self._create_participant(
            ft_registration_date=date(2023, 1, 1), labour_market_status="employed"
        )
        self.assertFalse(participant.with_context(plie_date=date(2026, 1, 1)).is_deld)

    def test_evidence_expires_after_its_validity(self):
        participant = self._create_participant(ft_registration_date=date(2024, 1, 1))
        evidence = self._add_evidence(
            participant, self.criterion_deld, date(2026, 1, 10)
        )
        self.assertEqual(evidence.expiry_date, date(2026, 4, 10))
        self.assertEqual(self._verdict(participant, date(2026, 4, 9)), "eligible")
        self.assertEqual(
            self._verdict(participant, date(2026, 4, 10)), "missing_evidence"
        )
        self.assertEqual(
            self._criteria(
                participant, date(2026, 4, 10), "missing_evidence_criterion_ids"
            ),
            self.criterion_deld,
        )

    def test_evidence_dated_after_the_check_does_not_count(self):
        participant = self._create_participant(ft_registration_date=date(2024, 1, 1))
        self._add_evidence(participant, self.criterion_deld, date(2026, 2, 1))
        self.assertEqual(
            self._verdict(participant, date(2026, 1, 31)), "missing_evidence"
        )

    def test_benefit_counts_from_its_start_to_its_end_date(self):
        participant = self._create_participant(
            labour_market_status="unemployed", ft_registration_date=date(2025, 11, 1)
        )
        self.env["plie.participant.benefit"].create(
            {
                "participant_id": participant.id,
                "benefit_type": "rsa",
                "start_date": date(2026, 2, 1),
                "end_date": date(2026, 6, 30),
            }
        )
        self._add_evidence(participant, self.criterion_benefit, date(2026, 2, 5))
        self.criterion_benefit.evidence_validity_months = 0
        self.assertEqual(self._verdict(participant, date(2026, 1, 31)), "not_eligible")
        self.assertEqual(self._verdict(participant, date(2026, 2, 5)), "eligible")
        self.assertEqual(self._verdict(participant, date(2026, 6, 30)), "eligible")
        self.assertEqual(self._verdict(participant, date(2026, 7, 1)), "not_eligible")

    def test_senior_priority_starts_on_the_fiftieth_birthday(self):
        participant = self._create_participant(birth_date=date(1976, 3, 10))
        eve = participant.with_context(plie_date=date(2026, 3, 9))
        birthday = participant.with_context(plie_date=date(2026, 3, 10))
        self.assertEqual(eve.age, 49)
        self.assertNotIn(self.criterion_senior, eve.priority_criterion_ids)
        self.assertEqual(birthday.age, 50)
        self.assertIn(self.criterion_senior, birthday.priority_criterion_ids)

    def test_young_without_qualification_until_the_twenty_sixth_birthday(self):
        young = self.env.ref("plie_base.criterion_young_low_qualification")
        participant = self._create_participant(
            birth_date=date(2000, 5, 20), education_level="1_2"
        )
        self.assertEqual(participant.isced_level, "0_2")
        self.assertIn(
            young,
            self._criteria(participant, date(2026, 5, 19), "priority_criterion_ids"),
        )
        self.assertNotIn(
            young,
            self._criteria(participant, date(2026, 5, 20), "priority_criterion_ids"),
        )

    def test_qpv_resident_is_a_priority_public_with_evidence(self):
        participant = self._create_participant(qpv_id=self.qpv.id)
        on = date(2026, 3, 1)
        self.assertNotIn(
            self.criterion_qpv,
            self._criteria(participant, on, "priority_criterion_ids"),
        )
        self.assertIn(
            self.criterion_qpv,
            self._criteria(participant, on, "missing_evidence_criterion_ids"),
        )
        self._add_evidence(participant, self.criterion_qpv, date(2026, 2, 1))
        self.assertIn(
            self.criterion_qpv,
            self._criteria(participant, on, "priority_criterion_ids"),
        )
        # Priority alone never makes someone eligible.
        self.assertEqual(self._verdict(participant, on), "not_eligible")

    def test_single_parent_woman_is_computed_from_the_data(self):
        criterion = self.env.ref("plie_base.criterion_single_parent_woman")
        woman = self._create_participant(single_parent=True)
        man = self._create_participant(
            lastname="Fanfant", firstname="Rudy", gender="man", single_parent=True
        )
        on = date(2026, 3, 1)
        self.assertIn(criterion, self._criteria(woman, on, "priority_criterion_ids"))
        self.assertNotIn(criterion, self._criteria(man, on, "priority_criterion_ids"))

    def test_manual_criterion_is_met_only_with_evidence(self):
        criterion = self.env["plie.eligibility.criterion"].create(
            {
                "code": "SOCIAL_ORIENT",
                "name": "Oriented by social services",
                "kind": "eligibility",
                "rule": "manual",
            }
        )
        participant = self._create_participant(labour_market_status="inactive")
        self.assertEqual(self._verdict(participant, date(2026, 3, 1)), "not_eligible")
        self._add_evidence(participant, criterion, date(2026, 2, 1))
        self.assertEqual(self._criteria(participant, date(2026, 3, 1)), criterion)

    def test_living_outside_the_territory_needs_a_derogation(self):
        participant = self._create_participant(
            zip="97231", city="Le Robert", ft_registration_date=date(2024, 1, 1)
        )
        self._add_evidence(participant, self.criterion_deld, date(2026, 2, 1))
        self.assertTrue(participant.outside_territory)
        self.assertEqual(
            self._verdict(participant, date(2026, 3, 1)), "outside_territory"
        )
        participant.write(
            {
                "territory_override": True,
                "territory_override_reason": "Moved last month",
            }
        )
        self.assertEqual(self._verdict(participant, date(2026, 3, 1)), "eligible")

    def test_commune_is_recognised_from_postcode_or_city(self):
        by_zip = self._create_participant(zip="97234", city="")
        by_city = self._create_participant(
            lastname="Pélage", zip="", city="fort-de-france"
        )
        self.assertEqual(by_zip.commune_id, self.commune)
        self.assertEqual(by_city.commune_id, self.commune)

    def test_check_wizard_gives_the_verdict_at_the_chosen_date(self):
        participant = self._create_participant(ft_registration_date=date(2025, 1, 15))
        self._add_evidence(participant, self.criterion_deld, date(2026, 1, 10))
        check = (
            self.env["plie.eligibility.check"]
            .with_user(self.referent)
            .create({"participant_id": participant.id, "check_date": date(2026, 1, 14)})
        )
        self.assertEqual(check.verdict, "not_eligible")
        check.check_date = date(2026, 1, 15)
        self.assertEqual(check.verdict, "eligible")
        self.assertEqual(check.eligible_criterion_ids, self.criterion_deld)

    def test_search_filters_match_the_computed_flags(self):
        deld = self._create_participant(ft_registration_date=date(2024, 1, 1))
        recent = self._create_participant(
            lastname="Nérestan", ft_registration_date=date(2026, 1, 1)
        )
        senior = self._create_participant(
            lastname="Ursule", birth_date=date(1960, 1, 1)
        )
        Participant = (
            self.env["plie.participant"]
            .with_user(self.referent)
            .with_context(plie_date=date(2026, 3, 1))
        )
        found = Participant.search([("is_deld", "=", True)])
        self.assertIn(deld, found)
        self.assertNotIn(recent, found)
        self.assertIn(recent, Participant.search([("is_deld", "=", False)]))
        priority = Participant.search([("is_priority_public", "=", True)])
        self.assertIn(senior, priority)
        self.assertNotIn(recent, priority)

    def test_eligibility_of_many_participants_costs_constant_queries(self):
        def create_batch(count, offset):
            return self.env["plie.participant"].create(
                [
                    {
                        "lastname": f"Batch{offset + n}",
                        "birth_date": date(1980, 1, 1 + n % 28),
                        "zip": "97200",
                        "referent_id": self.referent.id,
                        "labour_market_status": "unemployed",
                        "ft_registration_date": date(2024, 1, 1),
                    }
                    for n in range(count)
                ]
            )

        small, large = create_batch(3, 0), create_batch(30, 100)
        for participants in (small, large):
            participants.invalidate_recordset()
            with self.assertQueryCount(5):
                participants._eligibility_results(date(2026, 3, 1))
