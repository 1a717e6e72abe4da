"""Check the benchmark targets and render the results table.

Plain Python (no Odoo): `python3 tests/tooling/plie.py bench` merges the JSON
of its phases and of the installation case into one dictionary, then calls
`evaluate` and `markdown`.
"""


def side(measurements, name):
    """The measurement named `variant` or `variant@phase` (default large)."""
    variant, _sep, phase = name.partition("@")
    return measurements.get((variant, phase or "large"))


def check(target, measurements, timed):
    """(description, measured, verdict) of one target of a case."""
    left = side(measurements, target["left"])
    right = side(measurements, target["right"]) if target["right"] else None
    if left is None or (target["right"] and right is None):
        return target["left"], "not measured", "FAILED"
    if target["kind"] == "max_queries":
        ok = left["queries"] <= target["factor"]
        return (
            f"{target['left']}: at most {target['factor']} queries",
            f"{left['queries']} queries",
            "met" if ok else "FAILED",
        )
    if target["kind"] == "same_queries":
        ok = left["queries"] == right["queries"]
        return (
            f"{target['left']} and {target['right']}: same query count",
            f"{left['queries']} and {right['queries']}",
            "met" if ok else "FAILED",
        )
    ratio = left["seconds"] / right["seconds"] if right["seconds"] else float("inf")
    verdict = ("met" if ratio <= target["factor"] else "MISSED") if timed else "-"
    return (
        f"{target['left']} ≤ {target['factor']:g} × {target['right']}",
        f"{ratio:.2f} ×",
        verdict,
    )


def evaluate(results, timed):
    """Rows (case, title, target, measured, verdict) of every target.

    Query counts and equal results are checked at any size; times only when
    `timed` (the full-size run): a small data set measures noise.
    """
    by_case = {}
    for m in results["measurements"]:
        by_case.setdefault(m["case"], {})[(m["variant"], m["phase"])] = m
    titles = {m["case"]: m["title"] for m in results["measurements"]}
    rows = []
    for case, targets in results["targets"].items():
        for target in targets:
            verdict = check(target, by_case.get(case, {}), timed)
            rows.append((case, titles.get(case, ""), *verdict))
    return rows


def failed(rows, problems):
    return problems or [row for row in rows if row[4] in ("FAILED", "MISSED")]


def markdown(results, rows, machine):
    """The results file: machine, measurements, targets."""
    lines = ["# Benchmark results", "", "Machine:", ""]
    lines += [f"- {key}: {value}" for key, value in machine.items()]
    lines += [
        "",
        "## Measurements",
        "",
        "| Case | What | Variant | Data set | Median | Queries |",
        "| --- | --- | --- | --- | ---: | ---: |",
    ]
    for m in results["measurements"]:
        lines.append(
            f"| {m['case']} | {m['title']} | {m['variant']} | {m['phase']} "
            f"| {m['seconds'] * 1000:,.1f} ms | {m['queries']} |"
        )
    lines += [
        "",
        "## Targets",
        "",
        "| Case | What | Target | Measured | Verdict |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    if results["problems"]:
        lines += ["", "## Problems", ""] + [f"- {p}" for p in results["problems"]]
    return "\n".join(lines) + "\n"


PHASES = ("small", "large")


def case_order(number):
    """1, 2, ..., 4a, 4b, ..., 8f: the number, then the sub-case letter."""
    digits = number.rstrip("abcdefgh")
    return int(digits), number[len(digits) :]


def merge(parts):
    """One result of `parts` (phases, installation case, cases kept from an
    earlier run), in the table's order: phase, then case."""
    measurements, problems, targets = [], [], {}
    for part in parts:
        measurements += part["measurements"]
        problems += part["problems"]
        targets.update(part["targets"])
    return {
        "measurements": sorted(
            measurements,
            key=lambda m: (PHASES.index(m["phase"]), case_order(m["case"])),
        ),
        "problems": problems,
        "targets": {n: targets[n] for n in sorted(targets, key=case_order)},
    }


def without(results, cases):
    """`results` less the cases numbered `cases` (sub-cases included)."""

    def kept(number):
        return number.rstrip("abcdefgh") not in cases

    return {
        "measurements": [m for m in results["measurements"] if kept(m["case"])],
        "problems": [p for p in results["problems"] if kept(p.split()[1])],
        "targets": {n: t for n, t in results["targets"].items() if kept(n)},
    }
