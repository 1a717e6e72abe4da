from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.models import parse_read_group_spec
from odoo.tools import SQL

from odoo.addons.plie_base.constants import (
    AGE_BANDS,
    BENEFIT_TYPES,
    EDUCATION_LEVELS,
    GENDERS,
    SOCIAL,
)

from ..models.exit_reason import EXIT_CATEGORIES
from ..models.pathway import DAYS_PER_MONTH

QPV_RESIDENCES = [("qpv", "QPV resident"), ("outside_qpv", "Outside QPV")]
# Aggregates of the funders' figures, read in one grouped query (_figures).
FIGURES = (
    "file_active:count_distinct",
    "entry_count:sum",
    "exit_count:sum",
    "positive_exit_count:sum",
    "neutral_exit_count:sum",
    "positive_exit_rate:avg",
    "positive_exit_rate_non_neutral:avg",
    "duration_days:avg",
    "duration_median_days:median",
)
# The same over the rows of one period, one per pathway: a plain count of
# the pathways is the file active, without the sort of a distinct count.
PERIOD_FIGURES = ("file_active:count", *FIGURES[1:])


class PliePathwayReport(models.Model):
    """Pathway statistics: one row per pathway and per month it is in pathway
    (from the contract signature to the exit), so that any period made of
    months counts its *file active* (pathways in pathway on at least one day of
    it, DOMAIN.md), entries, exits, positive exits and durations.

    SQL-backed report models of the PLIE addons use ``_table_query``, not an
    ``init()`` that creates a view: the query is always the one of the code
    loaded and no view to drop and recreate on update (``_depends`` still
    names what to flush before reading). Its rows carry no many2many: a
    relation would need ids of their own, not ones made up from the pathway's."""

    _name = "plie.pathway.report"
    _inherit = ["plie.statistics.mixin"]
    _description = "Pathway statistics"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "pathway_id"
    _plie_count_field = "participant_count"
    _plie_count_aggregator = "count_distinct"
    _depends = {
        "plie.pathway": [
            "participant_id",
            "company_id",
            "state",
            "date_start",
            "date_end",
            "referent_id",
            "referent_structure_id",
            "commune_id",
            "prescription_id",
            "exit_reason_id",
            "is_positive_exit",
            "duration_days",
        ],
        "plie.participant": ["gender", "birth_year", "education_level", "qpv_id"],
        "plie.participant.benefit": [
            "participant_id",
            "benefit_type",
            "start_date",
            "end_date",
        ],
        "plie.prescription": ["prescriber_id"],
        "plie.exit.reason": ["category"],
    }

    pathway_id = fields.Many2one("plie.pathway", readonly=True)
    participant_id = fields.Many2one("plie.participant", readonly=True)
    company_id = fields.Many2one("res.company", string="PLIE", readonly=True)
    date = fields.Date(string="Month", readonly=True)
    referent_id = fields.Many2one("res.users", string="Référent", readonly=True)
    referent_structure_id = fields.Many2one(
        "res.partner", string="Référent structure", readonly=True
    )
    commune_id = fields.Many2one("plie.commune", readonly=True)
    prescriber_id = fields.Many2one("res.partner", readonly=True)
    gender = fields.Selection(GENDERS, readonly=True)
    age_band = fields.Selection(
        AGE_BANDS, readonly=True, help="Age reached in the year of entry."
    )
    education_level = fields.Selection(EDUCATION_LEVELS, readonly=True)
    benefit_type = fields.Selection(
        BENEFIT_TYPES,
        string="Benefit at entry",
        readonly=True,
        help="Minimum social benefit received on the day of entry.",
    )
    qpv_residence = fields.Selection(QPV_RESIDENCES, string="QPV", readonly=True)
    exit_reason_id = fields.Many2one("plie.exit.reason", readonly=True, groups=SOCIAL)
    exit_category = fields.Selection(EXIT_CATEGORIES, readonly=True)
    file_active = fields.Integer(
        string="File active",
        aggregator="count_distinct",
        readonly=True,
        help="Pathways in pathway on at least one day of the period.",
    )
    participant_count = fields.Integer(
        string="Participants", aggregator="count_distinct", readonly=True
    )
    entry_count = fields.Integer(string="Entries", readonly=True)
    exit_count = fields.Integer(string="Exits", readonly=True)
    positive_exit_count = fields.Integer(string="Positive exits", readonly=True)
    neutral_exit_count = fields.Integer(string="Neutral exits", readonly=True)
    positive_exit_rate = fields.Float(
        string="Positive exit rate (%)",
        aggregator="avg",
        readonly=True,
        digits=(5, 1),
        help="Positive exits / exits: 100 on a positive exit, 0 on another exit, "
        "empty on other rows, so that the average is the rate.",
    )
    positive_exit_rate_non_neutral = fields.Float(
        string="Positive exit rate, non-neutral exits (%)",
        aggregator="avg",
        readonly=True,
        digits=(5, 1),
        help="Positive exits / exits other than neutral ones (moved away, "
        "death, long illness, parental leave, incarceration...).",
    )
    duration_days = fields.Integer(
        string="Average duration (days)",
        aggregator="avg",
        readonly=True,
        help="Duration of the pathways that ended, net of suspensions.",
    )
    duration_median_days = fields.Float(
        string="Median duration (days)",
        aggregator="median",
        readonly=True,
        digits=(6, 1),
        help="Median duration of the pathways that ended, net of suspensions.",
    )
    duration_months = fields.Float(
        string="Average duration (months)",
        aggregator="avg",
        readonly=True,
        digits=(6, 1),
    )

    @property
    def _table_query(self):
        exit_month = SQL(
            "p.state = 'closed' AND p.date_end BETWEEN m.month AND m.month_end"
        )
        non_neutral_exit = SQL(
            "%s AND COALESCE(r.category, 'other') != 'neutral'", exit_month
        )
        # Age reached in the year of entry (DOMAIN.md: under 26, 26-49, 50+).
        age = SQL("EXTRACT(YEAR FROM p.date_start) - pa.birth_year")
        return SQL(
            """
            SELECT p.id::bigint * 100000 + EXTRACT(YEAR FROM m.month)::integer * 12
                   + EXTRACT(MONTH FROM m.month)::integer AS id,
                   p.id AS pathway_id,
                   p.id AS file_active,
                   p.participant_id,
                   p.participant_id AS participant_count,
                   p.company_id,
                   m.month AS date,
                   p.referent_id,
                   p.referent_structure_id,
                   p.commune_id,
                   pr.prescriber_id,
                   pa.gender,
                   CASE WHEN pa.birth_year IS NULL THEN NULL
                        WHEN %(age)s < 26 THEN 'under_26'
                        WHEN %(age)s < 50 THEN '26_49'
                        ELSE '50_plus' END AS age_band,
                   pa.education_level,
                   (SELECT benefit.benefit_type
                      FROM plie_participant_benefit benefit
                     WHERE benefit.participant_id = p.participant_id
                       AND benefit.start_date <= p.date_start
                       AND (benefit.end_date IS NULL
                            OR benefit.end_date >= p.date_start)
                  ORDER BY benefit.start_date DESC, benefit.id DESC
                     LIMIT 1) AS benefit_type,
                   CASE WHEN pa.qpv_id IS NULL THEN 'outside_qpv' ELSE 'qpv' END
                       AS qpv_residence,
                   CASE WHEN %(exit)s THEN p.exit_reason_id END AS exit_reason_id,
                   CASE WHEN %(exit)s THEN r.category END AS exit_category,
                   (p.date_start >= m.month)::integer AS entry_count,
                   (%(exit)s)::integer AS exit_count,
                   (%(exit)s AND p.is_positive_exit)::integer AS positive_exit_count,
                   (%(exit)s AND r.category = 'neutral')::integer
                       AS neutral_exit_count,
                   CASE WHEN %(exit)s
                        THEN CASE WHEN p.is_positive_exit THEN 100.0 ELSE 0.0 END
                   END AS positive_exit_rate,
                   CASE WHEN %(non_neutral)s
                        THEN CASE WHEN p.is_positive_exit THEN 100.0 ELSE 0.0 END
                   END AS positive_exit_rate_non_neutral,
                   CASE WHEN %(exit)s THEN p.duration_days END AS duration_days,
                   CASE WHEN %(exit)s THEN p.duration_days::float END
                       AS duration_median_days,
                   CASE WHEN %(exit)s THEN p.duration_days / %(days_per_month)s END
                       AS duration_months
              FROM plie_pathway p
              JOIN plie_participant pa ON pa.id = p.participant_id
         LEFT JOIN plie_prescription pr ON pr.id = p.prescription_id
         LEFT JOIN plie_exit_reason r ON r.id = p.exit_reason_id
              JOIN %(periods)s AS m(month, month_end)
                ON p.date_start <= m.month_end
               AND CASE WHEN p.state = 'closed' AND p.date_end IS NOT NULL
                        THEN p.date_end
                        ELSE GREATEST(CURRENT_DATE, p.date_start)
                   END >= m.month
             WHERE p.date_start IS NOT NULL
            """,
            age=age,
            exit=exit_month,
            non_neutral=non_neutral_exit,
            days_per_month=DAYS_PER_MONTH,
            periods=self._periods(),
        )

    def _periods(self):
        """The periods of the rows, (first day, last day): every month, or the
        one period of the context key ``plie_report_period`` (first and last
        day, as _figures sets it): figures of a whole year then read one row
        per pathway instead of twelve."""
        period = self.env.context.get("plie_report_period")
        if period:
            return SQL("(VALUES (%s::date, %s::date))", *period)
        # The months from the first signature to today or the last exit: a
        # join, not a series per pathway, so that a filter on the month
        # reaches the pathways (their index on date_start).
        return SQL(
            """(SELECT month::date, (month + interval '1 month - 1 day')::date
                 FROM generate_series(
                      (SELECT date_trunc('month', min(date_start))
                         FROM plie_pathway),
                      date_trunc('month', GREATEST(
                          CURRENT_DATE,
                          (SELECT max(date_start) FROM plie_pathway),
                          (SELECT max(date_end) FROM plie_pathway))),
                      interval '1 month') AS series(month))"""
        )

    @api.model
    def _plie_in_circle(self):
        # Référents read their own caseload's figures (record rules).
        return super()._plie_in_circle() or self.env.user.has_group(
            "plie_base.group_plie_referent"
        )

    def _read_group_select(self, aggregate_spec, query):
        fname, __, func = parse_read_group_spec(aggregate_spec)
        if func != "median" or fname not in self._fields:
            return super()._read_group_select(aggregate_spec, query)
        column = self._field_to_sql(self._table, fname, query)
        return SQL("percentile_cont(0.5) WITHIN GROUP (ORDER BY %s)", column)

    @api.model
    def _period_domain(self, date_from, date_to, company=None):
        """Rows of the months from ``date_from`` to ``date_to``."""
        return [
            ("company_id", "=", (company or self.env.company).id),
            ("date", ">=", date_from.replace(day=1)),
            ("date", "<=", date_to),
        ]

    @api.model
    def _figures(self, date_from, date_to, groupby=(), company=None):
        """The funders' figures of the months from ``date_from`` to
        ``date_to``, per group of ``groupby``, in one query: a list of dicts
        with the group keys and file_active, entry_count, exit_count,
        positive_exit_count, neutral_exit_count, positive_exit_rate,
        positive_exit_rate_non_neutral, duration_days (average) and
        duration_median_days."""
        names = [spec.split(":")[0] for spec in FIGURES]
        keys = [spec.split(":")[0] for spec in groupby]
        rows = self._for_period(date_from, date_to)._read_group(
            self._period_domain(date_from, date_to, company), groupby, PERIOD_FIGURES
        )
        return [dict(zip(keys + names, row, strict=True)) for row in rows]

    @api.model
    def _for_period(self, date_from, date_to):
        """The report of one row per pathway of the months from ``date_from``
        to ``date_to``: the same figures as its months' rows, fewer rows."""
        period = (date_from.replace(day=1), date_to + relativedelta(day=31))
        return self.with_context(plie_report_period=period)

    @api.model
    def _figures_by(self, date_from, date_to, groupbys, company=None):
        """The figures of ``_figures`` in total and per each field of
        ``groupbys``: {None: [total], groupby: rows}, in one query (grouping
        sets). Outside the circle that reads rows, one ``_figures`` per table,
        which hides the small groups."""
        tables = (None, *groupbys)
        if not self._plie_in_circle():
            return {
                groupby: self._figures(
                    date_from, date_to, [groupby] if groupby else [], company
                )
                for groupby in tables
            }
        if self._plie_guarded():
            self._plie_check_paths(groupbys)
        self.browse().check_access("read")
        report = self._for_period(date_from, date_to)
        query = report._search(report._period_domain(date_from, date_to, company))
        columns = [report._read_group_groupby(groupby, query) for groupby in groupbys]
        query.groupby = SQL(
            "GROUPING SETS ((), %s)", SQL(", ").join(SQL("(%s)", c) for c in columns)
        )
        rows = self.env.execute_query(
            query.select(
                SQL("GROUPING(%s)", SQL(", ").join(columns)),
                *columns,
                *(report._read_group_select(spec, query) for spec in PERIOD_FIGURES),
            )
        )
        # GROUPING() sets the bit of each column not grouped on, the first
        # column's being the highest.
        size = len(groupbys)
        found = {groupby: [] for groupby in tables}
        for grouping, *values in rows:
            position = next(
                (i for i in range(size) if not grouping >> (size - 1 - i) & 1), None
            )
            key = None if position is None else values[position]
            found[None if position is None else groupbys[position]].append(
                (key, values[size:])
            )
        return {
            groupby: report._figures_rows(groupby, found[groupby]) for groupby in tables
        }

    @api.model
    def _figures_rows(self, groupby, rows):
        """Rows of (group key, raw aggregates) as ``_figures`` returns them."""
        if not rows:
            return []
        keys, figures = zip(*rows, strict=True)
        columns = [
            self._read_group_postprocess_aggregate(spec, values)
            for spec, values in zip(
                PERIOD_FIGURES, zip(*figures, strict=True), strict=True
            )
        ]
        names = [spec.split(":")[0] for spec in FIGURES]
        result = [
            dict(zip(names, values, strict=True))
            for values in zip(*columns, strict=True)
        ]
        if groupby:
            for row, key in zip(
                result, self._read_group_postprocess_groupby(groupby, keys), strict=True
            ):
                row[groupby] = key
        return result
