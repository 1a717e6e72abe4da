from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .step_type import STEP_CATEGORIES

# Enrolments that occupy a seat: the participant started the action.
SEAT_STATES = ("started", "completed", "abandoned")


class PlieAction(models.Model):
    """An action participants are positioned on: PLIE-funded actions carried by
    operators, or droit-commun actions of partners."""

    _name = "plie.action"
    _description = "Action (PLIE or droit commun)"
    _inherit = ["mail.thread"]
    _order = "date_start desc, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="PLIE",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        [("plie", "PLIE action"), ("common_law", "Droit commun action")],
        required=True,
        default="plie",
        tracking=True,
    )
    category = fields.Selection(
        STEP_CATEGORIES, string="Nature", help="Kind of pathway step it supports."
    )
    operator_id = fields.Many2one(
        "res.partner",
        tracking=True,
        help="Organisation that carries out the action.",
    )
    date_start = fields.Date(string="Start", tracking=True)
    date_end = fields.Date(string="End", tracking=True)
    capacity = fields.Integer(string="Seats", tracking=True)
    funding = fields.Selection(
        [
            ("esf", "European Social Fund (FSE+)"),
            ("plie", "PLIE own funds"),
            ("partner", "Partner's funds"),
            ("none", "No PLIE funding"),
        ],
        default="esf",
        required=True,
        tracking=True,
    )
    description = fields.Text()
    enrolment_ids = fields.One2many(
        "plie.action.enrolment",
        "action_id",
        string="Enrolments",
        groups="plie_base.group_plie_referent,plie_base.group_plie_finance",
    )
    enrolment_count = fields.Integer(compute="_compute_fill")
    seats_taken = fields.Integer(compute="_compute_fill")
    fill_rate = fields.Float(
        string="Fill rate (%)", compute="_compute_fill", digits=(5, 1)
    )

    @api.depends("capacity", "enrolment_ids.state")
    def _compute_fill(self):
        # Seat counts name nobody: every role reading the catalogue sees them.
        groups = (
            self.env["plie.action.enrolment"]
            .sudo()
            ._read_group(
                [("action_id", "in", self.ids)], ["action_id", "state"], ["__count"]
            )
        )
        enrolled, seats = {}, {}
        for action, state, count in groups:
            enrolled[action.id] = enrolled.get(action.id, 0) + count
            if state in SEAT_STATES:
                seats[action.id] = seats.get(action.id, 0) + count
        for action in self:
            action.enrolment_count = enrolled.get(action._origin.id, 0)
            action.seats_taken = seats.get(action._origin.id, 0)
            action.fill_rate = (
                100.0 * action.seats_taken / action.capacity if action.capacity else 0.0
            )

    @api.constrains("date_start", "date_end", "capacity")
    def _check_period(self):
        for action in self:
            if (
                action.date_start
                and action.date_end
                and action.date_end < action.date_start
            ):
                raise ValidationError(
                    _(
                        "The action %(name)s cannot end before it starts.",
                        name=action.name,
                    )
                )
            if action.capacity < 0:
                raise ValidationError(
                    _(
                        "The number of seats of %(name)s cannot be negative.",
                        name=action.name,
                    )
                )
