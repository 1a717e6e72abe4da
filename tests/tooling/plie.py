#!/usr/bin/env python3
"""Developer tooling for PLIE for Odoo.

    python3 tests/tooling/plie.py run          serve the addons with demo data
    python3 tests/tooling/plie.py test         fresh database + tests + linters
    python3 tests/tooling/plie.py lint         ruff and pylint-odoo
    python3 tests/tooling/plie.py i18n [ADDON...]  refresh .pot files and fr.po
    python3 tests/tooling/plie.py db-stop      stop the private PostgreSQL

The Makefile at the repository root wraps these commands. Odoo 18.0 must be
importable (see README, "Installing Odoo 18.0"); it is always started as
`python3 -m odoo` in a child process, so this script needs nothing but the
standard library, plus psycopg2 and polib, which Odoo itself requires.

Environment variables:
    PLIE_DB, PLIE_TEST_DB, PLIE_I18N_DB     database names
    PLIE_PGHOST, PLIE_PGPORT                PostgreSQL to try first (a host
                                            name or a socket folder)
    PLIE_PGUSER, PLIE_PGPASSWORD            PostgreSQL role (default: the
                                            current OS user, no password)
    PLIE_HTTP_PORT                          port of `run` (default 8069)

If no PostgreSQL answers, a private cluster is created in .pgdata/ and started
on a unix socket in that folder (it keeps running; `db-stop` stops it).
"""

import argparse
import contextlib
import functools
import getpass
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ADDONS = ("plie_base", "plie_pathway", "plie_partners", "plie_esf")
TEST_ADDONS_DIR = REPO / "tests"
TEST_ADDONS = ("plie_scenarios",)
BENCHMARKS_DIR = TEST_ADDONS_DIR / "benchmarks"
# The interface speaks French: databases are created with it (demo users use it).
LANGUAGE = "fr_FR"
PGDATA = REPO / ".pgdata"  # private cluster: socket, log and data/
ODOO_DATA = REPO / ".odoo-data"  # Odoo's --data-dir (filestore, sessions)
TEST_LOG = REPO / ".test-logs" / "odoo-test.log"
I18N_LANG = "fr"
SYSTEM_SOCKET_DIRS = ("/var/run/postgresql", "/tmp")
README_ODOO = 'README.md, section "Installing Odoo 18.0"'


class ToolError(Exception):
    """A problem the developer must fix; reported without a traceback."""


def say(message):
    print(f"[plie] {message}", flush=True)


# --------------------------------------------------------------------------
# Odoo: where it is, and how to start it
# --------------------------------------------------------------------------

_ODOO_PROBE = """
import json, os, odoo.addons, odoo.release
package = os.path.dirname(os.path.abspath(odoo.release.__file__))
print(json.dumps({
    "version": odoo.release.version_info[0],
    "paths": [os.path.join(package, "addons"),
              os.path.join(os.path.dirname(package), "addons"),
              *odoo.addons.__path__],
}))
"""


def is_addons_dir(path):
    """True if `path` holds at least one Odoo addon (like Odoo's own check)."""
    return path.is_dir() and any(path.glob("*/__manifest__.py"))


@functools.cache
def odoo_addons_dirs():
    """Odoo's own addons folders, asked of the installed Odoo 18.0.

    Covers both layouts: a source checkout (odoo/addons + addons/) and a
    packaged one (everything in odoo/addons). OCA wheels live in the odoo.addons
    namespace and are found by Odoo without an addons_path entry.
    """
    probe = subprocess.run(
        [sys.executable, "-c", _ODOO_PROBE], capture_output=True, text=True
    )
    if probe.returncode != 0:
        last_line = (probe.stderr.strip().splitlines() or ["?"])[-1]
        raise ToolError(
            f"Odoo 18.0 is not importable by {sys.executable} ({last_line}); "
            f"see {README_ODOO}."
        )
    info = json.loads(probe.stdout)
    if info["version"] != 18:
        raise ToolError(
            f"Odoo {info['version']} found, 18.0 needed; see {README_ODOO}."
        )
    dirs = []
    for raw in info["paths"]:
        path = Path(raw).resolve()
        ours = path == REPO or REPO in path.parents
        if path not in dirs and is_addons_dir(path) and not ours:
            dirs.append(path)
    return dirs


