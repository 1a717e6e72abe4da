"""The Docker shape of docker/: the image installs every addon of the
repository and the pinned OCA addons, compose runs a multi-process Odoo whose
sessions and filestore live on a shareable volume, and the entrypoint installs
the addons only in a new database (its decision checked on the local
PostgreSQL). No image is built here: these are the properties a build relies on.
"""

import configparser
import fnmatch
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DOCKER = REPO / "docker"
ENTRYPOINT = DOCKER / "plie-entrypoint.sh"
ADDONS = sorted(path.parent.name for path in REPO.glob("*/__manifest__.py"))
sys.path.insert(0, str(REPO / "tests" / "tooling"))

from postgres import drop_database, ensure_postgres  # noqa: E402

SCRATCH = f"{os.environ.get('PLIE_CACHE_PREFIX', 'plie')}_docker_scratch"


def dockerfile_instructions():
    """(instruction, arguments) of docker/Dockerfile, continuation lines joined."""
    text = re.sub(r"\\\n", " ", (DOCKER / "Dockerfile").read_text())
    lines = [line.strip() for line in text.splitlines()]
    return [tuple(line.split(None, 1)) for line in lines if line and line[0] != "#"]


def odoo_service():
    compose = yaml.safe_load((DOCKER / "docker-compose.yml").read_text())
    return compose["services"]["odoo"]


def test_image_builds_every_addon_of_the_repository():
    (addons,) = [
        shlex.split(arguments.split("=", 1)[1])[0]
        for instruction, arguments in dockerfile_instructions()
        if instruction == "ARG" and arguments.startswith("PLIE_ADDONS=")
    ]
    assert sorted(addons.split()) == ADDONS


def test_builder_finds_the_pinned_build_tools():
    (install,) = [
        arguments
        for instruction, arguments in dockerfile_instructions()
        if instruction == "RUN" and "requirements-test.txt" in arguments
    ]
    pattern = re.search(r"grep -E '(.+?)' requirements-test.txt", install)[1]
    pinned = re.findall(
        pattern, (REPO / "requirements-test.txt").read_text(), re.MULTILINE
    )
    assert sorted(pinned) == ["manifestoo-core", "wheel", "whool"]


def test_image_installs_the_oca_requirements_and_the_wheels_without_deps():
    (install,) = [
        arguments
        for instruction, arguments in dockerfile_instructions()
        if instruction == "RUN"
        and "pip install" in arguments
        and "--mount" in arguments
    ]
    words = shlex.split(install)
    assert "source=requirements-oca.txt,target=/tmp/requirements-oca.txt" in install
    assert words[words.index("-r") + 1] == "/tmp/requirements-oca.txt"
    assert "/tmp/plie-wheels/*.whl" in words
    assert {"--no-deps", "--break-system-packages"} <= set(words)
    requirements = [
        line
        for line in (REPO / "requirements-oca.txt").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    assert requirements and all(line.startswith("odoo-addon-") for line in requirements)


def test_build_context_keeps_what_the_image_needs():
    patterns = [
        line
        for line in (REPO / ".dockerignore").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    needed = [
        *ADDONS,
        *(f"{addon}/__manifest__.py" for addon in ADDONS),
        "requirements-oca.txt",
        "requirements-test.txt",
        "docker/odoo.conf",
        "docker/plie-entrypoint.sh",
    ]
    for path in needed:
        assert not any(fnmatch.fnmatch(path, pattern) for pattern in patterns), path
    assert ".git" in patterns


def test_compose_runs_workers_with_a_gevent_port_and_a_shared_data_dir():
    service = odoo_service()
    assert service["build"] == {"context": "..", "dockerfile": "docker/Dockerfile"}
    options = dict(option.partition("=")[::2] for option in service["command"][1:])
    assert int(options["--workers"]) >= 2
    assert "--proxy-mode" in options and "--max-cron-threads" in options
    gevent_port = options["--gevent-port"]
    assert any(port.endswith(f":{gevent_port}") for port in service["ports"])
    config = configparser.ConfigParser()
    config.read(DOCKER / "odoo.conf")
    data_dir = config["options"]["data_dir"]
    assert any(volume.endswith(f":{data_dir}") for volume in service["volumes"])
    assert "--init" not in options and "-i" not in options


def entrypoint(pg, function, *arguments, **environ):
    """Run one function of the entrypoint script, sourced, on server `pg`."""
    env = {
        **os.environ,
        "PGHOST": pg.host,
        "PGPORT": str(pg.port),
        "PGUSER": pg.user,
        "PGPASSWORD": pg.password or "",
        **environ,
    }
    return subprocess.run(
        ["bash", "-c", f'source "$1"; shift; {function} "$@"', "bash", ENTRYPOINT]
        + list(arguments),
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture
def scratch():
    """A server, and a database name that is free (dropped afterwards)."""
    pg = ensure_postgres()
    drop_database(pg, SCRATCH)
    yield pg
    drop_database(pg, SCRATCH)


def state(pg):
    result = entrypoint(pg, "plie_database_state", SCRATCH)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_entrypoint_installs_only_in_a_new_database(scratch):
    pg = scratch
    assert state(pg) == "new"  # no such database
    with pg.cursor(autocommit=True) as cursor:
        cursor.execute(f'CREATE DATABASE "{SCRATCH}"')
    assert state(pg) == "new"  # empty
    with pg.cursor(SCRATCH) as cursor:
        cursor.execute("CREATE TABLE ir_module_module (name varchar, state varchar)")
        cursor.execute(
            "INSERT INTO ir_module_module VALUES ('plie_base', 'to install')"
        )
    assert state(pg) == "new"  # a first install that did not finish
    with pg.cursor(SCRATCH) as cursor:
        cursor.execute("UPDATE ir_module_module SET state = 'installed'")
    assert state(pg) == "installed"


def test_entrypoint_fails_rather_than_guess_without_postgres(scratch):
    result = entrypoint(scratch, "plie_database_state", SCRATCH, PGPORT="1")
    assert result.returncode != 0
    assert result.stdout == ""


@pytest.mark.parametrize(
    "state, demo, expected",
    [
        ("installed", "1", []),
        ("new", "0", ["--without-demo=all"]),
        ("new", "1", []),
    ],
)
def test_entrypoint_options_init_the_addons_of_a_new_database(state, demo, expected):
    addons = " ".join(ADDONS)
    result = entrypoint(
        ensure_postgres(),
        "plie_server_options",
        "plie",
        state,
        PLIE_ADDONS=addons,
        PLIE_DEMO=demo,
    )
    options = result.stdout.split()
    assert options[:2] == ["--database=plie", "--db-filter=^plie$"]
    init = [f"--init={','.join(ADDONS)}", "--load-language=fr_FR"]
    assert options[2:] == ([*init, *expected] if state == "new" else [])
