from odoo import _, api, fields, models
from odoo.exceptions import UserError


class PlieEsfOperation(models.Model):
    _inherit = "plie.esf.operation"

    def action_collect_participations(self):
        """Attach the participants whose pathway overlaps the operation, with
        their questionnaires prefilled."""
        self.ensure_one()
        if self.company_id not in self.env.companies:
            raise UserError(_("Switch to the operation's PLIE first."))
        # Finance reads pathways but not every pathway field (référent notes).
        pathways = (
            self.env["plie.pathway"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("date_start", "!=", False),
                    ("date_start", "<=", self.date_end),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", self.date_start),
                ]
            )
        )
        attached = self.participation_ids.participant_id
        first_start = {}
        for pathway in pathways.sorted("date_start"):
            first_start.setdefault(pathway.participant_id, pathway.date_start)
        self.env["plie.esf.participation"].create(
            [
                {
                    "operation_id": self.id,
                    "participant_id": participant.id,
                    "entry_date": max(start, self.date_start),
                }
                for participant, start in first_start.items()
                if participant not in attached
            ]
        )
        return self.action_open_participations()

    def action_open_indicators(self):
        self.ensure_one()
        report = self.env["plie.esf.indicator.report"].create(
            {
                "operation_id": self.id,
                "date_from": self.date_start,
                "date_to": self.date_end,
            }
        )
        report.action_compute()
        return {
            "type": "ir.actions.act_window",
            "name": _("ESF indicators"),
            "res_model": "plie.esf.indicator.report",
            "res_id": report.id,
            "view_mode": "form",
            "target": "current",
        }


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
            dates = participant.sudo().esf_participation_ids.operation_id.mapped(
                "retention_end_date"
            )
            participant.esf_retention_end_date = max(
                (d for d in dates if d), default=False
            )