def addons_path(with_test_addons=False):
    dirs = [*odoo_addons_dirs(), REPO]
    if with_test_addons:
        dirs.append(TEST_ADDONS_DIR)
    return ",".join(str(d) for d in dirs)


def odoo_command(pg, database, *options, with_test_addons=False):
    """The `python3 -m odoo` command line for `database` on server `pg`."""
    return [
        sys.executable,
        "-m",
        "odoo",
        f"--addons-path={addons_path(with_test_addons)}",
        f"--data-dir={ODOO_DATA}",
        f"--database={database}",
        f"--db-filter=^{re.escape(database)}$",
        *pg.odoo_options(),
        *options,
    ]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stream(command, log_path):
    """Run `command`, echoing its output live and copying it to `log_path`.

    Returns (exit code, output lines).
    """
    log_path.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    with (
        log_path.open("w", encoding="utf-8") as log,
        subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            env=dict(os.environ, PYTHONUNBUFFERED="1"),
        ) as process,
    ):
        for line in process.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            log.write(line)
            lines.append(line.rstrip("\n"))
        return process.wait(), lines


# --------------------------------------------------------------------------
# PostgreSQL: find one that answers, or start a private cluster
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class PgServer:
    host: str  # host name, or folder of the unix socket
    port: int
    user: str
    password: str | None = None

    def connect(self, database="postgres"):
        import psycopg2  # imported late: Odoo's dependency, not the stdlib

        return psycopg2.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            password=self.password,
            dbname=database,
            connect_timeout=3,
        )

    @contextlib.contextmanager
    def cursor(self, database="postgres", autocommit=False):
        connection = self.connect(database)
        connection.autocommit = autocommit
        try:
            with connection.cursor() as cursor:
                yield cursor
            if not autocommit:
                connection.commit()
        finally:
            connection.close()

    def odoo_options(self):
        options = [
            f"--db_host={self.host}",
            f"--db_port={self.port}",
            f"--db_user={self.user}",
        ]
        if self.password:
            options.append(f"--db_password={self.password}")
        return options

    def problem(self):
        """None if the server accepts us, else why not."""
        try:
            self.connect().close()
        except ImportError:
            raise ToolError(
                "psycopg2 is missing: pip install -r requirements.txt"
            ) from None
        except Exception as error:  # psycopg2.OperationalError and friends
            return str(error).strip().splitlines()[0]
        return None

    def __str__(self):
        return f"{self.user}@{self.host}:{self.port}"


def pg_role():
    return os.environ.get("PLIE_PGUSER") or getpass.getuser()


def candidate_servers():
    """Servers to try, in order: PLIE_PGHOST/PLIE_PGPORT, else the local ones."""
    user, password = pg_role(), os.environ.get("PLIE_PGPASSWORD")
    port = int(os.environ.get("PLIE_PGPORT", "5432"))
    if os.environ.get("PLIE_PGHOST"):
        hosts = [os.environ["PLIE_PGHOST"]]
    else:
        hosts = [d for d in SYSTEM_SOCKET_DIRS if Path(d).is_dir()] + ["127.0.0.1"]
    return [PgServer(host, port, user, password) for host in hosts]


def ensure_postgres():
    """A PostgreSQL server we can use: a running one, else the private one."""
    for server in candidate_servers():
        problem = server.problem()
        if problem is None:
            say(f"PostgreSQL: {server}")
            return server
        say(f"PostgreSQL {server} not usable: {problem}")
    return PrivateCluster().ensure_running()


