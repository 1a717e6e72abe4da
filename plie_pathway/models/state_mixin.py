from odoo import _, models
from odoo.exceptions import UserError


class PlieStateMixin(models.AbstractModel):
    """Refuses an action on records that are not in one of the given states."""

    _name = "plie.state.mixin"
    _description = "PLIE state guard"

    def _check_state(self, states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for record in self:
            if record.state not in states:
                raise UserError(
                    _(
                        "%(name)s is %(state)s: this action is not possible now.",
                        name=record.display_name,
                        state=labels[record.state].lower(),
                    )
                )
