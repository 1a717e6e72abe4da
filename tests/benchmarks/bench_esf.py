"""ESF reporting at the scale of a large operation: participations prefilled
from the participants, indicators by gender, the completeness report and the
participants export for Ma Démarche FSE+.

Run with `make bench` (executed inside `odoo shell`, where `env` exists);
everything it creates is rolled back. Each line reports the time, the number
of SQL queries and the target.
"""

import time
from datetime import date, timedelta

PARTICIPANTS = 5000
TARGETS = {  # seconds, on the 2-core reference machine
    "create participants": 60.0,
    "attach participations": 60.0,
    "indicators (41 codes)": 2.0,
    "participants export": 30.0,
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


def participant_values(index):
    return {
        "lastname": f"BenchFSE{index:05d}",
        "firstname": "Alex",
        "birth_date": date(1960, 1, 1) + timedelta(days=index * 7 % 15000),
        "gender": ("woman", "man", "non_binary")[index % 3],
        "labour_market_status": ("long_term_unemployed", "inactive", "employed")[
            index % 3
        ],
        "education_level": ("1_2", "3", "4", "5")[index % 4],
    }


def run(env):
    company = env["res.company"].create({"name": "Benchmark PLIE FSE"})
    env = env(context=dict(env.context, allowed_company_ids=company.ids))
    participants = measure(
        env,
        "create participants",
        lambda: env["plie.participant"]
        .with_company(company)
        .create([participant_values(n) for n in range(PARTICIPANTS)]),
    )
    operation = env["plie.esf.operation"].create(
        {
            "name": "Benchmark operation",
            "programme_id": env.ref("plie_esf.programme_esf_national_2014").id,
            "date_start": date(2018, 1, 1),
            "date_end": date(2020, 12, 31),
            "total_budget": 1122261.17,
            "eu_amount": 848092.77,
            "company_id": company.id,
        }
    )
    measure(
        env,
        "attach participations",
        lambda: env["plie.esf.participation"].create(
            [
                {
                    "operation_id": operation.id,
                    "participant_id": participant.id,
                    "entry_date": date(2018, 1, 1) + timedelta(days=n % 900),
                    "exit_date": date(2020, 12, 1) if n % 2 else False,
                }
                for n, participant in enumerate(participants)
            ]
        ),
    )
    env.flush_all()
    report = env["plie.esf.indicator.report"].create(
        {
            "operation_id": operation.id,
            "date_from": date(2018, 1, 1),
            "date_to": date(2020, 12, 31),
        }
    )
    measure(env, "indicators (41 codes)", report.action_compute)
    action = env.ref("plie_esf.action_report_participants_export")
    measure(
        env,
        "participants export",
        lambda: action._render_xlsx(action.report_name, operation.ids, None),
    )


# `odoo shell` runs this file with `env` among its globals.
shell_env = globals()["env"]
try:
    run(shell_env)
finally:
    shell_env.cr.rollback()
