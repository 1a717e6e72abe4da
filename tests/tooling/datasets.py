"""Databases for measuring: the addons without demo data, then the
generated data set of tests/scale/generate.py (`generate`, `bench`)."""

import os
import subprocess

from common import ADDONS, REPO, ToolError, odoo_command, say
from postgres import drop_database

GENERATOR = REPO / "tests" / "scale" / "generate.py"


def install(pg, database, modules):
    """Drop `database` and install `modules` in it without demo data."""
    drop_database(pg, database)
    command = odoo_command(
        pg,
        database,
        f"--init={','.join(modules)}",
        "--without-demo=all",
        "--stop-after-init",
        "--max-cron-threads=0",
        "--log-level=warn",
    )
    if subprocess.run(command).returncode != 0:
        raise ToolError(f"Installing {', '.join(modules)} in {database!r} failed.")


def fresh_database(pg, database):
    """Drop `database` and install the addons in it without demo data."""
    say(f"Installing the addons in database {database!r}")
    install(pg, database, ADDONS)


def odoo_shell(pg, database):
    shell = odoo_command(pg, database, "--log-level=warn", "--no-http")
    shell.insert(3, "shell")
    return shell


def run_in_shell(pg, database, script, environment, failure):
    """Feed `script` to `odoo shell` on `database`; ToolError(`failure`) if it
    fails."""
    with script.open() as source:
        if subprocess.run(
            odoo_shell(pg, database), stdin=source, env=dict(os.environ, **environment)
        ).returncode:
            raise ToolError(failure)


def generate(pg, database, scale, seed):
    """Add the data set of `scale` and `seed` (its own PLIE company)."""
    say(f"Generating scale {scale} with seed {seed} in {database!r}")
    run_in_shell(
        pg,
        database,
        GENERATOR,
        # The script comes on stdin: the folder tells it where its modules are.
        {
            "PLIE_SCALE": str(scale),
            "PLIE_SEED": str(seed),
            "PLIE_SCALE_DIR": str(GENERATOR.parent),
        },
        "Generating the data set failed.",
    )