def pg_bindir():
    """Folder holding initdb and pg_ctl (pg_config first, then Debian's)."""
    candidates = []
    if shutil.which("pg_config"):
        result = subprocess.run(
            ["pg_config", "--bindir"], capture_output=True, text=True
        )
        candidates.append(Path(result.stdout.strip()))
    debian = Path("/usr/lib/postgresql").glob("*/bin")
    candidates += sorted(
        debian, key=lambda p: _version_key(p.parent.name), reverse=True
    )
    if shutil.which("initdb"):
        candidates.append(Path(shutil.which("initdb")).parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise ToolError(
        "No PostgreSQL answers and no PostgreSQL server binaries (initdb, pg_ctl)"
        " were found: install PostgreSQL (e.g. apt-get install postgresql)."
    )


def _version_key(text):
    return [int(part) for part in re.findall(r"\d+", text)] or [0]


class PrivateCluster:
    """A throw-away PostgreSQL cluster in .pgdata/, for machines without one.

    PostgreSQL refuses to run as root: when this script runs as root, the
    cluster belongs to the `postgres` OS user and its commands go through
    runuser (or su). Otherwise it belongs to the current user.
    """

    OWNER_WHEN_ROOT = "postgres"

    def __init__(self):
        self.data = PGDATA / "data"
        self.log = PGDATA / "postgres.log"
        self.bindir = None

    # -- helpers -------------------------------------------------------------
    @property
    def as_root(self):
        return os.geteuid() == 0

    def _owner_command(self, command):
        command = [str(part) for part in command]
        if not self.as_root:
            return command
        if shutil.which("runuser"):
            return ["runuser", "-u", self.OWNER_WHEN_ROOT, "--", *command]
        return ["su", self.OWNER_WHEN_ROOT, "-s", "/bin/sh", "-c", shlex.join(command)]

    def _run(self, *command, check=True):
        return subprocess.run(
            self._owner_command(command),
            cwd=PGDATA,
            check=check,
            capture_output=True,
            text=True,
        )

    def _tool(self, name):
        if self.bindir is None:
            self.bindir = pg_bindir()
        return self.bindir / name

    @property
    def initialised(self):
        return (self.data / "PG_VERSION").is_file()

    @property
    def port(self):
        conf = (self.data / "postgresql.conf").read_text()
        return int(re.findall(r"^port = (\d+)", conf, re.MULTILINE)[-1])

    def server(self):
        return PgServer(str(PGDATA), self.port, pg_role())

    # -- life cycle ----------------------------------------------------------
    def ensure_running(self):
        if not self.initialised:
            self.initialise()
        server = self.server()
        if server.problem() is not None:
            say(f"Starting the private PostgreSQL cluster ({self.log})")
            try:
                self._run(
                    self._tool("pg_ctl"), "start", "-w", "-t", "60",
                    "-D", self.data, "-l", self.log,
                )  # fmt: skip
            except subprocess.CalledProcessError as error:
                raise ToolError(
                    f"pg_ctl start failed:\n{error.stdout}{error.stderr}"
                    f"see {self.log}"
                ) from None
        problem = server.problem()
        if problem:
            raise ToolError(f"Private PostgreSQL started but unusable: {problem}")
        say(f"PostgreSQL: private cluster {server}")
        return server

    def initialise(self):
        port = free_port()
        socket_path = PGDATA / f".s.PGSQL.{port}"
        if len(str(socket_path)) > 100:
            raise ToolError(
                f"{socket_path} is too long for a unix socket: move the "
                "repository to a shorter path or start a PostgreSQL server."
            )
        say(f"Initialising a private PostgreSQL cluster in {PGDATA}")
        PGDATA.mkdir(mode=0o700, exist_ok=True)
        if self.as_root:
            shutil.chown(PGDATA, self.OWNER_WHEN_ROOT, self.OWNER_WHEN_ROOT)
            if self._run("test", "-w", PGDATA, check=False).returncode != 0:
                raise ToolError(
                    f"The {self.OWNER_WHEN_ROOT} OS user cannot write to {PGDATA}: "
                    "make its parent folders traversable (chmod o+x) or start a "
                    "PostgreSQL server yourself."
                )
        locales = subprocess.run(["locale", "-a"], capture_output=True, text=True)
        utf8 = "c.utf8" in locales.stdout.lower().split()
        try:
            self._run(
                self._tool("initdb"),
                "--pgdata", self.data,
                "--username", pg_role(),
                "--auth", "trust",
                "--encoding", "UTF8",
                "--locale", "C.UTF-8" if utf8 else "C",
            )  # fmt: skip
        except subprocess.CalledProcessError as error:
            raise ToolError(f"initdb failed:\n{error.stdout}{error.stderr}") from None
        # A development cluster: durability is traded for speed.
        settings = {
            "port": str(port),
            "listen_addresses": "'127.0.0.1'",
            "unix_socket_directories": f"'{PGDATA}'",
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
        }
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write("\n# Added by tests/tooling/plie.py\n")
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())

    def stop(self):
        if not self.initialised:
            say(f"No private PostgreSQL cluster in {PGDATA}.")
            return
        status = self._run(self._tool("pg_ctl"), "status", "-D", self.data, check=False)
        if status.returncode != 0:
            say("The private PostgreSQL cluster is not running.")
            return
        self._run(self._tool("pg_ctl"), "stop", "-m", "fast", "-D", self.data)
        say("Private PostgreSQL cluster stopped.")


