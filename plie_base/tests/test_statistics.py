from odoo.tests import tagged

from .common import PlieBaseCase


@tagged("post_install", "-at_install")
class TestStatistics(PlieBaseCase):
    def test_finance_counts_special_categories_without_reading_anyone(self):
        consent = {"special_consent": "given"}
        self._create_participant(
            lastname="A", education_level="1_2", disability="yes", **consent
        )
        self._create_participant(
            lastname="B", education_level="3", disability="refused"
        )
        self._create_participant(
            lastname="C",
            gender="man",
            education_level="1_2",
            disability="no",
            qpv_id=self.qpv.id,
            **consent,
        )
        Statistics = self.env["plie.participant.statistics"].with_user(self.finance)
        by_disability = {
            group["disability"]: group["participant_count"]
            for group in Statistics.read_group(
                [], ["participant_count:sum"], ["disability"]
            )
        }
        self.assertEqual(by_disability, {"yes": 1, "refused": 1, "no": 1})
        by_isced = {
            (group["isced_level"], group["gender"]): group["participant_count"]
            for group in Statistics.read_group(
                [], ["participant_count:sum"], ["isced_level", "gender"], lazy=False
            )
        }
        self.assertEqual(
            by_isced, {("0_2", "woman"): 1, ("3_4", "woman"): 1, ("0_2", "man"): 1}
        )
        qpv = Statistics.read_group(
            [("is_qpv_resident", "=", True)], ["participant_count:sum"], []
        )
        self.assertEqual(qpv[0]["participant_count"], 1)
        self.assertNotIn("participant_id", Statistics._fields)
