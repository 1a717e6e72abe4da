from odoo import api, fields, models


class PlieNafCode(models.Model):
    """An activity of the French NAF rev. 2 nomenclature (INSEE). A subset is
    shipped; the full list can be imported (code, name)."""

    _name = "plie.naf.code"
    _description = "NAF activity code"
    _order = "code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, index=True, size=6)
    name = fields.Char(string="Activity", required=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "A NAF code can only be listed once."),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for naf in self:
            naf.display_name = f"{naf.code} - {naf.name}"
