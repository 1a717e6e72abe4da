from odoo import _, api, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import groupby

from ..constants import REFERENT_CHANGE_KEY


class PlieParticipant(models.Model):
    """The participant's référent: who may be one, how the référent changes,
    and the référent following the person."""

    _inherit = "plie.participant"  # pylint: disable=consider-merging-classes-inherited

    @api.constrains("referent_id", "company_id")
    def _check_referent(self):
        for participant in self.filtered("referent_id"):
            # sudo: read the référent's companies, which the user may not see.
            referent = participant.referent_id.sudo()
            if (
                not referent.has_group("plie_base.group_plie_referent")
                or participant.company_id not in referent.company_ids
            ):
                raise ValidationError(
                    _(
                        "%(user)s is not a référent de parcours of %(plie)s: choose "
                        "a référent of this PLIE for %(name)s.",
                        user=referent.name,
                        plie=participant.company_id.name,
                        name=participant.name,
                    )
                )

    def _check_referent_change(self, referent_id):
        changed = self.filtered(lambda p: p.referent_id.id != (referent_id or False))
        if (
            changed
            and not self.env.su
            and not self.env.context.get(REFERENT_CHANGE_KEY)
        ):
            raise AccessError(
                _(
                    "The référent of %(names)s changes only through the committee's "
                    "decision, the pre-assignment or coordination's reassignment.",
                    names=", ".join(changed.mapped("name")),
                )
            )

    def _on_referent_change(self, previous):
        """The previous référent stops following the person; the new one does.
        Other addons also move what follows the référent (pathways...)."""
        move_referent_followers(self, lambda p: previous[p.id], lambda p: p.referent_id)

    def _change_referent(self, referent, reason=False):
        """Hand the participants to ``referent``: for the committee's decision,
        the pre-assignment and the reassignment, which check the user's rights."""
        return self.with_context(
            **{REFERENT_CHANGE_KEY: True, "plie_assignment_reason": reason}
        ).write({"referent_id": referent.id})

    def _follow_referent(self):
        move_referent_followers(
            self, lambda p: p.env["res.users"], lambda p: p.referent_id
        )


def move_referent_followers(records, previous, current):
    """The previous référent of each record stops following it and the current
    one follows it, in one call per référent.

    :param previous: function record -> previous référent (res.users)
    :param current: function record -> current référent (res.users)
    """
    records = records.sudo()  # followers are moved on behalf of the action
    for old, group in groupby(records, key=previous):
        stale = records.browse([r.id for r in group if current(r) != old])
        if old and stale:
            stale.message_unsubscribe(partner_ids=old.partner_id.ids)
    for new, group in groupby(records, key=current):
        if new:
            records.browse([r.id for r in group]).message_subscribe(
                partner_ids=new.partner_id.ids
            )
