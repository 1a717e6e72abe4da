from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..esf_rules import STANDARD_ANNUAL_HOURS

# No one works more than this on an operation in a month (48 h x 4.5 weeks).
MAX_MONTHLY_HOURS = 216


class PlieEsfStaffTime(models.Model):
    """Hours a staff member worked on the operation in a month, as signed on
    the monthly time sheet kept for the managing authority."""

    _name = "plie.esf.staff.time"
    _description = "Monthly hours on an ESF operation"
    _order = "month desc, id"

    staff_member_id = fields.Many2one(
        "plie.esf.staff.member", required=True, index=True, ondelete="cascade"
    )
    operation_id = fields.Many2one(
        related="staff_member_id.operation_id", store=True, index=True
    )
    company_id = fields.Many2one(related="staff_member_id.company_id", store=True)
    currency_id = fields.Many2one(related="staff_member_id.currency_id")
    month = fields.Date(required=True, index=True, help="First day of the month.")
    year = fields.Integer(compute="_compute_year", store=True, index=True)
    hours = fields.Float(required=True, digits=(6, 2))
    hourly_rate = fields.Monetary(related="staff_member_id.hourly_rate")
    cost = fields.Monetary(compute="_compute_cost", store=True)

    _sql_constraints = [
        (
            "member_month_uniq",
            "unique(staff_member_id, month)",
            "One line per staff member and month.",
        ),
    ]

    @api.depends("month")
    def _compute_year(self):
        for line in self:
            line.year = line.month.year if line.month else 0

    @api.depends("hours", "staff_member_id.hourly_rate")
    def _compute_cost(self):
        for line in self:
            line.cost = line.currency_id.round(line.hours * line.hourly_rate)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("month"):
                vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        return super().create(vals_list)

    @api.constrains("hours", "month")
    def _check_hours(self):
        for line in self:
            if not 0 < line.hours <= MAX_MONTHLY_HOURS:
                raise ValidationError(
                    _(
                        "Monthly hours of %(name)s must be between 0 and " "%(max)s.",
                        name=line.staff_member_id.name,
                        max=MAX_MONTHLY_HOURS,
                    )
                )
        groups = self._read_group(
            [
                ("staff_member_id", "in", self.staff_member_id.ids),
                ("year", "in", list(set(self.mapped("year")))),
            ],
            ["staff_member_id", "year"],
            ["hours:sum"],
        )
        for member, year, hours in groups:
            if hours > STANDARD_ANNUAL_HOURS:
                raise ValidationError(
                    _(
                        "%(name)s cannot be charged more than %(max)s hours in "
                        "%(year)s on the operation.",
                        name=member.name,
                        max=STANDARD_ANNUAL_HOURS,
                        year=year,
                    )
                )
