"""`plie.py test` (`make test`): every check of a change, each by its own tool.

1. build: a fresh test database with every addon, the test-only addons, demo
   data and French, by click-odoo-initdb from a template cached by addons hash;
2. pytest: pytest-odoo runs every test against it, browser tours included,
   with coverage (pytest-cov, floor in .coveragerc) and JUnit XML in
   .test-logs/ (options in pytest.ini);
3. checklog-odoo: Odoo's logs of steps 1 and 2 hold no WARNING, ERROR or
   CRITICAL record other than those checklog-odoo.cfg ignores;
4. pre-commit: the hooks of .pre-commit-config.yaml (ruff, pylint-odoo, OCA's
   module and .po checks) on every tracked file.

Every step runs even if an earlier one failed; the command ends with pytest's
summary line and exits non-zero if any step failed (pytest finding no test
included).
"""

import os
import re
import subprocess
import sys

from common import (
    ADDONS,
    LANGUAGE,
    REPO,
    TEST_ADDONS,
    odoo_options,
    say,
    write_odoo_config,
)
from postgres import drop_database, ensure_postgres

LOGS = REPO / ".test-logs"
# Read by pytest (pytest.ini), so that `pytest -k ...` works after `make test`.
TEST_CONFIG = LOGS / "odoo-test.cfg"
BUILD_CONFIG = LOGS / "odoo-build.cfg"
BUILD_LOG = LOGS / "odoo-build.log"
PYTEST_LOG = LOGS / "odoo-pytest.log"
# Template databases are named "<prefix>-<date>-<addons hash>": a prefix of our
# own (8 characters at most) so that the cache never touches other databases.
CACHE_PREFIX = os.environ.get("PLIE_CACHE_PREFIX", "plietpl")
# pytest's closing line: "==== 125 passed, 2 failed in 301.2s (0:05:01) ====".
PYTEST_SUMMARY = re.compile(r"^=+ .+ in [\d.]+s.* =+$")


def test_settings(pg, database):
    """Odoo's configuration for the test database (build and test run)."""
    return {
        **odoo_options(pg, database, with_test_addons=True),
        "max_cron_threads": 0,
        "http_interface": "127.0.0.1",
        "log_level": "info",
    }


def build_database(pg, database):
    """Drop `database`, then create it with every addon, demo data and French."""
    drop_database(pg, database)
    settings = test_settings(pg, database)
    # French before the addons: their demo users speak it.
    write_odoo_config(
        BUILD_CONFIG, {**settings, "load_language": LANGUAGE, "logfile": BUILD_LOG}
    )
    command = [
        sys.executable,
        "-m",
        "click_odoo_contrib.initdb",
        f"--config={BUILD_CONFIG}",
        f"--new-database={database}",
        f"--modules={','.join((*ADDONS, *TEST_ADDONS))}",
        "--demo",
        f"--cache-prefix={CACHE_PREFIX}",
        "--log-level=info",
        f"--logfile={BUILD_LOG}",
    ]
    say(f"Building database {database!r} (log: {BUILD_LOG.relative_to(REPO)})")
    return subprocess.run(command, cwd=REPO).returncode == 0


def run_pytest():
    """Run pytest live; return (exit code, its summary line or None)."""
    command = [
        sys.executable,
        "-m",
        "pytest",
        "--cov",
        "--cov-report=term:skip-covered",
    ]
    say(" ".join(command[1:]))
    summary = None
    with subprocess.Popen(
        command,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        env=dict(os.environ, PYTHONUNBUFFERED="1"),
    ) as process:
        for line in process.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            if PYTEST_SUMMARY.match(line.strip()):
                summary = line.strip()
        return process.wait(), summary


def check_log(path, *options):
    say(f"checklog-odoo {path.relative_to(REPO)}")
    command = [sys.executable, "-m", "checklog_odoo", *options, str(path)]
    return subprocess.run(command, cwd=REPO).returncode == 0


def run_hooks():
    say("pre-commit run --all-files")
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    return subprocess.run(command, cwd=REPO).returncode == 0


def prepare_test_database():
    """Write the test settings and build the test database; True if built."""
    pg = ensure_postgres()
    database = os.environ.get("PLIE_TEST_DB", "plie_test")
    LOGS.mkdir(exist_ok=True)
    for log in (BUILD_LOG, PYTEST_LOG):  # Odoo appends to its log file
        log.unlink(missing_ok=True)
    write_odoo_config(
        TEST_CONFIG, {**test_settings(pg, database), "logfile": PYTEST_LOG}
    )
    return build_database(pg, database)


def cmd_test_db(args):
    """Only the build step, for running pytest on a few files afterwards."""
    return 0 if prepare_test_database() else 1


def cmd_test(args):
    results = {"build": prepare_test_database()}
    pytest_code, summary = run_pytest() if results["build"] else (None, None)
    results["pytest"] = pytest_code == 0
    # A build served from the template cache logs almost nothing.
    results["checklog build"] = check_log(BUILD_LOG, "--no-err-if-empty")
    if pytest_code is not None:
        results["checklog tests"] = check_log(PYTEST_LOG)
    results["pre-commit"] = run_hooks()

    print()
    for step, ok in results.items():
        print(f"{step}: {'ok' if ok else 'FAILED'}")
    if pytest_code == 5:
        print("pytest found no test.")
    # CI reads the last line: pytest's own, or a plain one if pytest did not run.
    print(summary or "0 passed, 1 failed", flush=True)
    return 0 if all(results.values()) else 1
