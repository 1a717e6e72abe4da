from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.plie_base.rules import check_date_range

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
    contract_type_id = fields.Many2one(
        "plie.contract.type",
        string="Contract type",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    counts_toward_duration = fields.Boolean(
        related="contract_type_id.counts_toward_duration"
    )
    date_start = fields.Date(string="Start", required=True, index=True)
    date_end = fields.Date(
        string="End", help="Leave empty while the contract is running (e.g. a CDI)."
    )
    weekly_hours = fields.Float(
        default=35.0,
        help="Employment counts toward the 6 months of a positive exit only from "
        "the PLIE's minimum weekly hours (half-time, 17.5 h, by default).",
    )

    @api.depends("employer_id", "contract_type_id", "participant_id")
    def _compute_display_name(self):
        for employment in self:
            employment.display_name = " - ".join(
                filter(
                    None,
                    [
                        employment.participant_id.name,
                        employment.contract_type_id.name,
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
        employments.pathway_id._update_employment_follow_up()
        return employments

    def write(self, vals):
        pathways = self.pathway_id
        res = super().write(vals)
        if {"contract_type_id", "date_start", "date_end", "weekly_hours"} & set(vals):
            (pathways | self.pathway_id)._update_employment_follow_up()
        return res

    def unlink(self):
        pathways = self.pathway_id
        res = super().unlink()
        pathways.exists()._update_employment_follow_up()
        return res
