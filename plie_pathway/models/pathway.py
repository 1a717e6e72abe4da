from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import groupby

from odoo.addons.plie_base.constants import SOCIAL, STATE_CHANGE_KEY
from odoo.addons.plie_base.models.participant_referent import move_referent_followers
from odoo.addons.plie_base.rules import check_date_range

from ..positive_exit import GROUNDS, positive_exit_ground

OPEN_STATES = ("draft", "active", "follow_up", "suspended")
# States in which the référent is expected to keep in touch.
CONTACT_STATES = ("active", "follow_up")
# DOMAIN.md, "The pathway": employment is followed for 6 months.
FOLLOW_UP_MONTHS = 6
FOLLOW_UP_CHECKPOINT_MONTHS = (1, 3, 6)
DAYS_PER_MONTH = 365.25 / 12
# Smart-button counters and the lines they count.
COUNTED_LINES = {
    "interview_count": "plie.interview",
    "step_count": "plie.pathway.step",
    "enrolment_count": "plie.action.enrolment",
    "employment_count": "plie.employment",
}
# Fields only coordination (the committee) changes; a pathway's own buttons
# change its state after checking the user's rights.
COMMITTEE_FIELDS = {
    "date_planned_end",
    "state",
    "date_end",
    "exit_reason_id",
    "is_positive_exit",
    "exit_ground",
    "exit_disagreement",
}


