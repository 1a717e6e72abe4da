from odoo import _, api, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.plie_base.constants import STATE_CHANGE_KEY


class PlieStateMixin(models.AbstractModel):
    """States move only through the models' actions: a write or create that
    sets ``state`` is refused unless an action allowed it (``_write_state``),
    so that RPC cannot skip the committee. Also refuses an action on records
    that are not in one of the given states."""

    _name = "plie.state.mixin"
    _description = "PLIE state guard"

    @api.model_create_multi
    def create(self, vals_list):
        default = self._fields["state"].default
        initial = default(self) if callable(default) else default
        if any(vals.get("state", initial) != initial for vals in vals_list):
            self._check_state_change_allowed()
        return super().create(vals_list)

    def write(self, vals):
        if "state" in vals:
            self._check_state_change_allowed()
        return super().write(vals)

    @api.model
    def _check_state_change_allowed(self):
        if not self.env.su and not self.env.context.get(STATE_CHANGE_KEY):
            raise AccessError(
                _(
                    "The status of %(model)s changes only through its buttons "
                    "(and the committee's decisions).",
                    model=self.env["ir.model"]._get(self._name).name,
                )
            )

    def _write_state(self, vals):
        """Write ``vals`` (with a new state) on behalf of an action."""
        return self.with_context(**{STATE_CHANGE_KEY: True}).write(vals)

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
