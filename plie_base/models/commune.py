from odoo import fields, models


class PlieCommune(models.Model):
    _name = "plie.commune"
    _description = "PLIE territory commune"
    _order = "name"

    name = fields.Char(required=True, index=True)
    insee_code = fields.Char(string="INSEE code", size=5)
    zip_codes = fields.Char(
        string="Postcodes",
        help="Postcodes of the commune, separated by commas; used to recognise "
        "a participant's commune from their address.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    qpv_ids = fields.One2many("plie.qpv", "commune_id", string="QPV")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A commune can only be listed once in a PLIE's territory.",
        ),
    ]

    def _zip_list(self):
        self.ensure_one()
        return [z.strip() for z in (self.zip_codes or "").split(",") if z.strip()]
