from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import groupby

from ..constants import (
    EDUCATION_LEVELS,
    GENDERS,
    ISCED_BY_EDUCATION_LEVEL,
    ISCED_LEVELS,
    JOBSEEKER_STATUSES,
    LABOUR_MARKET_STATUSES,
    NATIONALITY_CATEGORIES,
    PARTICIPANT_STATES,
    SOCIAL,
    SPECIAL_CATEGORY_ANSWERS,
    SPECIAL_CATEGORY_FIELDS,
    STATE_CHANGE_KEY,
)
from ..rules import (
    check_date_range,
    check_name_lengths,
    latest_start,
    normalize_france_travail_id,
)


class PlieParticipant(models.Model):
    _name = "plie.participant"
    _description = "PLIE participant"
    _inherits = {"res.partner": "partner_id"}
    _inherit = ["plie.thread.mixin", "mail.thread", "mail.activity.mixin"]
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
    # The one place where a person's référent is held: pathways, prescriptions
    # and record rules read it from here.
    referent_id = fields.Many2one(
        "res.users",
        string="Référent de parcours",
        index=True,
        tracking=True,
        check_company=True,
        domain=lambda self: self.env["res.users"]._plie_referent_domain(),
        default=lambda self: self._default_referent(),
    )
    referent_structure_id = fields.Many2one(
        related="referent_id.plie_structure_id",
        string="Référent structure",
        store=True,
        index=True,
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

    # ------------------------------------------------------------------
    # Searches on computed fields
    # ------------------------------------------------------------------
    def _search_jobseeker_for(self, operator, value, months):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on jobseeker duration."))
        limit = latest_start(self._reference_date(), months)
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

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("birth_date", "ft_registration_date", "exit_date")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for participant in self:
            check_date_range(participant, ("birth_date", "ft_registration_date"))
            if participant.exit_date and participant.exit_date > today:
                raise ValidationError(
                    _(
                        "The exit date of %(name)s cannot be in the future: only "
                        "days already lived count.",
                        name=participant.name,
                    )
                )
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

    @api.constrains("special_consent", *SPECIAL_CATEGORY_FIELDS)
    def _check_special_category_consent(self):
        # sudo: the special categories are behind groups; the rule holds
        # whoever writes the participant.
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
            if vals.get("state", "candidate") != "candidate":
                self._check_state_change()
            self._normalize_values(vals)
        participants = super().create(vals_list)
        participants._sync_partner_company()
        participants._follow_referent()
        return participants

    def write(self, vals):
        if "territory_override" in vals:
            self._check_territory_override_right()
        if "state" in vals:
            self._check_state_change()
        if "company_id" in vals:
            self._check_company_move(vals["company_id"])
        if "referent_structure_id" in vals:
            # A related field writes through to the référent's user record.
            raise AccessError(
                _("The structure is the référent's: it changes with the référent.")
            )
        self._normalize_values(vals)
        previous = {}
        if "referent_id" in vals:
            previous = {p.id: p.referent_id for p in self}
            self._check_referent_change(vals["referent_id"])
        res = super().write(vals)
        if "company_id" in vals:
            self._sync_partner_company()
        if previous:
            self._on_referent_change(previous)
        return res

    def _check_state_change(self):
        """States move only through their actions (which set the context key)."""
        if not self.env.su and not self.env.context.get(STATE_CHANGE_KEY):
            raise AccessError(
                _(
                    "The status of a participant changes only through the "
                    "committee's decisions and the pathway's buttons."
                )
            )

    def _check_company_move(self, company_id):
        """A person moves to another PLIE only by coordination of both PLIEs."""
        moving = self.filtered(lambda p: p.company_id.id != company_id)
        if not moving or self.env.su:
            return
        user = self.env.user
        companies = moving.company_id | self.env["res.company"].browse(company_id)
        if not user.has_group("plie_base.group_plie_coordinator") or (
            companies - user.company_ids
        ):
            raise AccessError(
                _(
                    "Only coordination of both PLIEs can move %(names)s to another "
                    "PLIE.",
                    names=", ".join(moving.mapped("name")),
                )
            )

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
        """Keep the birth year (it survives anonymisation) in step, store France
        Travail identifiers in one form so that duplicates are found, and refuse
        malformed identity before it reaches the database."""
        check_name_lengths(self.env, vals)
        if vals.get("birth_date"):
            vals["birth_year"] = fields.Date.to_date(vals["birth_date"]).year
        if vals.get("france_travail_id"):
            vals["france_travail_id"] = normalize_france_travail_id(
                self.env, vals["france_travail_id"]
            )

    def _sync_partner_company(self):
        """Restrict the participant's contact to the participant's PLIE."""
        for company, participants in groupby(self, key=lambda p: p.company_id):
            partners = self.browse([p.id for p in participants]).partner_id
            partners.filtered(lambda p, c=company: p.company_id != c).write(
                {"company_id": company.id}
            )
