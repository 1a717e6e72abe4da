from collections import defaultdict

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.tools import SQL

from ..const import PRIORITY_PUBLICS

# Priority publics computed from social data (QPV, benefits): the officer
# sees them only as totals over at least the PLIE's statistical-secrecy
# threshold of people (plie_statistics_threshold, as plie.statistics.mixin).
SOCIAL_PUBLICS = ("qpv", "rsa")


class PlieClauseProgressMixin(models.AbstractModel):
    """Required vs realised insertion hours of a lot, a contract or a buyer.

    Every figure comes from two grouped queries for the whole recordset,
    whatever the number of placements. Only validated hours count. The period
    is the context keys ``plie_date_from`` / ``plie_date_to`` (months of the
    hours and placements overlapping it), all time without them."""

    _name = "plie.clause.progress.mixin"
    _description = "Social-clause progress"
    # Column of plie_clause_placement that identifies a record of the model.
    _progress_column = None

    realised_hours = fields.Float(compute="_compute_progress", digits=(16, 2))
    progress_rate = fields.Float(
        string="Progress (%)", compute="_compute_progress", digits=(16, 2)
    )
    person_count = fields.Integer(string="Persons placed", compute="_compute_progress")
    progress_html = fields.Html(
        string="Breakdown", compute="_compute_progress_html", sanitize=False
    )

    @api.depends_context("plie_date_from", "plie_date_to")
    def _compute_progress(self):
        progress = self._clause_progress(breakdown=False)
        for record in self:
            figures = progress[record.id]
            record.realised_hours = figures["hours"]
            record.person_count = figures["persons"]
            record.progress_rate = (
                100.0 * figures["hours"] / record.required_hours
                if record.required_hours
                else 0.0
            )

    @api.depends_context("plie_date_from", "plie_date_to")
    def _compute_progress_html(self):
        # Apart from the totals: a list of records shows no breakdown, and
        # its priority publics cost the most.
        progress = self._clause_progress()
        for record in self:
            record.progress_html = self._progress_table(progress[record.id])

    def _clause_progress(self, breakdown=True):
        """{record id: {hours, persons, modes: {mode: hours},
        publics: {code: (persons, hours)}}} on the context's period; without
        ``breakdown``, no priority publics."""
        result = defaultdict(
            lambda: {"hours": 0.0, "persons": 0, "modes": {}, "publics": {}}
        )
        ids = [rid for rid in self.ids if rid]
        if not ids:
            return result
        # Raw SQL reads the participants' gender, age, QPV and benefits without
        # their access rules, on purpose: only per-group totals leave this
        # method, and the social ones are suppressed under the threshold.
        self.env.flush_all()
        key = SQL.identifier("pl", self._progress_column)
        date_from = self.env.context.get("plie_date_from") or "0001-01-01"
        date_to = self.env.context.get("plie_date_to") or "9999-12-31"

        def placements(*clauses, hours=""):
            """Placements of ``ids`` overlapping the period, grouped by key;
            ``hours`` (``JOIN`` or ``LEFT JOIN``) adds their validated hours of
            the period, and with ``JOIN`` groups them by delivery mode."""
            join = (
                SQL(
                    f"{hours} plie_clause_hours h ON h.placement_id = pl.id "
                    "AND h.state = 'validated' AND h.month BETWEEN %s AND %s",
                    date_from,
                    date_to,
                )
                if hours
                else SQL()
            )
            return SQL(
                """SELECT %(key)s, %(clauses)s
                FROM plie_clause_placement pl
                LEFT JOIN plie_participant par ON par.id = pl.participant_id
                %(join)s
                WHERE %(key)s IN %(ids)s
                  AND pl.date_start <= %(date_to)s
                  AND (pl.date_end IS NULL OR pl.date_end >= %(date_from)s)
                GROUP BY %(key)s%(mode)s""",
                key=key,
                clauses=SQL(", ").join(clauses),
                join=join,
                ids=tuple(ids),
                date_from=date_from,
                date_to=date_to,
                mode=SQL(", pl.delivery_mode") if hours == "JOIN" else SQL(),
            )

        person = SQL("COALESCE('p' || pl.participant_id, 'x' || pl.id)")
        if not breakdown:
            # The totals alone: persons and hours in one query.
            self.env.cr.execute(
                placements(
                    SQL("COUNT(DISTINCT %s)", person),
                    SQL("COALESCE(SUM(h.hours), 0)"),
                    hours="LEFT JOIN",
                )
            )
            for record_id, persons, hours in self.env.cr.fetchall():
                result[record_id].update(persons=persons, hours=hours)
            return result
        publics = self._priority_public_conditions()
        threshold = self.env.company.plie_statistics_threshold
        self.env.cr.execute(
            placements(
                SQL("COUNT(DISTINCT %s)", person),
                *(
                    SQL("COUNT(DISTINCT %s) FILTER (WHERE %s)", person, condition)
                    for condition in publics.values()
                ),
            )
        )
        persons_by_public = {}
        for record_id, persons, *counts in self.env.cr.fetchall():
            result[record_id]["persons"] = persons
            persons_by_public[record_id] = dict(zip(publics, counts, strict=True))
        self.env.cr.execute(
            placements(
                SQL("pl.delivery_mode, SUM(h.hours)"),
                *(
                    SQL("COALESCE(SUM(h.hours) FILTER (WHERE %s), 0)", condition)
                    for condition in publics.values()
                ),
                hours="JOIN",
            )
        )
        hours_by_public = defaultdict(lambda: defaultdict(float))
        for record_id, mode, hours, *sums in self.env.cr.fetchall():
            result[record_id]["hours"] += hours
            result[record_id]["modes"][mode] = hours
            for code, value in zip(publics, sums, strict=True):
                hours_by_public[record_id][code] += value
        for record_id in ids:
            counts = persons_by_public.get(record_id, {})
            result[record_id]["publics"] = {
                code: self._secret_cell(
                    code,
                    counts.get(code, 0),
                    hours_by_public[record_id][code],
                    threshold,
                )
                for code in publics
            }
        return result

    @api.model
    def _priority_public_conditions(self):
        """SQL condition on a placement ``pl`` and its participant ``par`` for
        each priority public, judged at the start of the placement."""
        return {
            "women": SQL("par.gender = 'woman'"),
            "senior": SQL("par.birth_date <= pl.date_start - INTERVAL '50 years'"),
            "qpv": SQL("par.qpv_id IS NOT NULL"),
            # DELD: registered 12 months or more (plie_base, _is_jobseeker_for).
            "deld": SQL(
                "par.labour_market_status IN ('unemployed', 'long_term_unemployed') "
                "AND par.ft_registration_date <= pl.date_start - INTERVAL '12 months'"
            ),
            "rsa": SQL(
                """EXISTS (
                    SELECT 1 FROM plie_participant_benefit b
                    WHERE b.participant_id = par.id AND b.benefit_type = 'rsa'
                      AND b.start_date <= pl.date_start
                      AND (b.end_date IS NULL OR b.end_date >= pl.date_start))"""
            ),
        }

    @api.model
    def _secret_cell(self, code, persons, hours, threshold):
        """(persons, hours) of a priority public, or (None, None) when a social
        figure covers fewer people than the statistical-secrecy ``threshold``."""
        if code in SOCIAL_PUBLICS and 0 < persons < threshold:
            return (None, None)
        return (persons, hours)

    @api.model
    def _progress_table(self, figures):
        placement = self.env["plie.clause.placement"]
        modes = dict(
            placement._fields["delivery_mode"]._description_selection(self.env)
        )
        publics = {code: self.env._(label) for code, label in PRIORITY_PUBLICS}
        rows = [
            (modes[mode], "", hours) for mode, hours in sorted(figures["modes"].items())
        ]
        rows += [
            (publics[code], persons, hours)
            for code, (persons, hours) in figures["publics"].items()
        ]
        hidden = self.env._(
            "< %(threshold)s", threshold=self.env.company.plie_statistics_threshold
        )
        cells = Markup("").join(
            Markup(
                "<tr><td>%s</td><td class='text-end'>%s</td>"
                "<td class='text-end'>%s</td></tr>"
            )
            % (
                label,
                hidden if persons is None else persons,
                hidden if hours is None else f"{hours:,.2f}",
            )
            for label, persons, hours in rows
        )
        return Markup(
            "<table class='table table-sm o_plie_clause_breakdown'><thead><tr>"
            "<th>%s</th><th class='text-end'>%s</th><th class='text-end'>%s</th>"
            "</tr></thead><tbody>%s</tbody></table>"
        ) % (
            escape(self.env._("Hours by delivery mode and priority public")),
            escape(self.env._("Persons")),
            escape(self.env._("Hours")),
            cells,
        )
