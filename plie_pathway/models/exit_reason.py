from odoo import fields, models


class PlieExitReason(models.Model):
    _name = "plie.exit.reason"
    _description = "Pathway exit reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_positive = fields.Boolean(
        string="Positive exit",
        help="Counts as a positive exit in the statistics. The committee is warned "
        "when it disagrees with the positive-exit check of the pathway.",
    )
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to share the reason between every PLIE of the database.",
    )
    description = fields.Text(translate=True)

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The code of an exit reason must be unique.",
        ),
    ]
