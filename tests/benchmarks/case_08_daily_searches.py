"""Case 8: the daily searches of a coordinator, each one SQL-backed, against
the hand-written SQL query returning the same records; and the funders'
figures of a year (the annual activity report) against one query."""

from datetime import date

from benchmark import AtMostQueries, Case, SameQueries, Target
from case_05_pathway_kpis import EXIT_FIGURES

from odoo import fields

from odoo.addons.plie_base.models.participant_eligibility import EDUCATION_RANKS
from odoo.addons.plie_base.rules import latest_start
from odoo.addons.plie_pathway.report.pathway_report import FIGURES as SPECS

REFERENCE = date(2026, 3, 1)  # the generator's reference date
FIGURES = [spec.split(":")[0] for spec in SPECS]
TIME_ZONE = "Europe/Paris"
# A valid evidence of the criterion on %(date)s (hand-written twin of
# _criterion_met_domain).
EVIDENCE = """EXISTS (SELECT 1 FROM plie_eligibility_evidence e
                     WHERE e.participant_id = p.id AND e.criterion_id = %({})s
                       AND e.evidence_date <= %(date)s
                       AND (e.expiry_date IS NULL OR e.expiry_date > %(date)s))"""


class DailySearch(Case):
    """A coordinator's search of their PLIE, as the search view's filter."""

    phases = ("small", "large")
    model = "plie.participant"
    domain = ()
    targets = (
        Target("ours", "sql", 2),
        SameQueries("ours@small", "ours@large"),
        AtMostQueries("ours", 3),
    )

    def setup(self):
        coordinator = self.user("plie_base.group_plie_coordinator", "coordinator")
        coordinator.tz = TIME_ZONE
        # The web client's context: the user's language and time zone.
        self.records = (
            self.env[self.model]
            .with_user(coordinator)
            .with_company(self.company)
            .with_context(lang=coordinator.lang, tz=TIME_ZONE, plie_date=REFERENCE)
        )
        # The client evaluates context_today() in the filters' domains.
        self.today = fields.Date.context_today(self.records)

    def ours(self):
        return self.records.search(list(self.domain), order="id").ids

    def run_sql(self, query, **params):
        self.env.cr.execute(query, {"company": self.company.id, **params})
        return [row[0] for row in self.env.cr.fetchall()]


class PriorityPublics(DailySearch):
    number = "8a"
    title = "Coordinator's search: priority publics"
    domain = (("is_priority_public", "=", True),)

    def setup(self):
        super().setup()
        criteria = self.env["plie.eligibility.criterion"].search([])
        self.criterion = {c.code: c.id for c in criteria}
        threshold = self.company.plie_low_qualification_level or "3"
        self.low = tuple(
            level
            for level, rank in EDUCATION_RANKS.items()
            if rank <= EDUCATION_RANKS[threshold]
        )

    def sql(self):
        # The seeded priority criteria: QPV and RQTH need an evidence.
        return self.run_sql(
            f"""SELECT p.id FROM plie_participant p
                 WHERE p.company_id = %(company)s AND p.active
                   AND ((p.qpv_id IS NOT NULL AND {EVIDENCE.format("qpv")})
                        OR (p.single_parent AND p.gender = 'woman')
                        OR p.birth_date <= %(senior)s
                        OR p.education_level IN %(low)s
                        OR (p.rqth AND (p.rqth_end_date IS NULL
                                        OR p.rqth_end_date >= %(date)s)
                            AND {EVIDENCE.format("rqth")})
                        OR (p.education_level = '1_2' AND p.birth_date > %(young)s))
                 ORDER BY p.id""",
            date=REFERENCE,
            qpv=self.criterion["QPV"],
            rqth=self.criterion["RQTH"],
            senior=latest_start(REFERENCE, 50 * 12),
            young=latest_start(REFERENCE, 26 * 12),
            low=self.low,
        )


class Deld(DailySearch):
    number = "8b"
    title = "Coordinator's search: DELD"
    domain = (("is_deld", "=", True),)

    def sql(self):
        return self.run_sql(
            """SELECT id FROM plie_participant
                WHERE company_id = %(company)s AND active
                  AND labour_market_status IN ('unemployed', 'long_term_unemployed')
                  AND ft_registration_date <= %(limit)s
                ORDER BY id""",
            limit=date(2025, 3, 1),
        )


class Qpv(DailySearch):
    number = "8c"
    title = "Coordinator's search: QPV residents"
    domain = (("qpv_id", "!=", False),)

    def sql(self):
        return self.run_sql(
            """SELECT id FROM plie_participant
                WHERE company_id = %(company)s AND active AND qpv_id IS NOT NULL
                ORDER BY id"""
        )


class OverdueContact(DailySearch):
    number = "8d"
    title = "Coordinator's search: pathways without contact for too long"
    model = "plie.pathway"
    domain = (("contact_overdue", "=", True),)

    def sql(self):
        return self.run_sql(
            """SELECT id FROM plie_pathway
                WHERE company_id = %(company)s
                  AND state IN ('active', 'follow_up')
                  AND contact_due_date < %(today)s
                ORDER BY id""",
            today=self.today,
        )


