from collections import namedtuple

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import groupby

from ..constants import ELIGIBILITY_VERDICTS, EVIDENCE_REMINDER_DAYS, SOCIAL

EligibilityResult = namedtuple(
    "EligibilityResult", "verdict eligible_criteria priority_criteria missing_criteria"
)


class PlieParticipant(models.Model):
    # plie.participant is split into one file per concern.
    _inherit = "plie.participant"  # pylint: disable=consider-merging-classes-inherited

    # Eligibility, computed at the date of the context key ``plie_date``.
    evidence_ids = fields.One2many(
        "plie.eligibility.evidence",
        "participant_id",
        string="Eligibility evidence",
        groups=SOCIAL,
    )
    eligibility_verdict = fields.Selection(
        ELIGIBILITY_VERDICTS,
        compute="_compute_eligibility",
        groups=SOCIAL,
    )
    eligible_criterion_ids = fields.Many2many(
        "plie.eligibility.criterion",
        string="Eligibility criteria met",
        compute="_compute_eligibility",
        groups=SOCIAL,
    )
    priority_criterion_ids = fields.Many2many(
        "plie.eligibility.criterion",
        string="Priority publics",
        compute="_compute_eligibility",
        groups=SOCIAL,
    )
    missing_evidence_criterion_ids = fields.Many2many(
        "plie.eligibility.criterion",
        string="Criteria awaiting evidence",
        compute="_compute_eligibility",
        groups=SOCIAL,
    )
    diagnosis_ids = fields.One2many(
        "plie.eligibility.diagnosis",
        "participant_id",
        string="Eligibility diagnoses",
        groups=SOCIAL,
    )
    is_priority_public = fields.Boolean(
        compute="_compute_eligibility",
        search="_search_is_priority_public",
        groups=SOCIAL,
    )

    @api.depends(
        "birth_date",
        "gender",
        "ft_registration_date",
        "labour_market_status",
        "education_level",
        "qpv_id",
        "single_parent",
        "rqth",
        "rqth_end_date",
        "commune_id",
        "territory_override",
        "benefit_ids.start_date",
        "benefit_ids.end_date",
        "evidence_ids.evidence_date",
        "evidence_ids.expiry_date",
        "evidence_ids.criterion_id",
    )
    @api.depends_context("plie_date")
    def _compute_eligibility(self):
        results = self._eligibility_results(self._reference_date())
        for participant in self:
            result = results[participant.id]
            participant.eligibility_verdict = result.verdict
            participant.eligible_criterion_ids = result.eligible_criteria
            participant.priority_criterion_ids = result.priority_criteria
            participant.missing_evidence_criterion_ids = result.missing_criteria
            participant.is_priority_public = bool(result.priority_criteria)

    def _search_is_priority_public(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on priority publics."))
        participants = self.search([])
        results = participants._eligibility_results(self._reference_date())
        ids = [pid for pid, result in results.items() if result.priority_criteria]
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    def _has_benefit_at(self, date):
        self.ensure_one()
        return any(benefit._is_active_at(date) for benefit in self.benefit_ids)

    def _has_rqth_at(self, date):
        self.ensure_one()
        return self.rqth and (not self.rqth_end_date or date <= self.rqth_end_date)

    def _eligibility_results(self, date):
        """Return {participant id: EligibilityResult} on ``date``, in one batch.

        A criterion counts when it is met (computed from the data, or proven by
        an evidence for hand-checked ones) and, if it requires evidence, has an
        evidence valid on that date. Eligible = in the territory (or with a
        derogation) and at least one criterion that makes eligible on its own.
        """
        Criterion = self.env["plie.eligibility.criterion"]
        criteria = Criterion.search(
            [("company_id", "in", [False, *self.company_id.ids])]
        )
        results = {}
        for participant in self:
            met, missing = Criterion, Criterion
            for criterion in criteria:
                shared = not criterion.company_id
                if not shared and criterion.company_id != participant.company_id:
                    continue
                proven = participant._has_valid_evidence(criterion, date)
                if criterion.rule == "manual":
                    met |= criterion if proven else Criterion
                elif criterion._is_met_by_data(participant, date):
                    if proven or not criterion.evidence_required:
                        met |= criterion
                    else:
                        missing |= criterion
            results[participant.id] = participant._eligibility_result(met, missing)
        return results

    def _eligibility_result(self, met, missing):
        self.ensure_one()
        eligible = met.filtered(lambda c: c.kind == "eligibility")
        if self.outside_territory and not self.territory_override:
            verdict = "outside_territory"
        elif eligible:
            verdict = "eligible"
        elif missing.filtered(lambda c: c.kind == "eligibility"):
            verdict = "missing_evidence"
        else:
            verdict = "not_eligible"
        return EligibilityResult(
            verdict,
            eligible,
            met.filtered(lambda c: c.kind == "priority"),
            missing,
        )

    def _has_valid_evidence(self, criterion, date):
        return bool(self._valid_evidence(criterion, date))

    def _valid_evidence(self, criterion, date):
        """The most recent evidence proving ``criterion`` on ``date``."""
        self.ensure_one()
        return self.evidence_ids.filtered(
            lambda e: e.criterion_id == criterion and e._is_valid_at(date)
        )[:1]

    def _store_eligibility_diagnoses(self, date, derogations=None, origin=False):
        """Store each participant's eligibility on ``date`` as an audit fact.

        :param derogations: {participant id: reason} of admissions by derogation
        :return: the diagnoses, in the order of ``self``
        """
        results = self._eligibility_results(date)
        Diagnosis = self.env["plie.eligibility.diagnosis"]
        return Diagnosis.create(
            [
                dict(
                    Diagnosis._values_for(
                        participant,
                        date,
                        results[participant.id],
                        (derogations or {}).get(participant.id),
                    ),
                    origin=origin,
                )
                for participant in self
            ]
        )

    def _diagnosis_line_values(self, criterion, date, status):
        self.ensure_one()
        evidence = self._valid_evidence(criterion, date)
        return {
            "criterion_id": criterion.id,
            "criterion_name": criterion.name,
            "kind": criterion.kind,
            "status": status,
            "evidence_id": evidence.id,
            "evidence_date": evidence.evidence_date,
            "evidence_expiry_date": evidence.expiry_date,
            "document_name": evidence.document_name,
            "checked_by_id": evidence.checked_by_id.id,
            "checked_on": evidence.checked_on,
        }

    def _check_territory_for_admission(self):
        """Raise if a participant lives outside the territory without derogation."""
        outside = self.filtered(
            lambda p: p.outside_territory and not p.territory_override
        )
        if outside:
            raise UserError(
                _(
                    "%(names)s live(s) outside the PLIE's territory: coordination must "
                    "record a territory derogation before admission.",
                    names=", ".join(outside.mapped("name")),
                )
            )

    def action_check_eligibility(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Eligibility check"),
            "res_model": "plie.eligibility.check",
            "view_mode": "form",
            "target": "new",
            "context": {"default_participant_id": self.id},
        }

    # ------------------------------------------------------------------
    # Scheduled reminders
    # ------------------------------------------------------------------
    @api.model
    def _cron_remind_expiring_evidence(self, days=EVIDENCE_REMINDER_DAYS):
        """Give référents a to-do for each participant of their caseload whose
        eligibility evidence expires within ``days``, once per participant."""
        today = fields.Date.context_today(self)
        evidences = self.env["plie.eligibility.evidence"].search(
            [
                ("expiry_date", ">=", today),
                ("expiry_date", "<", today + relativedelta(days=days)),
                ("participant_id.state", "in", ("candidate", "participant")),
                ("participant_id.referent_id", "!=", False),
            ]
        )
        activity_type = self.env.ref("plie_base.mail_activity_type_renew_evidence")
        already = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", evidences.participant_id.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        reminded = set(already.mapped("res_id"))
        deadlines = {}
        for evidence in evidences:
            participant = evidence.participant_id
            if participant.id not in reminded:
                deadlines[participant] = min(
                    evidence.expiry_date,
                    deadlines.get(participant, evidence.expiry_date),
                )
        # One batch per référent and deadline.
        for (referent, deadline), participants in groupby(
            deadlines, key=lambda p: (p.referent_id, deadlines[p])
        ):
            self.browse([p.id for p in participants]).activity_schedule(
                "plie_base.mail_activity_type_renew_evidence",
                date_deadline=deadline,
                user_id=referent.id,
            )
