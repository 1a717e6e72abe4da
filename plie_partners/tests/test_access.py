from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.plie_base.tests.common import ROLES, assert_access_matrix
from odoo.addons.plie_pathway.tests.common import TODAY

from .common import PliePartnersCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestAccess(PliePartnersCase):
    """The daily operations of each role as a matrix, portal included (the
    declared policy tables are walked by tests/plie_scenarios)."""

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
