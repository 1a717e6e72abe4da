from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.plie_pathway.models.employment import MAX_WEEKLY_HOURS

from ..const import BUSINESS, OFFER_STATES

# Ranking of suggested candidates (IOD method: offer first, then people).
SCORE_SAME_JOB = 3  # a job target with the offer's ROME code
SCORE_SAME_FAMILY = 1  # a job target in the same ROME family (e.g. K22)
SCORE_SAME_COMMUNE = 2  # living in the offer's commune
SCORE_TERRITORY = 1  # living elsewhere in the PLIE's territory
SCORE_AVAILABLE = 1  # no employment running today
SUGGESTION_LIMIT = 20
# Pathways whose participants may be put forward (in follow-up: employed,
# possibly part-time or on a short contract).
CANDIDATE_STATES = ("active", "follow_up")


class PlieJobOffer(models.Model):
    _name = "plie.job.offer"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Job offer"
    _order = "date_published desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Job title", required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Company",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
    )
    rome_job_id = fields.Many2one(
        "plie.rome.job", string="Job (ROME)", required=True, index=True
    )
    contract_type_id = fields.Many2one(
        "plie.contract.type",
        string="Contract type",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        default=lambda self: self.env.ref(
            "plie_pathway.contract_type_cdd", raise_if_not_found=False
        ),
    )
    weekly_hours = fields.Float(default=35.0)
    commune_id = fields.Many2one("plie.commune", index=True, check_company=True)
    location = fields.Char(help="Address or site of the job.")
    positions = fields.Integer(default=1, required=True)
    date_published = fields.Date(
        string="Received on", required=True, default=fields.Date.context_today
    )
    date_start = fields.Date(string="Job starts on")
    date_deadline = fields.Date(string="Apply before")
    state = fields.Selection(
        OFFER_STATES, default="open", required=True, index=True, tracking=True
    )
    officer_id = fields.Many2one(
        "res.users",
        string="Business relations officer",
        index=True,
        default=lambda self: self.env.user
        if self.env.user.has_group(BUSINESS)
        else False,
        domain=lambda self: [("groups_id", "in", self.env.ref(BUSINESS).id)],
    )
    description = fields.Text()
    match_ids = fields.One2many("plie.job.match", "offer_id", string="Candidates")
    match_count = fields.Integer(compute="_compute_match_counts")
    hired_count = fields.Integer(compute="_compute_match_counts")
    company_id = fields.Many2one(
        "res.company",
        string="PLIE",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "positions_positive",
            "CHECK(positions > 0)",
            "An offer has at least one position.",
        ),
    ]

    @api.depends("match_ids.state")
    def _compute_match_counts(self):
        groups = self.env["plie.job.match"]._read_group(
            [("offer_id", "in", self.ids)], ["offer_id", "state"], ["__count"]
        )
        counts = defaultdict(lambda: defaultdict(int))
        for offer, state, count in groups:
            counts[offer][state] = count
        for offer in self:
            by_state = counts[offer._origin]
            offer.match_count = sum(by_state.values())
            offer.hired_count = by_state["hired"]

    @api.constrains("date_published", "date_deadline")
    def _check_dates(self):
        for offer in self:
            if offer.date_deadline and offer.date_deadline < offer.date_published:
                raise ValidationError(
                    _(
                        "The offer %(name)s cannot close before it was received.",
                        name=offer.name,
                    )
                )

    @api.constrains("weekly_hours")
    def _check_weekly_hours(self):
        # As the employment period a hire creates: refused here, not at the hire.
        for offer in self:
            if not 0 <= offer.weekly_hours <= MAX_WEEKLY_HOURS:
                raise ValidationError(
                    _(
                        "The weekly hours of the offer %(name)s must be between 0 "
                        "and %(maximum)s.",
                        name=offer.name,
                        maximum=MAX_WEEKLY_HOURS,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_fill(self):
        self.write({"state": "filled"})

    def action_cancel(self):
        self.write({"state": "cancelled"})

    def action_reopen(self):
        self.write({"state": "open"})

    def action_suggest_candidates(self):
        self.ensure_one()
        wizard = self.env["plie.job.offer.suggestion"].create({"offer_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "name": _("Suggested candidates"),
            "res_model": "plie.job.offer.suggestion",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    # ------------------------------------------------------------------
    # Matching
    # ------------------------------------------------------------------
    def _suggest_candidates(self, limit=SUGGESTION_LIMIT):
        """Participants in a pathway in progress that the user may read, not yet put
        forward for this offer, best first: [(participant, score, reasons)].

        Reads only the professional profile (job targets of non-social steps,
        commune, employments), in a fixed number of queries."""
        self.ensure_one()
        pathways = self.env["plie.pathway"].search(
            [
                ("state", "in", CANDIDATE_STATES),
                ("company_id", "=", self.company_id.id),
            ]
        )
        participants = pathways.participant_id - self.match_ids.participant_id
        targets = self.env["plie.pathway.step"]._read_group(
            [
                ("participant_id", "in", participants.ids),
                ("rome_job_id", "!=", False),
                ("category", "!=", "social"),
            ],
            ["participant_id"],
            ["rome_job_id:array_agg"],
        )
        jobs = {participant: set(job_ids) for participant, job_ids in targets}
        codes = dict(
            self.env["plie.rome.job"]
            .browse({job for ids in jobs.values() for job in ids})
            .mapped(lambda job: (job.id, job.code))
        )
        today = fields.Date.context_today(self)
        employed = {
            participant
            for [participant] in self.env["plie.employment"]._read_group(
                [
                    ("participant_id", "in", participants.ids),
                    ("date_start", "<=", today),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", today),
                ],
                ["participant_id"],
            )
        }
        ranked = [
            (participant, *self._score(participant, jobs, codes, employed))
            for participant in participants
        ]
        ranked.sort(key=lambda item: (-item[1], item[0].name or ""))
        return ranked[:limit]

    def _score(self, participant, jobs, codes, employed):
        reasons = []
        score = 0
        target_codes = {codes[job] for job in jobs.get(participant, ())}
        offer_code = self.rome_job_id.code
        if offer_code in target_codes:
            score += SCORE_SAME_JOB
            reasons.append(_("Job target %(code)s", code=offer_code))
        elif any(code[:3] == offer_code[:3] for code in target_codes):
            score += SCORE_SAME_FAMILY
            reasons.append(_("Job family %(family)s", family=offer_code[:3]))
        if self.commune_id and participant.commune_id == self.commune_id:
            score += SCORE_SAME_COMMUNE
            reasons.append(_("Lives in %(commune)s", commune=self.commune_id.name))
        elif participant.commune_id:
            score += SCORE_TERRITORY
            reasons.append(_("Lives in the territory"))
        if participant not in employed:
            score += SCORE_AVAILABLE
            reasons.append(_("Available"))
        return score, ", ".join(reasons)
