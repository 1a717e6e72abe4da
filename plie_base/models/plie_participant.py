import json
import logging
from collections import defaultdict, namedtuple
from datetime import date as Date

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import groupby

_logger = logging.getLogger(__name__)

# Fields of social or special-category data: only the référent role (which
# coordination and direction imply) may read them.
SOCIAL = "plie_base.group_plie_referent"

PARTICIPANT_STATES = [
    ("candidate", "Oriented"),
    ("participant", "In pathway"),
    ("exited", "Exited"),
]
GENDERS = [("woman", "Woman"), ("man", "Man"), ("non_binary", "Non-binary")]
LABOUR_MARKET_STATUSES = [
    ("unemployed", "Unemployed"),
    ("long_term_unemployed", "Long-term unemployed"),
    ("inactive", "Inactive"),
    ("employed", "Employed (incl. self-employed)"),
]
ISCED_LEVELS = [("0_2", "ISCED 0-2"), ("3_4", "ISCED 3-4"), ("5_8", "ISCED 5-8")]
NATIONALITY_CATEGORIES = [
    ("french", "French"),
    ("eu", "Other EU country"),
    ("third_country", "Third-country national"),
]
ELIGIBILITY_VERDICTS = [
    ("eligible", "Eligible"),
    ("missing_evidence", "Evidence missing"),
    ("outside_territory", "Outside the territory"),
    ("not_eligible", "Not eligible"),
]
EDUCATION_LEVELS = [
    ("1_2", "No diploma or brevet (levels 1-2)"),
    ("3", "CAP, BEP (level 3)"),
    ("4", "Baccalauréat (level 4)"),
    ("5", "Bac+2 (level 5)"),
    ("6", "Bac+3, bac+4 (level 6)"),
    ("7", "Bac+5 (level 7)"),
    ("8", "Doctorate (level 8)"),
]
# French levels to ISCED (DOMAIN.md, "Counting rules").
ISCED_BY_EDUCATION_LEVEL = {
    "1_2": "0_2",
    "3": "3_4",
    "4": "3_4",
    "5": "5_8",
    "6": "5_8",
    "7": "5_8",
    "8": "5_8",
}
SPECIAL_CATEGORY_ANSWERS = [
    ("yes", "Yes"),
    ("no", "No"),
    ("refused", "Refused to answer"),
]
SPECIAL_CATEGORY_FIELDS = ("disability", "foreign_background", "minority")
JOBSEEKER_STATUSES = ("unemployed", "long_term_unemployed")
EVIDENCE_REMINDER_DAYS = 30
# Identity held on the linked contact, exported on a subject access request.
PERSONAL_PARTNER_FIELDS = [
    "name",
    "firstname",
    "lastname",
    "email",
    "phone",
    "mobile",
    "street",
    "street2",
    "zip",
    "city",
    "country_id",
]

EligibilityResult = namedtuple(
    "EligibilityResult", "verdict eligible_criteria priority_criteria missing_criteria"
)


