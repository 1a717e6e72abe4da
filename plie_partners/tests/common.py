import base64
from datetime import date

from odoo.tests import new_test_user

from odoo.addons.plie_pathway.tests.common import PliePathwayCase

# A valid SIRET (Luhn check digit) and one with a wrong check digit.
VALID_SIRET = "73282932000074"
INVALID_SIRET = "73282932000075"


class PliePartnersCase(PliePathwayCase):
    """plie_pathway's PLIE plus companies, an integration structure, a buyer
    with a two-lot contract (2025), and a portal contact of each awardee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.plie_clause_max_monthly_hours = 151.67
        Partner = cls.env["res.partner"]
        cls.builder = Partner.create(
            {"name": "Bâtiments du Lamentin", "is_company": True}
        )
        cls.cleaner = Partner.create({"name": "Propreté Caraïbe", "is_company": True})
        cls.etti = Partner.create(
            {
                "name": "ETTI Madinina Intérim",
                "is_company": True,
                "plie_integration_kind": "etti",
            }
        )
        cls.buyer = cls.env["plie.clause.buyer"].create(
            {
                "partner_id": Partner.create(
                    {"name": "Ville de Fort-de-France", "is_company": True}
                ).id,
                "kind": "commune",
                "company_id": cls.company.id,
            }
        )
        cls.contract = cls.env["plie.clause.contract"].create(
            {
                "name": "M2025-01",
                "title": "Réhabilitation du groupe scolaire",
                "buyer_id": cls.buyer.id,
                "date_start": date(2025, 1, 1),
                "date_end": date(2025, 12, 31),
                "facilitator_id": cls.business.id,
                "company_id": cls.company.id,
            }
        )
        Lot = cls.env["plie.clause.lot"]
        cls.lot_works = Lot.create(
            {
                "contract_id": cls.contract.id,
                "name": "Lot 1 Gros œuvre",
                "awardee_id": cls.builder.id,
                "required_hours": 1000.0,
            }
        )
        cls.lot_cleaning = Lot.create(
            {
                "contract_id": cls.contract.id,
                "name": "Lot 2 Nettoyage",
                "awardee_id": cls.cleaner.id,
                "amount": 200000.0,
                "hours_rate": 2.5,
            }
        )
        cls.builder_contact = Partner.create(
            {"name": "Joël Sainte-Rose", "parent_id": cls.builder.id}
        )
        cls.portal_builder = new_test_user(
            cls.env,
            login="plie_portal_builder",
            groups="base.group_portal",
            partner_id=cls.builder_contact.id,
            company_id=cls.company.id,
            company_ids=[cls.company.id],
            lang="en_US",
        )
        cls.portal_cleaner = new_test_user(
            cls.env,
            login="plie_portal_cleaner",
            groups="base.group_portal",
            partner_id=Partner.create(
                {"name": "Line Éloi", "parent_id": cls.cleaner.id}
            ).id,
            company_id=cls.company.id,
            company_ids=[cls.company.id],
            lang="en_US",
        )
        cls.users = dict(cls.users, portal=cls.portal_builder)

    @classmethod
    def _placement(cls, lot, start=date(2025, 2, 1), end=None, **values):
        vals = {
            "lot_id": lot.id,
            "date_start": start,
            "date_end": end,
            "delivery_mode": "direct_hire",
        }
        vals.update(values)
        if not vals.get("participant_id") and not vals.get("external_name"):
            vals["external_name"] = "Personne hors PLIE"
        return cls.env["plie.clause.placement"].create(vals)

    @classmethod
    def _hours(cls, placement, month, hours, **values):
        return cls.env["plie.clause.hours"].create(
            {"placement_id": placement.id, "month": month, "hours": hours, **values}
        )

    @staticmethod
    def _csv(*lines):
        return base64.b64encode("\n".join(lines).encode())
