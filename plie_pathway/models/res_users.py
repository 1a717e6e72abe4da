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
    plie_caseload_count = fields.Integer(
        string="Open pathways",
        compute="_compute_plie_caseload",
        groups="plie_base.group_plie_referent",
    )
    plie_caseload_capacity = fields.Float(
        string="Caseload capacity",
        digits=(6, 1),
        compute="_compute_plie_caseload",
        groups="plie_base.group_plie_referent",
        help="Full-time equivalent times the participants a full-time référent "
        "follows (PLIE settings).",
    )
    plie_caseload_percent = fields.Float(
        string="Caseload (%)",
        digits=(6, 1),
        compute="_compute_plie_caseload",
        groups="plie_base.group_plie_referent",
    )
    plie_over_capacity = fields.Boolean(
        string="Above capacity",
        compute="_compute_plie_caseload",
        groups="plie_base.group_plie_referent",
        help="The référent follows more open pathways than their capacity: new "
        "participants are suggested to référents below theirs.",
    )

    @api.depends("plie_fte", "company_id.plie_caseload_per_fte")
    def _compute_plie_caseload(self):
        # Caseload sizes are figures coordination assigns by: a référent may
        # read them for colleagues whose pathways they cannot read.
        groups = (
            self.env["plie.pathway"]
            .sudo()
            ._read_group(
                [
                    ("state", "in", OPEN_STATES),
                    ("referent_id", "in", self.ids),
                    ("company_id", "in", self.company_id.ids),
                ],
                ["referent_id", "company_id"],
                ["__count"],
            )
        )
        counts = {
            (referent.id, company.id): count for referent, company, count in groups
        }
        for user in self:
            count = counts.get((user.id, user.company_id.id), 0)
            capacity = user.plie_fte * user.company_id.plie_caseload_per_fte
            user.plie_caseload_count = count
            user.plie_caseload_capacity = capacity
            user.plie_caseload_percent = 100.0 * count / capacity if capacity else 0.0
            user.plie_over_capacity = bool(capacity) and count > capacity

    @api.model
    def _plie_referent_loads(self, company):
        """{référent: (open pathways, capacity)} of the référents of ``company``
        holding a caseload, in a constant number of queries."""
        group = self.env.ref("plie_base.group_plie_referent")
        # sudo: loads are compared over every référent of the PLIE, whose
        # caseloads the user may not read.
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
        """The référent with the lowest caseload relative to capacity, among
        those covering ``commune`` or working for ``structure``; never one at
        or above capacity while another référent still has room."""
        local = [
            user
            for user in loads
            if (commune and commune in user.plie_commune_ids)
            or (structure and user.plie_structure_id == structure)
        ]
        with_room = [user for user in loads if loads[user][0] < loads[user][1]]
        candidates = (
            [user for user in local if user in with_room]
            or with_room
            or local
            or list(loads)
        )
        return min(
            candidates,
            key=lambda user: (loads[user][0] / loads[user][1], user.name, user.id),
            default=self.browse(),
        )
