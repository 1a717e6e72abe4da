# pylint: disable=consider-merging-classes-inherited
from collections import defaultdict
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from odoo.addons.plie_base.constants import SOCIAL

from .pathway import DAYS_PER_MONTH, OPEN_STATES
from .pathway_suspension import suspended_days

SUSPENDABLE_STATES = ("active", "follow_up")


class PliePathway(models.Model):
    """Durations of a pathway net of its suspensions (DOMAIN.md, "The pathway":
    suspended time does not count), the long-pathway alert and the cap, and
    the suspend and resume buttons."""

    _inherit = "plie.pathway"

    suspension_ids = fields.One2many(
        "plie.pathway.suspension",
        "pathway_id",
        string="Suspensions",
        groups=SOCIAL,
    )
    suspended_days = fields.Integer(
        string="Days suspended",
        compute="_compute_net_durations",
        help="Days the pathway was suspended, up to its exit or today.",
    )
    duration_days = fields.Integer(
        string="Duration (days)",
        compute="_compute_duration_days",
        store=True,
        aggregator="avg",
        help="Days between the contract signature and the exit, once closed, "
        "minus the days suspended.",
    )
    duration_months = fields.Float(
        string="Duration (months)",
        compute="_compute_net_durations",
        digits=(6, 1),
        help="Months since the contract signature (to the exit or today), minus "
        "the days suspended.",
    )
    date_alert = fields.Date(
        string="Long pathway from",
        compute="_compute_alert_dates",
        store=True,
        index=True,
        help="The day the pathway reaches the alert duration, moved by the days "
        "suspended. Empty while a suspension keeps it from reaching it.",
    )
    date_cap = fields.Date(
        string="Cap reached on",
        compute="_compute_alert_dates",
        store=True,
        index=True,
        help="The day the pathway reaches the maximum duration, moved by the days "
        "suspended. Empty while a suspension keeps it from reaching it.",
    )
    duration_alert = fields.Selection(
        [("alert", "Long pathway"), ("cap", "Beyond the cap")],
        compute="_compute_duration_alert",
        search="_search_duration_alert",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    def _suspension_periods(self):
        """{pathway id: [(date_start, date_end or None)]} in one query."""
        periods = defaultdict(list)
        ids = [pid for pid in self._origin.ids if pid]
        if not ids:
            return periods
        # Durations are figures every role reads; the suspensions (their reason
        # is social data) are read by the référent role only.
        for suspension in (
            self.env["plie.pathway.suspension"]
            .sudo()
            .search_fetch(
                [("pathway_id", "in", ids)], ["pathway_id", "date_start", "date_end"]
            )
        ):
            periods[suspension.pathway_id.id].append(
                (suspension.date_start, suspension.date_end or None)
            )
        return periods

    def _net_days(self, periods, end):
        """Days from the signature to ``end``, minus the days suspended."""
        self.ensure_one()
        start = self.date_start
        if not start or not end:
            return 0
        suspended = suspended_days(periods[self._origin.id], start, end)
        return max((end - start).days - suspended, 0)

    @api.depends(
        "date_start",
        "date_end",
        "suspension_ids.date_start",
        "suspension_ids.date_end",
    )
    def _compute_net_durations(self):
        """Days suspended and months in pathway, to the exit or today."""
        today = fields.Date.context_today(self)
        periods = self._suspension_periods()
        for pathway in self:
            start, end = pathway.date_start, pathway.date_end or today
            pathway.suspended_days = (
                suspended_days(periods[pathway._origin.id], start, end) if start else 0
            )
            pathway.duration_months = pathway._net_days(periods, end) / DAYS_PER_MONTH

    @api.depends(
        "date_start",
        "date_end",
        "suspension_ids.date_start",
        "suspension_ids.date_end",
    )
    def _compute_duration_days(self):
        periods = self._suspension_periods()
        for pathway in self:
            pathway.duration_days = pathway._net_days(periods, pathway.date_end)

    @api.depends(
        "date_start",
        "suspension_ids.date_start",
        "suspension_ids.date_end",
        "company_id.plie_pathway_alert_months",
        "company_id.plie_pathway_cap_months",
    )
    def _compute_alert_dates(self):
        """The alert (cap) is reached when the duration net of suspensions
        reaches the company's months: on the signature date plus those months
        plus the days suspended. A running suspension stops the clock: the
        date is empty unless it was reached before the suspension started."""
        periods = self._suspension_periods()
        for pathway in self:
            start = pathway.date_start
            if not start:
                pathway.date_alert = pathway.date_cap = False
                continue
            done = [p for p in periods[pathway._origin.id] if p[1]]
            running = [p[0] for p in periods[pathway._origin.id] if not p[1]]
            shift = timedelta(days=suspended_days(done, start, date.max))
            company = pathway.company_id
            for fname, months in (
                ("date_alert", company.plie_pathway_alert_months),
                ("date_cap", company.plie_pathway_cap_months),
            ):
                reached = start + relativedelta(months=months) + shift
                if running and reached > min(running):
                    reached = False
                pathway[fname] = reached

    @api.depends("state", "date_alert", "date_cap")
    def _compute_duration_alert(self):
        today = fields.Date.context_today(self)
        for pathway in self:
            alert = False
            if pathway.state in OPEN_STATES:
                if pathway.date_cap and pathway.date_cap <= today:
                    alert = "cap"
                elif pathway.date_alert and pathway.date_alert <= today:
                    alert = "alert"
            pathway.duration_alert = alert

    def _search_duration_alert(self, operator, value):
        if operator not in ("=", "!=") or value not in ("alert", "cap", False):
            raise UserError(_("Unsupported search on pathway duration alerts."))
        today = fields.Date.context_today(self)
        # Written out both ways: an empty date is "not reached" (a negated SQL
        # comparison would leave it out).
        alert = [("date_alert", "<=", today)]
        no_alert = ["|", ("date_alert", "=", False), ("date_alert", ">", today)]
        cap = [("date_cap", "<=", today)]
        no_cap = ["|", ("date_cap", "=", False), ("date_cap", ">", today)]
        is_open = [("state", "in", OPEN_STATES)]
        closed = [("state", "not in", OPEN_STATES)]
        domains = {
            # value: (the alert is value, it is not)
            "cap": (expression.AND([is_open, cap]), expression.OR([closed, no_cap])),
            "alert": (
                expression.AND([is_open, alert, no_cap]),
                expression.OR([closed, no_alert, cap]),
            ),
            False: (
                expression.OR([closed, expression.AND([no_alert, no_cap])]),
                expression.AND([is_open, expression.OR([alert, cap])]),
            ),
        }[value]
        return domains[0] if operator == "=" else domains[1]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_suspend(self):
        """Ask the date and the reason of the suspension (wizard)."""
        self.ensure_one()
        self.check_access("write")
        self._check_state(SUSPENDABLE_STATES)
        return {
            "type": "ir.actions.act_window",
            "name": _("Suspend the pathway"),
            "res_model": "plie.pathway.suspend",
            "view_mode": "form",
            "target": "new",
            "context": {"default_pathway_id": self.id},
        }

    def action_resume(self):
        """End the running suspension today; the pathway goes back to where it
        was (employment follow-up if it had started)."""
        self.check_access("write")
        self._check_state(("suspended",))
        self._end_suspensions(fields.Date.context_today(self))
        for pathway in self:
            state = "follow_up" if pathway.follow_up_start else "active"
            # The state is coordination's field; the rights were checked above.
            pathway.sudo()._write_state({"state": state})
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _suspend(self, date_start, reason, note=False):
        """Suspend the pathways from ``date_start`` (the référent's button)."""
        self.check_access("write")
        self._check_state(SUSPENDABLE_STATES)
        # The state is coordination's field; the rights were checked above.
        self.sudo()._write_state({"state": "suspended"})
        return self.env["plie.pathway.suspension"].create(
            [
                {
                    "pathway_id": pathway.id,
                    "date_start": date_start,
                    "reason": reason,
                    "note": note,
                }
                for pathway in self
            ]
        )

    def _end_suspensions(self, date_end):
        """End the running suspensions of the pathways on ``date_end`` (not
        before the day they started)."""
        # Resuming or closing the pathway ends its suspension, whoever acts.
        running = (
            self.env["plie.pathway.suspension"]
            .sudo()
            .search([("pathway_id", "in", self.ids), ("date_end", "=", False)])
        )
        late = running.filtered(lambda s: s.date_start > date_end)
        (running - late).date_end = date_end
        for suspension in late:
            suspension.date_end = suspension.date_start

    def _close(self, exit_date, reason, disagreement_note=False):
        self._end_suspensions(exit_date)
        return super()._close(exit_date, reason, disagreement_note=disagreement_note)