class ToReview(DailySearch):
    number = "8e"
    title = "Coordinator's search: participants to review"

    def setup(self):
        super().setup()
        # The filter "To review" of the participants' search view.
        self.domain = (
            "|",
            "|",
            ("evidence_ids", "=", False),
            ("evidence_ids.expiry_date", "<", self.today),
            "&",
            ("outside_territory", "=", True),
            ("territory_override", "=", False),
        )

    def sql(self):
        return self.run_sql(
            """SELECT p.id FROM plie_participant p
                WHERE p.company_id = %(company)s AND p.active
                  AND (NOT EXISTS (SELECT 1 FROM plie_eligibility_evidence e
                                    WHERE e.participant_id = p.id)
                       OR EXISTS (SELECT 1 FROM plie_eligibility_evidence e
                                   WHERE e.participant_id = p.id
                                     AND e.expiry_date < %(today)s)
                       OR (p.outside_territory AND NOT COALESCE(p.territory_override,
                                                                FALSE)))
                ORDER BY p.id""",
            today=self.today,
        )


class FunderFigures(Case):
    """The annual activity report (file active, entries, exits, rates and
    durations of a year, in total and per commune, QPV, gender, age band)."""

    number = "8f"
    title = "Funders' figures of a year (annual report)"
    year = REFERENCE.year - 1
    breakdowns = ("commune_id", "qpv_residence", "gender", "age_band")
    targets = (Target("ours", "sql", 2), AtMostQueries("ours", 8))

    def setup(self):
        coordinator = self.user("plie_base.group_plie_coordinator", "coordinator")
        self.report = (
            self.env["plie.annual.report"]
            .with_user(coordinator)
            .create({"company_id": self.company.id, "year": self.year})
        )

    def ours(self):
        return self.report._report_data()["sections"]

    def sql(self):
        # A pathway counts in the year when in pathway on one of its days; its
        # end is the exit, or today while it runs (as the report's months).
        self.env.cr.execute(
            f"""WITH y AS (
                 SELECT p.id, p.commune_id, pa.gender, pa.birth_year, p.date_start,
                        p.duration_days, p.is_positive_exit, r.category,
                        CASE WHEN pa.qpv_id IS NULL THEN 'outside_qpv' ELSE 'qpv' END
                            AS qpv_residence,
                        p.state = 'closed' AND p.date_end BETWEEN %(start)s AND %(end)s
                            AS exited
                   FROM plie_pathway p
                   JOIN plie_participant pa ON pa.id = p.participant_id
              LEFT JOIN plie_exit_reason r ON r.id = p.exit_reason_id
                  WHERE p.company_id = %(company)s AND p.date_start <= %(end)s
                    AND CASE WHEN p.state = 'closed' AND p.date_end IS NOT NULL
                             THEN p.date_end
                             ELSE GREATEST(CURRENT_DATE, p.date_start)
                        END >= %(start)s)
               SELECT GROUPING(commune_id, qpv_residence, gender, age_band),
                      commune_id, qpv_residence, gender, age_band,
                      count(*),
                      count(*) FILTER (WHERE date_start >= %(start)s),
                      {EXIT_FIGURES}
                 FROM (SELECT y.*,
                              CASE WHEN birth_year IS NULL THEN NULL
                                   WHEN EXTRACT(YEAR FROM date_start) - birth_year < 26
                                   THEN 'under_26'
                                   WHEN EXTRACT(YEAR FROM date_start) - birth_year < 50
                                   THEN '26_49'
                                   ELSE '50_plus' END AS age_band
                         FROM y) rows
             GROUP BY GROUPING SETS ((), (commune_id), (qpv_residence), (gender),
                                     (age_band))""",
            {
                "company": self.company.id,
                "start": date(self.year, 1, 1),
                "end": date(self.year, 12, 31),
            },
        )
        return self.env.cr.fetchall()

    def normalise(self, value):
        """{(table, label): figures}, from the report's sections or the rows."""
        if value and isinstance(value[0][1], list):  # the report's sections
            return {
                (index, label if index else None): self._rounded(figures)
                for index, (_title, lines) in enumerate(value)
                for label, figures in lines
            }
        groupings = {0b1111: None, 0b0111: 0, 0b1011: 1, 0b1101: 2, 0b1110: 3}
        result = {}
        for grouping, *row in value:
            figures = dict(zip(FIGURES, row[4:], strict=True))
            position = groupings[grouping]
            if position is None:
                result[0, None] = self._rounded(self.report._convert(figures))
                continue
            groupby = self.breakdowns[position]
            key = row[position]
            if groupby == "commune_id":
                key = self.env["plie.commune"].browse(key)
            label = self.report._label(groupby, key)
            result[position + 1, label] = self._rounded(self.report._convert(figures))
        return result

    def _rounded(self, figures):
        return {
            key: None if figures[key] is None else round(float(figures[key]), 6)
            for key, _label, _kind in self.report._columns()
        }
