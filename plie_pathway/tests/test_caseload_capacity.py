from datetime import timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common import TODAY, PliePathwayCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestCaseloadCapacity(PliePathwayCase):
    """50 participants per full-time référent. The référent covers the commune
    at 0.04 FTE (capacity 2) and follows 3 open pathways (150 %); the colleague
    covers no commune at 0.1 FTE (capacity 5) and follows 1 (20 %)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.referent.plie_fte = 0.04
        cls.referent_colleague.write({"plie_fte": 0.1, "plie_commune_ids": False})
        start = TODAY - timedelta(days=30)
        for _index in range(3):
            cls._pathway(referent_id=cls.referent.id, start=start)
        cls._pathway(referent_id=cls.referent.id, state="closed", date_end=start)
        cls.colleague_pathway = cls._pathway(
            referent_id=cls.referent_colleague.id, start=start
        )

    def _prescription(self):
        return (
            self.env["plie.prescription"]
            .with_user(self.coordinator)
            .create(
                {
                    "prescriber_id": self.prescriber.id,
                    "lastname": "Capacité",
                    "birth_date": TODAY - timedelta(days=365 * 40),
                    "zip": "97200",
                    "company_id": self.company.id,
                }
            )
        )

    def _load(self, user):
        user = user.with_user(self.coordinator)
        return (
            user.plie_caseload_count,
            user.plie_caseload_capacity,
            user.plie_caseload_percent,
            user.plie_over_capacity,
        )

    def test_referent_above_capacity_is_flagged(self):
        self.assertEqual(self._load(self.referent), (3, 2.0, 150.0, True))
        self.assertEqual(self._load(self.referent_colleague), (1, 5.0, 20.0, False))

    def test_referent_exactly_at_capacity_is_not_flagged(self):
        self.referent.plie_fte = 0.06
        self.assertEqual(self._load(self.referent), (3, 3.0, 100.0, False))

    def test_suggestion_skips_the_commune_referent_above_capacity(self):
        prescription = self._prescription()
        self.assertEqual(prescription.commune_id, self.commune)
        self.assertEqual(prescription.suggested_referent_id, self.referent_colleague)

    def test_commune_referent_with_room_is_still_preferred(self):
        self.referent.plie_fte = 0.1  # capacity 5: 3 pathways, 60 %
        self.assertEqual(self._prescription().suggested_referent_id, self.referent)

    def test_when_every_referent_is_full_the_commune_referent_is_suggested(self):
        self.referent_colleague.plie_fte = 0.02  # capacity 1: 1 pathway, 100 %
        self.assertEqual(self._prescription().suggested_referent_id, self.referent)
