"""PostgreSQL for the commands: a server that answers, or a private cluster.

Tries PLIE_PGHOST/PLIE_PGPORT, else the local socket and 127.0.0.1:5432. If
none answers, a throw-away cluster is created in .pgdata/ and started on a
unix socket in that folder (it keeps running; `plie.py db-stop` stops it).
"""

import contextlib
import getpass
import os
import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from common import ODOO_DATA, REPO, ToolError, free_port, say

PGDATA = REPO / ".pgdata"  # private cluster: socket, log and data/
SYSTEM_SOCKET_DIRS = ("/var/run/postgresql", "/tmp")


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
        """Odoo's configuration keys that reach this server."""
        options = {"db_host": self.host, "db_port": self.port, "db_user": self.user}
        if self.password:
            options["db_password"] = self.password
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
