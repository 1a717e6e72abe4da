from odoo import fields, models


class PlieParticipant(models.Model):
    _inherit = "plie.participant"

    clause_placement_ids = fields.One2many(
        "plie.clause.placement",
        "participant_id",
        string="Social-clause placements",
        groups="plie_base.group_plie_business,plie_base.group_plie_referent",
    )
    job_match_ids = fields.One2many(
        "plie.job.match",
        "participant_id",
        string="Mises en relation",
        groups="plie_base.group_plie_business,plie_base.group_plie_referent",
    )

    def _gdpr_export_data(self):
        """Also export the placements, their hours and the mises en relation."""
        data = super()._gdpr_export_data()
        placements = self.clause_placement_ids
        data.update(
            clause_placements=placements.read(
                ["name", "lot_id", "delivery_mode", "date_start", "date_end"]
            ),
            clause_hours=placements.hours_ids.read(["placement_id", "month", "hours"]),
            job_matches=self.job_match_ids.read(
                ["offer_id", "partner_id", "date", "state", "refusal_reason"]
            ),
        )
        return data
