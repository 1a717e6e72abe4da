from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.plie_base.models.participant import check_date_range

CONTRACT_TYPES = [
    ("cdi", "Permanent contract (CDI)"),
    ("cdd", "Fixed-term contract (CDD)"),
    ("interim", "Interim mission"),
    ("apprenticeship", "Apprenticeship contract"),
    ("professionalisation", "Professionalisation contract"),
    ("subsidised", "Subsidised contract (contrat aidé, PEC)"),
    ("iae", "Integration contract (IAE)"),
    ("business_creation", "Business creation"),
]
# Legal maximum of weekly working hours (Code du travail, L3121-20).
MAX_WEEKLY_HOURS = 48


class PlieEmployment(models.Model):
    _name = "plie.employment"
    _inherit = ["plie.pathway.record.mixin"]
    _description = "Employment period"
    _order = "date_start desc, id desc"

    employer_id = fields.Many2one(
        "res.partner", index=True, domain=[("is_company", "=", True)]
    )
    job_title = fields.Char(string="Job")
    rome_job_id = fields.Many2one("plie.rome.job", string="Job (ROME)", index=True)
    contract_type = fields.Selection(CONTRACT_TYPES, required=True, index=True)
    date_start = fields.Date(string="Start", required=True, index=True)
    date_end = fields.Date(
        string="End", help="Leave empty while the contract is running (e.g. a CDI)."
    )
    weekly_hours = fields.Float(default=35.0)

    @api.depends("employer_id", "contract_type", "participant_id")
    def _compute_display_name(self):
        types = dict(self._fields["contract_type"]._description_selection(self.env))
        for employment in self:
            employment.display_name = " - ".join(
                filter(
                    None,
                    [
                        employment.participant_id.name,
                        types.get(employment.contract_type),
                        employment.employer_id.name,
                    ],
                )
            )

    @api.constrains("date_start", "date_end", "weekly_hours")
    def _check_period(self):
        for employment in self:
            name = employment.participant_id.name
            check_date_range(employment, ("date_start", "date_end"))
            if employment.date_end and employment.date_end < employment.date_start:
                raise ValidationError(
                    _(
                        "The employment of %(name)s cannot end before it starts.",
                        name=name,
                    )
                )
            if not 0 <= employment.weekly_hours <= MAX_WEEKLY_HOURS:
                raise ValidationError(
                    _(
                        "The weekly hours of the employment of %(name)s must be "
                        "between 0 and 48.",
                        name=name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        employments = super().create(vals_list)
        hiring_dates = {}
        for employment in employments.sorted("date_start", reverse=True):
            pathway = employment.pathway_id
            if pathway.date_start and employment.date_start >= pathway.date_start:
                hiring_dates[pathway] = employment.date_start
        self.env["plie.pathway"]._start_employment_follow_up(hiring_dates)
        return employments
