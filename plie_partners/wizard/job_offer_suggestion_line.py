from odoo import fields, models


class PlieJobOfferSuggestionLine(models.TransientModel):
    _name = "plie.job.offer.suggestion.line"
    _description = "Suggested candidate"
    _order = "rank"

    suggestion_id = fields.Many2one(
        "plie.job.offer.suggestion", required=True, ondelete="cascade"
    )
    rank = fields.Integer()
    participant_id = fields.Many2one("plie.participant", required=True)
    score = fields.Integer()
    reasons = fields.Char(string="Why")
    selected = fields.Boolean(string="Put forward")
