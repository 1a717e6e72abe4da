from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..esf_rules import CLAIM_STATES, COST_CATEGORIES

MANAGER = "plie_base.group_plie_manager"
# What a submitted claim stated: frozen with its lines.
FROZEN_FIELDS = {
    "name",
    "operation_id",
    "date_from",
    "date_to",
    "participants_women",
    "participants_men",
    "participants_non_binary",
    "participants_total",
}
FINANCE = "plie_base.group_plie_finance"


class PlieEsfClaim(models.Model):
    """Payment claim (bilan d'exécution / demande de paiement) of an operation
    for a period: a snapshot of its eligible costs, resources and
    participants, frozen once submitted."""

    _name = "plie.esf.claim"
    _description = "ESF payment claim"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_to desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, default=lambda self: _("Payment claim"))
    operation_id = fields.Many2one(
        "plie.esf.operation",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(related="operation_id.company_id", store=True)
    currency_id = fields.Many2one(related="operation_id.currency_id")
    date_from = fields.Date(string="Period from", required=True)
    date_to = fields.Date(string="Period to", required=True)
    state = fields.Selection(
        CLAIM_STATES,
        string="Status",
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many("plie.esf.claim.line", "claim_id", string="Lines")
    claimed_total = fields.Monetary(
        string="Claimed", compute="_compute_totals", store=True
    )
    accepted_total = fields.Monetary(
        string="Accepted", compute="_compute_totals", store=True
    )
    resources_total = fields.Monetary(
        string="Resources received", compute="_compute_totals", store=True
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Date(readonly=True, copy=False)
    submitted_date = fields.Date(readonly=True, copy=False, tracking=True)
    checked_date = fields.Date(readonly=True, copy=False, tracking=True)
    payment_date = fields.Date(copy=False, tracking=True)
    paid_amount = fields.Monetary(copy=False, tracking=True)
    # Participants of the period, frozen with the claim.
    participants_women = fields.Integer(readonly=True, copy=False)
    participants_men = fields.Integer(readonly=True, copy=False)
    participants_non_binary = fields.Integer(readonly=True, copy=False)
    participants_total = fields.Integer(readonly=True, copy=False)

    _sql_constraints = [
        (
            "period_check",
            "CHECK(date_to >= date_from)",
            "A claim period cannot end before it starts.",
        ),
    ]

    @api.depends(
        "line_ids.amount", "line_ids.accepted_amount", "line_ids.kind", "state"
    )
    def _compute_totals(self):
        for claim in self:
            costs = claim.line_ids.filtered(lambda line: line.kind != "resource")
            claim.claimed_total = sum(costs.mapped("amount"))
            claim.accepted_total = sum(costs.mapped("accepted_amount"))
            claim.resources_total = sum((claim.line_ids - costs).mapped("amount"))

    def category_totals(self):
        """{category: claimed amount} of the cost lines, for statements."""
        self.ensure_one()
        totals = dict.fromkeys(dict(COST_CATEGORIES), 0.0)
        for line in self.line_ids.filtered(lambda line: line.kind != "resource"):
            totals[line.category] += line.amount
        return totals

    # ------------------------------------------------------------------
    # Snapshot
    # ------------------------------------------------------------------
    def action_compute_lines(self):
        """(Re)build the lines of a draft claim from the operation's data."""
        for claim in self:
            claim._check_state("draft")
            claim.line_ids.unlink()
            self.env["plie.esf.claim.line"].create(claim._snapshot_line_values())
            claim.write(claim._participant_figures())
        return True

    def _snapshot_line_values(self):
        self.ensure_one()
        operation = self.operation_id
        expenses = self.env["plie.esf.expense"].search(
            [
                ("operation_id", "=", operation.id),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
                ("eligibility", "in", ("eligible", "partial")),
                ("category", "!=", "staff"),
            ],
            order="date, id",
        )
        staff_times = self.env["plie.esf.staff.time"].search(
            [
                ("operation_id", "=", operation.id),
                ("month", ">=", self.date_from),
                ("month", "<=", self.date_to),
            ],
            order="month, id",
        )
        payments = self.env["plie.esf.funding.payment"].search(
            [
                ("operation_id", "=", operation.id),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
            ],
            order="date, id",
        )
        costs = operation._eligible_costs(self.date_from, self.date_to)
        totals = operation._claimable_totals(costs[operation.id])
        kept_expenses = expenses.filtered(lambda e: totals[e.category] or False)
        values = [self._expense_line_values(e) for e in kept_expenses]
        if totals["staff"]:
            values += [self._staff_line_values(t) for t in staff_times]
        if totals["flat_rate"]:
            values.append(self._flat_rate_line_values(totals["flat_rate"]))
        values += [self._resource_line_values(p) for p in payments]
        return values

    def _expense_line_values(self, expense):
        return {
            "claim_id": self.id,
            "kind": "expense",
            "category": expense.category,
            "expense_id": expense.id,
            "date": expense.date,
            "partner_id": expense.partner_id.id,
            "reference": expense.reference,
            "label": expense.label or expense.reference,
            "document_ref": expense.document_name,
            "amount": expense.eligible_amount,
            "accepted_amount": expense.eligible_amount,
        }

    def _staff_line_values(self, time):
        member = time.staff_member_id
        label = _(
            "%(name)s: %(hours)s h x %(rate)s",
            name=member.name,
            hours=time.hours,
            rate=member.hourly_rate,
        )
        return {
            "claim_id": self.id,
            "kind": "staff",
            "category": "staff",
            "staff_time_id": time.id,
            "date": time.month,
            "label": label,
            "amount": time.cost,
            "accepted_amount": time.cost,
        }

    def _flat_rate_line_values(self, amount):
        options = dict(
            self.operation_id._fields["flat_rate_option"]._description_selection(
                self.env
            )
        )
        return {
            "claim_id": self.id,
            "kind": "flat_rate",
            "category": "flat_rate",
            "date": self.date_to,
            "label": options[self.operation_id.flat_rate_option],
            "amount": amount,
            "accepted_amount": amount,
        }

    def _resource_line_values(self, payment):
        return {
            "claim_id": self.id,
            "kind": "resource",
            "category": False,
            "date": payment.date,
            "partner_id": payment.funding_line_id.partner_id.id,
            "reference": payment.reference,
            "label": payment.funding_line_id.display_name,
            "amount": payment.amount,
        }

    def _participant_figures(self):
        """Participants who entered the operation in the period, by gender:
        one grouped query."""
        self.ensure_one()
        # sudo: a claim reports counts of participants; finance reads no
        # participation one by one.
        groups = (
            self.env["plie.esf.participation"]
            .sudo()
            ._read_group(
                [
                    ("operation_id", "=", self.operation_id.id),
                    ("is_counted", "=", True),
                    ("entry_date", ">=", self.date_from),
                    ("entry_date", "<=", self.date_to),
                ],
                ["gender"],
                ["__count"],
            )
        )
        counts = dict(groups)
        return {
            "participants_women": counts.get("woman", 0),
            "participants_men": counts.get("man", 0),
            "participants_non_binary": counts.get("non_binary", 0),
            "participants_total": sum(counts.values()),
        }

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _check_state(self, *states):
        for claim in self:
            if claim.state not in states:
                raise UserError(
                    _(
                        "This action is not possible on %(name)s in its current "
                        "status.",
                        name=claim.name,
                    )
                )

    def _check_group(self, group, message):
        if not self.env.su and not self.env.user.has_group(group):
            raise AccessError(message)

    def action_approve(self):
        """Direction approves the claim before finance submits it."""
        self._check_group(MANAGER, _("Only the direction approves payment claims."))
        self._check_state("draft")
        self.write(
            {"approved_by_id": self.env.uid, "approved_date": fields.Date.today()}
        )

    def action_submit(self):
        self._check_group(FINANCE, _("Only finance submits payment claims."))
        self._check_state("draft")
        for claim in self:
            if not claim.approved_by_id:
                raise UserError(
                    _(
                        "The direction must approve %(name)s before it is "
                        "submitted.",
                        name=claim.name,
                    )
                )
            if not claim.line_ids:
                raise UserError(
                    _("%(name)s has no lines: compute them first.", name=claim.name)
                )
        self.write({"state": "submitted", "submitted_date": fields.Date.today()})

    def action_check(self):
        """Contrôle de service fait recorded: accepted amounts are final."""
        self._check_group(FINANCE, _("Only finance records the control."))
        self._check_state("submitted")
        self.line_ids._check_cut_reasons()
        self.write({"state": "checked", "checked_date": fields.Date.today()})

    def action_mark_paid(self):
        self._check_group(FINANCE, _("Only finance records payments."))
        self._check_state("checked")
        for claim in self:
            if not claim.payment_date or claim.paid_amount <= 0:
                raise UserError(
                    _(
                        "Enter the payment date and amount of %(name)s first.",
                        name=claim.name,
                    )
                )
        self.write({"state": "paid"})

    def write(self, vals):
        if FROZEN_FIELDS & set(vals) and any(c.state != "draft" for c in self):
            raise UserError(
                _(
                    "A submitted claim cannot change: prepare a new claim for "
                    "corrections."
                )
            )
        return super().write(vals)

    def unlink(self):
        self._check_state("draft")
        return super().unlink()
