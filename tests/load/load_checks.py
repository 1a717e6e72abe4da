"""The load test's requirements and report: the server's totals against the
clients' tallies, failed requests, and the Markdown table of latencies."""


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
