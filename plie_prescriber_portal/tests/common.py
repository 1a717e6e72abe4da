from datetime import date

from odoo.tests import new_test_user

from odoo.addons.plie_pathway.tests.common import PliePathwayCase

PDF = ("attestation.pdf", b"%PDF-1.4 attestation", "application/pdf")


class PrescriberPortalCase(PliePathwayCase):
    """plie_pathway's PLIE with two prescriber organisations: France Travail
    (two portal members) and a Mission Locale (one member)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mission_locale = cls.env["res.partner"].create(
            {
                "name": "Mission Locale Test",
                "is_company": True,
                "plie_prescriber_kind": "mission_locale",
            }
        )
        cls.member = cls._member("ft_a", cls.prescriber)
        cls.member_b = cls._member("ft_b", cls.prescriber)
        cls.other_member = cls._member("ml", cls.mission_locale)

    @classmethod
    def _member(cls, login, organisation):
        user = new_test_user(
            cls.env,
            login=f"prescriber_{login}_{cls.company.id}",
            groups="base.group_portal",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
            name=f"Prescriber {login}",
            email=f"{login}@prescriber.example",
            lang="en_US",
        )
        user.partner_id.parent_id = organisation
        return user

    @staticmethod
    def _person(**values):
        return {
            "lastname": "Nouvelle",
            "firstname": "Personne",
            "birth_date": "1990-03-02",
            "zip": "97200",
            "city": "Fort-de-France",
            "ft_registration_date": "2023-01-10",
            "benefit_type": "rsa",
            "reason": "Long-term jobseeker, ready for a pathway",
            "consent": True,
            **values,
        }

    def _send(self, user, documents=(PDF,), **values):
        return (
            self.env["plie.prescription"]
            .with_user(user)
            ._portal_submit(self._person(**values), documents)
        )

    @staticmethod
    def _follow_up(user, prescription):
        Prescription = prescription.env["plie.prescription"].with_user(user)
        return Prescription._portal_prescription(prescription.id)._portal_values()[0]


BIRTH = date(1985, 6, 15)
