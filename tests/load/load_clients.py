"""The load test's clients: demo users over XML-RPC, the shared records they
work on, and what each role does until told to stop, keeping a tally of what
it wrote."""

import threading
import time
import xmlrpc.client
from collections import defaultdict
from datetime import date

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
