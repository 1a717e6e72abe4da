from datetime import date
from unittest.mock import patch

from odoo.tests import tagged

from .common import PlieBaseCase


@tagged("post_install", "-at_install")
class TestEligibilityRules(PlieBaseCase):
    """The rules as the CACEM text reads them, the low-qualification setting,
    rules as methods an addon extends, and the priority-publics filter run by
    the database. Verdicts are read by the référent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.criterion_low = cls.env.ref("plie_base.criterion_low_qualification")
        cls.criterion_rqth = cls.env.ref("plie_base.criterion_rqth")
        cls.criterion_young = cls.env.ref("plie_base.criterion_young_low_qualification")
        cls.criterion_single = cls.env.ref("plie_base.criterion_single_parent_woman")

    def _results(self, participants, on):
        return participants.with_user(self.referent)._eligibility_results(on)

    def _evidence(self, participant, criterion, on):
        return self.env["plie.eligibility.evidence"].create(
            {
                "participant_id": participant.id,
                "criterion_id": criterion.id,
                "evidence_date": on,
            }
        )

    def _benefit(self, participant, start, benefit_type="rsa"):
        return self.env["plie.participant.benefit"].create(
            {
                "participant_id": participant.id,
                "benefit_type": benefit_type,
                "start_date": start,
            }
        )

    # ------------------------------------------------------------------
    # Minimum-benefit route: registered jobseekers only
    # ------------------------------------------------------------------
    def test_inactive_rsa_recipient_is_not_eligible_through_the_benefit(self):
        inactive = self._create_participant(labour_market_status="inactive")
        self._benefit(inactive, date(2025, 6, 1))
        self._evidence(inactive, self.criterion_benefit, date(2026, 2, 1))
        result = self._results(inactive, date(2026, 3, 1))[inactive.id]
        self.assertEqual(result.verdict, "not_eligible")
        self.assertFalse(result.eligible_criteria)

    def test_jobseeker_rsa_recipient_who_is_not_deld_is_eligible(self):
        jobseeker = self._create_participant(
            lastname="Bellay",
            labour_market_status="unemployed",
            ft_registration_date=date(2025, 12, 1),
        )
        self._benefit(jobseeker, date(2025, 6, 1))
        self._evidence(jobseeker, self.criterion_benefit, date(2026, 2, 1))
        on = date(2026, 3, 1)
        self.assertFalse(jobseeker.with_context(plie_date=on).is_deld)
        result = self._results(jobseeker, on)[jobseeker.id]
        self.assertEqual(result.verdict, "eligible")
        self.assertEqual(result.eligible_criteria, self.criterion_benefit)
        # Before the registration, the same benefit does not make eligible.
        before = self._results(jobseeker, date(2025, 11, 30))[jobseeker.id]
        self.assertEqual(before.verdict, "not_eligible")

    def test_registered_but_inactive_benefit_recipient_is_not_eligible(self):
        participant = self._create_participant(
            labour_market_status="inactive", ft_registration_date=date(2025, 12, 1)
        )
        self._benefit(participant, date(2025, 6, 1))
        self._evidence(participant, self.criterion_benefit, date(2026, 2, 1))
        result = self._results(participant, date(2026, 3, 1))[participant.id]
        self.assertEqual(result.verdict, "not_eligible")

    # ------------------------------------------------------------------
    # Low qualification: level 3 or below by default, a setting
    # ------------------------------------------------------------------
    def _low_qualified(self, participants, on=date(2026, 3, 1)):
        results = self._results(participants, on)
        return participants.filtered(
            lambda p: self.criterion_low in results[p.id].priority_criteria
        )

    def test_cap_bep_holders_are_low_qualified_by_default(self):
        level_2, level_3, level_4 = (
            self._create_participant(lastname=name, education_level=level)
            for name, level in (("Niveau2", "1_2"), ("Niveau3", "3"), ("Niveau4", "4"))
        )
        self.assertEqual(self.company.plie_low_qualification_level, "3")
        self.assertEqual(
            self._low_qualified(level_2 | level_3 | level_4), level_2 | level_3
        )

    def test_low_qualification_threshold_is_a_plie_setting(self):
        level_2, level_3, level_4 = (
            self._create_participant(lastname=name, education_level=level)
            for name, level in (("Niveau2", "1_2"), ("Niveau3", "3"), ("Niveau4", "4"))
        )
        everyone = level_2 | level_3 | level_4
        settings = self.env["res.config.settings"].create(
            {"plie_low_qualification_level": "1_2"}
        )
        settings.execute()
        self.assertEqual(self.company.plie_low_qualification_level, "1_2")
        self.assertEqual(self._low_qualified(everyone), level_2)
        self.company.plie_low_qualification_level = "4"
        everyone.invalidate_recordset()
        self.assertEqual(self._low_qualified(everyone), everyone)
        # The filter follows the setting too.
        found = (
            self.env["plie.participant"]
            .with_user(self.referent)
            .with_context(plie_date=date(2026, 3, 1))
            .search([("id", "in", everyone.ids), ("is_priority_public", "=", True)])
        )
        self.assertEqual(found, everyone)

    # ------------------------------------------------------------------
    # Rules are methods another addon extends
    # ------------------------------------------------------------------
    def test_rules_are_methods_found_by_their_key(self):
        participant = self._create_participant()
        self.assertEqual(self.criterion_senior._rule_key(), "senior")
        self.assertEqual(
            participant._eligibility_rule("senior"),
            participant._eligibility_rule_senior,
        )

    def test_an_addon_replaces_a_rule_and_verdicts_and_filter_follow(self):
        fifty_two = self._create_participant(birth_date=date(1974, 1, 1))
        forty_six = self._create_participant(
            lastname="Cadet", birth_date=date(1980, 1, 1)
        )
        both = fifty_two | forty_six
        on = date(2026, 3, 1)
        Participant = type(self.env["plie.participant"])
        # A PLIE whose senior public starts at 45.
        with (
            patch.object(
                Participant,
                "_eligibility_rule_senior",
                lambda self, date: (self._age_at(date) or 0) >= 45,
            ),
            patch.object(
                Participant,
                "_eligibility_domain_senior",
                lambda self, date: [
                    ("birth_date", "<=", date.replace(year=date.year - 45))
                ],
            ),
        ):
            results = self._results(both, on)
            self.assertIn(
                self.criterion_senior, results[forty_six.id].priority_criteria
            )
            found = (
                self.env["plie.participant"]
                .with_user(self.referent)
                .with_context(plie_date=on)
                .search([("id", "in", both.ids), ("is_priority_public", "=", True)])
            )
            self.assertEqual(found, both)
        results = self._results(both, on)
        self.assertNotIn(self.criterion_senior, results[forty_six.id].priority_criteria)

    def test_an_addon_computes_a_hand_checked_criterion_named_by_its_code(self):
        siae = self.env["plie.eligibility.criterion"].create(
            {
                "code": "SIAE",
                "name": "Employee of an integration structure",
                "kind": "priority",
                "rule": "manual",
                "evidence_required": False,
                "company_id": self.company.id,
            }
        )
        employed = self._create_participant(labour_market_status="employed")
        unemployed = self._create_participant(lastname="Marajo")
        both = employed | unemployed
        on = date(2026, 3, 1)
        self.assertEqual(siae._rule_key(), "manual")
        self.assertFalse(self._results(employed, on)[employed.id].priority_criteria)
        Participant = type(self.env["plie.participant"])
        with patch.object(
            Participant,
            "_eligibility_rule_siae",
            lambda self, date: self.labour_market_status == "employed",
            create=True,
        ):
            self.assertEqual(siae._rule_key(), "siae")
            results = self._results(both, on)
            self.assertEqual(results[employed.id].priority_criteria, siae)
            self.assertFalse(results[unemployed.id].priority_criteria)
            # Without a domain method, the filter still gives the same answer.
            found = (
                self.env["plie.participant"]
                .with_user(self.referent)
                .with_context(plie_date=on)
                .search([("id", "in", both.ids), ("is_priority_public", "=", True)])
            )
            self.assertEqual(found, employed)

    # ------------------------------------------------------------------
    # The priority-publics filter runs in the database
    # ------------------------------------------------------------------
    def _varied_participants(self):
        """Participants around each priority rule's edges, on 2026-02-28 and
        2026-03-01."""
        create = self._create_participant
        qpv = {"qpv_id": self.qpv.id}
        people = {
            "nobody": create(lastname="Aucun", education_level="5"),
            "senior_today": create(lastname="Cinquante", birth_date=date(1976, 3, 1)),
            "senior_tomorrow": create(lastname="Presque", birth_date=date(1976, 3, 2)),
            "leap_day": create(lastname="Bissextile", birth_date=date(1976, 2, 29)),
            "qpv_proven": create(lastname="Quartier", education_level="5", **qpv),
            "qpv_expired": create(lastname="Expire", education_level="5", **qpv),
            "qpv_unproven": create(lastname="Sanspreuve", education_level="5", **qpv),
            "qpv_future": create(lastname="Futur", education_level="5", **qpv),
            "single_woman": create(
                lastname="Seule", education_level="5", single_parent=True
            ),
            "single_man": create(
                lastname="Seul",
                gender="man",
                education_level="5",
                single_parent=True,
            ),
            "cap": create(lastname="Cap", education_level="3"),
            "bac": create(lastname="Bac", education_level="4"),
            "rqth_valid": create(
                lastname="Reconnu",
                education_level="5",
                rqth=True,
                rqth_end_date=date(2026, 12, 31),
            ),
            "rqth_ended": create(
                lastname="Termine",
                education_level="5",
                rqth=True,
                rqth_end_date=date(2026, 2, 28),
            ),
            "rqth_unproven": create(lastname="Rqth", education_level="5", rqth=True),
            "young": create(
                lastname="Jeune", birth_date=date(2000, 3, 1), education_level="1_2"
            ),
            "outside": create(
                lastname="Dehors",
                zip="97231",
                city="Le Robert",
                birth_date=date(1960, 1, 1),
            ),
        }
        self._evidence(people["qpv_proven"], self.criterion_qpv, date(2026, 2, 1))
        self._evidence(people["qpv_expired"], self.criterion_qpv, date(2025, 11, 1))
        self._evidence(people["qpv_future"], self.criterion_qpv, date(2026, 3, 1))
        for name in ("rqth_valid", "rqth_ended"):
            self._evidence(people[name], self.criterion_rqth, date(2026, 1, 1))
        return people

    def test_priority_filter_gives_the_python_verdict_on_a_varied_set(self):
        people = self._varied_participants()
        everyone = self.env["plie.participant"].union(*people.values())
        expected = {
            date(2026, 2, 28): {
                "senior_today": False,
                "leap_day": True,
                "qpv_proven": True,
                "qpv_future": False,
                "rqth_ended": True,
            },
            date(2026, 3, 1): {
                "senior_today": True,
                "leap_day": True,
                "qpv_proven": True,
                "qpv_future": True,
                "rqth_ended": False,
            },
        }
        always = {
            "nobody": False,
            "senior_tomorrow": False,
            "qpv_expired": False,
            "qpv_unproven": False,
            "single_woman": True,
            "single_man": False,
            "cap": True,
            "bac": False,
            "rqth_valid": True,
            "rqth_unproven": False,
            "outside": True,
            "young": True,  # also low-qualified
        }
        for on, cases in expected.items():
            with self.subTest(on=on):
                results = self._results(everyone, on)
                python = everyone.filtered(
                    lambda p, r=results: r[p.id].priority_criteria
                )
                Participant = (
                    self.env["plie.participant"]
                    .with_user(self.referent)
                    .with_context(plie_date=on)
                )
                in_db = Participant.search(
                    [("id", "in", everyone.ids), ("is_priority_public", "=", True)]
                )
                not_in_db = Participant.search(
                    [("id", "in", everyone.ids), ("is_priority_public", "!=", True)]
                )
                self.assertEqual(in_db, python.with_user(self.referent))
                self.assertEqual(
                    not_in_db, (everyone - python).with_user(self.referent)
                )
                # Each criterion alone, too (the young public ends on 1 March).
                for criterion in self.env["plie.eligibility.criterion"].search(
                    [("kind", "=", "priority")]
                ):
                    met = Participant.search(
                        [
                            ("id", "in", everyone.ids),
                            *Participant._criterion_met_domain(criterion, on),
                        ]
                    )
                    self.assertEqual(
                        met,
                        everyone.filtered(
                            lambda p, c=criterion, r=results: c
                            in r[p.id].priority_criteria
                        ),
                        criterion.code,
                    )
                young_met = everyone.filtered(
                    lambda p, r=results: self.criterion_young
                    in r[p.id].priority_criteria
                )
                self.assertEqual(
                    young_met,
                    people["young"] if on.day == 28 else everyone.browse(),
                )
                for name, priority in {**always, **cases}.items():
                    self.assertEqual(
                        people[name] in python, priority, f"{name} on {on}"
                    )

    def test_priority_filter_costs_the_same_queries_whatever_the_number(self):
        Participant = (
            self.env["plie.participant"]
            .with_user(self.referent)
            .with_context(plie_date=date(2026, 3, 1))
        )

        def create_batch(count, offset):
            return self.env["plie.participant"].create(
                [
                    {
                        "lastname": f"Lot{offset + n}",
                        "birth_date": date(1950 + n % 40, 1, 1),
                        "zip": "97200",
                        "referent_id": self.referent.id,
                        "education_level": ("1_2", "3", "4")[n % 3],
                    }
                    for n in range(count)
                ]
            )

        for batch in (create_batch(3, 0), create_batch(40, 100)):
            Participant.search_count([("is_priority_public", "=", True)])
            self.env.invalidate_all()
            with self.assertQueryCount(5):
                Participant.search_count(
                    [("id", "in", batch.ids), ("is_priority_public", "=", True)]
                )
