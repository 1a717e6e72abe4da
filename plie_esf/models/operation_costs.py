from collections import defaultdict

from odoo import _, api, fields, models

from ..esf_rules import claimed_categories, flat_rate_amount


class PlieEsfOperation(models.Model):
    """Eligible costs of an operation: expenses from accounting, staff costs
    from time allocation, and the flat rate computed from them."""

    _inherit = "plie.esf.operation"  # pylint: disable=consider-merging-classes-inherited

    staff_cost_total = fields.Monetary(
        string="Direct staff costs", compute="_compute_cost_totals"
    )
    other_direct_total = fields.Monetary(
        string="Other eligible direct costs",
        compute="_compute_cost_totals",
        help="Eligible expenses other than staff costs and indirect costs.",
    )
    indirect_total = fields.Monetary(
        string="Real indirect costs", compute="_compute_cost_totals"
    )
    flat_rate_total = fields.Monetary(
        string="Flat-rate costs", compute="_compute_cost_totals"
    )
    eligible_total = fields.Monetary(
        string="Total eligible costs",
        compute="_compute_cost_totals",
        help="Costs claimable under the operation's flat-rate option.",
    )
    execution_rate = fields.Float(
        string="Budget execution (%)", compute="_compute_cost_totals", digits=(5, 2)
    )

    @api.depends(
        "flat_rate_option",
        "total_budget",
        "expense_ids.eligible_amount",
        "expense_ids.category",
        "staff_member_ids.time_ids.cost",
    )
    def _compute_cost_totals(self):
        costs = self._eligible_costs()
        for operation in self:
            by_category = costs[operation.id]
            totals = {
                category: operation.currency_id.round(amount)
                for category, amount in operation._claimable_totals(by_category).items()
            }
            operation.staff_cost_total = totals["staff"]
            operation.other_direct_total = totals["direct"] + totals["services"]
            operation.indirect_total = totals["indirect"]
            operation.flat_rate_total = totals["flat_rate"]
            operation.eligible_total = operation.currency_id.round(sum(totals.values()))
            budget = operation.total_budget
            operation.execution_rate = (
                operation.eligible_total / budget * 100 if budget else 0.0
            )

    def _eligible_costs(self, date_from=None, date_to=None):
        """{operation id: {category: eligible amount}} in two grouped queries:
        eligible expenses (payroll items are evidence: staff costs come from
        hours x hourly rate) and staff time."""
        costs = defaultdict(lambda: defaultdict(float))
        expense_domain = [
            ("operation_id", "in", self.ids),
            ("category", "!=", "staff"),
        ]
        time_domain = [("operation_id", "in", self.ids)]
        if date_from:
            expense_domain.append(("date", ">=", date_from))
            time_domain.append(("month", ">=", date_from))
        if date_to:
            expense_domain.append(("date", "<=", date_to))
            time_domain.append(("month", "<=", date_to))
        for operation, category, amount in self.env["plie.esf.expense"]._read_group(
            expense_domain, ["operation_id", "category"], ["eligible_amount:sum"]
        ):
            costs[operation.id][category] += amount
        for operation, amount in self.env["plie.esf.staff.time"]._read_group(
            time_domain, ["operation_id"], ["cost:sum"]
        ):
            costs[operation.id]["staff"] += amount
        return costs

    def _claimable_totals(self, by_category):
        """Real costs claimed next to the flat rate, and the flat rate itself
        (Regulation (EU) 2021/1060, art. 54 and 56)."""
        self.ensure_one()
        kept = claimed_categories(self.flat_rate_option)
        totals = {
            category: by_category.get(category, 0.0) if category in kept else 0.0
            for category in ("staff", "direct", "services", "indirect")
        }
        direct = totals["staff"] + totals["direct"] + totals["services"]
        totals["flat_rate"] = flat_rate_amount(
            self.flat_rate_option, totals["staff"], direct
        )
        return totals

    # ------------------------------------------------------------------
    # Expenses from accounting
    # ------------------------------------------------------------------
    def action_sync_expenses(self):
        """Bring the posted journal items of the operations' analytic accounts
        into their expenses (new items added, amounts kept in step)."""
        operations = self.filtered("analytic_account_id")
        if not operations:
            return True
        # sudo: ESF officers read the operation's journal items without an
        # accounting role.
        lines = (
            self.env["account.move.line"]
            .sudo()
            .search(
                [
                    (
                        "analytic_distribution",
                        "in",
                        operations.analytic_account_id.ids,
                    ),
                    ("parent_state", "=", "posted"),
                    ("display_type", "not in", ("line_section", "line_note")),
                ]
            )
        )
        self.env["plie.esf.expense"]._sync_move_lines(lines)
        return True

    def action_open_budget_report(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Budget vs actual"),
            "res_model": "plie.esf.budget.report",
            "view_mode": "pivot,list,graph",
            "domain": [("operation_id", "=", self.id)],
        }
