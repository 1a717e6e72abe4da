from odoo import api, fields, models

PRIORITY_KINDS = [
    ("axis", "Priority axis"),
    ("investment_priority", "Investment priority"),
    ("specific_objective", "Specific objective"),
]


class PlieEsfPriority(models.Model):
    """Priority axes, investment priorities and specific objectives of a
    programme: one configurable reference list."""

    _name = "plie.esf.priority"
    _description = "ESF programme axis, priority or objective"
    _order = "programme_id, kind, code"

    programme_id = fields.Many2one(
        "plie.esf.programme", required=True, index=True, ondelete="cascade"
    )
    kind = fields.Selection(PRIORITY_KINDS, required=True, index=True)
    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_uniq",
            "unique(programme_id, kind, code)",
            "This code already exists in the programme.",
        ),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for priority in self:
            priority.display_name = f"{priority.code} {priority.name}"
