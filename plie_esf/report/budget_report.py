from odoo import fields, models
from odoo.tools import SQL

from ..esf_rules import COST_CATEGORIES


class PlieEsfBudgetReport(models.Model):
    """Budget vs actual per operation, cost category and year: budgeted
    amounts, accounting actuals (distribution share applied) and eligible
    costs (staff costs from hours, flat rates computed)."""

    _name = "plie.esf.budget.report"
    _description = "ESF budget vs actual"
    _auto = False
    _order = "operation_id, year, category"
    # Flushed before the report is read.
    _depends = {
        "plie.esf.expense": [
            "operation_id",
            "category",
            "date",
            "amount",
            "eligible_amount",
        ],
        "plie.esf.operation": ["company_id", "flat_rate_option"],
        "plie.esf.staff.time": ["operation_id", "year", "cost"],
        "plie.esf.budget.line": ["operation_id", "category", "year", "amount"],
    }

    operation_id = fields.Many2one("plie.esf.operation", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    category = fields.Selection(COST_CATEGORIES, readonly=True)
    year = fields.Char(readonly=True)
    budget_amount = fields.Monetary(string="Budgeted", readonly=True)
    actual_amount = fields.Monetary(string="Actual (accounting)", readonly=True)
    eligible_amount = fields.Monetary(string="Eligible", readonly=True)
    execution_rate = fields.Float(
        string="Execution (%)", readonly=True, aggregator=None, digits=(5, 2)
    )

    # A _table_query model, as every SQL report of the suite: no database view
    # to recreate on update. A row per operation, category and year; its id
    # is the row number (a grouped row has no record of its own).
    @property
    def _table_query(self):
        # Eligible amounts follow esf_rules.claimed_categories and
        # flat_rate_amount: payroll items are evidence (staff costs come from
        # hours), the 40% rate covers every other cost, 15%/7% replace real
        # indirect costs.
        return SQL(
            """
            WITH expense AS (
                SELECT e.operation_id, e.category,
                       EXTRACT(YEAR FROM e.date)::int AS year, e.amount,
                       CASE
                         WHEN e.category = 'staff' THEN 0
                         WHEN o.flat_rate_option = 'other_40_staff' THEN 0
                         WHEN o.flat_rate_option <> 'none'
                              AND e.category = 'indirect' THEN 0
                         ELSE e.eligible_amount
                       END AS eligible
                  FROM plie_esf_expense e
                  JOIN plie_esf_operation o ON o.id = e.operation_id
            ), staff AS (
                SELECT operation_id, year, SUM(cost) AS cost
                  FROM plie_esf_staff_time GROUP BY operation_id, year
            ), direct AS (
                SELECT operation_id, year, SUM(eligible) AS amount
                  FROM expense WHERE category IN ('direct', 'services')
                 GROUP BY operation_id, year
            ), flat AS (
                SELECT o.id AS operation_id, y.year,
                       ROUND(CASE o.flat_rate_option
                         WHEN 'indirect_15_staff' THEN COALESCE(s.cost, 0) * 0.15
                         WHEN 'other_40_staff' THEN COALESCE(s.cost, 0) * 0.40
                         ELSE (COALESCE(s.cost, 0) + COALESCE(d.amount, 0)) * 0.07
                       END, 2) AS amount
                  FROM plie_esf_operation o
                  JOIN (SELECT operation_id, year FROM staff
                        UNION SELECT operation_id, year FROM direct) y
                    ON y.operation_id = o.id
                  LEFT JOIN staff s
                    ON s.operation_id = o.id AND s.year = y.year
                  LEFT JOIN direct d
                    ON d.operation_id = o.id AND d.year = y.year
                 WHERE o.flat_rate_option <> 'none'
            ), rows AS (
                SELECT operation_id, category, year, amount AS budget,
                       0 AS actual, 0 AS eligible
                  FROM plie_esf_budget_line
                UNION ALL
                SELECT operation_id, category, year, 0, amount, eligible
                  FROM expense
                UNION ALL
                SELECT operation_id, 'staff', year, 0, 0, cost FROM staff
                UNION ALL
                SELECT operation_id, 'flat_rate', year, 0, 0, amount FROM flat
            )
            SELECT ROW_NUMBER() OVER (ORDER BY r.operation_id, r.year, r.category)
                       AS id,
                   r.operation_id, o.company_id, r.category,
                   r.year::varchar AS year,
                   SUM(r.budget) AS budget_amount,
                   SUM(r.actual) AS actual_amount,
                   SUM(r.eligible) AS eligible_amount,
                   CASE WHEN SUM(r.budget) > 0
                        THEN SUM(r.eligible) / SUM(r.budget) * 100 END
                       AS execution_rate
              FROM rows r
              JOIN plie_esf_operation o ON o.id = r.operation_id
             GROUP BY r.operation_id, o.company_id, r.category, r.year
            """
        )
