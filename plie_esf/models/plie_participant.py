from odoo import api, fields, models

from ..esf_rules import RESULT_ANSWERS


class PlieParticipant(models.Model):
    _inherit = "plie.participant"

    esf_participation_ids = fields.One2many(
        "plie.esf.participation",
        "participant_id",
        string="ESF participations",
        groups="plie_base.group_plie_finance,plie_base.group_plie_coordinator",
    )
    # Replaces plie_base's manual date: the latest retention end of the
    # operations the participant took part in (Regulation (EU) 2021/1060,
    # art. 82).
    esf_retention_end_date = fields.Date(
        compute="_compute_esf_retention_end_date", store=True, readonly=True
    )

    @api.depends("esf_participation_ids.operation_id.retention_end_date")
    def _compute_esf_retention_end_date(self):
        for participant in self:
            # sudo: the retention end holds whoever computes it (référents do not
            # read ESF operations).
            dates = participant.sudo().esf_participation_ids.operation_id.mapped(
                "retention_end_date"
            )
            participant.esf_retention_end_date = max(
                (d for d in dates if d), default=False
            )

    def _gdpr_export_data(self):
        data = super()._gdpr_export_data()
        data["esf_participations"] = self.esf_participation_ids.read(
            [
                "operation_id",
                "entry_date",
                "exit_date",
                "entry_status",
                "entry_education_level",
                "entry_disability",
                "entry_foreign_background",
                "entry_minority",
                *RESULT_ANSWERS,
            ]
        )
        return data
