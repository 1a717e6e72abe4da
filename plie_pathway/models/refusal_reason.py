from odoo import fields, models


class PlieRefusalReason(models.Model):
    _name = "plie.refusal.reason"
    _description = "Refusal reason of an entry"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to share the reason between every PLIE of the database.",
    )
