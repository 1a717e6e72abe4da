"""Every benchmark case runs once at scale 0.05, so that none can rot: the
variants compute the same results and the query-count targets hold (times are
only checked at full size).

It runs `plie.py bench` in a scratch database of its own (never the test
database of the other tests) and drops it, and the installation case's, after.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BENCHMARKS = REPO / "tests" / "benchmarks"
sys.path.insert(0, str(REPO / "tests" / "tooling"))

from bench import INSTALL_CASE, install_database  # noqa: E402
from postgres import drop_database, ensure_postgres  # noqa: E402

DATABASE = f"{os.environ.get('PLIE_CACHE_PREFIX', 'plie')}_bench_scratch"
CASE_NUMBER = re.compile(r'^\s+number = "(\d+)[a-z]?"', re.MULTILINE)
# A row of the results' tables: | case | what | ... |
TABLE_ROW = re.compile(r"^\| (\d+)[a-z]? \| .* \|$")


def case_numbers():
    """The cases of tests/benchmarks (sub-cases 8a, 8b... count as 8) and
    the installation case, measured by the command itself."""
    numbers = {INSTALL_CASE}
    for module in BENCHMARKS.glob("case_*.py"):
        numbers.update(CASE_NUMBER.findall(module.read_text(encoding="utf-8")))
    return numbers


def section(text, title):
    """The lines of the results' section `title`."""
    return text.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0].splitlines()


def test_every_case_runs_once_at_scale_0_05(tmp_path):
    results = tmp_path / "results.md"
    pg = ensure_postgres()
    try:
        run = subprocess.run(
            [
                sys.executable,
                str(REPO / "tests" / "tooling" / "plie.py"),
                "bench",
                "--scale=0.05",
                "--repeat=1",
                "--warmup=1",
                f"--results={results}",
            ],
            env=dict(os.environ, PLIE_BENCH_DB=DATABASE),
            check=False,
        )
    finally:
        drop_database(pg, DATABASE)
        drop_database(pg, install_database(DATABASE))
    assert run.returncode == 0
    text = results.read_text(encoding="utf-8")
    measured = {
        match[1]
        for line in section(text, "Measurements")
        if (match := TABLE_ROW.match(line))
    }
    assert measured == case_numbers()
    targets = [line for line in section(text, "Targets") if TABLE_ROW.match(line)]
    assert {TABLE_ROW.match(line)[1] for line in targets} == case_numbers()
    assert not [line for line in targets if line.endswith("| FAILED |")]
    assert "## Problems" not in text
