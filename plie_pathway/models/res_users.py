from odoo import api, fields, models

from .pathway import OPEN_STATES


class ResUsers(models.Model):
    _inherit = "res.users"

    plie_fte = fields.Float(
        string="Référent full-time equivalent",
        digits=(3, 2),
        help="Share of a full-time job spent following participants (1 = full "
        "time). Leave 0 for users who do not follow a caseload.",
    )
    plie_commune_ids = fields.Many2many(
        "plie.commune",
        string="Communes covered",
        help="Communes whose new participants are suggested to this référent.",
    )

    @api.model
    def _plie_referent_loads(self, company):
        """{référent: (open pathways, capacity)} of the référents of ``company``
        holding a caseload, in a constant number of queries."""
        group = self.env.ref("plie_base.group_plie_referent")
        referents = self.sudo().search(
            [
                ("groups_id", "in", group.id),
                ("company_ids", "in", company.id),
                ("plie_fte", ">", 0),
            ]
        )
        groups = (
            self.env["plie.pathway"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", OPEN_STATES),
                    ("referent_id", "in", referents.ids),
                ],
                ["referent_id"],
                ["__count"],
            )
        )
        counts = {referent.id: count for referent, count in groups}
        return {
            referent.with_env(self.env): (
                counts.get(referent.id, 0),
                referent.plie_fte * company.plie_caseload_per_fte,
            )
            for referent in referents
        }

    @api.model
    def _plie_least_loaded(self, loads, commune, structure=None):
        """The référent covering ``commune`` or working for ``structure`` (or, if
        none does, any référent) with the lowest caseload relative to capacity."""
        local = [
            user
            for user in loads
            if (commune and commune in user.plie_commune_ids)
            or (structure and user.plie_structure_id == structure)
        ]
        candidates = local or list(loads)
        return min(
            candidates,
            key=lambda user: (loads[user][0] / loads[user][1], user.name, user.id),
            default=self.browse(),
        )
