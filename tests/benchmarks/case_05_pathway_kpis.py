"""Case 5: the pathway KPIs of coordination over 5 years, per référent and
commune (file active, entries, exits, positive-exit rates, average and median
duration), from the pathway statistics (`plie.pathway.report._figures`, the
figures of the annual report and the dashboard) against one hand-written
query on the pathways."""

from datetime import date

from benchmark import AtMostQueries, Case, SameQueries, Target

# The 5 years up to the generator's reference date (1 March 2026).
DATE_FROM, DATE_TO = date(2021, 3, 1), date(2026, 2, 28)
GROUPBY = ("referent_id", "commune_id")
# The figures of the exits of rows (pathways) carrying `exited`,
# `is_positive_exit`, the exit reason's `category` and `duration_days`, in the
# report's order: exits, positive and neutral exits, positive-exit rate on all
# exits and on non-neutral exits, average and median duration.
EXIT_FIGURES = """COUNT(*) FILTER (WHERE exited),
    COUNT(*) FILTER (WHERE exited AND is_positive_exit),
    COUNT(*) FILTER (WHERE exited AND category = 'neutral'),
    AVG(CASE WHEN is_positive_exit THEN 100.0 ELSE 0.0 END) FILTER (WHERE exited),
    AVG(CASE WHEN is_positive_exit THEN 100.0 ELSE 0.0 END)
        FILTER (WHERE exited AND COALESCE(category, 'other') != 'neutral'),
    AVG(duration_days) FILTER (WHERE exited),
    percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_days)
        FILTER (WHERE exited)"""
FIGURES = (
    "file_active",
    "entry_count",
    "exit_count",
    "positive_exit_count",
    "neutral_exit_count",
    "positive_exit_rate",
    "positive_exit_rate_non_neutral",
    "duration_days",
    "duration_median_days",
)


class PathwayKpis(Case):
    number = "5"
    title = "Pathway KPIs over 5 years per référent and commune"
    phases = ("small", "large")
    targets = (
        Target("ours", "sql", 2),
        SameQueries("ours@small", "ours@large"),
        AtMostQueries("ours", 2),
    )

    def setup(self):
        coordinator = self.user("plie_base.group_plie_coordinator", "coordinator")
        self.report = (
            self.env["plie.pathway.report"]
            .with_user(coordinator)
            .with_company(self.company)
        )

    def ours(self):
        rows = self.report._figures(DATE_FROM, DATE_TO, list(GROUPBY), self.company)
        return [
            (row["referent_id"].id, row["commune_id"].id)
            + tuple(row[name] for name in FIGURES)
            for row in rows
        ]

    def sql(self):
        # The report's definitions on one row per pathway instead of one per
        # month: in pathway during the period (signed, from the month of the
        # signature to the month of the exit, or still open), entered or exited
        # in one of its months; rates over the exits of the period.
        self.env.cr.execute(
            f"""
            WITH p AS (
                SELECT p.referent_id, p.commune_id, p.duration_days,
                       p.is_positive_exit, r.category,
                       date_trunc('month', p.date_start) >= %(month_from)s
                           AS entered,
                       p.state = 'closed' AND p.date_end IS NOT NULL
                           AND p.date_end BETWEEN %(month_from)s AND %(date_to)s
                           AS exited
                  FROM plie_pathway p
             LEFT JOIN plie_exit_reason r ON r.id = p.exit_reason_id
                 WHERE p.company_id = %(company)s
                   AND p.date_start <= %(date_to)s
                   AND NOT (p.state = 'closed' AND p.date_end IS NOT NULL
                            AND p.date_end < %(month_from)s)
            )
            SELECT referent_id, commune_id,
                   COUNT(*),
                   COUNT(*) FILTER (WHERE entered),
                   {EXIT_FIGURES}
              FROM p
          GROUP BY referent_id, commune_id
            """,
            {
                "company": self.company.id,
                "month_from": DATE_FROM.replace(day=1),
                "date_to": DATE_TO,
            },
        )
        return self.env.cr.fetchall()

    def normalise(self, value):
        """Groups in one order, empty keys as None, averages to 2 decimals."""
        return sorted(
            (
                tuple(key or None for key in row[:2])
                + tuple(
                    round(float(figure), 2) if figure is not None else None
                    for figure in row[2:]
                )
            )
            for row in value
        )