# --------------------------------------------------------------------------
# Databases
# --------------------------------------------------------------------------


def database_exists(pg, name):
    with pg.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        return cursor.fetchone() is not None


def drop_database(pg, name):
    """Drop database `name` (if any) and its filestore."""
    with pg.cursor(autocommit=True) as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    shutil.rmtree(ODOO_DATA / "filestore" / name, ignore_errors=True)


def installed_modules(pg, database, names):
    """The subset of `names` installed in `database` (empty if no such db)."""
    if not database_exists(pg, database):
        return set()
    with pg.cursor(database) as cursor:
        cursor.execute("SELECT to_regclass('ir_module_module')")
        if cursor.fetchone()[0] is None:
            return set()
        cursor.execute(
            "SELECT name FROM ir_module_module WHERE state = 'installed'"
            " AND name = ANY(%s)",
            (list(names),),
        )
        return {name for (name,) in cursor.fetchall()}


# --------------------------------------------------------------------------
# Test log parsing
# --------------------------------------------------------------------------

# 2025-01-01 12:00:00,123 4242 ERROR plie_test odoo.addons.x.tests.y: message
LOG_RECORD = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) \S+ "
    r"(?P<logger>[\w.]+): (?P<message>.*)$"
)
# odoo/service/server.py logs str(OdooTestResult) + " when loading database".
RESULT_SUMMARY = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<run>\d+) tests"
    r" when loading database"
)
# OdooTestResult.logError: "FAIL: Class.test" / "ERROR: Class.test" (ERROR level).
# A failing subtest is reported as "Subtest Class.test (params)": Odoo counts
# each failing subtest, but only the test itself among the tests run.
TEST_PROBLEM = re.compile(r"^(?P<kind>FAIL|ERROR): (?P<subtest>Subtest )?(?P<test>.*)")
# odoo/modules/loading.py and odoo/tests/result.py lines that only restate
# test failures already counted in the summary.
TEST_RESTATEMENTS = (
    re.compile(r"^Module \S+: \d+ failures, \d+ errors of \d+ tests"),
    re.compile(r"^Test suite halted"),
    RESULT_SUMMARY,
)


@dataclass
class TestReport:
    run: int = 0
    failed: int = 0
    errors: int = 0
    skipped: int = 0
    summary_found: bool = False
    failing_tests: list = field(default_factory=list)  # FAIL/ERROR lines
    failing_test_names: set = field(default_factory=set)
    error_lines: list = field(default_factory=list)  # not test outcomes

    @property
    def passed(self):
        """Tests run that neither failed (in any subtest) nor were skipped."""
        return max(self.run - len(self.failing_test_names) - self.skipped, 0)


