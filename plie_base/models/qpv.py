from odoo import fields, models


class PlieQpv(models.Model):
    _name = "plie.qpv"
    _description = "Priority urban neighbourhood (QPV)"
    _order = "commune_id, name"
    _check_company_auto = True

    name = fields.Char(required=True)
    code = fields.Char(help="Official code of the neighbourhood, e.g. QN97201M.")
    commune_id = fields.Many2one(
        "plie.commune", required=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(
        related="commune_id.company_id", store=True, index=True, precompute=True
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "This QPV code is already used in this PLIE.",
        ),
    ]
