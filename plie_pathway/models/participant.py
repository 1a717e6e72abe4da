from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models

from odoo.addons.plie_base.models.participant_referent import move_referent_followers

from .pathway import OPEN_STATES
from .prescription import WAITING_STATES

SOCIAL = "plie_base.group_plie_referent"


class PlieParticipant(models.Model):
    _inherit = "plie.participant"

    pathway_ids = fields.One2many("plie.pathway", "participant_id", string="Pathways")
    pathway_count = fields.Integer(compute="_compute_pathways")
    current_pathway_id = fields.Many2one(
        "plie.pathway", string="Current pathway", compute="_compute_pathways"
    )
    # The current pathway's contact and duration, for the caseload's columns.
    last_contact_date = fields.Date(
        string="Last contact", compute="_compute_current_pathway_figures"
    )
    contact_overdue = fields.Boolean(
        string="Contact overdue", compute="_compute_current_pathway_figures"
    )
    pathway_duration_months = fields.Float(
        string="Months in pathway",
        digits=(6, 1),
        compute="_compute_current_pathway_figures",
        help="Months of the current pathway, net of its suspensions.",
    )
    prescription_ids = fields.One2many(
        "plie.prescription",
        "participant_id",
        string="Prescriptions",
        groups=SOCIAL,
    )
    no_show_count = fields.Integer(
        string="No-shows",
        compute="_compute_no_show_count",
        store=True,
        groups=SOCIAL,
        help="Interviews missed over all the participant's pathways.",
    )

    @api.depends("pathway_ids.no_show_count")
    def _compute_no_show_count(self):
        # A stored count: the same whoever records the interview.
        groups = (
            self.env["plie.pathway"]
            .sudo()
            ._read_group(
                [("participant_id", "in", self.ids)],
                ["participant_id"],
                ["no_show_count:sum"],
            )
        )
        counts = {participant.id: count for participant, count in groups}
        for participant in self:
            participant.no_show_count = counts.get(participant.id, 0)

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

    @api.depends(
        "pathway_ids.state",
        "pathway_ids.last_contact_date",
        "pathway_ids.contact_due_date",
        "pathway_ids.date_start",
        "pathway_ids.date_end",
    )
    def _compute_current_pathway_figures(self):
        for participant in self:
            pathway = participant.current_pathway_id
            participant.last_contact_date = pathway.last_contact_date
            participant.contact_overdue = pathway.contact_overdue
            participant.pathway_duration_months = pathway.duration_months

    def action_reassign(self):
        """Coordination hands participants to another référent (wizard)."""
        return {
            "type": "ir.actions.act_window",
            "name": _("Change référent"),
            "res_model": "plie.pathway.reassign",
            "view_mode": "form",
            "target": "new",
            "context": {"default_participant_ids": self.ids},
        }

    def _on_referent_change(self, previous):
        """The open pathways follow the new référent: history and followers."""
        res = super()._on_referent_change(previous)
        pathways = self.pathway_ids.filtered(
            lambda p: p.state in OPEN_STATES
            and previous[p.participant_id.id] != p.participant_id.referent_id
        )
        pathways._record_assignment(self.env.context.get("plie_assignment_reason"))
        pathways._follow_referent(
            {pathway.id: previous[pathway.participant_id.id] for pathway in pathways}
        )
        # sudo: move the followers of every prescription of the participant,
        # also those the user may not read.
        move_referent_followers(
            self.sudo().prescription_ids,
            lambda r: previous[r.participant_id.id],
            lambda r: r.referent_id,
        )
        return res

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
                    "contract_type_id",
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

    # ------------------------------------------------------------------
    # Automatic anonymisation of candidates who were not admitted
    # ------------------------------------------------------------------
    @api.model
    def _cron_anonymize_unadmitted_candidates(self):
        """Anonymise candidates whose prescriptions were all refused, withdrawn
        or postponed and never presented again, once the company's delay after
        the last decision has passed."""
        candidates = self._unadmitted_candidates_due(fields.Date.context_today(self))
        if candidates:
            candidates.filtered("referent_id")._change_referent(
                self.env["res.users"], _("Not admitted")
            )
            candidates._anonymize()
        return candidates

    @api.model
    def _unadmitted_candidates_due(self, today):
        # sudo: run by the daily job; anonymisation is the PLIE's duty, not a
        # user's right.
        candidates = self.sudo().search(
            [
                ("state", "=", "candidate"),
                ("is_anonymized", "=", False),
                ("pathway_ids", "=", False),
                ("prescription_ids", "!=", False),
                (
                    "prescription_ids",
                    "not any",
                    [
                        "|",
                        ("state", "in", WAITING_STATES),
                        ("decision_date", "=", False),
                    ],
                ),
            ]
        )
        # sudo: same daily job.
        last_decisions = dict(
            self.env["plie.prescription"]
            .sudo()
            ._read_group(
                [("participant_id", "in", candidates.ids)],
                ["participant_id"],
                ["decision_date:max"],
            )
        )
        return candidates.filtered(
            lambda p: last_decisions[p]
            + relativedelta(months=p.company_id.plie_candidate_retention_months)
            <= today
        )

    # ------------------------------------------------------------------
    # GDPR: what this addon adds to the participant's data
    # ------------------------------------------------------------------
    def _anonymize(self):
        """Also erase the free text and the identity copied by this addon."""
        pathways = self.pathway_ids
        pathways.interview_ids.calendar_event_id.unlink()
        pathways.interview_ids.write({"summary": False, "next_appointment": False})
        pathways.step_ids.write({"description": False})
        pathways.employment_ids.write({"job_title": False})
        prescriptions = self.prescription_ids
        items = self.env["plie.committee.item"].search(
            [("participant_id", "in", self.ids)]
        )
        items.write(
            {
                "proposal_note": False,
                "decision_note": False,
                "derogation_reason": False,
                "disagreement_note": False,
            }
        )
        # The minutes kept on a session name the person: drop the stored PDF,
        # printed again (with the anonymised name) on demand.
        self.env["ir.attachment"].search(
            [
                ("res_model", "=", "plie.committee"),
                ("res_id", "in", items.committee_id.ids),
                ("name", "=like", "Minutes - %"),
            ]
        ).unlink()
        pathways.write({"note": False, "exit_disagreement_note": False})
        pathways.activity_ids.unlink()
        self.env["mail.message"].search(
            [("model", "=", "plie.pathway"), ("res_id", "in", pathways.ids)]
        ).unlink()
        self.env["ir.attachment"].search(
            [("res_model", "=", "plie.pathway"), ("res_id", "in", pathways.ids)]
        ).unlink()
        prescriptions.attachment_ids.unlink()
        prescriptions.write(
            {
                "reason": False,
                "firstname": False,
                "lastname": _("Anonymised participant"),
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
