"""Load test with real clients: a multi-process Odoo server on 127.0.0.1 driven
over XML-RPC by concurrent demo users entering clause hours, interviews and
expense eligibility on shared records.

Requirements checked (exit code 1 when one is broken):
- no failed request other than the expected access refusals;
- no lost update: the server's totals equal what the clients wrote;
- the server still answers afterwards.
"""

import importlib.util
import os
import subprocess
import sys
import threading
import time
import xmlrpc.client
from collections import defaultdict
from datetime import date
from pathlib import Path

TOOLING = Path(__file__).resolve().parents[1] / "tooling"
sys.path.insert(0, str(TOOLING))

from common import (  # noqa: E402
    ADDONS,
    LANGUAGE,
    REPO,
    TEST_ADDONS,
    free_port,
    odoo_command,
    odoo_options,
    write_odoo_config,
)
from postgres import drop_database  # noqa: E402

HOST = "127.0.0.1"
RESULTS = REPO / "tests" / "load" / "results.md"
LOGS = REPO / ".test-logs"
# Client roles, in turn: the facilitator enters hours, the référents their
# interviews, finance the expenses' eligibility.
ROLES = [
    ("hours", "business"),
    ("interviews", "referent1"),
    ("expenses", "finance"),
    ("interviews", "referent2"),
    ("hours", "business"),
    ("expenses", "finance"),
    ("interviews", "referent3"),
    ("hours", "business"),
]
# Concurrency errors Odoo reports once its own retries are exhausted.
CONCURRENCY_MARKERS = (
    "could not serialize access",
    "concurrent update",
    "deadlock detected",
    "lock not available",
)
# Odoo's XML-RPC fault code of an AccessError.
ACCESS_FAULT = 4


def build_database(pg, database):
    """Create `database` with every addon and demo data, from the template
    cache of the test database (same modules) when it holds one."""
    drop_database(pg, database)
    config = LOGS / "odoo-load-build.cfg"
    log = LOGS / "odoo-load-build.log"
    write_odoo_config(
        config,
        {
            **odoo_options(pg, database, with_test_addons=True),
            "load_language": LANGUAGE,
            "logfile": log,
        },
    )
    command = [
        sys.executable,
        "-m",
        "click_odoo_contrib.initdb",
        f"--config={config}",
        f"--new-database={database}",
        f"--modules={','.join((*ADDONS, *TEST_ADDONS))}",
        "--demo",
        f"--cache-prefix={os.environ.get('PLIE_CACHE_PREFIX', 'plietpl')}",
        f"--logfile={log}",
    ]
    subprocess.run(command, cwd=REPO, check=True)


class Server:
    """`python3 -m odoo` with workers on 127.0.0.1 and a free port; always
    stopped by `stop()` (use it as a context manager)."""

    def __init__(self, pg, database, workers=2):
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.database = database
        self.log = LOGS / f"odoo-load-{database}.log"
        self.log.unlink(missing_ok=True)
        self.command = odoo_command(
            pg,
            database,
            f"--workers={workers}",
            "--max-cron-threads=0",
            f"--http-interface={HOST}",
            f"--http-port={self.port}",
            f"--gevent-port={free_port()}",
            "--limit-time-real=300",
            "--log-level=warn",
            f"--logfile={self.log}",
            "--no-database-list",
            with_test_addons=True,
        )
        # odoo-bin rather than `-m odoo`: the workers' gevent process is
        # started again from sys.argv[0].
        odoo_bin = Path(importlib.util.find_spec("odoo").origin).parents[1] / "odoo-bin"
        if odoo_bin.exists():
            self.command[1:3] = [str(odoo_bin)]
        self.process = None

    def __enter__(self):
        LOGS.mkdir(exist_ok=True)
        self.process = subprocess.Popen(self.command, cwd=REPO)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Odoo stopped at start, see {self.log}")
            if self.answers():
                return self
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"Odoo did not answer within 2 minutes, see {self.log}")

    def __exit__(self, *exc):
        self.stop()

    def answers(self):
        try:
            proxy = xmlrpc.client.ServerProxy(f"{self.url}/xmlrpc/2/common")
            return bool(proxy.version())
        except (OSError, xmlrpc.client.Error):
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Client:
    def __init__(self, url, database, login):
        self.database, self.login = database, login
        common = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common")
        self.uid = common.authenticate(database, login, login, {})
        if not self.uid:
            raise RuntimeError(f"Login {login!r} refused")
        self.models = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/object")

    def call(self, model, method, *args, **kwargs):
        return self.models.execute_kw(
            self.database, self.uid, self.login, model, method, list(args), kwargs
        )


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = defaultdict(list)
        self.errors = defaultdict(list)
        self.refusals = defaultdict(int)
        self.retries = defaultdict(int)

    def timed(self, kind, client, model, method, *args, refusal=False, **kwargs):
        """One request, retried on an identified concurrency error only."""
        for _attempt in range(5):
            start = time.perf_counter()
            try:
                result = client.call(model, method, *args, **kwargs)
            except xmlrpc.client.Fault as fault:
                elapsed = time.perf_counter() - start
                text = fault.faultString
                with self.lock:
                    self.latencies[kind].append(elapsed)
                    if refusal and fault.faultCode == ACCESS_FAULT:
                        self.refusals[kind] += 1
                        return None
                    if any(m in text for m in CONCURRENCY_MARKERS):
                        self.retries[kind] += 1
                        continue
                    self.errors[kind].append(text.strip().splitlines()[-1][:200])
                return None
            except (OSError, xmlrpc.client.Error) as error:
                with self.lock:
                    self.latencies[kind].append(time.perf_counter() - start)
                    self.errors[kind].append(repr(error)[:200])
                return None
            with self.lock:
                self.latencies[kind].append(time.perf_counter() - start)
                if refusal:
                    self.errors[kind].append("an expected refusal was accepted")
            return result
        with self.lock:
            self.errors[kind].append("concurrency error after 5 attempts")
        return None


