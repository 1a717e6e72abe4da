from odoo import _, api, fields, models, tools
from odoo.osv import expression
from odoo.tools import SQL

from ..esf_rules import indicators_for

GENDER_COLUMNS = {"woman": "women", "man": "men", "non_binary": "non_binary"}


class PlieEsfIndicatorReport(models.TransientModel):
    """ESF indicators of an operation for a period, by gender, with the
    completeness of the participant records."""

    _name = "plie.esf.indicator.report"
    _description = "ESF indicators"

    operation_id = fields.Many2one("plie.esf.operation", required=True)
    company_id = fields.Many2one(related="operation_id.company_id")
    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True)
    line_ids = fields.One2many("plie.esf.indicator.line", "report_id")
    participant_count = fields.Integer(string="Participants")
    incomplete_count = fields.Integer(string="Incomplete records")
    incomplete_share = fields.Float(string="Incomplete records (%)", digits=(5, 2))
    incomplete_threshold = fields.Float(
        string="Warning threshold (%)",
        related="company_id.plie_esf_incomplete_threshold",
    )
    incomplete_warning = fields.Boolean(compute="_compute_incomplete_warning")

    @api.depends("incomplete_share", "incomplete_threshold")
    def _compute_incomplete_warning(self):
        for report in self:
            report.incomplete_warning = (
                report.incomplete_share > report.incomplete_threshold
            )

    def _compute_display_name(self):
        # A transient report has no name of its own; the breadcrumb shows this.
        for report in self:
            report.display_name = _("ESF indicators")

    def _base_domain(self, base):
        self.ensure_one()
        return self._counted_domain() + self._period_domain(base)

    def _counted_domain(self):
        """The operation's participants (supported more than one day)."""
        return [("operation_id", "=", self.operation_id.id), ("is_counted", "=", True)]

    def _period_domain(self, base):
        """Entry indicators count who entered in the period; result
        indicators who left in it."""
        date_field = "entry_date" if base == "entry" else "exit_date"
        return [(date_field, ">=", self.date_from), (date_field, "<=", self.date_to)]

    def _indicator_domain(self, indicator):
        return expression.AND([self._base_domain(indicator.base), indicator.domain])

    def action_compute(self):
        """Store every indicator by gender and the completeness."""
        self.ensure_one()
        indicators, rows = self._indicator_rows()
        lines = []
        for sequence, indicator in enumerate(indicators):
            counts = {gender: row[sequence] for gender, row in rows.items()}
            values = {
                "report_id": self.id,
                "sequence": sequence,
                "code": indicator.code,
                "name": self.env._(indicator.label),
                "total": sum(counts.values()),
            }
            for gender, column in GENDER_COLUMNS.items():
                values[column] = counts.get(gender, 0)
            values["unknown"] = counts.get(None, 0)
            lines.append(values)
        self.line_ids.unlink()
        self.env["plie.esf.indicator.line"].create(lines)
        total = sum(row[-2] for row in rows.values())
        incomplete = sum(row[-1] for row in rows.values())
        self.write(
            {
                "participant_count": total,
                "incomplete_count": incomplete,
                "incomplete_share": incomplete / total * 100 if total else 0.0,
            }
        )
        return True

    def _indicator_rows(self):
        """(indicators, {gender: [count of each indicator, then entered and
        incomplete participations]}) in one grouped query: one count per
        indicator, filtered by its condition on the period."""
        self.operation_id.check_access("read")
        indicators = indicators_for(self.operation_id.fund)
        *own, incomplete = self._indicator_conditions(self.operation_id.fund)
        participations = self.env["plie.esf.participation"].sudo()
        period = {
            base: participations._where_calc(self._period_domain(base)).where_clause
            for base in ("entry", "exit")
        }
        conditions = [
            SQL("%s AND %s", period[indicator.base], condition)
            for indicator, condition in zip(indicators, own, strict=True)
        ]
        conditions += [period["entry"], SQL("%s AND %s", period["entry"], incomplete)]
        return indicators, self._count_by_gender(conditions)

    @api.model
    @tools.ormcache("fund")
    def _indicator_conditions(self, fund):
        """Each indicator's own condition, then that of an incomplete record,
        in SQL on the participations: compiled once per fund, as the
        indicators are fixed by the regulation."""
        # sudo: aggregates over special-category answers are what finance and
        # coordination may see of them; the rows stay protected.
        participations = self.env["plie.esf.participation"].sudo()
        domains = [indicator.domain for indicator in indicators_for(fund)]
        domains.append([("is_incomplete", "=", True)])
        clauses = (participations._where_calc(d).where_clause for d in domains)
        return tuple(clause if clause.code else SQL("TRUE") for clause in clauses)

    def _count_by_gender(self, conditions):
        """{gender: [count of each SQL condition]} over the operation's
        counted participations."""
        # sudo: as above, only counts leave this method.
        participations = self.env["plie.esf.participation"].sudo()
        query = participations._where_calc(self._counted_domain())
        gender = SQL.identifier(query.table, "gender")
        counts = [SQL("COUNT(*) FILTER (WHERE %s)", c) for c in conditions]
        query.groupby = gender
        # execute_query flushes the fields the conditions read first.
        rows = self.env.execute_query(query.select(gender, *counts))
        return {row[0]: row[1:] for row in rows}

    def action_open_incomplete(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Incomplete participant records"),
            "res_model": "plie.esf.participation",
            "view_mode": "list,form",
            "views": [
                (
                    self.env.ref(
                        "plie_esf.plie_esf_participation_view_list_completeness"
                    ).id,
                    "list",
                ),
                (False, "form"),
            ],
            "domain": expression.AND(
                [self._base_domain("entry"), [("is_incomplete", "=", True)]]
            ),
        }
