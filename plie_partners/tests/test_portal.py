from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.plie_pathway.tests.common import TODAY

from .common import PliePartnersCase


class PortalCase(PliePartnersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.participant = cls._create_participant(
            lastname="Ouvrier", housing_situation="homeless"
        )
        cls.works = cls._placement(
            cls.lot_works, start=date(2025, 2, 1), participant_id=cls.participant.id
        )
        cls.cleaning = cls._placement(cls.lot_cleaning, external_name="Voisine Propre")


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestPortal(PortalCase):
    def test_company_contact_sees_only_their_lots_placements(self):
        Placement = self.env["plie.clause.placement"].with_user(self.portal_builder)
        self.assertEqual(Placement.search([]), self.works)
        self.assertEqual(
            Placement.browse(self.works.id).read(["person_name"])[0]["person_name"],
            self.participant.name,
        )
        # Every field a company contact may read, without the participant.
        data = Placement.browse(self.works.id).read()[0]
        self.assertNotIn("participant_id", data)
        with self.assertRaises(AccessError):
            Placement.browse(self.cleaning.id).read(["person_name"])
        # Names and hours only: no participant record, no social data.
        with self.assertRaises(AccessError):
            self.participant.with_user(self.portal_builder).read(["name"])
        lots = self.env["plie.clause.lot"].with_user(self.portal_builder).search([])
        self.assertEqual(lots, self.lot_works)

    def test_declared_hours_count_once_the_facilitator_validates_them(self):
        line = (
            self.env["plie.clause.hours"]
            .with_user(self.portal_builder)
            .create(
                {"placement_id": self.works.id, "month": "2025-03-01", "hours": 120}
            )
        )
        self.assertEqual(line.state, "declared")
        self.assertEqual(self.lot_works.realised_hours, 0)
        line.with_user(self.portal_builder).hours = 110
        with self.assertRaises(AccessError):
            line.with_user(self.portal_builder).action_validate()
        with self.assertRaises(AccessError):
            line.with_user(self.portal_builder).write({"state": "validated"})
        line.with_user(self.business).action_validate()
        self.env.invalidate_all()
        self.assertEqual(self.lot_works.realised_hours, 110)
        with self.assertRaises(AccessError):
            line.with_user(self.portal_builder).hours = 150

    def test_company_contact_cannot_declare_on_another_company_lot(self):
        with self.assertRaises(AccessError):
            self.env["plie.clause.hours"].with_user(self.portal_builder).create(
                {"placement_id": self.cleaning.id, "month": "2025-03-01", "hours": 10}
            )


@tagged("post_install", "-at_install")
class TestPortalTour(HttpCase, PortalCase):
    def test_company_contact_declares_a_month_of_hours_on_the_portal(self):
        self.portal_builder.password = "portal-builder-pwd"
        self.start_tour(
            "/my/clauses?month=2025-03",
            "plie_partners_portal_declare_hours",
            login="plie_portal_builder",
        )
        line = self.env["plie.clause.hours"].search(
            [("placement_id", "=", self.works.id)]
        )
        self.assertEqual(
            (line.month, line.hours, line.state), (date(2025, 3, 1), 120, "declared")
        )


@tagged("post_install", "-at_install")
class TestFacilitatorTour(HttpCase, PliePartnersCase):
    def test_facilitator_enters_a_month_of_hours_and_opens_the_progress(self):
        participant = self._create_participant(lastname="Tour", firstname="Lina")
        placement = self._placement(
            self.lot_works, start=date(2025, 2, 1), participant_id=participant.id
        )
        self.start_tour(
            "/odoo/action-plie_partners.action_plie_clause_contract",
            "plie_partners_facilitator_enters_hours",
            login=self.business.login,
        )
        line = self.env["plie.clause.hours"].search(
            [("placement_id", "=", placement.id)]
        )
        self.assertEqual(
            (line.month, line.hours, line.state), (date(2025, 3, 1), 120, "validated")
        )
        self.assertEqual(self.contract.realised_hours, 120)
