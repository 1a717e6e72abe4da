import io
from datetime import date

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.plie_pathway.tests.common import TODAY

from .common import PliePartnersCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestXlsxReports(PliePartnersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.participant = cls._create_participant(lastname="Rapport")
        cls.placement = cls._placement(cls.lot_works, participant_id=cls.participant.id)
        cls._hours(cls.placement, date(2025, 2, 1), 100)
        cls._hours(cls.placement, date(2025, 3, 1), 150)
        cls._hours(cls.placement, date(2025, 4, 1), 40, state="declared")
        outside = cls._placement(
            cls.lot_cleaning,
            external_name="Hors PLIE",
            delivery_mode="etti",
            structure_id=cls.etti.id,
        )
        cls._hours(outside, date(2025, 3, 1), 50)

    def _render(self, user, report, records, data):
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_xlsx(report, records.ids, data)
        )
        self.assertEqual(kind, "xlsx")
        return load_workbook(io.BytesIO(content))

    def test_buyer_report_has_one_sheet_per_contract_checked_cell_by_cell(self):
        book = self._render(
            self.business,
            "plie_partners.action_report_clause_buyer_xlsx",
            self.buyer,
            {"year": 2025},
        )
        self.assertEqual(book.sheetnames, ["M2025-01"])
        sheet = book["M2025-01"]
        self.assertEqual(
            sheet["A1"].value, "M2025-01 - Réhabilitation du groupe scolaire"
        )
        self.assertEqual(sheet["B2"].value, "Ville de Fort-de-France")
        self.assertEqual(sheet["B3"].value, 2025)
        self.assertEqual(
            [cell.value for cell in sheet[5][:6]],
            [
                "Lot",
                "Awardee",
                "Required hours",
                "Realised hours",
                "Progress (%)",
                "Persons placed",
            ],
        )
        self.assertEqual(
            [cell.value for cell in sheet[6][:6]],
            ["Lot 1 Gros œuvre", "Bâtiments du Lamentin", 1000, 250, 25, 1],
        )
        self.assertEqual(
            [cell.value for cell in sheet[7][:6]],
            ["Lot 2 Nettoyage", "Propreté Caraïbe", 500, 50, 10, 1],
        )
        # Monthly hours per placement (validated only), by reference.
        self.assertEqual(sheet["A9"].value, "Placement")
        self.assertEqual(sheet["C9"].value, "01/2025")
        rows = {
            row[0].value: [c.value for c in row[1:15]]
            for row in sheet.iter_rows(min_row=10, max_row=11)
        }
        self.assertEqual(
            rows[self.placement.name],
            ["Lot 1 Gros œuvre", 0, 100, 150, 0, 0, 0, 0, 0, 0, 0, 0, 0, 250],
        )
        self.assertNotIn(
            self.participant.name, [c.value for row in sheet.iter_rows() for c in row]
        )
        # Breakdown: delivery modes, then priority publics (secret under 5).
        values = [[c.value for c in row[:3]] for row in sheet.iter_rows(min_row=13)]
        self.assertIn(["Direct hire by the awardee", 250, None], values)
        self.assertIn(["Staff provided by an ETTI", 50, None], values)
        self.assertIn(["Women", 1, 250], values)
        self.assertIn(["QPV residents", 0, 0], values)

    def test_consolidated_report_lists_every_buyer_and_contract(self):
        book = self._render(
            self.finance,
            "plie_partners.action_report_clause_consolidated_xlsx",
            self.buyer,
            {"year": 2025},
        )
        self.assertEqual(book.sheetnames, ["Buyers", "Contracts"])
        buyers = book["Buyers"]
        self.assertEqual(
            [c.value for c in buyers[3]],
            [
                "Buyer",
                "Required hours",
                "Realised hours",
                "Progress (%)",
                "Persons placed",
            ],
        )
        self.assertEqual(
            [c.value for c in buyers[4]], ["Ville de Fort-de-France", 1500, 300, 20, 2]
        )
        contracts = book["Contracts"]
        self.assertEqual(
            [c.value for c in contracts[4]],
            [
                "Ville de Fort-de-France",
                "M2025-01 - Réhabilitation du groupe scolaire",
                1500,
                300,
                20,
                2,
            ],
        )
        # Another year: nothing realised.
        book = self._render(
            self.finance,
            "plie_partners.action_report_clause_consolidated_xlsx",
            self.buyer,
            {"year": 2024},
        )
        self.assertEqual([c.value for c in book["Buyers"][4]][2], 0)

    def test_finance_cannot_print_the_per_placement_report(self):
        with self.assertRaises(AccessError):
            self._render(
                self.finance,
                "plie_partners.action_report_clause_buyer_xlsx",
                self.buyer,
                {"year": 2025},
            )

    def test_register_report_lists_companies_with_their_commitments(self):
        self.builder.write(
            {
                "plie_partnership_status": "charter",
                "plie_partnership_date": date(2024, 3, 1),
                "plie_charter_date": date(2024, 3, 1),
                "plie_siret": "73282932000074",
                "plie_naf_id": self.env.ref("plie_partners.naf_4399c").id,
            }
        )
        self.env["plie.company.commitment"].create(
            [
                {
                    "partner_id": self.builder.id,
                    "commitment_type": "immersion",
                    "date_start": date(2025, 1, 1),
                },
                {
                    "partner_id": self.builder.id,
                    "commitment_type": "job_offers",
                    "date_start": date(2023, 1, 1),
                    "date_end": date(2023, 12, 31),
                },
            ]
        )
        self.env["plie.company.engagement"].create(
            {
                "partner_id": self.builder.id,
                "engagement_type": "immersion",
                "date": date(2025, 5, 2),
            }
        )
        book = self._render(
            self.business,
            "plie_partners.action_report_company_register_xlsx",
            self.builder,
            {"date_from": "2025-01-01", "date_to": "2025-12-31"},
        )
        sheet = book["Register"]
        self.assertEqual(sheet["A4"].value, "Company")
        row = [c.value for c in sheet[5]]
        self.assertEqual(
            row[:3],
            [
                "Bâtiments du Lamentin",
                "73282932000074",
                "43.99C - Travaux de maçonnerie générale et gros œuvre de bâtiment",
            ],
        )
        self.assertEqual(row[5], "Charter signed")
        self.assertEqual(row[6].date(), date(2024, 3, 1))
        self.assertEqual(row[9], "Hosting immersions (PMSMP)")
        self.assertEqual(row[10], 1)
