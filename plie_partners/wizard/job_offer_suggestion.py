from odoo import _, api, fields, models
from odoo.exceptions import UserError


class PlieJobOfferSuggestion(models.TransientModel):
    """Suggested candidates for a job offer, ranked; the user ticks those to
    put forward (mise en relation)."""

    _name = "plie.job.offer.suggestion"
    _description = "Suggested candidates for a job offer"

    offer_id = fields.Many2one("plie.job.offer", required=True, ondelete="cascade")
    line_ids = fields.One2many("plie.job.offer.suggestion.line", "suggestion_id")

    @api.model_create_multi
    def create(self, vals_list):
        suggestions = super().create(vals_list)
        lines = []
        for suggestion in suggestions:
            for rank, (participant, score, reasons) in enumerate(
                suggestion.offer_id._suggest_candidates(), start=1
            ):
                lines.append(
                    {
                        "suggestion_id": suggestion.id,
                        "rank": rank,
                        "participant_id": participant.id,
                        "score": score,
                        "reasons": reasons,
                    }
                )
        self.env["plie.job.offer.suggestion.line"].create(lines)
        return suggestions

    def action_propose(self):
        self.ensure_one()
        chosen = self.line_ids.filtered("selected")
        if not chosen:
            raise UserError(_("Tick the candidates to put forward for this offer."))
        self.env["plie.job.match"].create(
            [
                {
                    "offer_id": self.offer_id.id,
                    "participant_id": line.participant_id.id,
                    "score": line.score,
                }
                for line in chosen
            ]
        )
        return {"type": "ir.actions.act_window_close"}
