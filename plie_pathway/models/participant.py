from odoo import _, api, fields, models

from .pathway import OPEN_STATES

SOCIAL = "plie_base.group_plie_referent"


class PlieParticipant(models.Model):
    _inherit = "plie.participant"

    pathway_ids = fields.One2many("plie.pathway", "participant_id", string="Pathways")
    pathway_count = fields.Integer(compute="_compute_pathways")
    current_pathway_id = fields.Many2one(
        "plie.pathway", string="Current pathway", compute="_compute_pathways"
    )
    prescription_ids = fields.One2many(
        "plie.prescription",
        "participant_id",
        string="Prescriptions",
        groups=SOCIAL,
    )

    @api.depends("pathway_ids.state")
    def _compute_pathways(self):
        groups = self.env["plie.pathway"]._read_group(
            [("participant_id", "in", self.ids)],
            ["participant_id"],
            ["__count", "id:recordset"],
        )
        found = {
            participant.id: (count, pathways) for participant, count, pathways in groups
        }
        for participant in self:
            count, pathways = found.get(
                participant._origin.id, (0, self.env["plie.pathway"])
            )
            participant.pathway_count = count
            participant.current_pathway_id = pathways.filtered(
                lambda p: p.state in OPEN_STATES
            )[:1]

    def _on_referent_change(self, previous):
        """The open pathways follow the new référent: history and followers."""
        super()._on_referent_change(previous)
        pathways = self.pathway_ids.filtered(
            lambda p: p.state in OPEN_STATES
            and previous[p.participant_id.id] != p.participant_id.referent_id
        )
        pathways._record_assignment(self.env.context.get("plie_assignment_reason"))
        pathways._follow_referent(
            {pathway.id: previous[pathway.participant_id.id] for pathway in pathways}
        )
        for prescription in self.sudo().prescription_ids:
            old = previous[prescription.participant_id.id]
            if old and old != prescription.referent_id:
                prescription.message_unsubscribe(partner_ids=old.partner_id.ids)

    # ------------------------------------------------------------------
    # GDPR hooks of plie_base
    # ------------------------------------------------------------------
    def _gdpr_export_data(self):
        data = super()._gdpr_export_data()
        pathways = self.pathway_ids
        data.update(
            prescriptions=self.prescription_ids.read(
                [
                    "name",
                    "date",
                    "prescriber_id",
                    "reason",
                    "state",
                    "refusal_reason_id",
                ]
            ),
            pathways=pathways.read(
                [
                    "name",
                    "state",
                    "referent_id",
                    "date_start",
                    "date_planned_end",
                    "date_end",
                    "exit_reason_id",
                    "note",
                ]
            ),
            steps=pathways.step_ids.read(
                [
                    "step_type_id",
                    "date_start",
                    "date_end",
                    "outcome",
                    "rome_job_id",
                    "description",
                ]
            ),
            interviews=pathways.interview_ids.read(
                [
                    "kind",
                    "date",
                    "duration",
                    "referent_id",
                    "summary",
                    "next_appointment",
                ]
            ),
            enrolments=pathways.enrolment_ids.read(
                ["action_id", "state", "date_start", "date_end", "attended_hours"]
            ),
            employments=pathways.employment_ids.read(
                [
                    "employer_id",
                    "contract_type",
                    "job_title",
                    "date_start",
                    "date_end",
                    "weekly_hours",
                ]
            ),
            committee_decisions=pathways.committee_item_ids.read(
                [
                    "committee_id",
                    "item_type",
                    "decision",
                    "decision_note",
                    "derogation_reason",
                    "disagreement_note",
                ]
            ),
        )
        return data

    def _anonymize(self):
        """Also erase the free text and the identity copied by this addon."""
        pathways = self.pathway_ids
        pathways.interview_ids.write({"summary": False, "next_appointment": False})
        pathways.step_ids.write({"description": False})
        pathways.committee_item_ids.write(
            {
                "decision_note": False,
                "derogation_reason": False,
                "disagreement_note": False,
            }
        )
        pathways.write({"note": False, "exit_disagreement_note": False})
        pathways.activity_ids.unlink()
        self.env["mail.message"].search(
            [("model", "=", "plie.pathway"), ("res_id", "in", pathways.ids)]
        ).unlink()
        prescriptions = self.prescription_ids
        prescriptions.attachment_ids.unlink()
        prescriptions.write(
            {
                "reason": False,
                "firstname": False,
                "lastname": _("Anonymous"),
                "birth_date": False,
                "france_travail_id": False,
                "phone": False,
                "email": False,
                "street": False,
            }
        )
        self.env["mail.message"].search(
            [("model", "=", "plie.prescription"), ("res_id", "in", prescriptions.ids)]
        ).unlink()
        return super()._anonymize()
