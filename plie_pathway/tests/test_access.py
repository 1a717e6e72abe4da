import itertools
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.plie_base.tests.common import ROLES, assert_access_matrix

from .common import TODAY, PliePathwayCase

EVERY_PLIE_ROLE = {
    "referent",
    "colleague",
    "coordinator",
    "business",
    "finance",
    "manager",
}


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestAccessMatrix(PliePathwayCase):
    """Each role may or may not perform each operation on the référent's
    caseload: the allowed ones succeed, the others raise AccessError."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.numbers = itertools.count()
        cls.pathway = cls._pathway(note="<p>Confidentiel</p>")
        cls.closed = cls._pathway(
            state="closed",
            date_end=TODAY - timedelta(days=5),
            exit_reason_id=cls.reason_employment.id,
            is_positive_exit=True,
        )
        cls.interview = cls._interview(
            cls.pathway, TODAY - timedelta(days=3), summary="<p>Logement précaire</p>"
        )
        Step = cls.env["plie.pathway.step"]
        cls.social_step = Step.create(
            {"pathway_id": cls.pathway.id, "step_type_id": cls.type_housing.id}
        )
        cls.job_step = Step.create(
            {
                "pathway_id": cls.pathway.id,
                "step_type_id": cls.type_job_search.id,
                "rome_job_id": cls.rome_cleaning.id,
            }
        )
        cls.employment = cls._employment(
            cls.pathway, "cdd", TODAY - timedelta(days=30), TODAY + timedelta(days=150)
        )
        cls.action = cls.env["plie.action"].create(
            {"name": "Atelier", "capacity": 10, "company_id": cls.company.id}
        )
        cls.enrolment = cls.env["plie.action.enrolment"].create(
            {"action_id": cls.action.id, "pathway_id": cls.pathway.id}
        )
        cls.prescription = cls.env["plie.prescription"].create(
            {
                "prescriber_id": cls.prescriber.id,
                "lastname": "Orientée",
                "company_id": cls.company.id,
                "referent_id": cls.referent.id,
                "reason": "Confidentiel",
            }
        )

    def _new_pathway(self, **values):
        """A pathway of the référent's caseload that one operation may change."""
        participant = self._create_participant(lastname=f"Accès {next(self.numbers)}")
        return self._pathway(participant, **values)

    def _operations(self):
        pathway = self.pathway
        return {
            "read pathway status": lambda env: env["plie.pathway"]
            .browse(pathway.id)
            .read(["state", "referent_id", "date_start", "date_planned_end"]),
            "read pathway notes": lambda env: env["plie.pathway"]
            .browse(pathway.id)
            .read(["note"]),
            "read exit": lambda env: env["plie.pathway"]
            .browse(self.closed.id)
            .read(["date_end", "is_positive_exit"]),
            "read exit reason": lambda env: env["plie.pathway"]
            .browse(self.closed.id)
            .read(["exit_reason_id"]),
            "write pathway": lambda env: env["plie.pathway"]
            .browse(pathway.id)
            .write({"note": "<p>Projet confirmé</p>"}),
            "change planned end": lambda env: env["plie.pathway"]
            .browse(pathway.id)
            .write({"date_planned_end": date(2027, 6, 30)}),
            "change référent": lambda env: env["plie.pathway.reassign"]
            .create(
                {
                    "pathway_ids": [(6, 0, self._new_pathway().ids)],
                    "referent_id": self.referent_colleague.id,
                    "reason": "Rééquilibrage",
                }
            )
            .action_confirm(),
            "sign contract": lambda env: env["plie.pathway"]
            .browse(self._new_pathway(start=False, date_start=TODAY).id)
            .action_sign_contract(),
            "close pathway directly": lambda env: env["plie.pathway"]
            .browse(self._new_pathway().id)
            .write({"state": "closed"}),
            "read interview": lambda env: env["plie.interview"]
            .browse(self.interview.id)
            .read(["date", "kind"]),
            "read interview summary": lambda env: env["plie.interview"]
            .browse(self.interview.id)
            .read(["summary"]),
            "record interview": lambda env: env["plie.interview"].create(
                {"pathway_id": pathway.id, "summary": "<p>Point mensuel</p>"}
            ),
            "read social step": lambda env: env["plie.pathway.step"]
            .browse(self.social_step.id)
            .read(["step_type_id", "date_start"]),
            "read job target": lambda env: env["plie.pathway.step"]
            .browse(self.job_step.id)
            .read(["rome_job_id", "outcome"]),
            "add step": lambda env: env["plie.pathway.step"].create(
                {"pathway_id": pathway.id, "step_type_id": self.type_diagnosis.id}
            ),
            "read employment": lambda env: env["plie.employment"]
            .browse(self.employment.id)
            .read(["employer_id", "contract_type_id", "date_start"]),
            "record employment": lambda env: env["plie.employment"].create(
                {
                    "pathway_id": pathway.id,
                    "contract_type_id": self.env.ref(
                        "plie_pathway.contract_type_interim"
                    ).id,
                    "date_start": TODAY,
                }
            ),
            "read enrolment": lambda env: env["plie.action.enrolment"]
            .browse(self.enrolment.id)
            .read(["state", "attended_hours"]),
            "enrol": lambda env: env["plie.action.enrolment"].create(
                {
                    "pathway_id": pathway.id,
                    "action_id": env["plie.action"]
                    .sudo()
                    .create(
                        {"name": f"Action {env.uid}", "company_id": self.company.id}
                    )
                    .id,
                }
            ),
            "read action catalogue": lambda env: env["plie.action"]
            .browse(self.action.id)
            .read(["name", "capacity", "fill_rate"]),
            "manage action catalogue": lambda env: env["plie.action"].create(
                {"name": "Nouvelle action", "company_id": self.company.id}
            ),
            "read prescription": lambda env: env["plie.prescription"]
            .browse(self.prescription.id)
            .read(["lastname", "prescriber_id", "reason"]),
            "create prescription": lambda env: env["plie.prescription"].create(
                {
                    "prescriber_id": self.prescriber.id,
                    "lastname": "Nouvelle",
                    "company_id": self.company.id,
                }
            ),
            "close committee": lambda env: env["plie.committee"]
            .browse(self._committee().id)
            .action_close(),
            "propose exit": lambda env: env["plie.exit.proposal"]
            .create(
                {
                    "pathway_id": pathway.id,
                    "committee_id": self._committee().id,
                    "exit_reason_id": self.reason_moved.id,
                    "note": "Déménagement",
                }
            )
            .action_confirm(),
            "read exit reasons": lambda env: env["plie.exit.reason"]
            .browse(self.reason_moved.id)
            .read(["name", "is_positive"]),
            "configure exit reasons": lambda env: env["plie.exit.reason"]
            .browse(self.reason_moved.id)
            .write({"sequence": 99}),
            "read KPIs": lambda env: env["plie.pathway.report"].read_group(
                [], ["positive_exit_rate:avg"], ["referent_id"]
            ),
            "read caseloads": lambda env: env["plie.caseload.report"].search_read(
                [], ["active_count"]
            ),
        }

    # Allowed roles per operation; every other role must get AccessError.
    MATRIX = {
        "read pathway status": {
            "referent",
            "coordinator",
            "business",
            "finance",
            "manager",
        },
        "read pathway notes": {"referent", "coordinator", "manager"},
        "read exit": {"referent", "coordinator", "business", "finance", "manager"},
        # "Health", "incarceration"... are social data.
        "read exit reason": {"referent", "coordinator", "manager"},
        "write pathway": {"referent", "coordinator", "manager"},
        "change planned end": {"coordinator", "manager"},
        "change référent": {"coordinator", "manager"},
        "sign contract": {"referent", "coordinator", "manager"},
        # States move only through the actions, whoever writes them.
        "close pathway directly": set(),
        "read interview": {"referent", "coordinator", "manager"},
        "read interview summary": {"referent", "coordinator", "manager"},
        "record interview": {"referent", "coordinator", "manager"},
        "read social step": {"referent", "coordinator", "manager"},
        "read job target": {"referent", "coordinator", "business", "manager"},
        "add step": {"referent", "coordinator", "manager"},
        "read employment": {
            "referent",
            "coordinator",
            "business",
            "finance",
            "manager",
        },
        "record employment": {"referent", "coordinator", "business", "manager"},
        "read enrolment": {"referent", "coordinator", "finance", "manager"},
        "enrol": {"referent", "coordinator", "manager"},
        "read action catalogue": EVERY_PLIE_ROLE,
        "manage action catalogue": {"coordinator", "manager"},
        "read prescription": {"referent", "coordinator", "manager"},
        "create prescription": {"coordinator", "manager"},
        "close committee": {"coordinator", "manager"},
        "propose exit": {"referent", "coordinator", "manager"},
        "read exit reasons": EVERY_PLIE_ROLE,
        "configure exit reasons": {"coordinator", "manager"},
        # Référents read their own caseload's figures (record rules).
        "read KPIs": {"referent", "colleague", "coordinator", "finance", "manager"},
        "read caseloads": {"coordinator", "manager"},
    }

    def test_access_matrix_of_every_role(self):
        assert_access_matrix(self, self._operations(), self.MATRIX, self.users)

    def test_business_and_finance_do_not_get_interviews_or_social_steps(self):
        for user in (self.business, self.finance):
            fields = self.env["plie.pathway"].with_user(user).fields_get()
            for name in (
                "note",
                "interview_ids",
                "assignment_ids",
                "committee_item_ids",
                "exit_disagreement_note",
                "priority_criterion_ids",
            ):
                self.assertNotIn(name, fields, f"{name} readable by {user.login}")
        steps = (
            self.env["plie.pathway.step"]
            .with_user(self.business)
            .search([("pathway_id", "=", self.pathway.id)])
        )
        self.assertEqual(steps, self.job_step)
        self.assertNotIn("description", steps.fields_get())

    def test_structure_colleague_sees_the_pathways_when_caseloads_are_shared(self):
        Pathway = self.env["plie.pathway"].with_user(self.referent_colleague)
        Interview = self.env["plie.interview"].with_user(self.referent_colleague)
        self.assertFalse(Pathway.search([("id", "=", self.pathway.id)]))
        self.company.plie_share_structure_caseload = True
        self.assertEqual(Pathway.search([("id", "=", self.pathway.id)]), self.pathway)
        self.assertEqual(
            Interview.search([("pathway_id", "=", self.pathway.id)]), self.interview
        )

    def test_menus_match_the_roles(self):
        expected = {
            "plie_pathway.menu_plie_dashboard": {"coordinator", "manager"},
            "plie_pathway.menu_plie_report_movements": {
                "referent",
                "colleague",
                "coordinator",
                "finance",
                "manager",
            },
            "plie_pathway.menu_plie_interviews": {
                "referent",
                "colleague",
                "coordinator",
                "manager",
            },
            "plie_pathway.menu_plie_committee": {
                "referent",
                "colleague",
                "coordinator",
                "manager",
            },
            "plie_pathway.menu_plie_report_caseload": {"coordinator", "manager"},
            "plie_pathway.menu_plie_employment_business": {"business", "manager"},
        }
        for xmlid, roles in expected.items():
            menu = self.env.ref(xmlid)
            for role in ROLES:
                visible = menu.with_user(self.users[role])._filter_visible_menus()
                self.assertEqual(bool(visible), role in roles, f"{xmlid} for {role}")
