"""The load test's Odoo: a fresh demo database (from the test database's
template cache) served by a multi-process server on 127.0.0.1."""

import importlib.util
import os
import subprocess
import sys
import time
import xmlrpc.client
from pathlib import Path

TOOLING = Path(__file__).resolve().parents[1] / "tooling"
sys.path.insert(0, str(TOOLING))

from common import (  # noqa: E402
    ADDONS,
    LANGUAGE,
    REPO,
    TEST_ADDONS,
    free_port,
    odoo_command,
    odoo_options,
    write_odoo_config,
)
from postgres import drop_database  # noqa: E402

HOST = "127.0.0.1"
LOGS = REPO / ".test-logs"


def build_database(pg, database):
    """Create `database` with every addon and demo data, from the template
    cache of the test database (same modules) when it holds one."""
    drop_database(pg, database)
    config = LOGS / "odoo-load-build.cfg"
    log = LOGS / "odoo-load-build.log"
    write_odoo_config(
        config,
        {
            **odoo_options(pg, database, with_test_addons=True),
            "load_language": LANGUAGE,
            "logfile": log,
        },
    )
    command = [
        sys.executable,
        "-m",
        "click_odoo_contrib.initdb",
        f"--config={config}",
        f"--new-database={database}",
        f"--modules={','.join((*ADDONS, *TEST_ADDONS))}",
        "--demo",
        f"--cache-prefix={os.environ.get('PLIE_CACHE_PREFIX', 'plietpl')}",
        f"--logfile={log}",
    ]
    subprocess.run(command, cwd=REPO, check=True)


class Server:
    """`python3 -m odoo` with workers on 127.0.0.1 and a free port; always
    stopped by `stop()` (use it as a context manager)."""

    def __init__(self, pg, database, workers=2):
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.database = database
        self.log = LOGS / f"odoo-load-{database}.log"
        self.log.unlink(missing_ok=True)
        self.command = odoo_command(
            pg,
            database,
            f"--workers={workers}",
            "--max-cron-threads=0",
            f"--http-interface={HOST}",
            f"--http-port={self.port}",
            f"--gevent-port={free_port()}",
            "--limit-time-real=300",
            "--log-level=warn",
            f"--logfile={self.log}",
            "--no-database-list",
            with_test_addons=True,
        )
        # odoo-bin rather than `-m odoo`: the workers' gevent process is
        # started again from sys.argv[0].
        odoo_bin = Path(importlib.util.find_spec("odoo").origin).parents[1] / "odoo-bin"
        if odoo_bin.exists():
            self.command[1:3] = [str(odoo_bin)]
        self.process = None

    def __enter__(self):
        LOGS.mkdir(exist_ok=True)
        self.process = subprocess.Popen(self.command, cwd=REPO)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Odoo stopped at start, see {self.log}")
            if self.answers():
                return self
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"Odoo did not answer within 2 minutes, see {self.log}")

    def __exit__(self, *exc):
        self.stop()

    def answers(self):
        try:
            proxy = xmlrpc.client.ServerProxy(f"{self.url}/xmlrpc/2/common")
            return bool(proxy.version())
        except (OSError, xmlrpc.client.Error):
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
