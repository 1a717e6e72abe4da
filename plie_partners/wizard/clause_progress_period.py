from datetime import date

from odoo import fields, models

LEVELS = {
    "lot": "plie.clause.lot",
    "contract": "plie.clause.contract",
    "buyer": "plie.clause.buyer",
}


class PlieClauseProgressPeriod(models.TransientModel):
    """Open the progress of lots, contracts or buyers on a date range: the
    progress fields read the period from the context."""

    _name = "plie.clause.progress.period"
    _description = "Social-clause progress on a period"

    date_from = fields.Date(
        string="From", required=True, default=lambda self: date(date.today().year, 1, 1)
    )
    date_to = fields.Date(
        string="Until",
        required=True,
        default=lambda self: date(date.today().year, 12, 31),
    )
    level = fields.Selection(
        [("lot", "Lots"), ("contract", "Contracts"), ("buyer", "Buyers")],
        string="Per",
        required=True,
        default="contract",
    )

    def action_open(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._(
                "Progress from %(start)s to %(end)s",
                start=self.date_from.strftime("%d/%m/%Y"),
                end=self.date_to.strftime("%d/%m/%Y"),
            ),
            "res_model": LEVELS[self.level],
            "view_mode": "list,form",
            "context": {
                "plie_date_from": fields.Date.to_string(self.date_from),
                "plie_date_to": fields.Date.to_string(self.date_to),
            },
        }
