from odoo import fields, models

STEP_CATEGORIES = [
    ("diagnosis", "Diagnosis"),
    ("action_plan", "Action plan"),
    ("remobilisation", "Remobilisation"),
    ("professional_project", "Professional project"),
    ("training", "Training"),
    ("iae", "Integration structure (IAE)"),
    ("employment_preparation", "Employment preparation"),
    ("job_search", "Job search"),
    ("employment", "Employment"),
    ("employment_follow_up", "Follow-up in employment"),
    ("social", "Social support"),
]


class PlieStepType(models.Model):
    _name = "plie.step.type"
    _description = "Pathway step type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category = fields.Selection(
        STEP_CATEGORIES,
        required=True,
        help="Social support steps are sensitive: only référents and coordination "
        "see them.",
    )
    requires_job_target = fields.Boolean(
        string="Job target",
        help="Steps of this type are coded with a job of the ROME catalogue.",
    )
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to share the type between every PLIE of the database.",
    )
