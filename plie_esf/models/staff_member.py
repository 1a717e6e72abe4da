from odoo import api, fields, models

from ..esf_rules import STANDARD_ANNUAL_HOURS, hourly_rate


class PlieEsfStaffMember(models.Model):
    _name = "plie.esf.staff.member"
    _description = "Staff member working on an ESF operation"
    _order = "operation_id, name"

    operation_id = fields.Many2one(
        "plie.esf.operation", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="operation_id.company_id", store=True)
    currency_id = fields.Many2one(related="operation_id.currency_id")
    name = fields.Char(string="Staff member", required=True)
    job_title = fields.Char(string="Position")
    user_id = fields.Many2one("res.users")
    annual_cost = fields.Monetary(
        string="Annual gross employment cost",
        required=True,
        help="Gross salary and employer contributions of the last documented " "year.",
    )
    standard_hours = fields.Integer(
        string="Standard annual hours",
        compute="_compute_standard_hours",
        help="FSE+ (Regulation (EU) 2021/1060, art. 55): 1 720 hours.",
    )
    hourly_rate = fields.Monetary(compute="_compute_hourly_rate", store=True)
    time_ids = fields.One2many(
        "plie.esf.staff.time", "staff_member_id", string="Hours per month"
    )
    hours_total = fields.Float(string="Hours", compute="_compute_totals", digits=(8, 2))
    cost_total = fields.Monetary(string="Staff cost", compute="_compute_totals")

    _sql_constraints = [
        (
            "annual_cost_check",
            "CHECK(annual_cost >= 0)",
            "The annual cost cannot be negative.",
        ),
    ]

    def _compute_standard_hours(self):
        self.standard_hours = STANDARD_ANNUAL_HOURS

    @api.depends("annual_cost")
    def _compute_hourly_rate(self):
        for member in self:
            member.hourly_rate = hourly_rate(member.annual_cost)

    @api.depends("time_ids.hours", "time_ids.cost")
    def _compute_totals(self):
        for member in self:
            member.hours_total = sum(member.time_ids.mapped("hours"))
            member.cost_total = sum(member.time_ids.mapped("cost"))
