from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    plie_is_club = fields.Boolean(
        string="Company club",
        compute="_compute_plie_is_club",
        store=True,
        index=True,
    )

    @api.depends("team_id")
    def _compute_plie_is_club(self):
        club = self.env.ref("plie_partners.crm_team_club", raise_if_not_found=False)
        for lead in self:
            lead.plie_is_club = bool(club) and lead.team_id == club

    def write(self, vals):
        res = super().write(vals)
        if "stage_id" in vals:
            self._plie_club_won()._plie_make_partner()
        return res

    def _plie_club_won(self):
        return self.filtered(lambda lead: lead.plie_is_club and lead.stage_id.is_won)

    def _plie_make_partner(self):
        """A company recruited by the club becomes a partner of the PLIE."""
        companies = self.partner_id.commercial_partner_id
        companies.filtered(
            lambda partner: partner.plie_partnership_status
            in (False, "prospect", "inactive")
        ).action_plie_make_partner()
