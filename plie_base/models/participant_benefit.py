from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..constants import BENEFIT_TYPES


class PlieParticipantBenefit(models.Model):
    _name = "plie.participant.benefit"
    _inherit = ["plie.thread.mixin"]
    _description = "Minimum social benefit received by a participant"
    _order = "start_date desc, id desc"

    participant_id = fields.Many2one(
        "plie.participant", required=True, ondelete="cascade", index=True
    )
    benefit_type = fields.Selection(
        BENEFIT_TYPES,
        string="Benefit",
        required=True,
    )
    other_name = fields.Char(string="Other benefit")
    start_date = fields.Date(required=True)
    end_date = fields.Date()

    @api.constrains("start_date", "end_date")
    def _check_dates(self):
        for benefit in self:
            if benefit.end_date and benefit.end_date < benefit.start_date:
                raise ValidationError(
                    _(
                        "A benefit cannot end before it starts (%(benefit)s).",
                        benefit=benefit.display_name,
                    )
                )

    def _is_active_at(self, date):
        self.ensure_one()
        return self.start_date <= date and (not self.end_date or date <= self.end_date)
