"""What every command needs: the repository's addons, and Odoo 18.0.

Odoo is always started as `python3 -m odoo` in a child process, so the tooling
itself needs only the standard library (plus psycopg2 and polib, which Odoo
requires anyway).
"""

import functools
import json
import re
import socket
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TEST_ADDONS_DIR = REPO / "tests"
ODOO_DATA = REPO / ".odoo-data"  # Odoo's --data-dir (filestore, sessions)
# The interface speaks French: databases are created with it (demo users use it).
LANGUAGE = "fr_FR"
README_ODOO = 'README.md, section "Installing Odoo 18.0"'


class ToolError(Exception):
    """A problem the developer must fix; reported without a traceback."""


def say(message):
    print(f"[plie] {message}", flush=True)


def addons_in(folder):
    """Names of the installable addons directly inside `folder`, sorted."""
    names = []
    for manifest in sorted(folder.glob("*/__manifest__.py")):
        text = manifest.read_text(encoding="utf-8")
        if not re.search(r"[\"']installable[\"']\s*:\s*False", text):
            names.append(manifest.parent.name)
    return names


# Every addon at the repository root is ours, and so is every test-only addon
# in tests/: addons added later join the commands without a change here.
ADDONS = tuple(addons_in(REPO))
TEST_ADDONS = tuple(addons_in(TEST_ADDONS_DIR))


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
        if path not in dirs and addons_in(path) and not ours:
            dirs.append(path)
    return dirs


def addons_path(with_test_addons=False):
    dirs = [*odoo_addons_dirs(), REPO]
    if with_test_addons:
        dirs.append(TEST_ADDONS_DIR)
    return ",".join(str(d) for d in dirs)


def odoo_options(pg, database, with_test_addons=False):
    """Odoo's options for `database` on server `pg`, as {name: value}."""
    return {
        "addons_path": addons_path(with_test_addons),
        "data_dir": ODOO_DATA,
        "db_name": database,
        "dbfilter": f"^{re.escape(database)}$",
        **pg.odoo_options(),
    }


# Odoo's command-line names of the configuration file's keys, where they differ.
_CLI_NAMES = {
    "addons_path": "addons-path",
    "data_dir": "data-dir",
    "db_name": "database",
    "dbfilter": "db-filter",
}


def odoo_command(pg, database, *options, with_test_addons=False):
    """The `python3 -m odoo` command line for `database` on server `pg`."""
    settings = odoo_options(pg, database, with_test_addons)
    return [
        sys.executable,
        "-m",
        "odoo",
        *(
            f"--{_CLI_NAMES.get(name, name)}={value}"
            for name, value in settings.items()
        ),
        *options,
    ]


def write_odoo_config(path, settings):
    """Write an Odoo configuration file holding `settings`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["[options]", *(f"{name} = {value}" for name, value in settings.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
