from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.plie_pathway.tests.common import TODAY

from .common import PliePartnersCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestClub(PliePartnersCase):
    def test_winning_a_club_opportunity_makes_the_company_a_partner(self):
        company = self.env["res.partner"].create(
            {
                "name": "Hôtel Bellevue",
                "is_company": True,
                "plie_partnership_status": "prospect",
            }
        )
        club = self.env.ref("plie_partners.crm_team_club")
        lead = (
            self.env["crm.lead"]
            .with_user(self.business)
            .create(
                {
                    "name": "Adhésion Hôtel Bellevue",
                    "type": "opportunity",
                    "partner_id": company.id,
                    "team_id": club.id,
                    "stage_id": self.env.ref("plie_partners.crm_stage_club_meeting").id,
                }
            )
        )
        self.assertTrue(lead.plie_is_club)
        self.assertEqual(company.plie_partnership_status, "prospect")
        lead.action_set_won()
        self.assertEqual(
            lead.stage_id, self.env.ref("plie_partners.crm_stage_club_member")
        )
        self.assertEqual(company.plie_partnership_status, "partner")
        self.assertEqual(company.plie_partnership_date, TODAY)

    def test_a_won_sale_outside_the_club_changes_nothing(self):
        company = self.env["res.partner"].create(
            {"name": "Client ordinaire", "is_company": True}
        )
        lead = self.env["crm.lead"].create(
            {"name": "Vente", "type": "opportunity", "partner_id": company.id}
        )
        lead.action_set_won()
        self.assertFalse(company.plie_partnership_status)

    def test_club_events_are_calendar_events_with_companies_and_participants(self):
        participant = self._create_participant(lastname="Dating")
        event = (
            self.env["calendar.event"]
            .with_user(self.business)
            .create(
                {
                    "name": "Job dating BTP",
                    "start": "2025-06-20 08:00:00",
                    "stop": "2025-06-20 11:00:00",
                    "plie_club_event": "job_dating",
                    "plie_invited_company_ids": [
                        (6, 0, (self.builder | self.cleaner).ids)
                    ],
                    "plie_attending_company_ids": [(6, 0, self.builder.ids)],
                    "plie_participant_ids": [(6, 0, participant.ids)],
                }
            )
        )
        self.assertEqual(event.plie_attending_company_ids, self.builder)
        # Other internal users see the event, not who took part.
        fields = event.with_user(self.internal).fields_get()
        self.assertNotIn("plie_participant_ids", fields)
