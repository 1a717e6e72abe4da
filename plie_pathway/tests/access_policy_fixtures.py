"""One record per model of plie_pathway for the access policy walk test
(tests/plie_scenarios). See plie_base/tests/access_policy.py."""

from datetime import date, datetime, timedelta

from odoo.addons.plie_base.tests.access_policy import Fixture


def access_policy_fixtures(env, users, fixtures):
    """A pathway of the plie_base fixture participant, with one record of each
    kind, followed by ``users["referent"]``."""
    company = env.company
    referent = users["referent"]
    participant = fixtures["plie.participant"].record
    ref = env.ref
    prescriber = env["res.partner"].create(
        {
            "name": "Prescriber walk",
            "is_company": True,
            "plie_prescriber_kind": "france_travail",
        }
    )
    prescription = env["plie.prescription"].create(
        {
            "lastname": "Oriented",
            "prescriber_id": prescriber.id,
            "referent_id": referent.id,
            "reason": "Debts",
            "company_id": company.id,
        }
    )
    committee = env["plie.committee"].create(
        {
            "date": datetime(2030, 1, 10, 14),
            "note": "<p>Minutes</p>",
            "company_id": company.id,
        }
    )
    pathway = env["plie.pathway"].create(
        {
            "participant_id": participant.id,
            "referent_id": referent.id,
            "company_id": company.id,
            "state": "active",
            "date_start": date(2025, 1, 6),
            "admission_date": date(2025, 1, 2),
            "note": "<p>Family</p>",
        }
    )
    item = env["plie.committee.item"].create(
        {
            "committee_id": committee.id,
            "item_type": "extension",
            "pathway_id": pathway.id,
            "proposal_note": "Health",
        }
    )
    step_type = ref("plie_pathway.step_type_job_search")
    step = env["plie.pathway.step"].create(
        {"pathway_id": pathway.id, "step_type_id": step_type.id}
    )
    when = datetime(2025, 2, 3, 10)
    interview = env["plie.interview"].create(
        {
            "pathway_id": pathway.id,
            "date": when,
            "referent_id": referent.id,
            "summary": "<p>Health</p>",
            "next_appointment": when + timedelta(days=30),
        }
    )
    action = env["plie.action"].create(
        {
            "name": "Action walk",
            "kind": "plie",
            "funding": "esf",
            "company_id": company.id,
        }
    )
    other_action = action.copy({"name": "Other action walk"})
    enrolment = env["plie.action.enrolment"].create(
        {
            "pathway_id": pathway.id,
            "action_id": action.id,
            "state": "started",
            "date_start": date(2025, 2, 3),
        }
    )
    session, other_session = env["plie.action.session"].create(
        [
            {"action_id": action.id, "date": date(2025, 2, day), "duration": 3.0}
            for day in (4, 11)
        ]
    )
    attendance = env["plie.action.attendance"].create(
        {"session_id": session.id, "enrolment_id": enrolment.id}
    )
    employment = env["plie.employment"].create(
        {
            "pathway_id": pathway.id,
            "contract_type_id": ref("plie_pathway.contract_type_cdd").id,
            "date_start": date(2025, 3, 3),
        }
    )
    suspension = env["plie.pathway.suspension"].create(
        {
            "pathway_id": pathway.id,
            "date_start": date(2025, 2, 10),
            "date_end": date(2025, 3, 10),
            "reason": "illness",
            "note": "Hospital",
        }
    )
    own = {"pathway_id": pathway.id}
    exit_reason = ref("plie_pathway.exit_reason_moved")
    return {
        "plie.prescription": Fixture(
            prescription,
            {
                "lastname": "New",
                "prescriber_id": prescriber.id,
                "company_id": company.id,
            },
            {"phone": "0596000001"},
        ),
        "plie.committee": Fixture(
            committee,
            {"date": datetime(2030, 2, 1, 14), "company_id": company.id},
            {"location": "Room"},
        ),
        "plie.committee.item": Fixture(
            item,
            {"committee_id": committee.id, "item_type": "extension", **own},
            {"proposal_note": "More"},
        ),
        "plie.pathway": Fixture(
            pathway,
            {"participant_id": participant.id, "company_id": company.id},
            {"note": "<p>Written</p>"},
        ),
        "plie.pathway.assignment": Fixture(
            pathway.assignment_ids[:1],
            {**own, "referent_id": referent.id, "date_start": date(2025, 1, 6)},
            {"reason": "x"},
        ),
        "plie.pathway.step": Fixture(
            step, {**own, "step_type_id": step_type.id}, {"description": "d"}
        ),
        "plie.interview": Fixture(
            interview,
            {**own, "date": when, "referent_id": referent.id},
            {"duration": 2.0},
        ),
        "plie.pathway.suspension": Fixture(
            suspension,
            {
                **own,
                "date_start": date(2025, 4, 1),
                "date_end": date(2025, 4, 15),
                "reason": "maternity",
            },
            {"note": "Back"},
        ),
        "plie.action": Fixture(
            action,
            {
                "name": "New action",
                "kind": "plie",
                "funding": "esf",
                "company_id": company.id,
            },
            {"description": "d"},
        ),
        "plie.action.enrolment": Fixture(
            enrolment, {**own, "action_id": other_action.id}, {"planned_hours": 3}
        ),
        "plie.action.session": Fixture(
            session,
            {"action_id": action.id, "date": date(2025, 2, 18), "duration": 2.0},
            {"name": "Topic"},
        ),
        "plie.action.attendance": Fixture(
            attendance,
            {
                "session_id": other_session.id,
                "enrolment_id": enrolment.id,
                "state": "present",
                "hours": 2.5,
            },
            {"state": "excused"},
        ),
        "plie.employment": Fixture(
            employment,
            {
                **own,
                "contract_type_id": ref("plie_pathway.contract_type_cdi").id,
                "date_start": date(2025, 4, 1),
            },
            {"weekly_hours": 20},
        ),
        "plie.exit.reason": Fixture(
            exit_reason, {"name": "New reason", "code": "walk"}, {"sequence": 5}
        ),
        "plie.contract.type": Fixture(
            ref("plie_pathway.contract_type_cie"),
            {"name": "New contract type", "code": "walk"},
            {"sequence": 5},
        ),
        "plie.refusal.reason": Fixture(
            ref("plie_pathway.refusal_reason_not_eligible"),
            {"name": "New refusal"},
            {"sequence": 5},
        ),
        "plie.step.type": Fixture(
            step_type, {"name": "New type", "category": "training"}, {"sequence": 5}
        ),
        "plie.rome.job": Fixture(
            ref("plie_pathway.rome_k2204"),
            {"code": "Z9999", "name": "Walk"},
            {"name": "Cleaning"},
        ),
        "plie.pathway.report": Fixture(
            env["plie.pathway.report"].search(
                [("pathway_id", "=", pathway.id)], limit=1
            )
        ),
        "plie.caseload.report": Fixture(
            env["plie.caseload.report"].search(
                [("referent_id", "=", referent.id)], limit=1
            )
        ),
        "plie.annual.report": Fixture(
            None, {"company_id": company.id, "year": 2025}, {"year": 2024}
        ),
        "plie.pathway.reassign": Fixture(
            None,
            {
                "pathway_ids": [(6, 0, pathway.ids)],
                "referent_id": referent.id,
                "reason": "Walk",
            },
            {"reason": "Other"},
        ),
        "plie.exit.proposal": Fixture(
            None,
            {
                **own,
                "committee_id": committee.id,
                "exit_reason_id": exit_reason.id,
                "exit_date": date(2025, 6, 1),
                "note": "Moved",
            },
            {"note": "Moved away"},
        ),
        "plie.pathway.suspend": Fixture(
            None,
            {**own, "date_start": date(2025, 5, 5), "reason": "illness"},
            {"note": "Hospital"},
        ),
    }
