"""The data set generator fills a fresh database at scale 0.05 with exactly
the counts of its scale table, the same seed gives the same data, and the
data respects what the addons and the benchmarks rely on.

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
    # Partner companies, plus two clause buyers and five integration
    # structures (one per kind).
    "res_partner": 57,
    "plie_job_offer": 250,
    "plie_job_match": 1000,
    "plie_clause_buyer": 2,
    "plie_clause_contract": 15,
    "plie_clause_placement": 150,
    "plie_clause_hours": 1800,
    # At least three operations: a third of the participations in the first.
    "plie_esf_operation": 3,
    "plie_esf_participation": 750,
    "account_analytic_line": 2500,
    "plie_esf_expense": 2500,
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
    "plie_clause_lot": fingerprint(
        "c.name, c.title, c.date_start, c.date_end, b.name, b.kind, l.name,"
        " l.amount, l.hours_rate, l.required_hours, a.name",
        "plie_clause_lot l JOIN plie_clause_contract c ON c.id = l.contract_id"
        " JOIN plie_clause_buyer b ON b.id = c.buyer_id"
        " JOIN res_partner a ON a.id = l.awardee_id WHERE l.company_id = %s",
    ),
    # Placement references come from a sequence shared by the data sets.
    "plie_clause_hours": fingerprint(
        "c.name, pl.person_name, pl.delivery_mode, s.name, t.code, pl.date_start,"
        " pl.date_end, h.month, h.hours, h.state",
        "plie_clause_hours h JOIN plie_clause_placement pl ON pl.id = h.placement_id"
        " JOIN plie_clause_contract c ON c.id = pl.contract_id"
        " JOIN plie_contract_type t ON t.id = pl.contract_type_id"
        " LEFT JOIN res_partner s ON s.id = pl.structure_id"
        " WHERE h.company_id = %s",
    ),
    "plie_esf_operation": fingerprint(
        "o.name, o.state, o.date_start, o.date_end, o.total_budget, o.eu_amount,"
        " o.flat_rate_option, b.category, b.year, b.amount",
        "plie_esf_operation o JOIN plie_esf_budget_line b ON b.operation_id = o.id"
        " WHERE o.company_id = %s",
    ),
    "plie_esf_participation": fingerprint(
        "o.name, pp.lastname, e.entry_date, e.exit_date, e.entry_status,"
        " e.entry_age, e.entry_isced, e.entry_third_country, e.entry_homeless,"
        " e.entry_rural, e.entry_disability, e.entry_foreign_background,"
        " e.entry_minority, e.exit_recorded, e.exit_job_searching,"
        " e.exit_in_education, e.exit_qualification, e.exit_employed,"
        " e.m6_recorded, e.m6_employed, e.m6_improved",
        "plie_esf_participation e JOIN plie_esf_operation o ON o.id = e.operation_id"
        + PARTICIPANT.format(table="e")
        + " WHERE e.company_id = %s",
    ),
    "plie_esf_expense": fingerprint(
        "o.name, e.date, e.category, e.percentage, e.amount, e.eligibility,"
        " l.amount, l.name",
        "plie_esf_expense e JOIN plie_esf_operation o ON o.id = e.operation_id"
        " JOIN account_analytic_line l ON l.move_line_id = e.move_line_id"
        " WHERE e.company_id = %s",
    ),
}
# What the data must respect, whatever the seed: (query, expected value).
COHERENCE = {
    # Benchmarks use the first operation, which holds a third.
    "participations of the first operation": (
        "SELECT count(*) FROM plie_esf_participation WHERE operation_id ="
        " (SELECT min(id) FROM plie_esf_operation WHERE company_id = %s)",
        250,
    ),
    "expense without its analytic line": (
        "SELECT count(*) FROM plie_esf_expense e WHERE e.company_id = %s"
        " AND NOT EXISTS (SELECT 1 FROM account_analytic_line l"
        " WHERE l.move_line_id = e.move_line_id)",
        0,
    ),
    "clause hours after the reference date": (
        "SELECT count(*) FROM plie_clause_hours"
        " WHERE company_id = %s AND month >= '2026-03-01'",
        0,
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
            counts, fingerprints, coherence = [], [], []
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
                facts = {}
                for name, (query, _expected) in COHERENCE.items():
                    cursor.execute(query, (company,))
                    facts[name] = cursor.fetchone()[0]
                coherence.append(facts)
        yield companies, counts, fingerprints, coherence
    finally:
        drop_database(pg, DATABASE)


def test_the_generator_creates_the_counts_of_its_scale_table(generated):
    companies, counts, _fingerprints, _coherence = generated
    assert len(companies) == 2
    assert counts[0] == EXPECTED
    assert counts[1] == EXPECTED


def test_the_same_seed_gives_the_same_data(generated):
    _companies, _counts, fingerprints, _coherence = generated
    assert all(fingerprints[0].values())
    assert fingerprints[0] == fingerprints[1]


def test_the_generated_data_is_coherent(generated):
    _companies, _counts, _fingerprints, coherence = generated
    expected = {name: value for name, (_query, value) in COHERENCE.items()}
    assert coherence[0] == expected
    assert coherence[1] == expected
