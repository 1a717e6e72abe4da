from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestReferentTour(HttpCase):
    def test_referent_creates_a_participant_and_finds_it_in_the_caseload(self):
        referent = new_test_user(
            self.env,
            login="tour_referent",
            groups="plie_base.group_plie_referent",
            name="Tour Référent",
            lang="en_US",
        )
        self.start_tour(
            "/odoo", "plie_base_referent_creates_participant", login="tour_referent"
        )
        participant = self.env["plie.participant"].search(
            [("lastname", "=", "Tourville")]
        )
        self.assertEqual(participant.referent_id, referent)
        self.assertEqual(participant.firstname, "Jeanne")