def parse_test_log(lines):
    report = TestReport()
    started = 0
    for line in lines:
        record = LOG_RECORD.match(line)
        if not record:
            continue  # continuation of a multi-line record (traceback)
        level, message = record["level"], record["message"].strip()
        if message.startswith("Starting ") and message.endswith(" ..."):
            started += 1
        elif level == "INFO" and message.startswith("skipped "):
            report.skipped += 1
        if summary := RESULT_SUMMARY.search(message):
            report.summary_found = True
            report.failed = int(summary["failed"])
            report.errors = int(summary["errors"])
            report.run = int(summary["run"])
        if level not in ("ERROR", "CRITICAL"):
            continue
        if problem := TEST_PROBLEM.match(message):
            test = problem["test"]
            report.failing_tests.append(message)
            if problem["subtest"]:
                test = test.split(" (", 1)[0]
            report.failing_test_names.add(test)
        elif not any(pattern.search(message) for pattern in TEST_RESTATEMENTS):
            report.error_lines.append(line)
    if not report.summary_found:  # Odoo died before its final report
        report.run = started
        report.failed = sum(t.startswith("FAIL") for t in report.failing_tests)
        report.errors = len(report.failing_tests) - report.failed
    return report


# --------------------------------------------------------------------------
# Linters
# --------------------------------------------------------------------------


def addon_dirs_to_lint():
    return [REPO / name for name in ADDONS] + [
        TEST_ADDONS_DIR / name for name in TEST_ADDONS
    ]


def run_linters():
    """Run every linter; return the names of those that found something."""
    python = sys.executable
    checks = {
        "ruff check": [python, "-m", "ruff", "check", "--no-fix", "."],
        "ruff format": [python, "-m", "ruff", "format", "--check", "--diff", "."],
        "pylint-odoo": [
            python,
            "-m",
            "pylint",
            f"--rcfile={REPO / '.pylintrc'}",
            *(str(d.relative_to(REPO)) for d in addon_dirs_to_lint() if d.is_dir()),
        ],
    }
    failures = []
    for name, command in checks.items():
        say(f"{name}: {shlex.join(command[1:])}")
        if subprocess.run(command, cwd=REPO).returncode != 0:
            failures.append(name)
    say("Lint: " + (f"FAILED ({', '.join(failures)})" if failures else "clean"))
    return failures


# --------------------------------------------------------------------------
# i18n
# --------------------------------------------------------------------------

# Dates change on every export: dropped to keep the .pot/.po diffs meaningful.
VOLATILE_HEADERS = ("POT-Creation-Date", "PO-Revision-Date")
DEFAULT_PO_HEADERS = {
    "Language": I18N_LANG,
    "Plural-Forms": "nplurals=2; plural=(n > 1);",
}


def export_pot(pg, database, addon):
    """Export the terms of `addon` from `database`; return them as a POFile."""
    import polib  # imported late: Odoo's dependency, not the stdlib

    with tempfile.TemporaryDirectory() as folder:
        pot_path = Path(folder) / f"{addon}.pot"
        command = odoo_command(
            pg,
            database,
            f"--i18n-export={pot_path}",
            f"--modules={addon}",
            "--stop-after-init",
            "--log-level=warn",
        )
        if subprocess.run(command).returncode != 0 or not pot_path.is_file():
            raise ToolError(f"Exporting the terms of {addon} failed.")
        pot = polib.pofile(str(pot_path))
    for header in VOLATILE_HEADERS:
        pot.metadata.pop(header, None)
    pot.metadata["Project-Id-Version"] = "Odoo Server 18.0"  # not the build date
    return pot


def merge_po(pot, po_path):
    """Update `po_path` from `pot`: keep translations, add new terms, drop
    obsolete ones. Returns the untranslated entries."""
    import polib  # imported late: Odoo's dependency, not the stdlib

    old = polib.pofile(str(po_path)) if po_path.is_file() else None
    po = polib.POFile(wrapwidth=pot.wrapwidth)
    po.header = old.header if old else pot.header
    po.metadata = dict(old.metadata) if old else dict(pot.metadata)
    po.metadata.update(DEFAULT_PO_HEADERS if old is None else {"Language": I18N_LANG})
    po.metadata["Project-Id-Version"] = pot.metadata["Project-Id-Version"]
    for header in VOLATILE_HEADERS:
        po.metadata.pop(header, None)
    translations = {
        (entry.msgctxt, entry.msgid): entry
        for entry in (old or [])
        if not entry.obsolete
    }
    for template in pot:
        entry = polib.POEntry(
            msgctxt=template.msgctxt,
            msgid=template.msgid,
            msgid_plural=template.msgid_plural,
            comment=template.comment,
            occurrences=list(template.occurrences),
            flags=list(template.flags),
        )
        previous = translations.get((template.msgctxt, template.msgid))
        if previous:
            entry.msgstr = previous.msgstr
            entry.msgstr_plural = dict(previous.msgstr_plural)
            entry.tcomment = previous.tcomment
            if previous.fuzzy and "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
        elif template.msgid_plural:
            entry.msgstr_plural = {0: "", 1: ""}
        po.append(entry)
    po.save(str(po_path))
    return [entry for entry in po if not entry.translated()]