def months_of(placement, today):
    start = date.fromisoformat(placement["date_start"]).replace(day=1)
    # An open placement takes hours for the coming year too.
    later = today.replace(year=today.year + 1)
    end = date.fromisoformat(placement["date_end"]) if placement["date_end"] else later
    months = []
    while start <= end:
        months.append(start)
        start = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return months


def prepare(admin):
    """Shared records: the placements and the expenses of one operation."""
    placements = admin.call(
        "plie.clause.placement",
        "search_read",
        [],
        fields=["date_start", "date_end"],
    )
    taken = {
        (line["placement_id"][0], line["month"][:7])
        for line in admin.call(
            "plie.clause.hours", "search_read", [], fields=["placement_id", "month"]
        )
    }
    today = date.today()
    slots = [
        (placement["id"], month.isoformat())
        for placement in placements
        for month in months_of(placement, today)
        if (placement["id"], month.isoformat()[:7]) not in taken
    ]
    groups = admin.call(
        "plie.esf.expense",
        "read_group",
        [("eligibility", "in", ["to_check", "eligible"]), ("amount", ">", 0)],
        ["operation_id"],
        ["operation_id"],
    )
    operation = max(groups, key=lambda g: g["operation_id_count"])["operation_id"][0]
    expenses = admin.call(
        "plie.esf.expense",
        "search_read",
        [
            ("operation_id", "=", operation),
            ("eligibility", "in", ["to_check", "eligible"]),
        ],
        fields=["amount", "eligibility"],
    )
    editable = []
    for expense in expenses:  # claimed expenses are frozen: leave them out
        try:
            admin.call(
                "plie.esf.expense",
                "write",
                [expense["id"]],
                {"eligibility": expense["eligibility"]},
            )
        except xmlrpc.client.Fault:
            continue
        editable.append(expense)
    return {"slots": slots, "operation": operation, "expenses": editable}


def hours_client(stats, client, index, count, shared, stop, tally):
    """Adds hour lines on its own (placement, month) keys of the shared
    placements, then raises them: the server's sums must equal its tally."""
    mine = [slot for n, slot in enumerate(shared["slots"]) if n % count == index]
    lines = {}
    step = 0
    while not stop.is_set() and mine:
        slot = mine[step % len(mine)]
        step += 1
        if slot not in lines:
            line = stats.timed(
                "hours",
                client,
                "plie.clause.hours",
                "create",
                {"placement_id": slot[0], "month": slot[1], "hours": 1.0},
            )
            if line:
                lines[slot] = (line, 1.0)
        elif lines[slot][1] < 30:
            value = lines[slot][1] + 1.0
            if (
                stats.timed(
                    "hours",
                    client,
                    "plie.clause.hours",
                    "write",
                    [lines[slot][0]],
                    {"hours": value},
                )
                is not None
            ):
                lines[slot] = (lines[slot][0], value)
        else:
            stats.timed(
                "hours",
                client,
                "plie.clause.placement",
                "read",
                [slot[0]],
                fields=["validated_hours"],
            )
    for (placement, _month), (_line, value) in lines.items():
        tally["hours"][placement] += value


def interviews_client(stats, client, stop, tally):
    """A référent records interviews on the pathways of their own caseload,
    and tries on purpose to enter clause hours (refused)."""
    pathways = stats.timed(
        "interviews",
        client,
        "plie.pathway",
        "search",
        [("referent_id", "=", client.uid), ("state", "!=", "closed")],
    )
    step = 0
    while not stop.is_set() and pathways:
        pathway = pathways[step % len(pathways)]
        step += 1
        if step % 10 == 0:
            stats.timed(
                "refused",
                client,
                "plie.clause.hours",
                "write",
                [1],
                {"hours": 99.0},
                refusal=True,
            )
            continue
        created = stats.timed(
            "interviews",
            client,
            "plie.interview",
            "create",
            {"pathway_id": pathway, "kind": "phone", "duration": 0.5},
        )
        if created:
            tally["interviews"][pathway] += 1


