from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..const import BUSINESS, HOURS_STATES, PLIE_STAFF

# Fields a portal user may set when declaring hours.
PORTAL_FIELDS = {"placement_id", "month", "hours"}


class PlieClauseHours(models.Model):
    """Insertion hours worked by a placement in one month. Only validated
    hours count in the progress of the clauses. Their attachments are the
    facilitators', as those of the placement."""

    _name = "plie.clause.hours"
    _inherit = ["plie.thread.mixin"]
    _description = "Social-clause hours"
    _order = "month desc, placement_id"
    _check_company_auto = True
    _plie_thread_group = BUSINESS

    placement_id = fields.Many2one(
        "plie.clause.placement",
        required=True,
        index=True,
        ondelete="cascade",
    )
    lot_id = fields.Many2one(
        related="placement_id.lot_id", store=True, index=True, precompute=True
    )
    contract_id = fields.Many2one(
        related="placement_id.contract_id", store=True, index=True, precompute=True
    )
    buyer_id = fields.Many2one(
        related="placement_id.buyer_id",
        store=True,
        index=True,
        precompute=True,
        groups="base.group_user",
    )
    delivery_mode = fields.Selection(
        related="placement_id.delivery_mode", store=True, index=True
    )
    participant_id = fields.Many2one(
        related="placement_id.participant_id",
        store=True,
        index=True,
        groups=PLIE_STAFF,
    )
    person_name = fields.Char(related="placement_id.person_name")
    month = fields.Date(
        required=True,
        index=True,
        help="First day of the month in which the hours were worked.",
    )
    hours = fields.Float(required=True, digits=(16, 2))
    state = fields.Selection(
        HOURS_STATES,
        string="Status",
        required=True,
        index=True,
        default=lambda self: "declared" if self.env.user.share else "validated",
    )
    validated_by_id = fields.Many2one("res.users", readonly=True)
    validated_date = fields.Date(readonly=True)
    company_id = fields.Many2one(
        related="placement_id.company_id", store=True, index=True, precompute=True
    )

    _sql_constraints = [
        (
            "placement_month_uniq",
            "unique(placement_id, month)",
            "The hours of a placement are entered once per month.",
        ),
    ]

    @api.depends("placement_id.person_name", "month")
    def _compute_display_name(self):
        for line in self:
            line.display_name = (
                f"{line.placement_id.person_name} - {line.month:%m/%Y}"
                if line.month
                else line.placement_id.person_name
            )

    # ------------------------------------------------------------------
    # Rules on the hours (one place: the constraint and the CSV import)
    # ------------------------------------------------------------------
    @api.model
    def _hours_error(self, placement, month, hours):
        """Translated reason why ``hours`` cannot be entered for ``placement``
        in ``month`` (first day of a month), or None."""
        maximum = placement.company_id.plie_clause_max_monthly_hours
        end = placement.date_end or date.max
        if hours < 0:
            return _("Hours cannot be negative.")
        if maximum and hours > maximum:
            return _(
                "%(hours)s hours exceed the monthly maximum of %(maximum)s hours "
                "per person.",
                hours=hours,
                maximum=maximum,
            )
        last_day = month + relativedelta(months=1, days=-1)
        if last_day < placement.date_start or month > end:
            return _(
                "%(month)s is outside the placement %(name)s (%(start)s - %(end)s).",
                month=month.strftime("%m/%Y"),
                name=placement.name,
                start=placement.date_start,
                end=placement.date_end or "",
            )
        return None

    @api.constrains("hours", "month", "placement_id")
    def _check_hours(self):
        for line in self:
            error = self._hours_error(line.placement_id, line.month, line.hours)
            if error:
                raise ValidationError(
                    _(
                        "%(person)s: %(error)s",
                        person=line.placement_id.person_name,
                        error=error,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD: months start on the 1st; portal users only declare
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_portal_values(vals)
            self._normalize_month(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_portal_values(vals)
        if self.env.user.share and self.filtered(lambda h: h.state == "validated"):
            raise AccessError(
                _("Validated hours can only be changed by the facilitator.")
            )
        self._normalize_month(vals)
        return super().write(vals)

    @api.model
    def _normalize_month(self, vals):
        if vals.get("month"):
            vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)

    @api.model
    def _check_portal_values(self, vals):
        if self.env.user.share and set(vals) - PORTAL_FIELDS:
            raise AccessError(
                _(
                    "Company contacts may only declare hours; the facilitator "
                    "validates them."
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_validate(self):
        if not self.env.user.has_group(BUSINESS):
            raise AccessError(_("Only the facilitator validates declared hours."))
        self.filtered(lambda h: h.state == "declared").write(
            {
                "state": "validated",
                "validated_by_id": self.env.uid,
                "validated_date": fields.Date.context_today(self),
            }
        )
