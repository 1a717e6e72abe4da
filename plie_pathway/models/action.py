from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .step_type import STEP_CATEGORIES

# Enrolments that hold one of the action's seats: positioned, attending or done.
# An abandoned enrolment frees its seat; a waiting one waits for a free seat.
SEAT_HOLDING_STATES = ("prescribed", "started", "completed")


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
    capacity = fields.Integer(
        string="Seats",
        tracking=True,
        help="Number of participants the action takes at once; 0 for no limit. "
        "Beyond it, new enrolments go on the waiting list.",
    )
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
    session_ids = fields.One2many("plie.action.session", "action_id", string="Sessions")
    session_count = fields.Integer(compute="_compute_session_count")
    enrolment_count = fields.Integer(compute="_compute_fill")
    seats_taken = fields.Integer(compute="_compute_fill")
    waiting_count = fields.Integer(string="Waiting list", compute="_compute_fill")
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
        enrolled, seats, waiting = {}, {}, {}
        for action, state, count in groups:
            enrolled[action.id] = enrolled.get(action.id, 0) + count
            if state in SEAT_HOLDING_STATES:
                seats[action.id] = seats.get(action.id, 0) + count
            elif state == "waiting":
                waiting[action.id] = count
        for action in self:
            action.enrolment_count = enrolled.get(action._origin.id, 0)
            action.seats_taken = seats.get(action._origin.id, 0)
            action.waiting_count = waiting.get(action._origin.id, 0)
            action.fill_rate = (
                100.0 * action.seats_taken / action.capacity if action.capacity else 0.0
            )

    def _compute_session_count(self):
        counts = dict(
            self.env["plie.action.session"]._read_group(
                [("action_id", "in", self.ids)], ["action_id"], ["__count"]
            )
        )
        for action in self:
            action.session_count = counts.get(action._origin, 0)

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

    def write(self, vals):
        result = super().write(vals)
        if "capacity" in vals:
            limited = self.filtered("capacity")
            held = limited._seats_held()
            for action in limited:
                if held.get(action.id, 0) > action.capacity:
                    raise UserError(
                        _(
                            "%(count)s participants hold a seat on %(name)s: keep at "
                            "least %(count)s seats, or end enrolments first.",
                            count=held[action.id],
                            name=action.name,
                        )
                    )
            # More seats (or no limit any more): the waiting list moves up.
            self._promote_waiting_list()
        return result

    def action_open_sessions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "plie_pathway.plie_action_session_action"
        )
        action["domain"] = [("action_id", "=", self.id)]
        action["context"] = {"default_action_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Seats
    # ------------------------------------------------------------------
    def _lock_seats(self):
        """Lock the actions' rows until the transaction ends, so that two users
        enrolling on the last seat at once do not both get it: the second one
        fails at once (NOWAIT) and Odoo retries their request, which then sees
        the seat taken."""
        if not self.ids:
            return
        ids = tuple(self.ids)
        self.env.cr.execute(
            # NO KEY UPDATE: enrolments' foreign-key checks (KEY SHARE) go on.
            SQL(
                "SELECT id FROM plie_action WHERE id IN %s FOR NO KEY UPDATE NOWAIT",
                ids,
            )
        )
        # Under REPEATABLE READ a lock alone does not stop a transaction whose
        # snapshot predates our commit from counting stale seats; an update
        # does: its own lock then fails with a serialization error (retried).
        self.env.cr.execute(
            SQL("UPDATE plie_action SET write_date = write_date WHERE id IN %s", ids)
        )

    def _seats_held(self):
        """{action id: number of enrolments holding a seat}, in one query."""
        # Seat counts name nobody: count every caseload's enrolments.
        Enrolment = self.env["plie.action.enrolment"].sudo()
        Enrolment.flush_model(["action_id", "state"])
        return {
            action.id: count
            for action, count in Enrolment._read_group(
                [("action_id", "in", self.ids), ("state", "in", SEAT_HOLDING_STATES)],
                ["action_id"],
                ["__count"],
            )
        }

    def _promote_waiting_list(self):
        """Give the seats now free to the first enrolments of the waiting list
        (first enrolled, first served) and tell their référents."""
        # The next on the list may belong to another référent's caseload.
        waiting = (
            self.env["plie.action.enrolment"]
            .sudo()
            .search(
                [("action_id", "in", self.ids), ("state", "=", "waiting")],
                order="id",
            )
        )
        if not waiting:
            return
        actions = waiting.action_id
        actions._lock_seats()
        held = actions._seats_held()
        # sudo: whoever frees a seat moves up the first waiting person, who may
        # be in a caseload the user does not follow.
        promoted = self.env["plie.action.enrolment"].sudo()
        for action in actions:
            queue = waiting.filtered(lambda e, a=action: e.action_id == a)
            if action.capacity:
                queue = queue[: max(action.capacity - held.get(action.id, 0), 0)]
            promoted |= queue
        if not promoted:
            return
        promoted.write({"state": "prescribed"})
        for enrolment in promoted:
            enrolment.pathway_id.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=_(
                    "A seat is free on %(action)s: confirm the enrolment",
                    action=enrolment.action_id.name,
                ),
                note=_(
                    "%(name)s moved up from the waiting list of %(action)s.",
                    name=enrolment.participant_id.name,
                    action=enrolment.action_id.name,
                ),
                user_id=enrolment.pathway_id.referent_id.id or self.env.uid,
            )
