"""One record per model of plie_base for the access policy walk test
(tests/plie_scenarios). See plie_base/tests/access_policy.py."""

from datetime import date

from .access_policy import Fixture


def access_policy_fixtures(env, users, fixtures):
    """Records of ``env.company`` followed by ``users["referent"]``."""
    company = env.company
    commune = env["plie.commune"].create(
        {"name": "Commune walk", "zip_codes": "97200", "company_id": company.id}
    )
    qpv = env["plie.qpv"].create(
        {"name": "QPV walk", "code": "QNWALK", "commune_id": commune.id}
    )
    participant = env["plie.participant"].create(
        {
            "lastname": "Walk",
            "firstname": "Policy",
            "birth_date": date(1980, 3, 4),
            "gender": "woman",
            "zip": "97200",
            "phone": "0596000000",
            "referent_id": users["referent"].id,
            "labour_market_status": "long_term_unemployed",
            "housing_situation": "homeless",
            "qpv_id": qpv.id,
            "company_id": company.id,
        }
    )
    criterion = env.ref("plie_base.criterion_deld")
    benefit = env["plie.participant.benefit"].create(
        {
            "participant_id": participant.id,
            "benefit_type": "rsa",
            "start_date": date(2024, 1, 1),
        }
    )
    note = env["plie.participant.note"].create(
        {"participant_id": participant.id, "body": "Debts, health."}
    )
    evidence = env["plie.eligibility.evidence"].create(
        {"participant_id": participant.id, "criterion_id": criterion.id}
    )
    statistics = env["plie.participant.statistics"].search(
        [("company_id", "=", company.id)], limit=1
    )
    diagnosis = participant._store_eligibility_diagnoses(
        date(2025, 1, 2), origin="Walk"
    )
    line_values = {
        "diagnosis_id": diagnosis.id,
        "criterion_id": criterion.id,
        "criterion_name": "DELD",
        "kind": "eligibility",
        "status": "met",
    }
    line = env["plie.eligibility.diagnosis.line"].create(line_values)
    own = {"participant_id": participant.id}
    return {
        "plie.commune": Fixture(
            commune, {"name": "Commune new", "company_id": company.id}, {"name": "C"}
        ),
        "plie.qpv": Fixture(
            qpv, {"name": "QPV new", "commune_id": commune.id}, {"code": "QNW2"}
        ),
        "plie.eligibility.criterion": Fixture(
            criterion,
            {"name": "Criterion new", "code": "walk", "company_id": company.id},
            {"sequence": 11},
        ),
        "plie.participant": Fixture(
            participant,
            {"lastname": "Created", "zip": "97200", "company_id": company.id},
            {"labour_market_status": "inactive"},
        ),
        "plie.participant.benefit": Fixture(
            benefit,
            {**own, "benefit_type": "ass", "start_date": date(2025, 1, 1)},
            {"other_name": "x"},
        ),
        "plie.participant.note": Fixture(note, {**own, "body": "New"}, {"body": "B"}),
        "plie.eligibility.evidence": Fixture(
            evidence,
            {**own, "criterion_id": env.ref("plie_base.criterion_qpv").id},
            {"note": "checked"},
        ),
        "plie.eligibility.check": Fixture(None, own, {"check_date": date(2025, 1, 2)}),
        "plie.participant.statistics": Fixture(statistics),
        "plie.eligibility.diagnosis": Fixture(
            diagnosis,
            {**own, "date": date(2025, 2, 1), "verdict": "eligible"},
            {"origin": "x"},
        ),
        "plie.eligibility.diagnosis.line": Fixture(
            line, line_values, {"status": "met"}
        ),
    }
