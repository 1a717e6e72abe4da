from odoo import fields, models


class PlieParticipantNote(models.Model):
    """Confidential notes: readable only by the participant's own référent and
    by coordination (see the record rules), never posted in the chatter."""

    _name = "plie.participant.note"
    _inherit = ["plie.thread.mixin"]
    _description = "Confidential note on a participant"
    _order = "date desc, id desc"

    participant_id = fields.Many2one(
        "plie.participant", required=True, ondelete="cascade", index=True
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    author_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user
    )
    body = fields.Text(string="Note", required=True)
