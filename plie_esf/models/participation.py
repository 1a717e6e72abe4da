from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.plie_base.constants import (
    EDUCATION_LEVELS,
    ISCED_BY_EDUCATION_LEVEL,
    ISCED_LEVELS,
)

from ..esf_rules import (
    ENTRY_STATUSES,
    REQUIRED_ENTRY_ANSWERS,
    RESULT_ANSWERS,
    SPECIAL_ANSWERS,
    SPECIAL_CATEGORY_INDICATORS,
    indicators_for,
)

# Special-category answers: coordination and direction only; finance sees
# them in aggregate through the indicators.
SPECIAL = "plie_base.group_plie_coordinator"
# The thread of a participation tracks the participant's answers: ESF
# officers, who keep them up to date, and coordination; not the accounting
# users nor the business officers.
THREAD_GROUPS = "plie_base.group_plie_finance,plie_base.group_plie_coordinator"


class PlieEsfParticipation(models.Model):
    """One participant in one operation (Regulation (EU) 2021/1057, Annex I):
    entry, exit and six-month answers of the ESF questionnaires."""

    _name = "plie.esf.participation"
    _description = "ESF participation"
    _inherit = ["plie.thread.mixin", "mail.thread"]
    _order = "entry_date desc, id desc"
    _check_company_auto = True
    _plie_thread_group = THREAD_GROUPS

    operation_id = fields.Many2one(
        "plie.esf.operation",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    participant_id = fields.Many2one(
        "plie.participant",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(related="operation_id.company_id", store=True)
    fund = fields.Selection(related="operation_id.fund")
    gender = fields.Selection(related="participant_id.gender", store=True, index=True)
    entry_date = fields.Date(
        required=True, index=True, tracking=True, help="First action."
    )
    exit_date = fields.Date(index=True, tracking=True, help="Last action.")
    is_counted = fields.Boolean(
        string="Counted participant",
        compute="_compute_is_counted",
        store=True,
        index=True,
        help="Someone supported one day or less is not a participant.",
    )
    prefilled_on = fields.Date(readonly=True)

    # Entry questionnaire
    entry_status = fields.Selection(
        ENTRY_STATUSES, string="Labour-market status at entry", tracking=True
    )
    entry_age = fields.Integer(
        string="Age at entry", compute="_compute_entry_age", store=True, index=True
    )
    entry_education_level = fields.Selection(
        EDUCATION_LEVELS, string="Education at entry", tracking=True
    )
    entry_isced = fields.Selection(
        ISCED_LEVELS,
        string="ISCED at entry",
        compute="_compute_entry_isced",
        store=True,
    )
    entry_third_country = fields.Boolean(string="Third-country national", tracking=True)
    entry_homeless = fields.Boolean(
        string="Homeless or housing exclusion", tracking=True
    )
    entry_rural = fields.Boolean(string="From a rural area", tracking=True)
    entry_disability = fields.Selection(
        SPECIAL_ANSWERS, string="Disability", tracking=True, groups=SPECIAL
    )
    entry_foreign_background = fields.Selection(
        SPECIAL_ANSWERS, string="Foreign background", tracking=True, groups=SPECIAL
    )
    entry_minority = fields.Selection(
        SPECIAL_ANSWERS, string="Minority (incl. Roma)", tracking=True, groups=SPECIAL
    )

    # Exit questionnaire (within 4 weeks of exit)
    exit_recorded = fields.Boolean(string="Exit answers recorded", tracking=True)
    exit_job_searching = fields.Boolean(string="Searching a job", tracking=True)
    exit_in_education = fields.Boolean(string="In education or training", tracking=True)
    exit_qualification = fields.Boolean(string="Gained a qualification", tracking=True)
    exit_employed = fields.Boolean(
        string="In employment (incl. self-employed)", tracking=True
    )
    # Six months after exit
    m6_recorded = fields.Boolean(string="6-month answers recorded", tracking=True)
    m6_employed = fields.Boolean(string="In employment at 6 months", tracking=True)
    m6_improved = fields.Boolean(
        string="Improved labour-market situation",
        tracking=True,
        help="Employed at entry and moved to stable employment, full employment, "
        "a job needing higher skills, or got a promotion.",
    )

    # Says which answers are missing, never what they are: readable by all.
    missing_answers = fields.Char(compute="_compute_missing_answers", compute_sudo=True)
    is_incomplete = fields.Boolean(
        compute="_compute_is_incomplete", store=True, index=True
    )
    indicator_explanation = fields.Text(
        string="Counted in", compute="_compute_indicator_explanation"
    )

    _sql_constraints = [
        (
            "operation_participant_uniq",
            "unique(operation_id, participant_id)",
            "A person is one participant of an operation: re-entries extend "
            "the existing participation.",
        ),
        (
            "dates_check",
            "CHECK(exit_date IS NULL OR exit_date >= entry_date)",
            "The exit cannot come before the entry.",
        ),
    ]

    @api.depends("entry_date", "exit_date")
    def _compute_is_counted(self):
        for participation in self:
            entry, exit_ = participation.entry_date, participation.exit_date
            participation.is_counted = bool(entry) and (not exit_ or exit_ > entry)

    @api.depends("entry_date", "participant_id.birth_date")
    def _compute_entry_age(self):
        for participation in self:
            birth = participation.participant_id.birth_date
            # Kept once the participant is anonymised (birth date erased).
            if birth and participation.entry_date:
                participation.entry_age = relativedelta(
                    participation.entry_date, birth
                ).years

    @api.depends("entry_education_level")
    def _compute_entry_isced(self):
        for participation in self:
            participation.entry_isced = ISCED_BY_EDUCATION_LEVEL.get(
                participation.entry_education_level, False
            )

    def _missing_fields(self):
        self.ensure_one()
        missing = [name for name in REQUIRED_ENTRY_ANSWERS if not self[name]]
        if self.exit_date and not self.exit_recorded:
            missing.append("exit_recorded")
        return missing

    @api.depends(
        *REQUIRED_ENTRY_ANSWERS, "exit_date", "exit_recorded", "participant_id"
    )
    def _compute_is_incomplete(self):
        for participation in self:
            participation.is_incomplete = bool(participation._missing_fields())

    @api.depends_context("lang")
    @api.depends(
        *REQUIRED_ENTRY_ANSWERS, "exit_date", "exit_recorded", "participant_id"
    )
    def _compute_missing_answers(self):
        for participation in self:
            participation.missing_answers = ", ".join(
                self._fields[name]._description_string(self.env)
                for name in participation._missing_fields()
            )

    @api.depends_context("lang", "uid")
    @api.depends(
        "is_counted",
        "fund",
        "entry_status",
        "entry_age",
        "entry_isced",
        "entry_third_country",
        "entry_homeless",
        "entry_rural",
        "entry_disability",
        "entry_foreign_background",
        "entry_minority",
        *RESULT_ANSWERS,
    )
    def _compute_indicator_explanation(self):
        """Which indicators the participation counts in, and why: the rule and
        the answers it reads (special categories only for those allowed to
        see them)."""
        may_see_special = self.env.su or self.env.user.has_group(SPECIAL)
        for participation in self:
            lines = []
            if participation.is_counted:
                # sudo: the explanation reads answers behind groups; special
                # categories are shown only to those allowed (checked below).
                record = participation.sudo()
                for indicator in indicators_for(participation.fund):
                    if indicator.code in SPECIAL_CATEGORY_INDICATORS and not (
                        may_see_special
                    ):
                        continue
                    if record.filtered_domain(indicator.domain):
                        lines.append(f"{indicator.code}: {self.env._(indicator.rule)}")
            else:
                lines.append(
                    _("Not counted: supported one day or less, or no entry date.")
                )
            participation.indicator_explanation = "\n".join(lines)

    def _check_special_access(self):
        if not (self.env.su or self.env.user.has_group(SPECIAL)):
            raise AccessError(
                _(
                    "Special-category answers (disability, foreign background, "
                    "minority) are only reported in aggregate."
                )
            )
