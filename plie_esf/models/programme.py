from odoo import fields, models

from ..esf_rules import FUNDS


class PlieEsfProgramme(models.Model):
    _name = "plie.esf.programme"
    _description = "ESF programme"
    _order = "period_start desc, name"

    name = fields.Char(required=True, translate=True)
    cci_code = fields.Char(string="CCI code", index=True)
    fund = fields.Selection(FUNDS, required=True, default="esf_plus")
    period_start = fields.Integer(string="Programming period from", required=True)
    period_end = fields.Integer(string="Programming period to", required=True)
    managing_authority = fields.Char()
    priority_ids = fields.One2many(
        "plie.esf.priority", "programme_id", string="Axes, priorities and objectives"
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "period_check",
            "CHECK(period_end >= period_start)",
            "A programming period cannot end before it starts.",
        ),
    ]