def update_translations(addon, pot):
    """Write `addon`'s .pot and fr.po, and list the terms left to translate."""
    folder = REPO / addon / "i18n"
    pot_path, po_path = folder / f"{addon}.pot", folder / f"{I18N_LANG}.po"
    if not len(pot) and not pot_path.exists() and not po_path.exists():
        print(f"\n{addon}: no translatable terms yet")
        return
    folder.mkdir(exist_ok=True)
    pot.save(str(pot_path))
    untranslated = merge_po(pot, po_path)
    print(
        f"\n{addon}: {len(pot)} terms, {len(untranslated)} untranslated"
        f" in {po_path.relative_to(REPO)}"
    )
    for entry in untranslated:
        print(f"  - {entry.msgid!r}")


# --------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------


def cmd_run(args):
    pg = ensure_postgres()
    database = os.environ.get("PLIE_DB", "plie")
    installed = installed_modules(pg, database, ADDONS)
    missing = [name for name in ADDONS if name not in installed]
    options, actions = [], []
    if missing:  # a new database gets Odoo's demo data (no --without-demo)
        options += [f"--init={','.join(missing)}", f"--load-language={LANGUAGE}"]
        actions.append(f"install {', '.join(missing)}")
    if installed:
        options.append(f"--update={','.join(sorted(installed))}")
        actions.append(f"update {', '.join(sorted(installed))}")
    port = os.environ.get("PLIE_HTTP_PORT", "8069")
    command = odoo_command(pg, database, *options, f"--http-port={port}")
    say(f"Database {database!r}: {' and '.join(actions)}")
    say(f"Serving on http://localhost:{port} (login admin / admin), Ctrl-C stops")
    sys.stdout.flush()
    os.execv(command[0], command)


def cmd_test(args):
    pg = ensure_postgres()
    database = os.environ.get("PLIE_TEST_DB", "plie_test")
    modules = [*ADDONS, *TEST_ADDONS]
    say(f"Dropping and recreating database {database!r}")
    drop_database(pg, database)
    command = odoo_command(
        pg,
        database,
        f"--init={','.join(modules)}",
        f"--load-language={LANGUAGE}",
        "--test-enable",
        f"--test-tags={','.join('/' + m for m in modules)}",
        "--stop-after-init",
        "--log-level=test",
        "--max-cron-threads=0",
        "--http-interface=127.0.0.1",
        f"--http-port={free_port()}",
        with_test_addons=True,
    )
    say(shlex.join(command))
    returncode, lines = stream(command, TEST_LOG)
    report = parse_test_log(lines)
    lint_failures = run_linters()

    problems = judge(report, returncode, lint_failures)
    failed = sum(count for _, count in problems)
    print()
    for description, _ in problems:
        print(description)
    print(f"Full Odoo log: {TEST_LOG.relative_to(REPO)}")
    closing = f"{report.passed} passed, {failed} failed"
    if report.skipped:
        closing += f", {report.skipped} skipped"
    print(closing, flush=True)
    return 1 if failed else 0


