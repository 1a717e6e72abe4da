from datetime import date

from odoo.tests import tagged

from .common import ROLES, PlieBaseCase, assert_access_matrix


@tagged("post_install", "-at_install")
class TestAccessMatrix(PlieBaseCase):
    """Each role either may or may not perform each operation: the allowed ones
    succeed, the others raise AccessError."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own = cls._create_participant(
            housing_situation="homeless", special_consent="given", disability="yes"
        )
        cls.benefit = cls.env["plie.participant.benefit"].create(
            {
                "participant_id": cls.own.id,
                "benefit_type": "rsa",
                "start_date": date(2025, 1, 1),
            }
        )
        cls.note = cls.env["plie.participant.note"].create(
            {
                "participant_id": cls.own.id,
                "body": "Confidential",
                "author_id": cls.referent.id,
            }
        )
        cls.evidence = cls.env["plie.eligibility.evidence"].create(
            {"participant_id": cls.own.id, "criterion_id": cls.criterion_deld.id}
        )

    def _operations(self):
        own = self.own
        return {
            "read identity": lambda env: env["plie.participant"]
            .browse(own.id)
            .read(
                [
                    "name",
                    "birth_date",
                    "gender",
                    "labour_market_status",
                    "education_level",
                ]
            ),
            "read social data": lambda env: env["plie.participant"]
            .browse(own.id)
            .read(["housing_situation", "nationality_category", "rqth", "qpv_id"]),
            "read special categories": lambda env: env["plie.participant"]
            .browse(own.id)
            .read(["disability", "foreign_background", "minority", "special_consent"]),
            "read benefits": lambda env: env["plie.participant.benefit"]
            .browse(self.benefit.id)
            .read(["benefit_type"]),
            "read notes": lambda env: env["plie.participant.note"]
            .browse(self.note.id)
            .read(["body"]),
            "read evidence": lambda env: env["plie.eligibility.evidence"]
            .browse(self.evidence.id)
            .read(["criterion_id"]),
            "create participant": lambda env: env["plie.participant"].create(
                {"lastname": f"New {env.uid}", "zip": "97200"}
            ),
            "write participant": lambda env: env["plie.participant"]
            .browse(own.id)
            .write({"labour_market_status": "inactive"}),
            "unlink participant": lambda env: env["plie.participant"]
            .browse(self._create_participant(lastname=f"Gone {env.uid}").id)
            .unlink(),
            "write note": lambda env: env["plie.participant.note"].create(
                {"participant_id": own.id, "body": "New note"}
            ),
            "write benefit": lambda env: env["plie.participant.benefit"].create(
                {
                    "participant_id": own.id,
                    "benefit_type": "ass",
                    "start_date": date(2026, 1, 1),
                }
            ),
            "write evidence": lambda env: env["plie.eligibility.evidence"].create(
                {"participant_id": own.id, "criterion_id": self.criterion_benefit.id}
            ),
            "read criteria": lambda env: env["plie.eligibility.criterion"]
            .browse(self.criterion_deld.id)
            .read(["name"]),
            "write criteria": lambda env: env["plie.eligibility.criterion"]
            .browse(self.criterion_deld.id)
            .write({"evidence_validity_months": 6}),
            "read territory": lambda env: env["plie.qpv"]
            .browse(self.qpv.id)
            .read(["name", "commune_id"]),
            "write territory": lambda env: env["plie.commune"].create(
                {"name": f"Commune {env.uid}"}
            ),
            "export personal data": lambda env: env["plie.participant"]
            .browse(own.id)
            .action_export_personal_data(),
            "anonymise": lambda env: env["plie.participant"]
            .browse(
                self._create_participant(lastname=f"Anon {env.uid}", state="exited").id
            )
            .action_anonymize(),
            "check eligibility": lambda env: env["plie.eligibility.check"]
            .create({"participant_id": own.id})
            .verdict,
            "read statistics": lambda env: env[
                "plie.participant.statistics"
            ].read_group([], ["participant_count:sum"], ["gender"]),
        }

    # Allowed roles per operation; every other role must get AccessError.
    MATRIX = {
        "read identity": {"referent", "coordinator", "business", "finance", "manager"},
        "read social data": {"referent", "coordinator", "manager"},
        "read special categories": {"referent", "coordinator", "manager"},
        "read benefits": {"referent", "coordinator", "manager"},
        "read notes": {"referent", "coordinator", "manager"},
        "read evidence": {"referent", "coordinator", "manager"},
        "create participant": {"referent", "colleague", "coordinator", "manager"},
        "write participant": {"referent", "coordinator", "manager"},
        "unlink participant": {"coordinator", "manager"},
        "write note": {"referent", "coordinator", "manager"},
        "write benefit": {"referent", "coordinator", "manager"},
        "write evidence": {"referent", "coordinator", "manager"},
        "read criteria": {
            "referent",
            "colleague",
            "coordinator",
            "business",
            "finance",
            "manager",
        },
        "write criteria": {"coordinator", "manager"},
        "read territory": {
            "referent",
            "colleague",
            "coordinator",
            "business",
            "finance",
            "manager",
        },
        "write territory": {"coordinator", "manager"},
        "export personal data": {"coordinator", "manager"},
        "anonymise": {"manager"},
        "check eligibility": {"referent", "coordinator", "manager"},
        "read statistics": {"coordinator", "finance", "manager"},
    }

    def test_access_matrix_of_every_role(self):
        assert_access_matrix(self, self._operations(), self.MATRIX, self.users)

    def test_configuration_menu_is_for_coordination_only(self):
        menu = self.env.ref("plie_base.menu_plie_configuration")
        for role in ROLES:
            visible = menu.with_user(self.users[role])._filter_visible_menus()
            self.assertEqual(bool(visible), role in ("coordinator", "manager"), role)

    def test_sensitive_fields_are_not_in_business_or_finance_views(self):
        for user in (self.business, self.finance):
            fields = self.env["plie.participant"].with_user(user).fields_get()
            for name in (
                "housing_situation",
                "benefit_ids",
                "note_ids",
                "disability",
                "foreign_background",
                "minority",
                "nationality_category",
                "rqth",
                "qpv_id",
                "eligibility_verdict",
            ):
                self.assertNotIn(name, fields, f"{name} readable by {user.login}")
            self.assertIn("labour_market_status", fields)

    def test_structure_colleague_sees_the_caseload_when_coordination_allows_it(self):
        own = self.env["plie.participant"].with_user(self.referent_colleague)
        self.assertFalse(own.search([("id", "=", self.own.id)]))
        self.company.plie_share_structure_caseload = True
        self.assertEqual(own.search([("id", "=", self.own.id)]), self.own)
        own.browse(self.own.id).read(["housing_situation"])
        # Confidential notes stay with the participant's own référent.
        self.assertFalse(
            self.env["plie.participant.note"]
            .with_user(self.referent_colleague)
            .search([("participant_id", "=", self.own.id)])
        )

    def test_participant_contact_shows_no_social_data_to_other_roles(self):
        partner = self.own.partner_id.with_user(self.business)
        data = partner.read(["name"])[0]
        self.assertEqual(data["name"], self.own.name)
        for name in ("housing_situation", "disability", "benefit_ids", "birth_date"):
            self.assertNotIn(name, partner._fields)