def expenses_client(stats, client, index, count, shared, stop, tally):
    """Finance marks the expenses of one operation eligible or ineligible
    (its own share of them); the operation's eligible total must follow."""
    mine = [e for n, e in enumerate(shared["expenses"]) if n % count == index]
    state = {}
    step = 0
    while not stop.is_set() and mine:
        expense = mine[step % len(mine)]
        step += 1
        eligible = state.get(expense["id"], True) is False
        values = (
            {"eligibility": "eligible", "ineligible_reason": False}
            if eligible
            else {"eligibility": "ineligible", "ineligible_reason": "Load test"}
        )
        if (
            stats.timed(
                "expenses", client, "plie.esf.expense", "write", [expense["id"]], values
            )
            is not None
        ):
            state[expense["id"]] = eligible
    for expense in mine:
        if expense["id"] in state:
            tally["expenses"][expense["id"]] = (
                expense["amount"] if state[expense["id"]] else 0.0
            )


def percentile(values, fraction):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def validated_hours(admin):
    """The placements' computed total of validated hours, by id."""
    return {
        placement["id"]: placement["validated_hours"]
        for placement in admin.call(
            "plie.clause.placement", "search_read", [], fields=["validated_hours"]
        )
    }


def lost_updates(admin, tally, hours_before, shared):
    """Differences between the server's totals and the clients' tallies."""
    problems = []
    # No lost update: hours per placement, interviews per pathway, eligible
    # amounts of the operation.
    hours_after = {
        g["placement_id"][0]: g["hours"]
        for g in admin.call(
            "plie.clause.hours", "read_group", [], ["hours:sum"], ["placement_id"]
        )
    }
    for placement, value in tally["hours"].items():
        got = hours_after.get(placement, 0.0) - hours_before.get(placement, 0.0)
        if abs(got - value) > 0.001:
            problems.append(
                f"placement {placement}: {got} hours, clients wrote {value}"
            )
    validated = validated_hours(admin)
    for placement, value in tally["hours"].items():
        got = validated[placement] - hours_before["validated"][placement]
        if abs(got - value) > 0.001:
            problems.append(
                f"placement {placement}: validated hours up by {got}, "
                f"clients wrote {value}"
            )
    interviews = admin.call(
        "plie.interview",
        "read_group",
        [
            ("pathway_id", "in", list(tally["interviews"])),
            ("kind", "=", "phone"),
            ("duration", "=", 0.5),
        ],
        ["pathway_id"],
        ["pathway_id"],
    )
    written = {g["pathway_id"][0]: g["pathway_id_count"] for g in interviews}
    for pathway, value in tally["interviews"].items():
        if written.get(pathway, 0) < value:
            problems.append(
                f"pathway {pathway}: {written.get(pathway, 0)} interviews, "
                f"clients wrote {value}"
            )
    if tally["expenses"]:
        amounts = admin.call(
            "plie.esf.expense",
            "read",
            list(tally["expenses"]),
            fields=["eligible_amount"],
        )
        server_total = sum(e["eligible_amount"] for e in amounts)
        client_total = sum(tally["expenses"].values())
        if abs(server_total - client_total) > 0.01:
            problems.append(
                f"operation {shared['operation']}: eligible {server_total}, "
                f"clients wrote {client_total}"
            )
    return problems


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


def report(stats, clients, elapsed, tally, problems):
    rows = []
    every = []
    for kind in ("hours", "interviews", "expenses", "refused"):
        values = stats.latencies.get(kind, [])
        every += values
        rows.append((kind, values, stats.errors.get(kind, []), kind))
    rows.append(("all", every, sum(stats.errors.values(), []), None))
    lines = [
        f"{clients} clients for {elapsed:.0f} s, "
        f"{sum(len(v) for v in stats.latencies.values()) / elapsed:.1f} requests/s.",
        "",
        "| kind | requests | errors | refusals | retries | p50 (ms) | p95 (ms) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, values, errors, key in rows:
        refusals = stats.refusals[key] if key else sum(stats.refusals.values())
        retries = stats.retries[key] if key else sum(stats.retries.values())
        lines.append(
            f"| {kind} | {len(values)} | {len(errors)} | {refusals} | {retries} "
            f"| {percentile(values, 0.5) * 1000:.0f} "
            f"| {percentile(values, 0.95) * 1000:.0f} |"
        )
    lines += [
        "",
        f"Written by the clients: {sum(tally['hours'].values()):.0f} clause hours "
        f"on {len(tally['hours'])} placements, "
        f"{sum(tally['interviews'].values())} interviews on "
        f"{len(tally['interviews'])} pathways, eligibility of "
        f"{len(tally['expenses'])} expenses of one operation; the server's "
        "totals equal them."
        if not problems
        else "",
        "",
        "Requirements: " + ("all met." if not problems else "BROKEN:"),
        *(f"- {problem}" for problem in problems),
    ]
    return "\n".join(lines) + "\n"


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
