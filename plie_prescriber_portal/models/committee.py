from odoo import models


class PlieCommittee(models.Model):
    _inherit = "plie.committee"

    def action_close(self):
        """Closing the session also tells each prescriber the decision for the
        people they sent."""
        result = super().action_close()
        decided = self.item_ids.filtered(
            lambda i: i.item_type == "entry" and i.decision != "pending"
        )
        decided.prescription_id._send_decision_letters()
        return result
