from collections import namedtuple

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import groupby

from ..constants import (
    EDUCATION_LEVELS,
    ELIGIBILITY_VERDICTS,
    EVIDENCE_REMINDER_DAYS,
    JOBSEEKER_STATUSES,
    SOCIAL,
)
from ..rules import latest_start

EDUCATION_RANKS = {level: rank for rank, (level, _label) in enumerate(EDUCATION_LEVELS)}

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
        domain = self._priority_public_domain(self._reference_date())
        positive = (operator == "=") == value
        return domain if positive else ["!", *expression.normalize_domain(domain)]

    def _priority_public_domain(self, date):
        """Domain of the participants that ``_eligibility_results`` counts in at
        least one priority public on ``date``: the same rules, run by the
        database (each rule's ``_eligibility_domain_<rule>``)."""
        criteria = self.env["plie.eligibility.criterion"].search_fetch(
            [("kind", "=", "priority")],
            ["code", "company_id", "rule", "evidence_required"],
        )
        return expression.OR(
            [self._criterion_met_domain(criterion, date) for criterion in criteria]
            or [expression.FALSE_DOMAIN]
        )

    def _criterion_met_domain(self, criterion, date):
        """Domain of the participants for whom ``criterion`` counts on ``date``:
        of its PLIE, meeting its rule, with a valid evidence if it needs one."""
        key = criterion._rule_key()
        evidence = [
            (
                "evidence_ids",
                "any",
                [
                    ("criterion_id", "=", criterion.id),
                    ("evidence_date", "<=", date),
                    "|",
                    ("expiry_date", "=", False),
                    ("expiry_date", ">", date),
                ],
            )
        ]
        company = (
            [("company_id", "=", criterion.company_id.id)]
            if criterion.company_id
            else []
        )
        if key == "manual":
            return expression.AND([company, evidence])
        rule = getattr(self, f"_eligibility_domain_{key}", None)
        if rule is None:
            # A rule an addon added without its domain: evaluated in Python.
            participants = self.with_context(active_test=False).search(company)
            rule_domain = [
                (
                    "id",
                    "in",
                    participants.filtered(lambda p: p._eligibility_rule(key)(date)).ids,
                )
            ]
        else:
            rule_domain = rule(date)
        return expression.AND(
            [company, rule_domain, evidence if criterion.evidence_required else []]
        )

    def _has_benefit_at(self, date):
        self.ensure_one()
        return any(benefit._is_active_at(date) for benefit in self.benefit_ids)

    def _has_rqth_at(self, date):
        self.ensure_one()
        return self.rqth and (not self.rqth_end_date or date <= self.rqth_end_date)

    def _is_low_qualification(self):
        """Education level at or below the PLIE's threshold (level 3 by default)."""
        self.ensure_one()
        threshold = self.company_id.plie_low_qualification_level or "3"
        return bool(self.education_level) and (
            EDUCATION_RANKS[self.education_level] <= EDUCATION_RANKS[threshold]
        )

    # ------------------------------------------------------------------
    # Eligibility rules (seed 004, CACEM; DOMAIN.md "Who is eligible").
    # ``_eligibility_rule_<rule>(date)`` says whether the participant meets the
    # rule on ``date``; ``_eligibility_domain_<rule>(date)`` is the same rule as
    # a domain, for searches. An addon adds a rule (a value of the criterion's
    # ``rule``, or the code of a criterion checked by hand) with both methods.
    # ------------------------------------------------------------------
    def _eligibility_rule(self, key):
        method = getattr(self, f"_eligibility_rule_{key}", None)
        if method is None:
            raise UserError(
                _(
                    "No rule computes the eligibility criterion %(rule)s: install "
                    "the addon that provides it or set the criterion to be "
                    "checked by hand.",
                    rule=key,
                )
            )
        return method

    def _eligibility_rule_manual(self, date):
        return False

    def _eligibility_domain_manual(self, date):
        return expression.FALSE_DOMAIN

    def _eligibility_rule_deld(self, date):
        return self._is_jobseeker_for(date, 12)

    def _eligibility_domain_deld(self, date):
        return self._jobseeker_domain(date, 12)

    def _eligibility_rule_detld(self, date):
        return self._is_jobseeker_for(date, 24)

    def _eligibility_domain_detld(self, date):
        return self._jobseeker_domain(date, 24)

    def _jobseeker_domain(self, date, months):
        return [
            ("labour_market_status", "in", JOBSEEKER_STATUSES),
            ("ft_registration_date", "<=", latest_start(date, months)),
        ]

    # CACEM: "demandeurs d'emploi non DELD mais allocataires d'un minima social":
    # a registered jobseeker receiving a minimum benefit (DELD ones are eligible
    # anyway); an inactive benefit recipient is not eligible through it.
    def _eligibility_rule_minimum_benefit(self, date):
        return self._is_jobseeker_for(date, 0) and self._has_benefit_at(date)

    def _eligibility_domain_minimum_benefit(self, date):
        return [
            *self._jobseeker_domain(date, 0),
            (
                "benefit_ids",
                "any",
                [
                    ("start_date", "<=", date),
                    "|",
                    ("end_date", "=", False),
                    ("end_date", ">=", date),
                ],
            ),
        ]

    def _eligibility_rule_qpv(self, date):
        return bool(self.qpv_id)

    def _eligibility_domain_qpv(self, date):
        return [("qpv_id", "!=", False)]

    def _eligibility_rule_single_parent_woman(self, date):
        return self.single_parent and self.gender == "woman"

    def _eligibility_domain_single_parent_woman(self, date):
        return [("single_parent", "=", True), ("gender", "=", "woman")]

    def _eligibility_rule_senior(self, date):
        return (self._age_at(date) or 0) >= 50

    def _eligibility_domain_senior(self, date):
        return [("birth_date", "<=", latest_start(date, 50 * 12))]

    def _eligibility_rule_low_qualification(self, date):
        return self._is_low_qualification()

    def _eligibility_domain_low_qualification(self, date):
        # One leaf per threshold, over every PLIE of the database: sudo because a
        # user may not read the settings of PLIEs they do not work for (their
        # participants stay out of reach through the multi-company rule).
        thresholds = (
            self.env["res.company"]
            .sudo()
            ._read_group([], ["plie_low_qualification_level"], ["id:array_agg"])
        )
        return expression.OR(
            [
                [
                    ("company_id", "in", company_ids),
                    (
                        "education_level",
                        "in",
                        [
                            level
                            for level, rank in EDUCATION_RANKS.items()
                            if rank <= EDUCATION_RANKS[threshold or "3"]
                        ],
                    ),
                ]
                for threshold, company_ids in thresholds
            ]
            or [expression.FALSE_DOMAIN]
        )

    def _eligibility_rule_rqth(self, date):
        return self._has_rqth_at(date)

    def _eligibility_domain_rqth(self, date):
        return [
            ("rqth", "=", True),
            "|",
            ("rqth_end_date", "=", False),
            ("rqth_end_date", ">=", date),
        ]

    # Under 26 and without qualification (no diploma or brevet, levels 1-2).
    def _eligibility_rule_young_low_qualification(self, date):
        age = self._age_at(date)
        return self.education_level == "1_2" and age is not None and age < 26

    def _eligibility_domain_young_low_qualification(self, date):
        return [
            ("education_level", "=", "1_2"),
            ("birth_date", ">", latest_start(date, 26 * 12)),
        ]

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
                if criterion._rule_key() == "manual":
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
