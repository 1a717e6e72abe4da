from odoo import api, fields, models


class PliePathway(models.Model):
    _inherit = "plie.pathway"

    clause_hours = fields.Float(
        string="Social-clause hours",
        compute="_compute_clause_hours",
        digits=(16, 2),
        help="Validated insertion hours worked by the participant on social-clause "
        "placements during this pathway.",
    )

    @api.depends("participant_id", "date_start", "date_end")
    def _compute_clause_hours(self):
        # Hours only, summed as superuser: a référent may not read the clause
        # lines of other lots, but the total of their participant is theirs.
        lines = (
            self.env["plie.clause.hours"]
            .sudo()
            ._read_group(
                [
                    ("participant_id", "in", self.participant_id.ids),
                    ("state", "=", "validated"),
                ],
                ["participant_id", "month:month"],
                ["hours:sum"],
            )
        )
        for pathway in self:
            start = pathway.date_start
            end = pathway.date_end
            pathway.clause_hours = sum(
                hours
                for participant, month, hours in lines
                if participant.id == pathway.participant_id.id
                and (not start or month >= start.replace(day=1))
                and (not end or month <= end)
            )
