"""Load test with real clients: a multi-process Odoo server on 127.0.0.1 driven
over XML-RPC by concurrent demo users entering clause hours, interviews and
expense eligibility on shared records.

Requirements checked (exit code 1 when one is broken):
- no failed request other than the expected access refusals;
- no lost update: the server's totals equal what the clients wrote;
- the server still answers afterwards.
"""

import os
import sys
import threading
import time
import xmlrpc.client
from collections import defaultdict
from datetime import date
from pathlib import Path

from load_checks import lost_updates, report, validated_hours
from load_clients import (
    ROLES,
    Client,
    Stats,
    expenses_client,
    hours_client,
    interviews_client,
    prepare,
)
from load_server import Server, build_database
from postgres import drop_database  # tests/tooling, put on the path by load_server

RESULTS = Path(__file__).resolve().parent / "results.md"


def run_load(url, database, clients=8, duration=120.0):
    """Drive the server; return (problems, markdown table)."""
    admin = Client(url, database, "admin")
    shared = prepare(admin)
    hours_before = {
        g["placement_id"][0]: g["hours"]
        for g in admin.call(
            "plie.clause.hours",
            "read_group",
            [],
            ["hours:sum"],
            ["placement_id"],
        )
    }
    hours_before["validated"] = validated_hours(admin)
    stats = Stats()
    stop = threading.Event()
    tally = {
        "hours": defaultdict(float),
        "interviews": defaultdict(int),
        "expenses": {},
    }
    roles = [ROLES[n % len(ROLES)] for n in range(clients)]
    counts = defaultdict(int)
    threads = []
    for role, login in roles:
        index = counts[role]
        counts[role] += 1
        client = Client(url, database, login)
        threads.append((role, client, index))
    tallies = []
    workers = []
    for role, client, index in threads:
        if role == "hours":
            target, args = hours_client, (index, counts[role], shared)
        elif role == "interviews":
            target, args = interviews_client, ()
        else:
            target, args = expenses_client, (index, counts[role], shared)
        local = {
            "hours": defaultdict(float),
            "interviews": defaultdict(int),
            "expenses": {},
        }
        tallies.append(local)
        workers.append(
            threading.Thread(
                target=target, args=(stats, client, *args, stop, local), daemon=True
            )
        )
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    stop.wait(duration)
    stop.set()
    for worker in workers:
        worker.join(60)
    elapsed = time.perf_counter() - started
    for local in tallies:
        for placement, value in local["hours"].items():
            tally["hours"][placement] += value
        for pathway, value in local["interviews"].items():
            tally["interviews"][pathway] += value
        tally["expenses"].update(local["expenses"])

    problems = lost_updates(admin, tally, hours_before, shared)
    for kind, errors in stats.errors.items():
        problems.extend(f"{kind}: {error}" for error in errors[:5])
        if errors:
            problems.append(f"{kind}: {len(errors)} failed requests")
    for kind in ("hours", "interviews", "expenses"):
        if counts[kind] and not stats.latencies[kind]:
            problems.append(f"{kind}: no request was made")
    if counts["interviews"] and not stats.refusals["refused"]:
        problems.append("no expected access refusal was counted")
    try:
        admin.call("res.users", "read", [admin.uid], fields=["login"])
    except (OSError, xmlrpc.client.Error) as error:
        problems.append(f"the server no longer answers: {error!r}")

    table = report(stats, clients, elapsed, tally, problems)
    return problems, table


def main(pg, database, clients=8, duration=120.0, results=RESULTS, workers=2):
    """Build the database, serve it, drive it; return the exit code."""
    build_database(pg, database)
    try:
        with Server(pg, database, workers=workers) as server:
            problems, table = run_load(server.url, database, clients, duration)
            if not server.answers():
                problems.append("the server no longer answers")
    finally:
        drop_database(pg, database)
    sys.stdout.write(table)
    if results:
        header = (
            "# Load test results\n\n"
            f"`python3 tests/tooling/plie.py load --clients {clients} "
            f"--duration {duration:.0f}`: Odoo with {workers} workers, "
            f"{os.cpu_count()} CPU cores, {date.today().isoformat()}.\n\n"
        )
        Path(results).write_text(header + table, encoding="utf-8")
    return 1 if problems else 0
