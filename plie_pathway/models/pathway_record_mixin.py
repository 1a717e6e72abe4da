from odoo import fields, models


class PliePathwayRecordMixin(models.AbstractModel):
    """What belongs to a pathway (step, interview, enrolment, employment): it
    follows the pathway's participant and PLIE, and record rules key on it."""

    _name = "plie.pathway.record.mixin"
    _inherit = ["plie.thread.mixin"]
    _description = "Record of a pathway"
    _check_company_auto = True

    pathway_id = fields.Many2one(
        "plie.pathway",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    participant_id = fields.Many2one(
        related="pathway_id.participant_id", store=True, index=True
    )
    company_id = fields.Many2one(
        related="pathway_id.company_id", store=True, index=True, precompute=True
    )