class PlieParticipant(models.Model):
    _name = "plie.participant"
    _description = "PLIE participant"
    _inherits = {"res.partner": "partner_id"}
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "lastname, firstname, id"
    _check_company_auto = True
    _rec_names_search = ["name", "france_travail_id"]

    partner_id = fields.Many2one(
        "res.partner",
        string="Linked contact",
        required=True,
        ondelete="restrict",
        index=True,
        help="Identity and address. Everything sensitive stays on the participant.",
    )
    company_id = fields.Many2one(
        "res.company",
        string="PLIE",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    active = fields.Boolean(default=True, tracking=True)
    state = fields.Selection(
        PARTICIPANT_STATES,
        string="Status",
        default="candidate",
        required=True,
        tracking=True,
        index=True,
    )
    exit_date = fields.Date(tracking=True, copy=False)

    # Identity
    birth_date = fields.Date(tracking=True)
    birth_year = fields.Integer(
        readonly=True, help="Kept after anonymisation for statistics."
    )
    age = fields.Integer(compute="_compute_age")
    gender = fields.Selection(
        GENDERS,
        tracking=True,
    )
    referent_id = fields.Many2one(
        "res.users",
        string="Référent de parcours",
        index=True,
        tracking=True,
        domain=lambda self: self.env["res.users"]._plie_referent_domain(),
        default=lambda self: self._default_referent(),
    )
    referent_structure_id = fields.Many2one(
        "res.partner",
        string="Référent structure",
        index=True,
        tracking=True,
        domain=[("plie_is_referent_structure", "=", True)],
        compute="_compute_referent_structure_id",
        store=True,
        readonly=False,
    )

    # Territory
    commune_id = fields.Many2one(
        "plie.commune",
        string="Commune of residence",
        compute="_compute_commune_id",
        store=True,
        readonly=False,
        index=True,
        check_company=True,
        help="Recognised from the address postcode or city among the PLIE's communes.",
    )
    outside_territory = fields.Boolean(
        compute="_compute_outside_territory", store=True, index=True
    )
    territory_override = fields.Boolean(
        string="Territory derogation",
        tracking=True,
        help="Lets coordination admit a person living outside the PLIE's territory.",
    )
    territory_override_reason = fields.Text(
        string="Derogation reason", tracking=True, groups=SOCIAL
    )
    qpv_id = fields.Many2one(
        "plie.qpv",
        string="QPV",
        domain="[('commune_id', '=', commune_id)]",
        tracking=True,
        check_company=True,
        groups=SOCIAL,
        help="Priority urban neighbourhood (quartier prioritaire de la politique "
        "de la ville) the participant lives in.",
    )

    # Professional profile
    france_travail_id = fields.Char(
        string="France Travail identifier", index=True, copy=False
    )
    ft_registration_date = fields.Date(
        string="France Travail registration date", tracking=True
    )
    jobseeker_months = fields.Integer(
        string="Jobseeker for (months)", compute="_compute_jobseeker"
    )
    is_deld = fields.Boolean(
        string="DELD",
        compute="_compute_jobseeker",
        search="_search_is_deld",
        help="Long-term jobseeker: registered 12 months or more.",
    )
    is_detld = fields.Boolean(
        string="DETLD",
        compute="_compute_jobseeker",
        search="_search_is_detld",
        help="Very long-term jobseeker: registered 24 months or more.",
    )
    labour_market_status = fields.Selection(
        LABOUR_MARKET_STATUSES,
        tracking=True,
    )
    education_level = fields.Selection(EDUCATION_LEVELS, tracking=True)
    isced_level = fields.Selection(
        ISCED_LEVELS,
        string="ISCED level",
        compute="_compute_isced_level",
        store=True,
    )

    # Social situation (sensitive)
    benefit_ids = fields.One2many(
        "plie.participant.benefit",
        "participant_id",
        string="Minimum social benefits",
        groups=SOCIAL,
    )
    rqth = fields.Boolean(
        string="RQTH",
        tracking=True,
        groups=SOCIAL,
        help="Recognised disabled worker (reconnaissance de la qualité de "
        "travailleur handicapé).",
    )
    rqth_end_date = fields.Date(string="RQTH valid until", groups=SOCIAL)
    single_parent = fields.Boolean(tracking=True, groups=SOCIAL)
    housing_situation = fields.Selection(
        [
            ("owner", "Owner"),
            ("tenant", "Tenant"),
            ("social_tenant", "Social housing tenant"),
            ("family", "Housed by family or friends"),
            ("temporary", "Temporary accommodation (hostel, CHRS)"),
            ("precarious", "Precarious or unfit housing"),
            ("homeless", "Homeless"),
        ],
        tracking=True,
        groups=SOCIAL,
    )
    is_housing_excluded = fields.Boolean(
        string="Homeless or housing exclusion",
        compute="_compute_is_housing_excluded",
        store=True,
        groups=SOCIAL,
    )
    nationality_category = fields.Selection(
        NATIONALITY_CATEGORIES,
        groups=SOCIAL,
    )
    note_ids = fields.One2many(
        "plie.participant.note",
        "participant_id",
        string="Confidential notes",
        groups=SOCIAL,
    )

    # ESF special-category data: collected with consent, may be refused.
    special_consent = fields.Selection(
        [
            ("pending", "Not asked yet"),
            ("given", "Consent given"),
            ("refused", "Consent refused"),
        ],
        string="Consent to special-category questions",
        default="pending",
        required=True,
        tracking=True,
        groups=SOCIAL,
    )
    special_consent_date = fields.Date(string="Consent date", groups=SOCIAL)
    disability = fields.Selection(SPECIAL_CATEGORY_ANSWERS, groups=SOCIAL)
    foreign_background = fields.Selection(
        SPECIAL_CATEGORY_ANSWERS, string="Foreign background", groups=SOCIAL
    )
    minority = fields.Selection(
        SPECIAL_CATEGORY_ANSWERS,
        string="Minority (incl. Roma)",
        groups=SOCIAL,
    )

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
    is_priority_public = fields.Boolean(
        compute="_compute_eligibility",
        search="_search_is_priority_public",
        groups=SOCIAL,
    )

    # GDPR
    legal_basis = fields.Selection(
        [
            ("public_interest", "Task in the public interest (GDPR art. 6.1.e)"),
            ("legal_obligation", "Legal obligation (GDPR art. 6.1.c)"),
            ("consent", "Consent (GDPR art. 6.1.a)"),
        ],
        default="public_interest",
        required=True,
    )
    esf_retention_end_date = fields.Date(
        string="ESF retention until",
        help="Documents of an ESF-funded operation are kept 5 years from 31 "
        "December of the year of the last payment to the beneficiary (Regulation "
        "(EU) 2021/1060, art. 82). Anonymisation is refused until then.",
    )
    retention_end_date = fields.Date(
        compute="_compute_retention_end_date",
        store=True,
        help="Date after which the participant's data should be anonymised.",
    )
    is_anonymized = fields.Boolean(readonly=True, copy=False)
    anonymized_date = fields.Datetime(readonly=True, copy=False)
    anonymized_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    _sql_constraints = [
        (
            "partner_company_uniq",
            "unique(partner_id, company_id)",
            "This contact is already a participant of this PLIE.",
        ),
    ]

    # ------------------------------------------------------------------
    # Defaults and computes
    # ------------------------------------------------------------------
    @api.model
    def _default_referent(self):
        user = self.env.user
        return user if user.has_group("plie_base.group_plie_referent") else False

    def _reference_date(self):
        """Date at which age, jobseeker duration and eligibility are computed."""
        return fields.Date.to_date(
            self.env.context.get("plie_date")
        ) or fields.Date.context_today(self)

    @api.depends("birth_date")
    @api.depends_context("plie_date")
    def _compute_age(self):
        date = self._reference_date()
        for participant in self:
            participant.age = participant._age_at(date) or 0

    @api.depends("referent_id")
    def _compute_referent_structure_id(self):
        for participant in self:
            if participant.referent_id.plie_structure_id:
                structure = participant.referent_id.plie_structure_id
                participant.referent_structure_id = structure

    @api.depends("zip", "city", "company_id")
    def _compute_commune_id(self):
        communes = self.env["plie.commune"].search(
            [("company_id", "in", self.company_id.ids)]
        )
        for participant in self:
            participant.commune_id = participant._match_commune(communes)

    def _match_commune(self, communes):
        self.ensure_one()
        city = (self.city or "").strip().casefold()
        for commune in communes:
            if commune.company_id != self.company_id:
                continue
            if (self.zip and self.zip.strip() in commune._zip_list()) or (
                city and city == commune.name.casefold()
            ):
                return commune
        return communes.browse()

    @api.depends("commune_id")
    def _compute_outside_territory(self):
        for participant in self:
            participant.outside_territory = not participant.commune_id

    @api.depends("ft_registration_date", "labour_market_status")
    @api.depends_context("plie_date")
    def _compute_jobseeker(self):
        date = self._reference_date()
        for participant in self:
            start = participant.ft_registration_date
            months = 0
            if start and start <= date:
                delta = relativedelta(date, start)
                months = delta.years * 12 + delta.months
            participant.jobseeker_months = months
            participant.is_deld = participant._is_jobseeker_for(date, 12)
            participant.is_detld = participant._is_jobseeker_for(date, 24)

    @api.depends("education_level")
    def _compute_isced_level(self):
        for participant in self:
            participant.isced_level = ISCED_BY_EDUCATION_LEVEL.get(
                participant.education_level, False
            )

    @api.depends("housing_situation")
    def _compute_is_housing_excluded(self):
        for participant in self:
            participant.is_housing_excluded = participant.housing_situation in (
                "precarious",
                "homeless",
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

    @api.depends(
        "exit_date", "esf_retention_end_date", "company_id.plie_retention_years"
    )
    def _compute_retention_end_date(self):
        for participant in self:
            end = False
            if participant.exit_date:
                years = participant.company_id.plie_retention_years
                end = Date(participant.exit_date.year + years, 12, 31)
            if participant.esf_retention_end_date:
                end = max(
                    end or participant.esf_retention_end_date,
                    participant.esf_retention_end_date,
                )
            participant.retention_end_date = end

    # ------------------------------------------------------------------
    # Searches on computed fields
    # ------------------------------------------------------------------
    def _search_jobseeker_for(self, operator, value, months):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on jobseeker duration."))
        limit = self._reference_date() - relativedelta(months=months)
        domain = [
            ("labour_market_status", "in", JOBSEEKER_STATUSES),
            ("ft_registration_date", "<=", limit),
        ]
        positive = (operator == "=") == value
        return domain if positive else ["!", "&", *domain]

    def _search_is_deld(self, operator, value):
        return self._search_jobseeker_for(operator, value, 12)

    def _search_is_detld(self, operator, value):
        return self._search_jobseeker_for(operator, value, 24)

    def _search_is_priority_public(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on priority publics."))
        participants = self.search([])
        results = participants._eligibility_results(self._reference_date())
        ids = [pid for pid, result in results.items() if result.priority_criteria]
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    # ------------------------------------------------------------------
    # Business rules used by the eligibility criteria
    # ------------------------------------------------------------------
    def _age_at(self, date):
        self.ensure_one()
        if not self.birth_date:
            return None
        return relativedelta(date, self.birth_date).years

    def _is_jobseeker_for(self, date, months):
        """Registered at France Travail for at least ``months`` months on ``date``."""
        self.ensure_one()
        start = self.ft_registration_date
        return bool(
            self.labour_market_status in JOBSEEKER_STATUSES
            and start
            and start + relativedelta(months=months) <= date
        )

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
        self.ensure_one()
        return any(
            evidence.criterion_id == criterion and evidence._is_valid_at(date)
            for evidence in self.evidence_ids
        )

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

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("birth_date", "ft_registration_date")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for participant in self:
            if participant.birth_date and participant.birth_date >= today:
                raise ValidationError(
                    _(
                        "The birth date of %(name)s must be in the past.",
                        name=participant.name,
                    )
                )
            registration = participant.ft_registration_date
            if registration and registration > today:
                raise ValidationError(
                    _(
                        "The France Travail registration date of %(name)s cannot be in "
                        "the future.",
                        name=participant.name,
                    )
                )
            if (
                registration
                and participant.birth_date
                and registration < participant.birth_date
            ):
                raise ValidationError(
                    _(
                        "The France Travail registration date of %(name)s cannot be "
                        "before their birth date.",
                        name=participant.name,
                    )
                )

    @api.constrains(
        "firstname",
        "lastname",
        "birth_date",
        "france_travail_id",
        "company_id",
        "active",
    )
    def _check_one_active_participant_per_person(self):
        """One active participant per person and PLIE: same name and birth date,
        or same France Travail identifier."""
        active = self.filtered("active")
        if not active:
            return
        others = (
            self.with_context(active_test=True)
            .sudo()
            .search(
                [
                    ("company_id", "in", active.company_id.ids),
                    "|",
                    ("birth_date", "in", [d for d in active.mapped("birth_date") if d]),
                    (
                        "france_travail_id",
                        "in",
                        [i for i in active.mapped("france_travail_id") if i],
                    ),
                ]
            )
        )
        owners = defaultdict(set)  # (company id, person key) -> participant ids
        for other in others:
            for key in other._person_keys():
                owners[other.company_id.id, key].add(other.id)
        for participant in active:
            twin_ids = set().union(
                *(
                    owners[participant.company_id.id, key]
                    for key in participant._person_keys()
                )
            ) - {participant.id}
            if twin_ids:
                raise ValidationError(
                    _(
                        "%(name)s is already an active participant of this PLIE "
                        "(%(twin)s). Open the existing record instead of creating "
                        "a new one.",
                        name=participant.name,
                        twin=self.browse(min(twin_ids)).name,
                    )
                )

    def _person_keys(self):
        self.ensure_one()
        keys = set()
        if self.birth_date and self.lastname:
            names = " ".join(f"{self.lastname} {self.firstname or ''}".split())
            keys.add(("person", names.casefold(), self.birth_date))
        if self.france_travail_id:
            keys.add(("france_travail", self.france_travail_id))
        return keys

    @api.constrains("special_consent", *SPECIAL_CATEGORY_FIELDS)
    def _check_special_category_consent(self):
        for participant in self.sudo():
            answered = any(
                participant[field] in ("yes", "no") for field in SPECIAL_CATEGORY_FIELDS
            )
            if answered and participant.special_consent != "given":
                raise ValidationError(
                    _(
                        "Disability, foreign background and minority can only be "
                        "recorded for %(name)s once their consent is given.",
                        name=participant.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("territory_override"):
                self._check_territory_override_right()
            self._normalize_values(vals)
        participants = super().create(vals_list)
        participants._sync_partner_company()
        return participants

    def write(self, vals):
        if "territory_override" in vals:
            self._check_territory_override_right()
        self._normalize_values(vals)
        res = super().write(vals)
        if "company_id" in vals:
            self._sync_partner_company()
        return res

    @api.model
    def _check_territory_override_right(self):
        if not self.env.su and not self.env.user.has_group(
            "plie_base.group_plie_coordinator"
        ):
            raise AccessError(
                _("Only coordination can grant or withdraw a territory derogation.")
            )

    @api.model
    def _normalize_values(self, vals):
        """Keep the birth year (it survives anonymisation) in step, and store
        France Travail identifiers in one form so that duplicates are found."""
        if vals.get("birth_date"):
            vals["birth_year"] = fields.Date.to_date(vals["birth_date"]).year
        if vals.get("france_travail_id"):
            vals["france_travail_id"] = vals["france_travail_id"].strip().upper()

    def _sync_partner_company(self):
        """Restrict the participant's contact to the participant's PLIE."""
        for company, participants in groupby(self, key=lambda p: p.company_id):
            partners = self.browse([p.id for p in participants]).partner_id
            partners.filtered(lambda p, c=company: p.company_id != c).write(
                {"company_id": company.id}
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
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

    def action_export_personal_data(self):
        """Subject access request (GDPR art. 15): everything held about the person."""
        self.ensure_one()
        self._check_gdpr_officer()
        payload = json.dumps(
            self._gdpr_export_data(), indent=2, ensure_ascii=False, default=str
        )
        attachment = self.env["ir.attachment"].create(
            {
                "name": _("personal-data-%(id)s.json", id=self.id),
                "raw": payload.encode(),
                "mimetype": "application/json",
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        self.message_post(body=_("Personal data exported (subject access request)."))
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def action_anonymize(self):
        if not self.env.user.has_group("plie_base.group_plie_manager"):
            raise AccessError(
                _("Only the PLIE's direction can anonymise participants.")
            )
        self._check_can_be_anonymized()
        self.sudo()._anonymize()
        return True

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

    # ------------------------------------------------------------------
    # GDPR
    # ------------------------------------------------------------------
    def _check_gdpr_officer(self):
        if not self.env.user.has_group("plie_base.group_plie_coordinator"):
            raise AccessError(_("Only coordination can export a participant's data."))

    def _check_can_be_anonymized(self):
        today = fields.Date.context_today(self)
        for participant in self:
            if participant.is_anonymized:
                raise UserError(
                    _("%(name)s is already anonymised.", name=participant.name)
                )
            if participant.state == "participant":
                raise UserError(
                    _(
                        "%(name)s is in a pathway: close it before anonymising.",
                        name=participant.name,
                    )
                )
            if (
                participant.esf_retention_end_date
                and participant.esf_retention_end_date >= today
            ):
                raise UserError(
                    _(
                        "The data of %(name)s must be kept for the ESF until "
                        "%(date)s: anonymisation is not allowed before then.",
                        name=participant.name,
                        date=participant.esf_retention_end_date,
                    )
                )

    def _gdpr_export_data(self):
        """Everything held about the participant; other addons add sections."""
        self.ensure_one()
        own_fields = [
            name
            for name, field in self._fields.items()
            if field.store
            and not field.inherited
            and field.model_name == self._name
            and field.type not in ("binary", "one2many", "many2many")
            and field.is_accessible(self.env)
        ]
        record = self.read(PERSONAL_PARTNER_FIELDS + own_fields)[0]
        return {
            "participant": record,
            "benefits": self.benefit_ids.read(
                ["benefit_type", "other_name", "start_date", "end_date"]
            ),
            "eligibility_evidence": self.evidence_ids.read(
                [
                    "criterion_id",
                    "evidence_date",
                    "expiry_date",
                    "note",
                    "document_name",
                    "checked_by_id",
                    "checked_on",
                ]
            ),
            "notes": self.note_ids.read(["date", "author_id", "body"]),
            "messages": self.message_ids.read(
                ["date", "author_id", "body", "message_type"]
            ),
        }

    def _anonymize(self):
        """Erase identity and free text; keep what statistics and ESF need."""
        partners = self.partner_id
        self.env["mail.message"].search(
            [
                "|",
                "&",
                ("model", "=", self._name),
                ("res_id", "in", self.ids),
                "&",
                ("model", "=", "res.partner"),
                ("res_id", "in", partners.ids),
            ]
        ).unlink()
        self.activity_ids.unlink()
        self.env["ir.attachment"].search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()
        self.note_ids.unlink()
        self.evidence_ids.write(
            {"document": False, "document_name": False, "note": False}
        )
        self.benefit_ids.write({"other_name": False})
        for participant in self:
            participant.partner_id.write(participant._anonymized_partner_values())
        self.write(
            {
                "birth_date": False,
                "france_travail_id": False,
                "territory_override_reason": False,
                "is_anonymized": True,
                "anonymized_date": fields.Datetime.now(),
                "anonymized_by_id": self.env.uid,
            }
        )
        for participant in self:
            participant.message_post(
                body=_("Participant anonymised by %(user)s.", user=self.env.user.name)
            )
        _logger.info(
            "GDPR: participants %s anonymised by user #%s", self.ids, self.env.uid
        )

    def _anonymized_partner_values(self):
        self.ensure_one()
        return {
            "firstname": False,
            "lastname": _("Anonymous %(ref)s", ref=self.id),
            "email": False,
            "phone": False,
            "mobile": False,
            "street": False,
            "street2": False,
            "comment": False,
            "image_1920": False,
            "vat": False,
            "ref": False,
            "function": False,
            "website": False,
        }
