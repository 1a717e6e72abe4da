from odoo import _, api, fields, models
from odoo.tools import SQL

from ..models.action import SEAT_STATES
from ..models.pathway import DAYS_PER_MONTH


class PlieKpiDashboard(models.TransientModel):
    """Key figures of the PLIE for a period, each from one grouped query."""

    _name = "plie.kpi.dashboard"
    _description = "PLIE dashboard"

    company_id = fields.Many2one(
        "res.company",
        string="PLIE",
        required=True,
        default=lambda self: self.env.company,
    )
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(string="To", required=True, default=fields.Date.context_today)
    at_date = fields.Date(
        string="Active participants on",
        required=True,
        default=fields.Date.context_today,
    )
    entry_count = fields.Integer(string="Entries", compute="_compute_kpis")
    exit_count = fields.Integer(string="Exits", compute="_compute_kpis")
    positive_exit_count = fields.Integer(
        string="Positive exits", compute="_compute_kpis"
    )
    positive_exit_rate = fields.Float(
        string="Positive exit rate (%)", compute="_compute_kpis", digits=(5, 1)
    )
    average_duration_months = fields.Float(
        string="Average duration (months)", compute="_compute_kpis", digits=(6, 1)
    )
    median_duration_months = fields.Float(
        string="Median duration (months)", compute="_compute_kpis", digits=(6, 1)
    )
    active_count = fields.Integer(string="Active participants", compute="_compute_kpis")
    overdue_count = fields.Integer(string="Contacts overdue", compute="_compute_kpis")
    action_capacity = fields.Integer(string="Seats in actions", compute="_compute_kpis")
    action_seats_taken = fields.Integer(string="Seats taken", compute="_compute_kpis")
    action_fill_rate = fields.Float(
        string="Actions fill rate (%)", compute="_compute_kpis", digits=(5, 1)
    )

    @api.depends("company_id", "date_from", "date_to", "at_date")
    def _compute_kpis(self):
        for dashboard in self:
            dashboard.update(dashboard._kpi_values())

    def _kpi_values(self):
        """Every figure of the dashboard, in a fixed number of queries."""
        self.ensure_one()
        values = dict.fromkeys(self._kpi_fields(), 0)
        if not (self.company_id and self.date_from and self.date_to and self.at_date):
            return values
        values.update(self._movement_values())
        values.update(self._active_values())
        values.update(self._action_values())
        return values

    def _kpi_fields(self):
        return [
            name
            for name, field in self._fields.items()
            if field.compute == "_compute_kpis"
        ]

    def _period_domain(self):
        return [
            ("company_id", "=", self.company_id.id),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
        ]

    def _movement_values(self):
        """Entries, exits, positive exits and durations of the period."""
        Report = self.env["plie.pathway.report"]
        groups = Report._read_group(
            self._period_domain(),
            ["movement"],
            ["__count", "positive_exit_count:sum", "duration_days:avg"],
        )
        counts = {
            movement: (count, positive, days)
            for movement, count, positive, days in groups
        }
        entries = counts.get("entry", (0, 0, 0))[0]
        exits, positives, average_days = counts.get("exit", (0, 0, 0))
        query = Report._search([*self._period_domain(), ("movement", "=", "exit")])
        median_days = 0
        if not query.is_empty():
            column = SQL.identifier(query.table, "duration_days")
            median_days = (
                self.env.execute_query(
                    query.select(
                        SQL("percentile_cont(0.5) WITHIN GROUP (ORDER BY %s)", column)
                    )
                )[0][0]
                or 0
            )
        return {
            "entry_count": entries,
            "exit_count": exits,
            "positive_exit_count": positives,
            "positive_exit_rate": 100.0 * positives / exits if exits else 0.0,
            "average_duration_months": (average_days or 0) / DAYS_PER_MONTH,
            "median_duration_months": median_days / DAYS_PER_MONTH,
        }

    def _active_values(self):
        Pathway = self.env["plie.pathway"]
        company = [("company_id", "=", self.company_id.id)]
        [(active,)] = Pathway._read_group(
            [
                *company,
                ("date_start", "<=", self.at_date),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", self.at_date),
            ],
            [],
            ["participant_id:count_distinct"],
        )
        overdue = Pathway.search_count([*company, ("contact_overdue", "=", True)])
        return {"active_count": active, "overdue_count": overdue}

    def _action_values(self):
        """Seats of the actions running in the period, and those taken."""
        Action = self.env["plie.action"]
        running = [
            ("company_id", "=", self.company_id.id),
            "|",
            ("date_start", "=", False),
            ("date_start", "<=", self.date_to),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", self.date_from),
        ]
        [(capacity,)] = Action._read_group(running, [], ["capacity:sum"])
        [(taken,)] = self.env["plie.action.enrolment"]._read_group(
            [
                ("action_id", "in", Action._search(running)),
                ("state", "in", SEAT_STATES),
            ],
            [],
            ["__count"],
        )
        return {
            "action_capacity": capacity or 0,
            "action_seats_taken": taken,
            "action_fill_rate": 100.0 * taken / capacity if capacity else 0.0,
        }

    def action_open_movements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "plie_pathway.plie_pathway_report_action"
        )
        action["domain"] = self._period_domain()
        action["display_name"] = _("Entries and exits")
        return action
