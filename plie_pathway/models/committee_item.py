from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import groupby

from odoo.addons.plie_base.constants import SOCIAL
from odoo.addons.plie_base.rules import check_date_range

from ..positive_exit import GROUNDS
from .pathway import OPEN_STATES

# Same values as plie.participant's eligibility_verdict (static, so that labels
# translate).
ELIGIBILITY_VERDICTS = [
    ("eligible", "Eligible"),
    ("missing_evidence", "Evidence missing"),
    ("outside_territory", "Outside the territory"),
    ("not_eligible", "Not eligible"),
]


class PlieCommitteeItem(models.Model):
    """An agenda item of a committee session and its decision."""

    _name = "plie.committee.item"
    _inherit = ["plie.thread.mixin"]
    _description = "Committee agenda item"
    _order = "committee_id, sequence, id"
    _check_company_auto = True

    committee_id = fields.Many2one(
        "plie.committee",
        string="Session",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="committee_id.company_id", store=True, index=True, precompute=True
    )
    committee_date = fields.Datetime(related="committee_id.date", string="Session date")
    committee_state = fields.Selection(
        related="committee_id.state", string="Session status"
    )
    sequence = fields.Integer(default=10)
    item_type = fields.Selection(
        [
            ("entry", "Entry"),
            ("exit", "Exit"),
            ("extension", "Extension"),
            ("referent_change", "Change of référent"),
        ],
        string="Type",
        required=True,
        default="entry",
    )
    prescription_id = fields.Many2one(
        "plie.prescription", index=True, check_company=True, ondelete="restrict"
    )
    pathway_id = fields.Many2one(
        "plie.pathway", index=True, check_company=True, ondelete="cascade"
    )
    participant_id = fields.Many2one(
        "plie.participant",
        compute="_compute_participant_id",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        index=True,
        check_company=True,
    )
    referent_id = fields.Many2one(related="participant_id.referent_id")
    eligibility_verdict = fields.Selection(
        ELIGIBILITY_VERDICTS,
        string="Eligibility at the session",
        compute="_compute_eligibility_verdict",
        groups=SOCIAL,
        help="Stored with the decision; computed at the session date until then.",
    )
    diagnosis_id = fields.Many2one(
        "plie.eligibility.diagnosis",
        string="Eligibility diagnosis",
        readonly=True,
        copy=False,
        groups=SOCIAL,
    )
    derogation = fields.Boolean(
        help="Admit a person who is not eligible at the session date; the reason "
        "is recorded in the minutes.",
    )
    derogation_reason = fields.Text()
    proposal_note = fields.Text(
        string="Référent's proposal", help="Why the référent submits this item."
    )
    decision = fields.Selection(
        [
            ("pending", "To decide"),
            ("accepted", "Accepted"),
            ("refused", "Refused"),
            ("postponed", "Postponed"),
        ],
        default="pending",
        required=True,
        index=True,
    )
    decision_note = fields.Text(string="Reason of the decision")
    refusal_reason_id = fields.Many2one("plie.refusal.reason", check_company=True)
    exit_reason_id = fields.Many2one("plie.exit.reason", check_company=True)
    exit_category = fields.Selection(related="exit_reason_id.category")
    exit_date = fields.Date()
    exit_check_ground = fields.Selection(
        GROUNDS,
        string="Positive-exit check",
        compute="_compute_exit_check",
        help="The usual positive-exit rule applied at the exit date.",
    )
    exit_disagreement = fields.Boolean(
        string="Check and reason disagree", compute="_compute_exit_check"
    )
    disagreement_note = fields.Text(string="Why the committee disagrees")
    extension_date = fields.Date(string="New planned end")
    new_referent_id = fields.Many2one(
        "res.users",
        string="New référent",
        check_company=True,
        domain=lambda self: self.env["res.users"]._plie_referent_domain(),
    )

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------
    @api.depends("committee_id", "item_type", "participant_id")
    def _compute_display_name(self):
        types = dict(self._fields["item_type"]._description_selection(self.env))
        for item in self:
            item.display_name = _(
                "%(type)s: %(name)s",
                type=types.get(item.item_type),
                name=item.participant_id.name,
            )

    @api.depends("prescription_id", "pathway_id")
    def _compute_participant_id(self):
        for item in self:
            item.participant_id = (
                item.pathway_id.participant_id
                or item.prescription_id.participant_id
                or item.participant_id
            )

    @api.depends("item_type", "participant_id", "committee_id.date", "diagnosis_id")
    def _compute_eligibility_verdict(self):
        """The stored diagnosis once decided: never recomputed from later data."""
        self.eligibility_verdict = False
        decided = self.filtered("diagnosis_id")
        for item in decided:
            item.eligibility_verdict = item.diagnosis_id.verdict
        entries = (self - decided).filtered(
            lambda i: i.item_type == "entry" and i.participant_id
        )
        for date, items in groupby(entries, key=lambda i: i._session_day()):
            participants = self.browse([i.id for i in items]).participant_id
            results = participants._eligibility_results(date)
            for item in items:
                item.eligibility_verdict = results[item.participant_id.id].verdict

    @api.depends("item_type", "pathway_id", "exit_date", "exit_reason_id")
    def _compute_exit_check(self):
        self.exit_check_ground = False
        self.exit_disagreement = False
        exits = self.filtered(lambda i: i.item_type == "exit" and i.pathway_id)
        for date, items in groupby(exits, key=lambda i: i.exit_date):
            pathways = self.env["plie.pathway"].concat(
                *[i.pathway_id._origin for i in items]
            )
            grounds = pathways._positive_exit_grounds(dict.fromkeys(pathways.ids, date))
            for item in items:
                ground = grounds.get(item.pathway_id._origin.id, False)
                item.exit_check_ground = ground
                item.exit_disagreement = bool(
                    item.exit_reason_id
                    and bool(ground) != item.exit_reason_id.is_positive
                )

    def _session_day(self):
        self.ensure_one()
        return fields.Date.context_today(self, self.committee_id.date)

    @api.constrains("item_type", "prescription_id", "pathway_id")
    def _check_links(self):
        for item in self:
            if item.item_type != "entry" and not item.pathway_id:
                raise ValidationError(
                    _(
                        "Choose the pathway of %(name)s for this agenda item.",
                        name=item.participant_id.name,
                    )
                )

    @api.constrains("exit_date", "extension_date")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for item in self:
            check_date_range(item, ("exit_date", "extension_date"))
            if item.exit_date and item.exit_date > today:
                raise ValidationError(
                    _(
                        "The exit of %(name)s cannot be dated in the future: only "
                        "days already lived count.",
                        name=item.participant_id.name,
                    )
                )

    def _readiness_error(self):
        """What prevents applying the decision, or False."""
        self.ensure_one()
        name = self.participant_id.name
        if self.decision == "pending":
            return _("%(name)s: no decision yet.", name=name)
        if not self.decision_note:
            return _("%(name)s: give the reason of the decision.", name=name)
        if (
            self.item_type == "entry"
            and self.decision == "refused"
            and not (self.refusal_reason_id)
        ):
            return _("%(name)s: choose the refusal reason.", name=name)
        if self.decision != "accepted":
            return False
        # An ineligible person cannot be admitted without a recorded derogation.
        if (
            self.item_type == "entry"
            and self.eligibility_verdict != "eligible"
            and not (self.derogation and self.derogation_reason)
        ):
            return _(
                "%(name)s is not eligible at the session date: record a derogation "
                "and its reason to admit them.",
                name=name,
            )
        if self.item_type == "exit":
            if not (self.exit_reason_id and self.exit_date):
                return _("%(name)s: give the exit reason and date.", name=name)
            if self.exit_disagreement and not self.disagreement_note:
                return _(
                    "%(name)s: the exit reason and the positive-exit check disagree; "
                    "record why.",
                    name=name,
                )
            if (
                self.pathway_id.date_start
                and self.exit_date < self.pathway_id.date_start
            ):
                return _(
                    "%(name)s: the exit date is before the pathway start.", name=name
                )
        if self.item_type == "extension" and not self.extension_date:
            return _("%(name)s: give the new planned end.", name=name)
        if self.item_type == "referent_change" and not self.new_referent_id:
            return _("%(name)s: choose the new référent.", name=name)
        if self.item_type != "entry" and self.pathway_id.state not in OPEN_STATES:
            return _("%(name)s: the pathway is already closed.", name=name)
        return False

    def _check_ready_to_apply(self):
        errors = [error for error in map(type(self)._readiness_error, self) if error]
        if errors:
            raise UserError(
                _(
                    "The session cannot be closed yet:\n%(errors)s",
                    errors="\n".join(errors),
                )
            )

    # ------------------------------------------------------------------
    # Applying decisions
    # ------------------------------------------------------------------
    def _apply_decisions(self):
        entries = self.filtered(lambda i: i.item_type == "entry")
        entries._apply_entries()
        for item in (self - entries).filtered(lambda i: i.decision == "accepted"):
            pathway = item.pathway_id
            if item.item_type == "exit":
                pathway._close(
                    item.exit_date, item.exit_reason_id, item.disagreement_note
                )
            elif item.item_type == "extension":
                pathway.date_planned_end = item.extension_date
            else:
                pathway.participant_id._change_referent(
                    item.new_referent_id, item.decision_note
                )

    def _store_diagnoses(self):
        """Store each entry's eligibility as it stands on the session day
        (once: a stored diagnosis is never replaced)."""
        undiagnosed = self.filtered(lambda i: not i.diagnosis_id)
        for committee, items in groupby(undiagnosed, key=lambda i: i.committee_id):
            items = self.browse([i.id for i in items])
            derogations = {
                i.participant_id.id: i.derogation_reason
                for i in items
                if i.decision == "accepted" and i.derogation
            }
            diagnoses = items.participant_id._store_eligibility_diagnoses(
                items[0]._session_day(), derogations, committee.display_name
            )
            by_participant = {d.participant_id.id: d for d in diagnoses}
            for item in items:
                item.diagnosis_id = by_participant[item.participant_id.id]

    def _apply_entries(self):
        """Store the diagnoses; admission opens a pathway; refusal and
        postponement update the prescription."""
        self._store_diagnoses()
        admitted = self.filtered(lambda i: i.decision == "accepted")
        for item in admitted:
            # sudo: an open pathway may be followed by a référent the coordinator's
            # rules do not show; it must be found all the same.
            if item.participant_id.sudo().pathway_ids.filtered(
                lambda p: p.state in OPEN_STATES
            ):
                raise UserError(
                    _(
                        "%(name)s already has an open pathway.",
                        name=item.participant_id.name,
                    )
                )
        for item in admitted.filtered(
            lambda i: i.eligibility_verdict == "outside_territory"
        ):
            item.participant_id.write(
                {
                    "territory_override": True,
                    "territory_override_reason": item.derogation_reason,
                }
            )
        admitted.participant_id._check_territory_for_admission()
        pathways = (
            self.env["plie.pathway"]
            .with_context(plie_assignment_reason=_("Admission by the committee"))
            .create([item._pathway_values() for item in admitted])
        )
        for item, pathway in zip(admitted, pathways, strict=True):
            item.pathway_id = pathway
            item.prescription_id._write_state(
                {
                    "state": "admitted",
                    "pathway_id": pathway.id,
                    "decision_date": item._session_day(),
                }
            )
        for item in self - admitted:
            if item.decision == "refused":
                item.prescription_id._close_without_admission(
                    "refused", item._session_day(), item.refusal_reason_id
                )
            else:
                item.prescription_id._write_state(
                    {"state": item.decision, "decision_date": item._session_day()}
                )

    def _pathway_values(self):
        self.ensure_one()
        priority = self.diagnosis_id.line_ids.filtered(
            lambda line: line.kind == "priority" and line.status == "met"
        )
        return {
            "participant_id": self.participant_id.id,
            "company_id": self.company_id.id,
            "prescription_id": self.prescription_id.id,
            "admission_date": self._session_day(),
            "admission_diagnosis_id": self.diagnosis_id.id,
            "priority_criterion_ids": [(6, 0, priority.criterion_id.ids)],
        }