def judge(report, returncode, lint_failures):
    """What went wrong, as (description, number of failures it counts for)."""
    problems = []
    test_failures = report.failed + report.errors
    if test_failures or report.failing_tests:
        listing = "\n  ".join(report.failing_tests)
        problems.append((f"Failing tests:\n  {listing}", test_failures))
    if report.error_lines:
        listing = "\n  ".join(report.error_lines[:20])
        problems.append(
            (f"ERROR/CRITICAL log lines outside test reports:\n  {listing}", 1)
        )
    if not report.summary_found:
        problems.append(("Odoo stopped before its final test report.", 1))
    if report.run == 0:
        problems.append(("Odoo ran no test.", 1))
    for name in lint_failures:
        problems.append((f"Linter with findings: {name}.", 1))
    if returncode != 0:  # counts only if nothing above explains it
        problems.append((f"Odoo exited with code {returncode}.", 0 if problems else 1))
    return problems


def cmd_lint(args):
    return 1 if run_linters() else 0


def cmd_i18n(args):
    addons = args.addons or list(ADDONS)
    unknown = [name for name in addons if name not in ADDONS]
    if unknown:
        raise ToolError(f"Unknown addon(s) {unknown}; choose among {list(ADDONS)}.")
    pg = ensure_postgres()
    database = os.environ.get("PLIE_I18N_DB", "plie_i18n")
    # Install every addon even when exporting one: an addon adds inherited
    # fields (hence terms) to another's models.
    say(f"Installing {', '.join(ADDONS)} in scratch database {database!r}")
    drop_database(pg, database)
    try:
        install = odoo_command(
            pg,
            database,
            f"--init={','.join(ADDONS)}",
            "--without-demo=all",
            "--stop-after-init",
            "--max-cron-threads=0",
            "--log-level=warn",
        )
        returncode = subprocess.run(install).returncode
        missing = set(ADDONS) - installed_modules(pg, database, ADDONS)
        if returncode != 0 or missing:
            raise ToolError(f"Installing {sorted(missing) or ADDONS} failed.")
        for addon in addons:
            update_translations(addon, export_pot(pg, database, addon))
    finally:
        drop_database(pg, database)
    return 0


def cmd_bench(args):
    """Run each tests/benchmarks/bench_*.py inside `odoo shell` on a fresh
    database holding the four addons without demo data."""
    pg = ensure_postgres()
    database = os.environ.get("PLIE_BENCH_DB", "plie_bench")
    say(f"Installing the addons in benchmark database {database!r}")
    drop_database(pg, database)
    install = odoo_command(
        pg,
        database,
        f"--init={','.join(ADDONS)}",
        "--without-demo=all",
        "--stop-after-init",
        "--max-cron-threads=0",
        "--log-level=warn",
    )
    if subprocess.run(install).returncode != 0:
        raise ToolError("Installing the addons for the benchmarks failed.")
    shell = odoo_command(pg, database, "--log-level=warn", "--no-http")
    shell.insert(3, "shell")
    for script in sorted(BENCHMARKS_DIR.glob("bench_*.py")):
        say(f"== {script.relative_to(REPO)}")
        with script.open() as source:
            if subprocess.run(shell, stdin=source).returncode != 0:
                raise ToolError(f"Benchmark {script.name} failed.")
    return 0


def cmd_db_stop(args):
    PrivateCluster().stop()
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="plie.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "run", help="install/update the addons with demo data and serve on :8069"
    ).set_defaults(handler=cmd_run)
    commands.add_parser(
        "test", help="fresh database, install with tests, then lint"
    ).set_defaults(handler=cmd_test)
    commands.add_parser(
        "bench", help="performance benchmarks on a fresh database"
    ).set_defaults(handler=cmd_bench)
    commands.add_parser("lint", help="ruff and pylint-odoo").set_defaults(
        handler=cmd_lint
    )
    i18n = commands.add_parser(
        "i18n", help="export .pot files and update fr.po (default: all addons)"
    )
    i18n.add_argument("addons", nargs="*", metavar="ADDON")
    i18n.set_defaults(handler=cmd_i18n)
    commands.add_parser(
        "db-stop", help="stop the private PostgreSQL cluster in .pgdata/"
    ).set_defaults(handler=cmd_db_stop)

    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except ToolError as error:
        print(f"[plie] error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