class PliePathway(models.Model):
    _name = "plie.pathway"
    _description = "PLIE pathway"
    _inherit = [
        "plie.thread.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "plie.state.mixin",
    ]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: _("New"),
    )
    participant_id = fields.Many2one(
        "plie.participant",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="PLIE",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    state = fields.Selection(
        [
            ("draft", "Contract to sign"),
            ("active", "Active"),
            ("follow_up", "Employment follow-up"),
            ("suspended", "Suspended"),
            ("closed", "Closed"),
        ],
        string="Status",
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    # The participant's référent while the pathway is open; a closed pathway
    # keeps the référent who followed it to its end.
    referent_id = fields.Many2one(
        "res.users",
        string="Référent de parcours",
        compute="_compute_referent_id",
        store=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    referent_structure_id = fields.Many2one(
        "res.partner",
        string="Référent structure",
        compute="_compute_referent_structure_id",
        store=True,
        index=True,
    )
    commune_id = fields.Many2one(
        related="participant_id.commune_id", store=True, index=True
    )
    prescription_id = fields.Many2one(
        "plie.prescription",
        readonly=True,
        index=True,
        check_company=True,
        groups=SOCIAL,
    )
    admission_date = fields.Date(
        readonly=True, help="Date of the committee that admitted the participant."
    )
    admission_diagnosis_id = fields.Many2one(
        "plie.eligibility.diagnosis",
        string="Eligibility at admission",
        readonly=True,
        copy=False,
        groups=SOCIAL,
        help="The eligibility diagnosis the committee admitted the person on.",
    )
    admission_verdict = fields.Selection(
        related="admission_diagnosis_id.verdict",
        string="Verdict at admission",
        groups=SOCIAL,
    )
    admission_criteria_ids = fields.One2many(
        related="admission_diagnosis_id.line_ids",
        string="Criteria at admission",
        groups=SOCIAL,
    )
    priority_criterion_ids = fields.Many2many(
        "plie.eligibility.criterion",
        "plie_pathway_priority_criterion_rel",
        "pathway_id",
        "criterion_id",
        string="Priority publics at entry",
        readonly=True,
        groups=SOCIAL,
    )
    date_start = fields.Date(
        string="Contract signed on",
        index=True,
        tracking=True,
        copy=False,
        help="Signature date of the contrat d'engagement: the pathway starts then.",
    )
    date_planned_end = fields.Date(string="Planned end", tracking=True, copy=False)
    date_end = fields.Date(string="Exit date", index=True, tracking=True, copy=False)
    follow_up_start = fields.Date(
        string="Employment follow-up from",
        tracking=True,
        copy=False,
        help="Hiring date that started the follow-up in employment.",
    )
    follow_up_end = fields.Date(
        string="Employment follow-up until",
        compute="_compute_follow_up_end",
        store=True,
    )
    exit_reason_id = fields.Many2one(
        "plie.exit.reason",
        readonly=True,
        tracking=True,
        check_company=True,
        groups=SOCIAL,  # "health", "incarceration"... are social data
    )
    is_positive_exit = fields.Boolean(
        string="Positive exit", readonly=True, tracking=True, copy=False
    )
    exit_check_ground = fields.Selection(
        GROUNDS,
        string="Positive-exit check",
        compute="_compute_exit_check_ground",
        help="Result of the usual positive-exit rule on the pathway's employment "
        "and trainings, at the exit date (or today).",
    )
    exit_ground = fields.Selection(
        GROUNDS,
        string="Positive-exit check at exit",
        readonly=True,
        copy=False,
    )
    exit_disagreement = fields.Boolean(
        string="Check and reason disagree",
        readonly=True,
        copy=False,
        help="The exit reason chosen by the committee and the positive-exit check "
        "disagree; the committee recorded why.",
    )
    exit_disagreement_note = fields.Text(
        string="Why the committee disagrees", readonly=True, groups=SOCIAL
    )
    note = fields.Html(string="Notes", groups=SOCIAL)
    assignment_ids = fields.One2many(
        "plie.pathway.assignment",
        "pathway_id",
        string="Référent history",
        groups=SOCIAL,
    )
    step_ids = fields.One2many(
        "plie.pathway.step",
        "pathway_id",
        string="Steps",
        groups="plie_base.group_plie_referent,plie_base.group_plie_business",
    )
    interview_ids = fields.One2many(
        "plie.interview", "pathway_id", string="Interviews", groups=SOCIAL
    )
    enrolment_ids = fields.One2many(
        "plie.action.enrolment",
        "pathway_id",
        string="Enrolments",
        groups="plie_base.group_plie_referent,plie_base.group_plie_finance",
    )
    employment_ids = fields.One2many(
        "plie.employment", "pathway_id", string="Employment periods"
    )
    committee_item_ids = fields.One2many(
        "plie.committee.item",
        "pathway_id",
        string="Committee decisions",
        groups=SOCIAL,
    )
    interview_count = fields.Integer(compute="_compute_counts", groups=SOCIAL)
    step_count = fields.Integer(
        compute="_compute_counts",
        groups="plie_base.group_plie_referent,plie_base.group_plie_business",
    )
    enrolment_count = fields.Integer(
        compute="_compute_counts",
        groups="plie_base.group_plie_referent,plie_base.group_plie_finance",
    )
    employment_count = fields.Integer(compute="_compute_counts")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("participant_id.referent_id", "state")
    def _compute_referent_id(self):
        for pathway in self:
            if pathway.state != "closed" or not pathway.referent_id:
                pathway.referent_id = pathway.participant_id.referent_id

    @api.depends("participant_id.name", "name")
    def _compute_display_name(self):
        for pathway in self:
            pathway.display_name = f"{pathway.participant_id.name} ({pathway.name})"

    @api.depends("referent_id")
    def _compute_referent_structure_id(self):
        for pathway in self:
            pathway.referent_structure_id = pathway.referent_id.plie_structure_id

    @api.depends("follow_up_start")
    def _compute_follow_up_end(self):
        for pathway in self:
            start = pathway.follow_up_start
            pathway.follow_up_end = start and start + relativedelta(
                months=FOLLOW_UP_MONTHS
            )

    @api.depends(
        "date_start",
        "date_end",
        "employment_ids.contract_type_id.counts_toward_duration",
        "employment_ids.contract_type_id.outright_ground",
        "employment_ids.date_start",
        "employment_ids.date_end",
        "employment_ids.weekly_hours",
        "company_id.plie_min_weekly_hours",
        "step_ids.category",
        "step_ids.qualifying",
        "step_ids.outcome",
        "step_ids.date_end",
    )
    def _compute_exit_check_ground(self):
        grounds = self._origin._positive_exit_grounds()
        for pathway in self:
            pathway.exit_check_ground = grounds.get(pathway._origin.id, False)

    def _compute_counts(self):
        for field, model in COUNTED_LINES.items():
            counts = (
                self._count_by_pathway(model)
                if self.env[model].has_access("read")
                else {}
            )
            for pathway in self:
                pathway[field] = counts.get(pathway.id, 0)

    def _count_by_pathway(self, model):
        groups = self.env[model]._read_group(
            [("pathway_id", "in", self.ids)], ["pathway_id"], ["__count"]
        )
        return {pathway.id: count for pathway, count in groups}

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_committee_fields(vals)
            if "referent_id" in vals:
                participant = self.env["plie.participant"].browse(
                    vals.get("participant_id")
                )
                if vals["referent_id"] == participant.referent_id.id:
                    del vals["referent_id"]
            self._check_referent_not_written(vals)
            if vals.get("name", _("New")) == _("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("plie.pathway")
        pathways = super().create(vals_list)
        pathways._record_assignment(
            self.env.context.get("plie_assignment_reason"), initial=True
        )
        pathways._follow_referent()
        return pathways

    def write(self, vals):
        self._check_committee_fields(vals)
        self._check_referent_not_written(vals)
        return super().write(vals)

    @api.model
    def _check_referent_not_written(self, vals):
        if "referent_id" in vals:
            raise AccessError(
                _(
                    "A pathway follows the référent of its participant: change it "
                    "through the committee's decision or coordination's "
                    "reassignment."
                )
            )

    @api.constrains("date_start", "admission_date", "date_end", "date_planned_end")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for pathway in self:
            check_date_range(
                pathway,
                ("date_start", "admission_date", "date_end", "date_planned_end"),
            )
            name = pathway.participant_id.name
            start = pathway.date_start
            if start and start > today:
                raise ValidationError(
                    _(
                        "The engagement contract of %(name)s cannot be signed in "
                        "the future.",
                        name=name,
                    )
                )
            if start and pathway.admission_date and start < pathway.admission_date:
                raise ValidationError(
                    _(
                        "The engagement contract of %(name)s cannot be signed before "
                        "the committee admitted them (%(date)s).",
                        name=name,
                        date=pathway.admission_date,
                    )
                )
            if pathway.date_end and pathway.date_end > today:
                raise ValidationError(
                    _(
                        "The exit of %(name)s cannot be dated in the future.",
                        name=name,
                    )
                )

    @api.model
    def _check_committee_fields(self, vals):
        protected = COMMITTEE_FIELDS & set(vals)
        if (
            protected
            and not self.env.su
            and not self.env.user.has_group("plie_base.group_plie_coordinator")
        ):
            raise AccessError(
                _(
                    "Only coordination changes the référent, status or exit of a "
                    "pathway: use the pathway's buttons or propose it to the committee."
                )
            )

    def _record_assignment(self, reason=False, initial=False):
        """Keep the history of référents: close the running assignment, open one
        (from the admission for the first one)."""
        today = fields.Date.context_today(self)
        # sudo: the history is written by the committee or the reassignment,
        # never by hand (users only read it).
        Assignment = self.env["plie.pathway.assignment"].sudo()
        Assignment.search(
            [("pathway_id", "in", self.ids), ("date_end", "=", False)]
        ).write({"date_end": today})
        Assignment.create(
            [
                {
                    "pathway_id": pathway.id,
                    "referent_id": pathway.referent_id.id,
                    "date_start": initial and pathway.admission_date or today,
                    "reason": reason,
                }
                for pathway in self
                if pathway.referent_id
            ]
        )

    def _follow_referent(self, previous=None):
        """The référent follows the open pathways; ``previous`` ({pathway id:
        référent}) stop following them."""
        nobody = self.env["res.users"]
        move_referent_followers(
            self.filtered(lambda p: p.state in OPEN_STATES),
            lambda p: (previous or {}).get(p.id, nobody),
            lambda p: p.referent_id,
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_sign_contract(self):
        """Record the signature of the contrat d'engagement: the pathway starts."""
        self.check_access("write")
        today = fields.Date.context_today(self)
        for pathway in self:
            if pathway.state != "draft":
                raise UserError(
                    _(
                        "The contract of %(name)s is already signed.",
                        name=pathway.display_name,
                    )
                )
            if not pathway.date_start or pathway.date_start > today:
                raise UserError(
                    _(
                        "Enter the date on which %(name)s signed the engagement "
                        "contract (today or earlier).",
                        name=pathway.participant_id.name,
                    )
                )
        # sudo: the state is coordination's field (COMMITTEE_FIELDS); the
        # référent's right to sign was checked above.
        for pathway in self:
            months = pathway.company_id.plie_pathway_alert_months
            pathway.sudo()._write_state(
                {
                    "state": "active",
                    "date_planned_end": pathway.date_planned_end
                    or pathway.date_start + relativedelta(months=months),
                }
            )
        # sudo: the participant's state follows the pathway's.
        self.participant_id.sudo().with_context(**{STATE_CHANGE_KEY: True}).write(
            {"state": "participant", "exit_date": False}
        )
        return True

    def action_propose_exit(self):
        self.ensure_one()
        self.check_access("write")
        return {
            "type": "ir.actions.act_window",
            "name": _("Propose an exit"),
            "res_model": "plie.exit.proposal",
            "view_mode": "form",
            "target": "new",
            "context": {"default_pathway_id": self.id},
        }

    def action_reassign(self):
        return {
            "type": "ir.actions.act_window",
            "name": _("Reassign pathways"),
            "res_model": "plie.pathway.reassign",
            "view_mode": "form",
            "target": "new",
            "context": {"default_pathway_ids": self.ids},
        }

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _positive_exit_grounds(self, check_dates=None):
        """{pathway id: ground or False}: the positive-exit rule (see
        positive_exit.py) at ``check_dates[id]``, the exit date or today."""
        today = fields.Date.context_today(self)
        check_dates = check_dates or {}
        employments, rules = self._employment_facts()
        trainings = defaultdict(list)
        # sudo: the rule reads every training step, also for roles (finance)
        # that do not read steps.
        for step in (
            self.env["plie.pathway.step"]
            .sudo()
            .search(
                [
                    ("pathway_id", "in", self.ids),
                    ("category", "=", "training"),
                    ("qualifying", "=", True),
                    ("outcome", "=", "achieved"),
                    ("date_end", "!=", False),
                ]
            )
        ):
            trainings[step.pathway_id.id].append(step.date_end)
        return {
            pathway.id: positive_exit_ground(
                pathway.date_start,
                check_dates.get(pathway.id) or pathway.date_end or today,
                employments[pathway.id],
                trainings[pathway.id],
                rules,
                pathway.company_id.plie_min_weekly_hours,
            )
            for pathway in self
        }

    def _close(self, exit_date, reason, disagreement_note=False):
        """Close the pathways on the committee's decision (coordination only)."""
        grounds = self._positive_exit_grounds(dict.fromkeys(self.ids, exit_date))
        for pathway in self:
            ground = grounds[pathway.id]
            pathway._write_state(
                {
                    "state": "closed",
                    "date_end": exit_date,
                    "exit_reason_id": reason.id,
                    "is_positive_exit": reason.is_positive,
                    "exit_ground": ground,
                    "exit_disagreement": bool(ground) != reason.is_positive,
                    "exit_disagreement_note": disagreement_note,
                }
            )
        # sudo: the référent's reminders end with the pathway, whoever closes it.
        self.activity_ids.sudo().unlink()
        self._release_action_seats()
        self.participant_id.with_context(**{STATE_CHANGE_KEY: True}).write(
            {"state": "exited", "exit_date": exit_date}
        )

    def _release_action_seats(self):
        """A person who leaves the PLIE is withdrawn from the actions not
        started yet (waiting lists included): their seats go to the next
        people waiting."""
        self.env["plie.action.enrolment"].search(
            [("pathway_id", "in", self.ids), ("state", "in", ("waiting", "prescribed"))]
        ).unlink()

    def _cron_pathway_reminders(self):
        """Daily: an activity for the référent of each overdue contact and of
        each pathway reaching the alert duration or the cap."""
        for activity_type, domain, summary in (
            (
                "plie_pathway.mail_activity_type_contact_overdue",
                [("contact_overdue", "=", True)],
                _("No contact for too long: plan an interview"),
            ),
            (
                "plie_pathway.mail_activity_type_duration_alert",
                [("duration_alert", "!=", False)],
                _("Long pathway: prepare an extension or the exit for the committee"),
            ),
        ):
            activity_type_id = self.env.ref(activity_type).id
            pathways = self.search(
                [
                    *domain,
                    (
                        "activity_ids",
                        "not any",
                        [("activity_type_id", "=", activity_type_id)],
                    ),
                ]
            )
            for referent, group in groupby(pathways, key=lambda p: p.referent_id):
                self.browse([p.id for p in group]).activity_schedule(
                    activity_type, summary=summary, user_id=referent.id or self.env.uid
                )
