"""Partner companies and social clauses at scale: a SIRENE extract of a few
hundred thousand rows, and the progress of contracts with many placements.

Run with `make bench` (executed inside `odoo shell`, where `env` exists);
everything it creates is rolled back. Each line reports the time, the number
of SQL queries and the target.
"""

import base64
import csv
import io
import time
from datetime import date

from stdnum import luhn

from odoo.addons.plie_partners.models.sirene_import import SIRENE_COLUMNS

SIRENE_ROWS = 200000  # 1 in 20 in the PLIE's communes, 1 in 7 closed
PLACEMENTS = 2000
TARGETS = {  # seconds, on the 2-core reference machine
    "SIRENE import (200,000 rows)": 300.0,
    "contract progress": 1.0,
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
        f"{label:<32} {elapsed:8.2f} s {queries:7d} queries  "
        f"target {TARGETS[label]:5.1f} s  {verdict}"
    )
    return result


def siret(number):
    siren = f"{number:08d}" + luhn.calc_check_digit(f"{number:08d}")
    return siren + "0001" + luhn.calc_check_digit(siren + "0001")


def sirene_extract():
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(SIRENE_COLUMNS)
    for index in range(SIRENE_ROWS):
        inside = index % 20 == 0
        writer.writerow(
            [
                siret(30000000 + index),
                f"Entreprise {index}",
                "",
                "56.10A",
                "11",
                "99999" if inside else "75011",
                "BENCH-VILLE" if inside else "PARIS",
                "F" if index % 7 == 0 else "A",
            ]
        )
    return base64.b64encode(buffer.getvalue().encode())


def run(env):
    company = env["res.company"].create({"name": "Benchmark PLIE"})
    env = env(context=dict(env.context, allowed_company_ids=[company.id]))
    env["plie.commune"].create(
        {"name": "Bench-ville", "zip_codes": "99999", "company_id": company.id}
    )
    job = env["plie.sirene.import"].create(
        {"data_file": sirene_extract(), "company_id": company.id}
    )
    measure(env, "SIRENE import (200,000 rows)", job._run)

    partner = env["res.partner"].create({"name": "Bench buyer", "is_company": True})
    buyer = env["plie.clause.buyer"].create(
        {"partner_id": partner.id, "company_id": company.id}
    )
    contract = env["plie.clause.contract"].create(
        {
            "name": "BENCH-1",
            "title": "Bench",
            "buyer_id": buyer.id,
            "date_start": date(2025, 1, 1),
            "date_end": date(2025, 12, 31),
            "company_id": company.id,
        }
    )
    lot = env["plie.clause.lot"].create(
        {"contract_id": contract.id, "name": "Lot", "required_hours": 100000}
    )
    placements = env["plie.clause.placement"].create(
        [
            {
                "lot_id": lot.id,
                "external_name": f"Personne {index}",
                "date_start": date(2025, 1, 1),
            }
            for index in range(PLACEMENTS)
        ]
    )
    env["plie.clause.hours"].create(
        [
            {"placement_id": placement.id, "month": date(2025, month, 1), "hours": 35}
            for placement in placements
            for month in (1, 2, 3)
        ]
    )
    measure(
        env,
        "contract progress",
        lambda: contract.read(["realised_hours", "progress_rate", "person_count"]),
    )


# `odoo shell` runs this file with `env` among its globals.
shell_env = globals()["env"]
try:
    run(shell_env)
finally:
    shell_env.cr.rollback()
