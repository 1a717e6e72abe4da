"""Participants at the scale of a large PLIE: batch creation, eligibility
verdicts, daily filters and the caseload list.

Run with `make bench` (executed inside `odoo shell`, where `env` exists);
everything it creates is rolled back. Each line reports the time, the number
of SQL queries and the target.
"""

import time
from datetime import date, timedelta

PARTICIPANTS = 5000
TARGETS = {  # seconds, on the 2-core reference machine
    "create participants": 60.0,
    "eligibility verdicts": 5.0,
    # Run by the database (one query), not by computing every verdict.
    "filter: priority publics": 0.5,
    "filter: DELD": 0.5,
    "caseload list (80 rows)": 1.0,
}


def measure(env, label, function):
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - start
    queries = env.cr.sql_log_count - queries
    verdict = "ok" if elapsed <= TARGETS[label] else "SLOW"
    print(
        f"{label:<28} {elapsed:8.2f} s {queries:7d} queries  "
        f"target {TARGETS[label]:5.1f} s  {verdict}"
    )
    return result


def participant_values(index, commune, referents):
    return {
        "lastname": f"Bench{index:05d}",
        "firstname": "Alex",
        "birth_date": date(1960, 1, 1) + timedelta(days=index * 7 % 15000),
        "gender": ("woman", "man", "non_binary")[index % 3],
        "zip": commune.zip_codes.split(",")[0],
        "referent_id": referents[index % len(referents)].id,
        "labour_market_status": "long_term_unemployed",
        "ft_registration_date": date(2020, 1, 1) + timedelta(days=index % 2000),
        "education_level": ("1_2", "3", "4", "5")[index % 4],
        "benefit_ids": [(0, 0, {"benefit_type": "rsa", "start_date": date(2024, 1, 1)})]
        if index % 2
        else [],
    }


def run(env):
    company = env["res.company"].create({"name": "Benchmark PLIE"})
    Participant = env["plie.participant"].with_company(company)
    commune = env["plie.commune"].create(
        {"name": "Bench-ville", "zip_codes": "99999", "company_id": company.id}
    )
    group = env.ref("plie_base.group_plie_referent")
    referents = env["res.users"].create(
        [
            {
                "name": f"Bench référent {n}",
                "login": f"bench_referent_{n}",
                "company_id": company.id,
                "company_ids": [(6, 0, company.ids)],
                "groups_id": [(6, 0, group.ids)],
            }
            for n in range(20)
        ]
    )
    participants = measure(
        env,
        "create participants",
        lambda: Participant.create(
            [participant_values(n, commune, referents) for n in range(PARTICIPANTS)]
        ),
    )
    participants.flush_recordset()
    results = measure(
        env,
        "eligibility verdicts",
        lambda: participants._eligibility_results(date(2026, 3, 1)),
    )
    priority = measure(
        env,
        "filter: priority publics",
        lambda: Participant.with_context(plie_date=date(2026, 3, 1)).search_count(
            [("is_priority_public", "=", True)]
        ),
    )
    expected = sum(1 for result in results.values() if result.priority_criteria)
    if priority != expected:
        print(f"MISMATCH: the filter finds {priority}, the verdicts {expected}")
    measure(
        env, "filter: DELD", lambda: Participant.search_count([("is_deld", "=", True)])
    )
    referent_env = Participant.with_user(referents[0]).with_company(company)
    measure(
        env,
        "caseload list (80 rows)",
        lambda: referent_env.web_search_read(
            [("referent_id", "=", referents[0].id)],
            {
                "name": {},
                "birth_date": {},
                "commune_id": {"fields": {"display_name": {}}},
                "referent_id": {"fields": {"display_name": {}}},
                "labour_market_status": {},
                "state": {},
            },
            limit=80,
        ),
    )


# `odoo shell` runs this file with `env` among its globals.
shell_env = globals()["env"]
try:
    run(shell_env)
finally:
    shell_env.cr.rollback()
