"""A short run of the load test (3 clients, 12 seconds) on a database and a
port of its own, with the same requirements as the full run: no failed request
other than the expected refusals, no lost update, the server answers after."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_test  # noqa: E402
from postgres import drop_database, ensure_postgres  # noqa: E402


def test_three_clients_for_twelve_seconds_lose_no_update():
    pg = ensure_postgres()
    database = os.environ.get("PLIE_LOAD_SMOKE_DB", "plie_load_smoke")
    try:
        load_test.build_database(pg, database)
        with load_test.Server(pg, database) as server:
            problems, table = load_test.run_load(
                server.url, database, clients=3, duration=12
            )
            assert server.answers()
    finally:
        drop_database(pg, database)
    assert problems == [], table
