import csv
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.modules.module import get_module_path
from odoo.tests import tagged

from odoo.addons.plie_base.tests.common import ROLES, assert_access_matrix
from odoo.addons.plie_pathway.tests.common import TODAY

from .common import PliePartnersCase

POLICY_ROLES = (*ROLES, "portal")
OPERATIONS = ("read", "create", "write", "unlink")


def read_policy(name):
    with open(f"{get_module_path('plie_partners')}/security/{name}") as policy:
        return list(csv.DictReader(policy))


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestAccess(PliePartnersCase):
    """The declared access policy, walked model by model and role by role on
    one record of the référent's caseload; then the daily operations of each
    role as a matrix."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own = cls._create_participant(
            lastname="Placée", housing_situation="homeless", qpv_id=cls.qpv.id
        )
        cls.others = cls._create_participant(
            lastname="Autre", referent_id=cls.referent_colleague.id
        )
        cls.offer = cls.env["plie.job.offer"].create(
            {
                "name": "Maçon",
                "partner_id": cls.builder.id,
                "rome_job_id": cls.env.ref("plie_pathway.rome_f1703").id,
                "company_id": cls.company.id,
            }
        )
        cls.match = cls.env["plie.job.match"].create(
            {"offer_id": cls.offer.id, "participant_id": cls.own.id}
        )
        cls.placement = cls._placement(cls.lot_works, participant_id=cls.own.id)
        cls.other_placement = cls._placement(
            cls.lot_works, participant_id=cls.others.id
        )
        cls.cleaner_placement = cls._placement(cls.lot_cleaning, external_name="Voisin")
        cls.hours = cls._hours(cls.placement, date(2025, 3, 1), 35, state="declared")
        cls.commitment = cls.env["plie.company.commitment"].create(
            {"partner_id": cls.builder.id, "commitment_type": "immersion"}
        )
        cls.engagement = cls.env["plie.company.engagement"].create(
            {
                "partner_id": cls.builder.id,
                "engagement_type": "immersion",
                "participant_ids": [(6, 0, cls.own.ids)],
            }
        )

    def _fixtures(self):
        """{model: (record of the référent's caseload, values to create one)}."""
        month = iter(range(4, 13))
        return {
            "plie.naf.code": (
                self.env.ref("plie_partners.naf_8121z"),
                lambda env: {"code": f"99.{env.uid:02d}Z", "name": "Test"},
            ),
            "plie.company.commitment": (
                self.commitment,
                lambda env: {
                    "partner_id": self.builder.id,
                    "commitment_type": "job_offers",
                },
            ),
            "plie.company.engagement": (
                self.engagement,
                lambda env: {"partner_id": self.builder.id, "engagement_type": "event"},
            ),
            "plie.job.offer": (
                self.offer,
                lambda env: {
                    "name": "Offre",
                    "partner_id": self.builder.id,
                    "rome_job_id": self.rome_cleaning.id,
                },
            ),
            "plie.job.match": (
                self.match,
                lambda env: {
                    "offer_id": self.offer.id,
                    "participant_id": self._create_participant(
                        lastname=f"Match {env.uid}"
                    ).id,
                },
            ),
            "plie.clause.buyer": (
                self.buyer,
                lambda env: {
                    "partner_id": self.env["res.partner"]
                    .create({"name": f"Bailleur {env.uid}", "is_company": True})
                    .id
                },
            ),
            "plie.clause.contract": (
                self.contract,
                lambda env: {
                    "name": f"M-{env.uid}",
                    "title": "Voirie",
                    "buyer_id": self.buyer.id,
                    "date_start": date(2025, 1, 1),
                    "date_end": date(2025, 12, 31),
                },
            ),
            "plie.clause.lot": (
                self.lot_works,
                lambda env: {"contract_id": self.contract.id, "name": "Lot 3"},
            ),
            "plie.clause.placement": (
                self.placement,
                lambda env: {
                    "lot_id": self.lot_works.id,
                    "participant_id": self.own.id,
                    "date_start": date(2025, 5, 1),
                },
            ),
            "plie.clause.hours": (
                self.hours,
                lambda env: {
                    "placement_id": self.placement.id,
                    "month": date(2025, next(month), 1),
                    "hours": 10,
                },
            ),
        }

    def _allowed(self, user, model, operation, fixtures):
        env = self.env(user=user)
        if model not in fixtures:  # wizards: each user sees only their own
            return env[model].has_access(operation)
        record, values = fixtures[model]
        try:
            with self.cr.savepoint():
                if operation == "create":
                    env[model].create(values(env))
                elif operation == "read":
                    record.with_env(env).check_access("read")
                else:
                    record.with_env(env).check_access(operation)
        except AccessError:
            return False
        return True

    def test_every_model_has_one_policy_row_per_role(self):
        model_ids = (
            self.env["ir.model.data"]
            .search([("model", "=", "ir.model"), ("module", "=", "plie_partners")])
            .mapped("res_id")
        )
        ours = {
            model.model
            for model in self.env["ir.model"].browse(model_ids)
            if not self.env[model.model]._abstract
            and self.env[model.model]._original_module == "plie_partners"
        }
        rows = read_policy("access_policy.csv")
        self.assertEqual({row["model"] for row in rows}, ours)
        for model in ours:
            roles = sorted(row["role"] for row in rows if row["model"] == model)
            self.assertEqual(roles, sorted(POLICY_ROLES), model)

    def test_the_access_policy_is_what_the_database_enforces(self):
        fixtures = self._fixtures()
        users = dict(self.users, portal=self.portal_builder)
        for row in read_policy("access_policy.csv"):
            for operation in OPERATIONS:
                with self.subTest(
                    model=row["model"], role=row["role"], operation=operation
                ):
                    self.assertEqual(
                        self._allowed(
                            users[row["role"]], row["model"], operation, fixtures
                        ),
                        row[operation] == "1",
                    )

    def test_sensitive_fields_are_readable_by_their_roles_only(self):
        users = dict(self.users, portal=self.portal_builder)
        for row in read_policy("access_policy_fields.csv"):
            allowed = set(row["roles"].split())
            for role, user in users.items():
                with self.subTest(field=row["field"], role=role):
                    fields = self.env[row["model"]].with_user(user).fields_get()
                    self.assertEqual(row["field"] in fields, role in allowed)

    # ------------------------------------------------------------------
    # Daily operations of each role
    # ------------------------------------------------------------------
    def _operations(self):
        return {
            "read company register": lambda env: env["res.partner"]
            .browse(self.builder.id)
            .read(["plie_partnership_status", "plie_siret", "plie_naf_id"]),
            "read commitments": lambda env: env["plie.company.commitment"]
            .browse(self.commitment.id)
            .read(["commitment_type"]),
            "write commitments": lambda env: env["plie.company.commitment"]
            .browse(self.commitment.id)
            .write({"quantity": 3}),
            "read offers": lambda env: env["plie.job.offer"]
            .browse(self.offer.id)
            .read(["name", "partner_id"]),
            "create offers": lambda env: env["plie.job.offer"].create(
                {
                    "name": "Offre",
                    "partner_id": self.cleaner.id,
                    "rome_job_id": self.rome_cleaning.id,
                }
            ),
            "propose own participant": lambda env: env["plie.job.match"].create(
                {
                    "offer_id": self.offer.id,
                    "participant_id": self._create_participant(
                        lastname=f"Propose {env.uid}"
                    ).id,
                }
            ),
            "propose another caseload's participant": lambda env: env[
                "plie.job.match"
            ].create(
                {
                    "offer_id": self.offer.id,
                    "participant_id": self._create_participant(
                        lastname=f"Autre {env.uid}",
                        referent_id=self.referent_colleague.id,
                    ).id,
                }
            ),
            "read own caseload's placement": lambda env: env["plie.clause.placement"]
            .browse(self.placement.id)
            .read(["person_name", "validated_hours"]),
            "read another caseload's placement": lambda env: env[
                "plie.clause.placement"
            ]
            .browse(self.other_placement.id)
            .read(["person_name"]),
            "read another awardee's placement": lambda env: env["plie.clause.placement"]
            .browse(self.cleaner_placement.id)
            .read(["person_name"]),
            "read clause totals": lambda env: env["plie.clause.contract"]
            .browse(self.contract.id)
            .read(["required_hours", "realised_hours", "progress_rate"]),
            "declare hours": lambda env: env["plie.clause.hours"].create(
                {
                    "placement_id": self._placement(
                        self.lot_works, participant_id=self.own.id
                    ).id,
                    "month": "2025-04-01",
                    "hours": 70,
                }
            ),
            "validate hours": lambda env: env["plie.clause.hours"]
            .browse(self.hours.id)
            .action_validate(),
            "read placed participant's social data": lambda env: env["plie.participant"]
            .browse(self.own.id)
            .read(["housing_situation", "qpv_id"]),
        }

    MATRIX = {
        "read company register": {*ROLES, "portal"},
        "read commitments": {
            "referent",
            "colleague",
            "coordinator",
            "business",
            "manager",
        },
        "write commitments": {"business", "manager"},
        "read offers": {"referent", "colleague", "coordinator", "business", "manager"},
        "create offers": {"business", "manager"},
        "propose own participant": {"referent", "coordinator", "business", "manager"},
        "propose another caseload's participant": {
            "colleague",
            "coordinator",
            "business",
            "manager",
        },
        "read own caseload's placement": {
            "referent",
            "coordinator",
            "business",
            "manager",
            "portal",
        },
        "read another caseload's placement": {
            "colleague",
            "coordinator",
            "business",
            "manager",
            "portal",
        },
        "read another awardee's placement": {"coordinator", "business", "manager"},
        "read clause totals": {
            "referent",
            "colleague",
            "coordinator",
            "business",
            "finance",
            "manager",
            "portal",
        },
        "declare hours": {"business", "manager", "portal"},
        "validate hours": {"business", "manager"},
        "read placed participant's social data": {"referent", "coordinator", "manager"},
    }

    def test_access_matrix_of_every_role(self):
        users = dict(self.users, portal=self.portal_builder)
        assert_access_matrix(self, self._operations(), self.MATRIX, users)

    def test_business_officer_sees_priority_publics_only_as_totals(self):
        # The facilitator's progress hides QPV figures under 5 people.
        figures = self.lot_works.with_user(self.business)._clause_progress()
        self.assertEqual(figures[self.lot_works.id]["publics"]["qpv"], (None, None))
        with self.assertRaises(AccessError):
            self.env["plie.participant"].with_user(self.business).search(
                [("qpv_id", "!=", False)]
            )
