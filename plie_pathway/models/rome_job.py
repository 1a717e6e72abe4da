from odoo import api, fields, models


class PlieRomeJob(models.Model):
    """A job of the ROME catalogue (Répertoire Opérationnel des Métiers et des
    Emplois) of France Travail; the full list can be imported (code, name)."""

    _name = "plie.rome.job"
    _description = "ROME job"
    _order = "code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, index=True, size=5)
    name = fields.Char(string="Job", required=True, index="trigram")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "A ROME code can only be listed once."),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for job in self:
            job.display_name = f"{job.code} - {job.name}"
