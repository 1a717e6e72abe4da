from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.plie_base.rules import check_date_range

from .action import SEAT_HOLDING_STATES

# More hours than a year of full-time work is a typing error.
MAX_ENROLMENT_HOURS = 1607


class PlieActionEnrolment(models.Model):
    _name = "plie.action.enrolment"
    _inherit = ["plie.pathway.record.mixin"]
    _description = "Enrolment of a participant in an action"
    _order = "date_prescribed desc, id desc"
    _rec_names_search = ["participant_id", "action_id"]

    action_id = fields.Many2one(
        "plie.action",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    state = fields.Selection(
        [
            ("waiting", "Waiting list"),
            ("prescribed", "Prescribed"),
            ("started", "Started"),
            ("completed", "Completed"),
            ("abandoned", "Abandoned"),
        ],
        string="Status",
        default="prescribed",
        required=True,
        index=True,
    )
    date_prescribed = fields.Date(
        string="Prescribed on", required=True, default=fields.Date.context_today
    )
    date_start = fields.Date(string="Started on")
    date_end = fields.Date(string="Ended on")
    planned_hours = fields.Float(help="Hours of the action prescribed to the person.")
    attendance_ids = fields.One2many("plie.action.attendance", "enrolment_id")
    attended_hours = fields.Float(
        compute="_compute_attendance",
        store=True,
        help="Hours present, summed over the sessions' attendance.",
    )
    recorded_hours = fields.Float(
        string="Session hours",
        compute="_compute_attendance",
        store=True,
        help="Hours of the sessions whose attendance was recorded for the person.",
    )
    attendance_rate = fields.Float(
        string="Attendance (%)",
        compute="_compute_attendance",
        store=True,
        aggregator="avg",
        digits=(5, 1),
        help="Hours present over the hours of the sessions recorded.",
    )

    _sql_constraints = [
        (
            "action_pathway_uniq",
            "unique(action_id, pathway_id)",
            "The participant is already enrolled in this action.",
        ),
    ]

    @api.depends("participant_id", "action_id")
    def _compute_display_name(self):
        for enrolment in self:
            enrolment.display_name = _(
                "%(name)s (%(action)s)",
                name=enrolment.participant_id.display_name,
                action=enrolment.action_id.display_name,
            )

    @api.depends(
        "attendance_ids.state", "attendance_ids.hours", "attendance_ids.duration"
    )
    def _compute_attendance(self):
        # One grouped query for the whole batch, whatever the number of sessions.
        present, recorded = {}, {}
        if self.ids:
            # Every line of the enrolment counts, whoever triggers the recompute.
            for enrolment, state, hours, duration in (
                self.env["plie.action.attendance"]
                .sudo()
                ._read_group(
                    [("enrolment_id", "in", self.ids)],
                    ["enrolment_id", "state"],
                    ["hours:sum", "duration:sum"],
                )
            ):
                recorded[enrolment.id] = recorded.get(enrolment.id, 0.0) + duration
                if state == "present":
                    present[enrolment.id] = hours
        for enrolment in self:
            attended = present.get(enrolment._origin.id, 0.0)
            total = recorded.get(enrolment._origin.id, 0.0)
            enrolment.attended_hours = attended
            enrolment.recorded_hours = total
            enrolment.attendance_rate = 100.0 * attended / total if total else 0.0

    @api.constrains("state", "date_start", "date_end", "planned_hours")
    def _check_consistency(self):
        for enrolment in self:
            name = enrolment.participant_id.name
            check_date_range(enrolment, ("date_prescribed", "date_start", "date_end"))
            if (
                enrolment.state not in ("waiting", "prescribed")
                and not enrolment.date_start
            ):
                raise ValidationError(
                    _("Enter the date on which %(name)s started the action.", name=name)
                )
            if (
                enrolment.date_end
                and enrolment.date_start
                and (enrolment.date_end < enrolment.date_start)
            ):
                raise ValidationError(
                    _(
                        "The enrolment of %(name)s cannot end before it starts.",
                        name=name,
                    )
                )
            if not 0 <= enrolment.planned_hours <= MAX_ENROLMENT_HOURS:
                raise ValidationError(
                    _(
                        "The hours of the enrolment of %(name)s must be between 0 "
                        "and %(max)s.",
                        name=name,
                        max=MAX_ENROLMENT_HOURS,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        enrolments = super().create(vals_list)
        enrolments.filtered(lambda e: e.state in SEAT_HOLDING_STATES)._take_seats(
            waiting_list=True
        )
        return enrolments

    def write(self, vals):
        if "state" not in vals and "action_id" not in vals:
            return super().write(vals)
        before = {e.id: (e.action_id, e.state in SEAT_HOLDING_STATES) for e in self}
        result = super().write(vals)
        holders = self.filtered(lambda e: e.state in SEAT_HOLDING_STATES)
        holders.filtered(lambda e: before[e.id] != (e.action_id, True))._take_seats(
            waiting_list=False
        )
        freed = self.env["plie.action"]
        for enrolment in self:
            action, held = before[enrolment.id]
            if (held and enrolment not in holders) or action != enrolment.action_id:
                freed |= action
        freed._promote_waiting_list()
        return result

    def unlink(self):
        freed = self.filtered(lambda e: e.state in SEAT_HOLDING_STATES).action_id
        result = super().unlink()
        freed.exists()._promote_waiting_list()
        return result

    def _take_seats(self, waiting_list):
        """Check that the enrolments that just took a seat find one free. On
        enrolment (``waiting_list``), prescribed ones beyond the seats go on the
        waiting list; otherwise (or once started) the change is refused."""
        actions = self.action_id.filtered("capacity")
        if not actions:
            return
        actions._lock_seats()
        held = actions._seats_held()
        for action in actions:
            over = held.get(action.id, 0) - action.capacity
            if over <= 0:
                continue
            latest = self.filtered(lambda e, a=action: e.action_id == a).sorted(
                "id", reverse=True
            )[:over]
            if waiting_list and all(e.state == "prescribed" for e in latest):
                latest.write({"state": "waiting"})
                continue
            raise UserError(
                _(
                    "All %(seats)s seats of %(action)s are taken, so %(name)s cannot "
                    "take one. Enrol them as prescribed to put them on the waiting "
                    "list, free a seat, or ask the coordination to add seats.",
                    seats=action.capacity,
                    action=action.name,
                    name=", ".join(latest.mapped("participant_id.name")),
                )
            )
