from odoo import _, api, fields, models
from odoo.exceptions import UserError

COORDINATOR = "plie_base.group_plie_coordinator"


class ResPartner(models.Model):
    """Prescriber organisations and their portal members: a member is a
    contact of the organisation with a portal user."""

    _inherit = "res.partner"

    plie_prescriber_suspended = fields.Boolean(
        string="Portal access suspended",
        tracking=True,
        groups=COORDINATOR,
        help="The organisation's members reach nothing on the portal until "
        "coordination lifts the suspension.",
    )
    plie_prescriber_member_count = fields.Integer(
        string="Portal members",
        compute="_compute_plie_prescriber_member_count",
        groups=COORDINATOR,
    )

    @api.depends("child_ids.user_ids.share")
    def _compute_plie_prescriber_member_count(self):
        for partner in self:
            partner.plie_prescriber_member_count = len(
                partner._plie_prescriber_members()
            )

    def _plie_prescriber_members(self):
        """Portal users among the organisation's contacts."""
        self.ensure_one()
        return self.child_ids.user_ids.filtered(lambda u: u._is_portal())

    def action_plie_invite_members(self):
        """Odoo's portal invitation, for the organisation's contacts."""
        self.ensure_one()
        if not self.plie_prescriber_kind:
            raise UserError(
                _(
                    "%(name)s is not a prescriber: set its prescriber type first.",
                    name=self.display_name,
                )
            )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "portal.partner_wizard_action"
        )
        action["context"] = {
            "active_model": "res.partner",
            "active_ids": self.child_ids.filtered(lambda c: not c.is_company).ids,
        }
        return action

    def action_plie_remove_member(self):
        """Coordination removes a member from their prescriber organisation."""
        self.check_access("write")
        self._plie_leave_prescriber_organisation(_("Removed by coordination"))
        return True

    def _plie_leave_prescriber_organisation(self, reason):
        """Detach the contacts from their prescriber organisation: from then on
        their portal account reaches none of its prescriptions."""
        for member in self:
            organisation = member.parent_id
            if not organisation.plie_prescriber_kind:
                raise UserError(
                    _(
                        "%(name)s is not a member of a prescriber organisation.",
                        name=member.display_name,
                    )
                )
            organisation.message_post(
                body=_(
                    "%(name)s is no longer a member (%(reason)s).",
                    name=member.name,
                    reason=reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
            member.parent_id = False
