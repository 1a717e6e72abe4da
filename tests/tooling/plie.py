#!/usr/bin/env python3
"""Developer commands for PLIE for Odoo (the Makefile wraps them).

    python3 tests/tooling/plie.py run          serve the addons with demo data
    python3 tests/tooling/plie.py test         build, pytest, checklog, hooks
    python3 tests/tooling/plie.py test-db      build the test database only
    python3 tests/tooling/plie.py i18n [ADDON...]  refresh .pot files and fr.po
    python3 tests/tooling/plie.py bench        performance benchmarks
    python3 tests/tooling/plie.py load         load test with real clients
    python3 tests/tooling/plie.py generate [--scale S] [--seed N]
                                               large deterministic data set
    python3 tests/tooling/plie.py db-stop      stop the private PostgreSQL

What a maintained tool does is left to it (pytest-odoo, pytest-cov,
click-odoo-initdb, checklog-odoo, pre-commit): this script finds or starts
PostgreSQL, gives every tool the same Odoo settings, and chains them. Odoo
18.0 must be importable (see README, "Installing Odoo 18.0").

Environment variables:
    PLIE_DB, PLIE_TEST_DB, PLIE_I18N_DB,    database names
    PLIE_BENCH_DB, PLIE_LOAD_DB
    PLIE_CACHE_PREFIX                       prefix of the cached template
                                            databases of `test` (8 characters)
    PLIE_PGHOST, PLIE_PGPORT                PostgreSQL to try first (a host
                                            name or a socket folder)
    PLIE_PGUSER, PLIE_PGPASSWORD            PostgreSQL role (default: the
                                            current OS user, no password)
    PLIE_HTTP_PORT                          port of `run` (default 8069)
"""

import argparse
import os
import subprocess
import sys

from checks import cmd_test, cmd_test_db
from common import ADDONS, LANGUAGE, REPO, ToolError, odoo_command, say
from postgres import PrivateCluster, drop_database, ensure_postgres, installed_modules
from translations import cmd_i18n

BENCHMARKS_DIR = REPO / "tests" / "benchmarks"
GENERATOR = REPO / "tests" / "scale" / "generate.py"


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


def fresh_database(pg, database):
    """Drop `database` and install the addons in it without demo data."""
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


def odoo_shell(pg, database):
    shell = odoo_command(pg, database, "--log-level=warn", "--no-http")
    shell.insert(3, "shell")
    return shell


def cmd_bench(args):
    """Run each tests/benchmarks/bench_*.py inside `odoo shell` on a fresh
    database holding the addons without demo data."""
    pg = ensure_postgres()
    database = os.environ.get("PLIE_BENCH_DB", "plie_bench")
    fresh_database(pg, database)
    shell = odoo_shell(pg, database)
    for script in sorted(BENCHMARKS_DIR.glob("bench_*.py")):
        say(f"== {script.relative_to(REPO)}")
        with script.open() as source:
            if subprocess.run(shell, stdin=source).returncode != 0:
                raise ToolError(f"Benchmark {script.name} failed.")
    return 0


def cmd_load(args):
    """Serve a fresh demo database with workers and drive it over XML-RPC."""
    sys.path.insert(0, str(REPO / "tests" / "load"))
    import load_test  # noqa: PLC0415 (tests/load is not a package)

    database = os.environ.get("PLIE_LOAD_DB", "plie_load")
    return load_test.main(
        ensure_postgres(),
        database,
        clients=args.clients,
        duration=args.duration,
        workers=args.workers,
    )


def cmd_generate(args):
    """Fill a fresh database without demo data (PLIE_BENCH_DB) with the data
    set of tests/scale/generate.py at the given scale and seed."""
    pg = ensure_postgres()
    database = os.environ.get("PLIE_BENCH_DB", "plie_bench")
    if not args.keep:
        fresh_database(pg, database)
    say(f"Generating scale {args.scale} with seed {args.seed} in {database!r}")
    # The script comes on stdin: the folder tells it where its modules are.
    environment = dict(
        os.environ,
        PLIE_SCALE=str(args.scale),
        PLIE_SEED=str(args.seed),
        PLIE_SCALE_DIR=str(GENERATOR.parent),
    )
    with GENERATOR.open() as source:
        if subprocess.run(
            odoo_shell(pg, database), stdin=source, env=environment
        ).returncode:
            raise ToolError("Generating the data set failed.")
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
        "test", help="build the test database, pytest, checklog-odoo, pre-commit"
    ).set_defaults(handler=cmd_test)
    commands.add_parser(
        "test-db", help="build the test database only (then run pytest on files)"
    ).set_defaults(handler=cmd_test_db)
    commands.add_parser(
        "bench", help="performance benchmarks on a fresh database"
    ).set_defaults(handler=cmd_bench)
    load = commands.add_parser(
        "load", help="load test: concurrent XML-RPC clients on a multi-worker server"
    )
    load.add_argument("--clients", type=int, default=8)
    load.add_argument("--duration", type=float, default=120.0, help="seconds")
    load.add_argument("--workers", type=int, default=2)
    load.set_defaults(handler=cmd_load)
    generate = commands.add_parser(
        "generate", help="fill a fresh database with a large deterministic data set"
    )
    generate.add_argument("--scale", type=float, default=1.0)
    generate.add_argument("--seed", type=int, default=1)
    generate.add_argument(
        "--keep", action="store_true", help="add to the database instead of a fresh one"
    )
    generate.set_defaults(handler=cmd_generate)
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
