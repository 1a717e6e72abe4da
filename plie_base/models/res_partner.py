from odoo import api, fields, models

from ..constants import PLIE_ROLES


class ResPartner(models.Model):
    """Only organisation-level PLIE flags live here: every internal user reads
    contacts, so nothing about a participant may be added to this model.

    The contact of a participant (their name, address and phone, delegated by
    plie.participant) is itself hidden from users without a PLIE role: being a
    participant of the PLIE is sensitive. ``plie_is_participant`` (stored,
    indexed, readable by PLIE roles only) is what the record rule on contacts
    keys on; see the readme."""

    _inherit = "res.partner"

    plie_is_referent_structure = fields.Boolean(
        string="PLIE référent structure",
        help="Organisation employing référents de parcours (association, "
        "Mission Locale, CCAS...).",
    )
    plie_participant_ids = fields.One2many(
        "plie.participant",
        "partner_id",
        string="PLIE participants",
        groups=PLIE_ROLES,
        context={"active_test": False},
    )
    plie_is_participant = fields.Boolean(
        string="PLIE participant",
        compute="_compute_plie_is_participant",
        store=True,
        index=True,
        groups=PLIE_ROLES,
    )

    @api.depends("plie_participant_ids")
    def _compute_plie_is_participant(self):
        for partner in self:
            partner.plie_is_participant = bool(partner.plie_participant_ids)

    def write(self, vals):
        # Only who may write the participant writes its contact (other
        # contacts: no participant, nothing to check; an empty recordset
        # would check the right to write participants at all).
        if participants := self._plie_participants():
            participants.check_access("write")
        return super().write(vals)

    def _plie_participants(self):
        if self.env.su:
            return self.env["plie.participant"]
        # sudo: find the contact's participants even those the user may not read;
        # the write check below then runs as the user.
        participants = self.sudo().with_context(active_test=False).plie_participant_ids
        return participants.sudo(False)
