from odoo import fields, models


class PliePathwayAssignment(models.Model):
    """History of the référents of a pathway, written by the pathway itself."""

    _name = "plie.pathway.assignment"
    _inherit = ["plie.thread.mixin"]
    _description = "Référent assignment of a pathway"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    pathway_id = fields.Many2one(
        "plie.pathway", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="pathway_id.company_id", store=True, index=True, precompute=True
    )
    referent_id = fields.Many2one(
        "res.users", string="Référent", required=True, check_company=True
    )
    date_start = fields.Date(string="From", required=True)
    date_end = fields.Date(string="Until")
    reason = fields.Char()
    assigned_by_id = fields.Many2one(
        "res.users", string="Assigned by", default=lambda self: self.env.user
    )
