from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.plie_pathway.tests.common import TODAY

from .common import INVALID_SIRET, VALID_SIRET, PliePartnersCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestRegister(PliePartnersCase):
    def test_prospect_becomes_partner_then_signs_the_charter(self):
        company = (
            self.env["res.partner"]
            .with_user(self.business)
            .create(
                {
                    "name": "Rhumerie du Lamentin",
                    "is_company": True,
                    "plie_partnership_status": "prospect",
                    "plie_siret": "732 829 320 00074",
                }
            )
        )
        self.assertEqual(company.plie_siret, VALID_SIRET)
        company.action_plie_make_partner()
        self.assertEqual(company.plie_partnership_status, "partner")
        self.assertEqual(company.plie_partnership_date, TODAY)
        with self.assertRaisesRegex(ValidationError, "signature date"):
            company.action_plie_sign_charter()
        company.write(
            {"plie_charter_date": date(2025, 6, 1), "plie_charter_signatory": "M. Lise"}
        )
        company.action_plie_sign_charter()
        self.assertEqual(company.plie_partnership_status, "charter")
        # Becoming a partner earlier keeps its first date.
        self.assertEqual(company.plie_partnership_date, TODAY)
        company.action_plie_deactivate()
        self.assertEqual(company.plie_partnership_status, "inactive")
        self.assertEqual(company.plie_inactive_date, TODAY)

    def test_status_changes_are_tracked(self):
        company = self.env["res.partner"].create(
            {
                "name": "Suivi SARL",
                "is_company": True,
                "plie_partnership_status": "prospect",
            }
        )
        # Run what earlier setups registered, so that tracking starts clean.
        self.env.flush_all()
        self.env.cr.precommit.run()
        company.with_user(self.business).with_context(
            tracking_disable=False
        ).action_plie_make_partner()
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = company.message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertIn("plie_partnership_status", tracked)

    def test_charter_status_needs_a_signature_date(self):
        with self.assertRaisesRegex(ValidationError, "signed the charter"):
            self.env["res.partner"].create(
                {
                    "name": "Sans date",
                    "is_company": True,
                    "plie_partnership_status": "charter",
                }
            )

    def test_siret_with_a_wrong_check_digit_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "not valid"):
            self.env["res.partner"].create(
                {"name": "Faux SIRET", "is_company": True, "plie_siret": INVALID_SIRET}
            )

    def test_integration_structures_are_companies_flagged_by_kind(self):
        structures = self.env["res.partner"].search(
            [("plie_integration_kind", "=", "etti"), ("id", "=", self.etti.id)]
        )
        self.assertEqual(structures, self.etti)

    def test_commitments_and_engagements_count_on_the_company(self):
        self.env["plie.company.commitment"].create(
            [
                {"partner_id": self.builder.id, "commitment_type": "immersion"},
                {"partner_id": self.builder.id, "commitment_type": "clause_awardee"},
            ]
        )
        participant = self._create_participant(lastname="Immersion")
        self.env["plie.company.engagement"].with_user(self.business).create(
            {
                "partner_id": self.builder.id,
                "engagement_type": "immersion",
                "participant_ids": [(6, 0, participant.ids)],
                "outcome": "done",
            }
        )
        builder = self.builder.with_user(self.business)
        self.assertEqual(builder.plie_commitment_count, 2)
        self.assertEqual(builder.plie_engagement_count, 1)

    def test_other_internal_users_open_company_forms_as_before(self):
        Partner = self.env["res.partner"].with_user(self.internal)
        views = Partner.get_views([(False, "form"), (False, "list")])
        fields = views["models"]["res.partner"]["fields"]
        self.assertIn("plie_partnership_status", fields)
        self.assertNotIn("plie_commitment_ids", fields)
        self.builder.plie_commune_id = self.commune
        # What the web client reads: the form's own fields (get_views lists
        # more, such as accounting fields that the form hides from this user).
        form = etree.fromstring(views["views"]["form"]["arch"])
        names = {
            node.get("name") for node in form.xpath("//field[not(ancestor::field)]")
        }
        spec = {
            name: {"fields": {"display_name": {}}}
            if fields[name]["type"] == "many2one"
            else {}
            for name in names
        }
        data = Partner.browse(self.builder.id).web_read(spec)
        self.assertEqual(data[0]["name"], self.builder.name)
