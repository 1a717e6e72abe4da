from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.plie_base.constants import SOCIAL
from odoo.addons.plie_base.rules import check_date_range


class PliePathwayStep(models.Model):
    _name = "plie.pathway.step"
    _inherit = ["plie.pathway.record.mixin"]
    _description = "Pathway step"
    _order = "date_start desc, id desc"

    referent_id = fields.Many2one(related="pathway_id.referent_id")
    step_type_id = fields.Many2one(
        "plie.step.type", string="Type", required=True, check_company=True
    )
    category = fields.Selection(
        related="step_type_id.category",
        store=True,
        index=True,
        precompute=True,
    )
    requires_job_target = fields.Boolean(related="step_type_id.requires_job_target")
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="End")
    outcome = fields.Selection(
        [
            ("ongoing", "Ongoing"),
            ("achieved", "Achieved"),
            ("not_achieved", "Not achieved"),
            ("abandoned", "Abandoned"),
        ],
        default="ongoing",
        required=True,
    )
    rome_job_id = fields.Many2one(
        "plie.rome.job", string="Job target (ROME)", index=True
    )
    qualifying = fields.Boolean(
        string="Qualifying training",
        help="Leads to a recognised qualification; once achieved, it makes the exit "
        "positive.",
    )
    description = fields.Text(groups=SOCIAL)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for step in self:
            check_date_range(step, ("date_start", "date_end"))
            if step.date_end and step.date_end < step.date_start:
                raise ValidationError(
                    _(
                        "The step %(type)s of %(name)s cannot end before it starts.",
                        type=step.step_type_id.name,
                        name=step.participant_id.name,
                    )
                )

    @api.constrains("outcome", "date_end")
    def _check_end_of_finished_step(self):
        for step in self:
            if step.outcome != "ongoing" and not step.date_end:
                raise ValidationError(
                    _(
                        "Enter the end date of the step %(type)s of %(name)s to "
                        "record its outcome.",
                        type=step.step_type_id.name,
                        name=step.participant_id.name,
                    )
                )
