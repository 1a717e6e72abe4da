"""The data set generator fills a fresh database at scale 0.05 with exactly
the counts of its scale table, and the same seed gives the same data.

It runs the generator through the tooling in a scratch database of its own
(never the test database of the other tests), twice with the same seed: each
run creates its own PLIE company, so the two data sets sit side by side and
are compared company by company, on columns that do not depend on ids.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "tooling"))

from postgres import drop_database, ensure_postgres  # noqa: E402

SCALE = 0.05
SEED = 7
DATABASE = f"{os.environ.get('PLIE_CACHE_PREFIX', 'plie')}_scale_scratch"
# Scale 1 (tests/scale/generate.py, SCALE_ONE) times 0.05.
EXPECTED = {
    "plie_participant": 500,
    "plie_pathway": 600,
    "plie_pathway_step": 6000,
    "plie_interview": 12500,
    "res_partner": 50,
    "plie_job_offer": 250,
    "plie_job_match": 1000,
}
# One fingerprint per table, from the values the seed decides.
# Names live on the participant's contact (res_partner).
PARTICIPANT = (
    " JOIN plie_participant p ON p.id = {table}.participant_id"
    " JOIN res_partner pp ON pp.id = p.partner_id"
)


def fingerprint(columns, source):
    """md5 of the sorted rows of `columns` (ids left out) in `source`."""
    return (
        "SELECT md5(string_agg(line, ',' ORDER BY line)) FROM"
        f" (SELECT concat_ws('|', {columns}) AS line FROM {source}) AS rows"
    )


FINGERPRINTS = {
    "plie_participant": fingerprint(
        "pp.lastname, pp.firstname, p.birth_date, p.gender, pp.zip,"
        " p.labour_market_status, p.education_level, p.qpv_id IS NULL",
        "plie_participant p JOIN res_partner pp ON pp.id = p.partner_id"
        " WHERE p.company_id = %s",
    ),
    "plie_pathway": fingerprint(
        "pp.lastname, w.state, w.date_start, w.admission_date, w.date_end,"
        " r.category",
        "plie_pathway w"
        + PARTICIPANT.format(table="w")
        + " LEFT JOIN plie_exit_reason r ON r.id = w.exit_reason_id"
        " WHERE w.company_id = %s",
    ),
    "plie_pathway_step": fingerprint(
        "pp.lastname, s.date_start, s.date_end, s.outcome, s.category",
        "plie_pathway_step s"
        + PARTICIPANT.format(table="s")
        + " WHERE s.company_id = %s",
    ),
    "plie_interview": fingerprint(
        "pp.lastname, i.date, i.state, i.kind, i.duration",
        "plie_interview i" + PARTICIPANT.format(table="i") + " WHERE i.company_id = %s",
    ),
    "plie_job_match": fingerprint(
        "o.name, pp.lastname, m.state, m.date, m.score",
        "plie_job_match m JOIN plie_job_offer o ON o.id = m.offer_id"
        + PARTICIPANT.format(table="m")
        + " WHERE m.company_id = %s",
    ),
}


def generate(*options):
    subprocess.run(
        [
            sys.executable,
            str(REPO / "tests" / "tooling" / "plie.py"),
            "generate",
            f"--scale={SCALE}",
            f"--seed={SEED}",
            *options,
        ],
        env=dict(os.environ, PLIE_BENCH_DB=DATABASE),
        check=True,
    )


@pytest.fixture(scope="module")
def generated():
    pg = ensure_postgres()
    generate()
    generate("--keep")
    try:
        with pg.cursor(DATABASE) as cursor:
            cursor.execute(
                "SELECT id FROM res_company WHERE name LIKE 'PLIE généré%%' ORDER BY id"
            )
            companies = [row[0] for row in cursor.fetchall()]
            counts, fingerprints = [], []
            for company in companies:
                row_counts = {}
                for table in EXPECTED:
                    condition = "company_id = %s"
                    if table == "res_partner":
                        condition += " AND is_company"
                    cursor.execute(
                        f"SELECT count(*) FROM {table} WHERE {condition}", (company,)
                    )
                    row_counts[table] = cursor.fetchone()[0]
                counts.append(row_counts)
                prints = {}
                for table, query in FINGERPRINTS.items():
                    cursor.execute(query, (company,))
                    prints[table] = cursor.fetchone()[0]
                fingerprints.append(prints)
        yield companies, counts, fingerprints
    finally:
        drop_database(pg, DATABASE)


def test_the_generator_creates_the_counts_of_its_scale_table(generated):
    companies, counts, _fingerprints = generated
    assert len(companies) == 2
    assert counts[0] == EXPECTED
    assert counts[1] == EXPECTED


def test_the_same_seed_gives_the_same_data(generated):
    _companies, _counts, fingerprints = generated
    assert all(fingerprints[0].values())
    assert fingerprints[0] == fingerprints[1]
