from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero, float_round

from ..esf_rules import (
    FLAT_RATE_OPTIONS,
    FUNDS,
    OPERATION_STATES,
    format_rate,
    retention_end,
)

# States in which the operation has an analytic account and records costs.
RUNNING_STATES = ("programmed", "in_progress", "closed", "archived")


class PlieEsfOperation(models.Model):
    _name = "plie.esf.operation"
    _description = "ESF operation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    description = fields.Text()
    company_id = fields.Many2one(
        "res.company",
        string="PLIE",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        OPERATION_STATES,
        string="Status",
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    mdfse_number = fields.Char(
        string="Ma Démarche FSE file", index=True, tracking=True, copy=False
    )
    kohesio_id = fields.Char(string="Kohesio ID", index=True, copy=False)
    beneficiary_id = fields.Many2one(
        "res.partner",
        index=True,
        tracking=True,
        help="The PLIE's own structure, or the partner carrying the operation.",
    )
    programme_id = fields.Many2one(
        "plie.esf.programme", index=True, tracking=True, ondelete="restrict"
    )
    fund = fields.Selection(
        FUNDS,
        compute="_compute_from_programme",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        tracking=True,
    )
    managing_authority = fields.Char(
        compute="_compute_from_programme", store=True, readonly=False, precompute=True
    )
    programming_period = fields.Char(
        compute="_compute_from_programme", store=True, readonly=False, precompute=True
    )
    axis_id = fields.Many2one(
        "plie.esf.priority",
        string="Priority axis",
        domain="[('programme_id', '=', programme_id), ('kind', '=', 'axis')]",
    )
    investment_priority_id = fields.Many2one(
        "plie.esf.priority",
        string="Investment priority",
        domain="[('programme_id', '=', programme_id), "
        "('kind', '=', 'investment_priority')]",
    )
    specific_objective_id = fields.Many2one(
        "plie.esf.priority",
        string="Specific objective",
        domain="[('programme_id', '=', programme_id), "
        "('kind', '=', 'specific_objective')]",
    )
    location = fields.Char()
    country_id = fields.Many2one(
        "res.country", default=lambda self: self.env.ref("base.fr")
    )
    date_start = fields.Date(string="Start date", required=True, tracking=True)
    date_end = fields.Date(string="End date", required=True, tracking=True)

    # Financing (Kohesio: total budget, EU contribution, co-financing rate).
    total_budget = fields.Monetary(
        string="Total eligible budget", tracking=True, currency_field="currency_id"
    )
    eu_amount = fields.Monetary(
        string="EU contribution", tracking=True, currency_field="currency_id"
    )
    eu_rate = fields.Float(
        string="Co-financing rate (%)",
        compute="_compute_eu_rate",
        inverse="_inverse_eu_rate",
        store=True,
        digits=(5, 2),
        help="EU contribution / total eligible budget. Enter the rate or the "
        "amount: the other one is computed.",
    )
    eu_rate_label = fields.Char(
        string="Co-financing rate", compute="_compute_eu_rate_label"
    )
    funding_line_ids = fields.One2many(
        "plie.esf.funding.line", "operation_id", string="Funding plan", copy=True
    )
    funding_total = fields.Monetary(
        string="Total committed", compute="_compute_funding_totals"
    )
    funding_gap = fields.Monetary(
        string="Left to fund",
        compute="_compute_funding_totals",
        help="Total budget minus the co-funders' commitments: zero when the plan "
        "balances.",
    )
    received_total = fields.Monetary(
        string="Total received", compute="_compute_funding_totals"
    )

    # Costs
    analytic_account_id = fields.Many2one(
        "account.analytic.account",
        readonly=True,
        copy=False,
        index=True,
        check_company=True,
    )
    flat_rate_option = fields.Selection(
        FLAT_RATE_OPTIONS,
        string="Flat rate",
        default="none",
        required=True,
        tracking=True,
    )
    budget_line_ids = fields.One2many(
        "plie.esf.budget.line", "operation_id", string="Budget", copy=True
    )
    expense_ids = fields.One2many("plie.esf.expense", "operation_id")
    staff_member_ids = fields.One2many(
        "plie.esf.staff.member", "operation_id", string="Staff"
    )
    claim_ids = fields.One2many("plie.esf.claim", "operation_id", string="Claims")
    participation_ids = fields.One2many(
        "plie.esf.participation", "operation_id", string="Participations"
    )
    expense_count = fields.Integer(compute="_compute_expense_count")
    claim_count = fields.Integer(compute="_compute_claim_count")
    participation_count = fields.Integer(compute="_compute_participation_count")

    # Retention (Regulation (EU) 2021/1060, art. 82)
    last_payment_date = fields.Date(
        compute="_compute_retention", store=True, help="Last paid payment claim."
    )
    retention_end_date = fields.Date(
        string="Keep documents until",
        compute="_compute_retention",
        store=True,
        help="31 December of the year of the last payment, plus 5 years. The "
        "participants of the operation cannot be anonymised before.",
    )

    _sql_constraints = [
        (
            "dates_check",
            "CHECK(date_end >= date_start)",
            "An operation cannot end before it starts.",
        ),
        (
            "amounts_check",
            "CHECK(total_budget >= 0 AND eu_amount >= 0)",
            "Budget and EU contribution cannot be negative.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("programme_id")
    def _compute_from_programme(self):
        for operation in self:
            programme = operation.programme_id
            if programme:
                operation.fund = programme.fund
                operation.managing_authority = programme.managing_authority
                operation.programming_period = (
                    f"{programme.period_start}-{programme.period_end}"
                )
            elif not operation.fund:
                operation.fund = "esf_plus"

    @api.depends("total_budget", "eu_amount")
    def _compute_eu_rate(self):
        for operation in self:
            total = operation.total_budget
            operation.eu_rate = (
                float_round(operation.eu_amount / total * 100, 2) if total else 0.0
            )

    def _inverse_eu_rate(self):
        for operation in self:
            operation.eu_amount = operation.currency_id.round(
                operation.total_budget * operation.eu_rate / 100
            )

    @api.onchange("eu_rate")
    def _onchange_eu_rate(self):
        self._inverse_eu_rate()

    @api.depends("eu_rate")
    @api.depends_context("lang")
    def _compute_eu_rate_label(self):
        lang = self.env.lang or "en_US"
        for operation in self:
            operation.eu_rate_label = format_rate(operation.eu_rate, lang)

    @api.depends(
        "total_budget",
        "funding_line_ids.amount",
        "funding_line_ids.received_amount",
    )
    def _compute_funding_totals(self):
        for operation in self:
            lines = operation.funding_line_ids
            operation.funding_total = sum(lines.mapped("amount"))
            operation.received_total = sum(lines.mapped("received_amount"))
            operation.funding_gap = operation.total_budget - operation.funding_total

    def _count(self, model):
        counts = dict(
            self.env[model]._read_group(
                [("operation_id", "in", self.ids)], ["operation_id"], ["__count"]
            )
        )
        return {operation: counts.get(operation, 0) for operation in self}

    # One compute per counter: each role only counts what it may read.
    def _compute_expense_count(self):
        for operation, count in self._count("plie.esf.expense").items():
            operation.expense_count = count

    def _compute_claim_count(self):
        for operation, count in self._count("plie.esf.claim").items():
            operation.claim_count = count

    def _compute_participation_count(self):
        for operation, count in self._count("plie.esf.participation").items():
            operation.participation_count = count

    @api.depends("claim_ids.state", "claim_ids.payment_date")
    def _compute_retention(self):
        for operation in self:
            paid = operation.claim_ids.filtered(
                lambda c: c.state == "paid" and c.payment_date
            )
            last = max(paid.mapped("payment_date"), default=False)
            operation.last_payment_date = last
            operation.retention_end_date = retention_end(last)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("eu_amount", "total_budget")
    def _check_eu_amount(self):
        for operation in self:
            if (
                float_compare(
                    operation.eu_amount, operation.total_budget, precision_digits=2
                )
                > 0
            ):
                raise ValidationError(
                    _(
                        "The EU contribution of %(name)s cannot exceed its total "
                        "eligible budget.",
                        name=operation.name,
                    )
                )

    def _check_funding_plan_balances(self):
        """The co-funders' commitments must add up to the total budget, and the
        EU line to the EU contribution."""
        for operation in self:
            digits = operation.currency_id.decimal_places
            if not float_is_zero(operation.funding_gap, precision_digits=digits):
                raise UserError(
                    _(
                        "The funding plan of %(name)s does not balance: the "
                        "co-funders commit %(committed)s for a total budget of "
                        "%(total)s. Adjust the commitments so that they add up "
                        "to the total budget.",
                        name=operation.name,
                        committed=operation._format_amount(operation.funding_total),
                        total=operation._format_amount(operation.total_budget),
                    )
                )
            eu_lines = operation.funding_line_ids.filtered(
                lambda line: line.cofunder_type == "eu"
            )
            eu_committed = sum(eu_lines.mapped("amount"))
            if float_compare(eu_committed, operation.eu_amount, digits) != 0:
                raise UserError(
                    _(
                        "The EU lines of the funding plan of %(name)s add up to "
                        "%(committed)s, but the EU contribution is %(eu)s.",
                        name=operation.name,
                        committed=operation._format_amount(eu_committed),
                        eu=operation._format_amount(operation.eu_amount),
                    )
                )

    def _format_amount(self, amount):
        self.ensure_one()
        return self.env["ir.qweb.field.monetary"].value_to_html(
            amount, {"display_currency": self.currency_id}
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _set_state(self, state, allowed_from):
        for operation in self:
            if operation.state not in allowed_from:
                raise UserError(
                    _(
                        "%(name)s cannot move to this status from its current one.",
                        name=operation.name,
                    )
                )
        self.write({"state": state})

    def action_submit(self):
        self._check_funding_plan_balances()
        self._set_state("submitted", ("draft",))

    def action_programme(self):
        """Agreement signed: the plan must balance; the operation gets its
        analytic account, on which accounting records its costs."""
        self._check_funding_plan_balances()
        self._set_state("programmed", ("draft", "submitted"))
        self._create_analytic_accounts()

    def action_start(self):
        self._set_state("in_progress", ("programmed",))

    def action_close(self):
        self._set_state("closed", ("in_progress", "programmed"))

    def action_archive_operation(self):
        self._set_state("archived", ("closed",))

    def action_reset_to_draft(self):
        self._set_state("draft", ("submitted",))

    def _create_analytic_accounts(self):
        plan = self.env.ref("plie_esf.analytic_plan_esf_operations")
        missing = self.filtered(lambda o: not o.analytic_account_id)
        # Finance users have no right on analytic accounts: the account is the
        # operation's own bookkeeping, created once.
        accounts = (
            self.env["account.analytic.account"]
            .sudo()
            .create(
                [
                    {
                        "name": operation.name,
                        "code": operation.mdfse_number or False,
                        "plan_id": plan.id,
                        "company_id": operation.company_id.id,
                        "partner_id": operation.beneficiary_id.id,
                    }
                    for operation in missing
                ]
            )
        )
        for operation, account in zip(missing, accounts, strict=True):
            operation.analytic_account_id = account

    def _action_open(self, model, name):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": [("operation_id", "=", self.id)],
            "context": {"default_operation_id": self.id},
        }

    def action_open_expenses(self):
        self.action_sync_expenses()
        return self._action_open("plie.esf.expense", _("Expenses"))

    def action_open_claims(self):
        return self._action_open("plie.esf.claim", _("Payment claims"))

    def action_open_participations(self):
        return self._action_open("plie.esf.participation", _("Participations"))

    def action_collect_participations(self):
        """Attach the participants whose pathway overlaps the operation, with
        their questionnaires prefilled."""
        self.ensure_one()
        if self.company_id not in self.env.companies:
            raise UserError(_("Switch to the operation's PLIE first."))
        # Finance reads pathways but not every pathway field (référent notes).
        pathways = (
            self.env["plie.pathway"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("date_start", "!=", False),
                    ("date_start", "<=", self.date_end),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", self.date_start),
                ]
            )
        )
        attached = self.participation_ids.participant_id
        first_start = {}
        for pathway in pathways.sorted("date_start"):
            first_start.setdefault(pathway.participant_id, pathway.date_start)
        self.env["plie.esf.participation"].create(
            [
                {
                    "operation_id": self.id,
                    "participant_id": participant.id,
                    "entry_date": max(start, self.date_start),
                }
                for participant, start in first_start.items()
                if participant not in attached
            ]
        )
        return self.action_open_participations()

    def action_open_indicators(self):
        self.ensure_one()
        report = self.env["plie.esf.indicator.report"].create(
            {
                "operation_id": self.id,
                "date_from": self.date_start,
                "date_to": self.date_end,
            }
        )
        report.action_compute()
        return {
            "type": "ir.actions.act_window",
            "name": _("ESF indicators"),
            "res_model": "plie.esf.indicator.report",
            "res_id": report.id,
            "view_mode": "form",
            "target": "current",
        }
