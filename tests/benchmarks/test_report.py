"""The benchmark report checks each kind of target and renders the table
(plain Python, no database)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import report  # noqa: E402


def measurement(case, variant, seconds, queries, phase="large"):
    return {
        "case": case,
        "title": f"Case {case}",
        "variant": variant,
        "phase": phase,
        "seconds": seconds,
        "queries": queries,
        "runs": 1,
    }


def target(kind, left, right, factor):
    return {"kind": kind, "left": left, "right": right, "factor": factor}


RESULTS = {
    "measurements": [
        measurement("1", "ours", 0.30, 4),
        measurement("1", "sql", 0.20, 1),
        measurement("2", "ours", 1.00, 7),
        measurement("2", "generic", 0.40, 90),
        measurement("3", "ours", 0.05, 5, phase="small"),
        measurement("3", "ours", 0.06, 6),
        measurement("4", "ours", 0.01, 3),
    ],
    "problems": [],
    "targets": {
        "1": [target("time", "ours", "sql", 1.5)],
        "2": [target("time", "ours", "generic", 2)],
        "3": [target("same_queries", "ours@small", "ours", 1)],
        "4": [
            target("max_queries", "ours", None, 3),
            target("time", "ours", "sql", 2),
        ],
    },
}


def verdicts(timed):
    return {(row[0], row[2]): row[3:] for row in report.evaluate(RESULTS, timed)}


def test_a_time_target_is_checked_only_when_timed():
    timed, untimed = verdicts(timed=True), verdicts(timed=False)
    assert timed["1", "ours ≤ 1.5 × sql"] == ("1.50 ×", "met")
    assert timed["2", "ours ≤ 2 × generic"] == ("2.50 ×", "MISSED")
    assert untimed["2", "ours ≤ 2 × generic"] == ("2.50 ×", "-")


def test_query_targets_are_checked_at_any_size():
    rows = verdicts(timed=False)
    assert rows["3", "ours@small and ours: same query count"] == ("5 and 6", "FAILED")
    assert rows["4", "ours: at most 3 queries"] == ("3 queries", "met")


def test_a_target_without_its_measurement_fails():
    assert verdicts(timed=False)["4", "ours"] == ("not measured", "FAILED")


def test_failed_lists_failed_and_missed_rows_or_the_problems():
    rows = report.evaluate(RESULTS, timed=True)
    assert [(row[0], row[4]) for row in report.failed(rows, [])] == [
        ("2", "MISSED"),
        ("3", "FAILED"),
        ("4", "FAILED"),
    ]
    assert report.failed(rows, ["case 1: sql differs"]) == ["case 1: sql differs"]
    met = [row for row in rows if row[4] == "met"]
    assert report.failed(met, []) == []


def test_markdown_holds_the_machine_the_measurements_and_the_targets():
    results = dict(RESULTS, problems=["case 2 (large): generic differs"])
    rows = report.evaluate(results, timed=False)
    text = report.markdown(results, rows, {"CPU": "2 cores"})
    lines = text.splitlines()
    assert "- CPU: 2 cores" in lines
    assert "| 2 | Case 2 | generic | large | 400.0 ms | 90 |" in lines
    assert "| 3 | Case 3 | ours | small | 50.0 ms | 5 |" in lines
    assert "| 1 | Case 1 | ours ≤ 1.5 × sql | 1.50 × | - |" in lines
    assert (
        "| 3 | Case 3 | ours@small and ours: same query count | 5 and 6 | FAILED |"
        in lines
    )
    assert lines[-3:] == ["## Problems", "", "- case 2 (large): generic differs"]


def test_merge_joins_the_phases_and_the_installation_case():
    small = {"measurements": RESULTS["measurements"][:1], "problems": ["p"]}
    small["targets"] = {"1": RESULTS["targets"]["1"]}
    install = {"measurements": RESULTS["measurements"][1:2], "problems": []}
    install["targets"] = {"7": []}
    merged = report.merge([small, install])
    assert merged["measurements"] == RESULTS["measurements"][:2]
    assert merged["problems"] == ["p"]
    assert set(merged["targets"]) == {"1", "7"}


def test_merge_orders_by_phase_then_case():
    kept = {
        "measurements": [measurement("4b", "ours", 0.1, 1)],
        "problems": [],
        "targets": {"4b": [], "10": []},
    }
    again = {
        "measurements": [
            measurement("1", "ours", 0.1, 1),
            measurement("4a", "ours", 0.1, 1, phase="small"),
            measurement("4a", "ours", 0.1, 1),
        ],
        "problems": [],
        "targets": {"1": [], "4a": []},
    }
    merged = report.merge([kept, again])
    assert [(m["phase"], m["case"]) for m in merged["measurements"]] == [
        ("small", "4a"),
        ("large", "1"),
        ("large", "4a"),
        ("large", "4b"),
    ]
    assert list(merged["targets"]) == ["1", "4a", "4b", "10"]


def test_without_drops_the_cases_measured_again():
    results = {
        **RESULTS,
        "measurements": [*RESULTS["measurements"], measurement("8b", "ours", 0.1, 1)],
        "problems": ["case 8b (large): sql does not compute the same result as ours"],
        "targets": {**RESULTS["targets"], "8b": []},
    }
    kept = report.without(results, ["8", "1"])
    assert {m["case"] for m in kept["measurements"]} == {"2", "3", "4"}
    assert kept["problems"] == []
    assert "1" not in kept["targets"] and "8b" not in kept["targets"]
    assert "3" in kept["targets"]
