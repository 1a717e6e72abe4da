from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.plie_base.models.participant import check_date_range

# More hours than a year of full-time work is a typing error.
MAX_ENROLMENT_HOURS = 1607


class PlieActionEnrolment(models.Model):
    _name = "plie.action.enrolment"
    _inherit = ["plie.pathway.record.mixin"]
    _description = "Enrolment of a participant in an action"
    _order = "date_prescribed desc, id desc"

    action_id = fields.Many2one(
        "plie.action",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    state = fields.Selection(
        [
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
    planned_hours = fields.Float()
    attended_hours = fields.Float()
    attendance_rate = fields.Float(
        string="Attendance (%)",
        compute="_compute_attendance_rate",
        store=True,
        aggregator="avg",
        digits=(5, 1),
    )

    _sql_constraints = [
        (
            "action_pathway_uniq",
            "unique(action_id, pathway_id)",
            "The participant is already enrolled in this action.",
        ),
    ]

    @api.depends("planned_hours", "attended_hours")
    def _compute_attendance_rate(self):
        for enrolment in self:
            planned = enrolment.planned_hours
            enrolment.attendance_rate = (
                100.0 * enrolment.attended_hours / planned if planned else 0.0
            )

    @api.constrains(
        "state", "date_start", "date_end", "planned_hours", "attended_hours"
    )
    def _check_consistency(self):
        for enrolment in self:
            name = enrolment.participant_id.name
            check_date_range(enrolment, ("date_prescribed", "date_start", "date_end"))
            if enrolment.state != "prescribed" and not enrolment.date_start:
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
            hours = (enrolment.planned_hours, enrolment.attended_hours)
            if not all(0 <= h <= MAX_ENROLMENT_HOURS for h in hours):
                raise ValidationError(
                    _(
                        "The hours of the enrolment of %(name)s must be between 0 "
                        "and %(max)s.",
                        name=name,
                        max=MAX_ENROLMENT_HOURS,
                    )
                )
