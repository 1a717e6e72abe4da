from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import groupby

from odoo.addons.plie_base.constants import GENDERS, SOCIAL
from odoo.addons.plie_base.rules import (
    check_name_lengths,
    normalize_france_travail_id,
    person_keys,
)

from .pathway import OPEN_STATES

# Prescriptions still waiting for a decision; a postponed one waits to be put
# on an agenda again, and counts as never admitted if it is not.
WAITING_STATES = ("received", "preassigned", "agenda")
UNDECIDED_STATES = (*WAITING_STATES, "postponed")
# Identity copied from the prescription onto the participant it creates.
PERSON_FIELDS = (
    "lastname",
    "firstname",
    "birth_date",
    "gender",
    "france_travail_id",
    "phone",
    "email",
    "street",
    "zip",
    "city",
)


class PliePrescription(models.Model):
    """A prescriber orients a person to the PLIE (DOMAIN.md, "The pathway" 1-3)."""

    _name = "plie.prescription"
    _description = "Prescription (orientation to the PLIE)"
    _inherit = [
        "plie.thread.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "plie.state.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: _("New"),
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
            ("received", "Received"),
            ("preassigned", "Pre-assigned"),
            ("agenda", "On committee agenda"),
            ("admitted", "Admitted"),
            ("refused", "Refused"),
            ("postponed", "Postponed"),
            ("withdrawn", "Withdrawn"),
        ],
        string="Status",
        default="received",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    date = fields.Date(
        string="Prescription date",
        required=True,
        default=fields.Date.context_today,
        index=True,
        tracking=True,
    )
    prescriber_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain=[("plie_prescriber_kind", "!=", False)],
    )
    prescriber_kind = fields.Selection(
        related="prescriber_id.plie_prescriber_kind",
        store=True,
        string="Prescriber type",
    )
    prescriber_contact_id = fields.Many2one(
        "res.partner",
        string="Prescriber contact",
        domain="[('parent_id', '=', prescriber_id)]",
    )
    reason = fields.Text(string="Reason for orientation", groups=SOCIAL)
    attachment_ids = fields.Many2many(
        "ir.attachment", string="Documents", groups=SOCIAL
    )

    # The person oriented
    lastname = fields.Char(string="Last name", required=True)
    firstname = fields.Char(string="First name")
    birth_date = fields.Date()
    gender = fields.Selection(GENDERS)
    france_travail_id = fields.Char(string="France Travail identifier", index=True)
    phone = fields.Char()
    email = fields.Char()
    street = fields.Char()
    zip = fields.Char()
    city = fields.Char()
    commune_id = fields.Many2one(
        "plie.commune",
        compute="_compute_commune_id",
        string="Commune of residence",
    )
    participant_id = fields.Many2one(
        "plie.participant",
        index=True,
        readonly=True,
        tracking=True,
        check_company=True,
    )
    duplicate_participant_id = fields.Many2one(
        "plie.participant",
        string="Already known as",
        compute="_compute_duplicate_participant_id",
        groups="plie_base.group_plie_coordinator",
        help="Participant with the same name and birth date, or the same France "
        "Travail identifier: pre-assignment links the prescription to them.",
    )
    duplicate_prescription_id = fields.Many2one(
        "plie.prescription",
        string="Also oriented by",
        compute="_compute_duplicate_participant_id",
        groups="plie_base.group_plie_coordinator",
        help="Another prescription of the same person still waiting for a "
        "decision: withdraw one of them.",
    )

    # Orientation: chosen before the pre-assignment, then the participant's
    # référent (the prescription is handed over with the participant).
    referent_id = fields.Many2one(
        "res.users",
        string="Pre-assigned référent",
        compute="_compute_referent_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        check_company=True,
        domain=lambda self: self.env["res.users"]._plie_referent_domain(),
    )
    suggested_referent_id = fields.Many2one(
        "res.users",
        string="Suggested référent",
        check_company=True,
        compute="_compute_suggested_referent_id",
        help="Référent covering the person's commune or working for the prescriber "
        "(or any référent) with the lowest caseload relative to their capacity.",
    )
    committee_id = fields.Many2one(
        "plie.committee",
        tracking=True,
        check_company=True,
        domain="[('state', '=', 'planned')]",
        help="Session where the entry is decided; left empty, the next planned "
        "session is used.",
    )
    committee_item_ids = fields.One2many(
        "plie.committee.item", "prescription_id", string="Committee decisions"
    )
    decision_date = fields.Date(
        readonly=True,
        copy=False,
        index=True,
        help="Day of the committee's decision or of the withdrawal: candidates "
        "never admitted are anonymised some months after it.",
    )
    refusal_reason_id = fields.Many2one(
        "plie.refusal.reason", readonly=True, tracking=True, check_company=True
    )
    pathway_id = fields.Many2one(
        "plie.pathway", readonly=True, copy=False, check_company=True
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("lastname", "firstname", "name")
    def _compute_display_name(self):
        for prescription in self:
            person = " ".join(
                filter(None, [prescription.lastname, prescription.firstname])
            )
            prescription.display_name = f"{prescription.name} - {person}"

    @api.depends("participant_id.referent_id")
    def _compute_referent_id(self):
        for prescription in self.filtered("participant_id"):
            prescription.referent_id = prescription.participant_id.referent_id

    @api.depends("zip", "city", "company_id", "participant_id.commune_id")
    def _compute_commune_id(self):
        for prescription in self:
            prescription.commune_id = (
                prescription.participant_id.commune_id
                or prescription._as_participant().commune_id
            )

    @api.depends(
        "lastname", "firstname", "birth_date", "france_travail_id", "company_id"
    )
    def _compute_duplicate_participant_id(self):
        found = self._find_participants()
        pending = self._find_pending_prescriptions()
        for prescription in self:
            prescription.duplicate_participant_id = found.get(prescription.id)
            prescription.duplicate_prescription_id = pending.get(prescription.id)

    @api.depends("commune_id", "company_id", "prescriber_id")
    def _compute_suggested_referent_id(self):
        Users = self.env["res.users"]
        for company, prescriptions in groupby(self, key=lambda p: p.company_id):
            loads = Users._plie_referent_loads(company)
            for prescription in prescriptions:
                prescription.suggested_referent_id = Users._plie_least_loaded(
                    loads, prescription.commune_id, prescription._referent_structure()
                )

    def _referent_structure(self):
        """The prescriber when it also employs référents (e.g. a Mission Locale)."""
        self.ensure_one()
        prescriber = self.prescriber_id
        return prescriber.filtered("plie_is_referent_structure")

    def _as_participant(self):
        """An unsaved participant with this identity, to reuse its rules."""
        self.ensure_one()
        values = {field: self[field] for field in PERSON_FIELDS}
        return self.env["plie.participant"].new(
            dict(values, company_id=self.company_id.id)
        )

    def _person_keys(self):
        self.ensure_one()
        return person_keys(
            self.lastname, self.firstname, self.birth_date, self.france_travail_id
        )

    def _find_same_person(self, model, domain):
        """{prescription id: first record of ``model`` matching ``domain`` that
        is the same person (plie_base's person keys: name and birth date
        whatever the accents, case and order of the names, or France Travail
        identifier) in the same PLIE}, in one query."""
        with_keys = self.filtered(lambda p: p.birth_date or p.france_travail_id)
        if not with_keys:
            return {}
        ft_ids = [
            p.france_travail_id.strip().upper()
            for p in with_keys
            if p.france_travail_id
        ]
        # Coordination decides on duplicates it may not read otherwise (another
        # référent's participant): only the match is shown, through a field
        # restricted to coordination.
        candidates = (
            self.env[model]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    *domain,
                    ("company_id", "in", with_keys.company_id.ids),
                    "|",
                    (
                        "birth_date",
                        "in",
                        [d for d in with_keys.mapped("birth_date") if d],
                    ),
                    ("france_travail_id", "in", ft_ids),
                ]
            )
        )
        owners = defaultdict(list)  # (company id, person key) -> candidates
        for candidate in candidates:
            for key in candidate._person_keys():
                owners[candidate.company_id.id, key].append(candidate)
        found = {}
        for prescription in with_keys:
            matches = [
                candidate
                for key in prescription._person_keys()
                for candidate in owners.get((prescription.company_id.id, key), [])
                if candidate.id != prescription._origin.id
            ]
            if matches:
                found[prescription.id] = matches[0].with_env(self.env)
        return found

    def _find_participants(self):
        """{prescription id: known participant of the same person}."""
        return self._find_same_person("plie.participant", [])

    def _find_pending_prescriptions(self):
        """{prescription id: another prescription of the same person still
        waiting for a decision}."""
        return self._find_same_person(
            "plie.prescription",
            [("state", "in", UNDECIDED_STATES)],
        )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_name_lengths(self.env, vals)
            if vals.get("france_travail_id"):
                vals["france_travail_id"] = normalize_france_travail_id(
                    self.env, vals["france_travail_id"]
                )
            if vals.get("name", _("New")) == _("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("plie.prescription")
        return super().create(vals_list)

    def write(self, vals):
        check_name_lengths(self.env, vals, ("firstname", "lastname"))
        if vals.get("france_travail_id"):
            vals["france_travail_id"] = normalize_france_travail_id(
                self.env, vals["france_travail_id"]
            )
        if "referent_id" in vals and self.filtered("participant_id"):
            raise AccessError(
                _(
                    "This prescription follows its participant's référent: change "
                    "it through the committee's decision or coordination's "
                    "reassignment."
                )
            )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_preassign(self):
        """Link the person to their participant record (found or created) and
        pre-assign them to the chosen or suggested référent."""
        self.check_access("write")
        self._check_state(("received",))
        found = self._find_participants()
        for prescription in self:
            referent = prescription.referent_id or prescription.suggested_referent_id
            if not referent:
                raise UserError(
                    _(
                        "No référent with a caseload capacity was found for "
                        "%(name)s: choose the référent.",
                        name=prescription.display_name,
                    )
                )
            participant = prescription.participant_id or found.get(prescription.id)
            # sudo: an open pathway elsewhere in the PLIE must be found even if
            # the user may not read it.
            if participant and participant.sudo().pathway_ids.filtered(
                lambda p: p.state in OPEN_STATES
            ):
                raise UserError(
                    _(
                        "%(name)s already has an open pathway: propose a change of "
                        "référent to the committee instead.",
                        name=participant.name,
                    )
                )
            if participant:
                participant._change_referent(referent, _("Pre-assignment"))
            else:
                participant = self.env["plie.participant"].create(
                    prescription._participant_values(referent)
                )
            prescription._write_state(
                {"participant_id": participant.id, "state": "preassigned"}
            )
        return True

    def action_put_on_agenda(self):
        """Add the entry to the agenda of the chosen or next committee session."""
        self.check_access("write")
        self._check_state(("preassigned", "postponed"))
        Committee = self.env["plie.committee"]
        items = []
        for prescription in self:
            if not prescription.participant_id:
                raise UserError(
                    _(
                        "Pre-assign %(name)s before putting them on the agenda.",
                        name=prescription.display_name,
                    )
                )
            committee = prescription.committee_id
            if committee.state != "planned":
                committee = Committee._next_session(prescription.company_id)
            if not committee:
                raise UserError(
                    _(
                        "Plan a committee session first: there is no planned session "
                        "to put %(name)s on.",
                        name=prescription.display_name,
                    )
                )
            prescription._write_state({"committee_id": committee.id, "state": "agenda"})
            items.append(
                {
                    "committee_id": committee.id,
                    "item_type": "entry",
                    "prescription_id": prescription.id,
                    "participant_id": prescription.participant_id.id,
                }
            )
        self.env["plie.committee.item"].create(items)
        return True

    def action_withdraw(self):
        """The person withdraws (or the prescriber does) before admission."""
        self.check_access("write")
        self._check_state(UNDECIDED_STATES)
        pending = self.committee_item_ids.filtered(
            lambda i: i.decision == "pending" and i.committee_state == "planned"
        )
        pending.unlink()
        self._close_without_admission("withdrawn", fields.Date.context_today(self))
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _close_without_admission(self, state, day, refusal_reason=None):
        """Refusal or withdrawal on ``day``: it starts the anonymisation delay,
        and the pre-assigned référent loses access to a person they will not
        follow."""
        self._write_state(
            {
                "state": state,
                "decision_date": day,
                "refusal_reason_id": refusal_reason and refusal_reason.id,
            }
        )
        self.filtered(lambda p: not p.participant_id).referent_id = False
        not_followed = self.participant_id.filtered(
            lambda p: p.referent_id
            and not p.pathway_ids.filtered(lambda w: w.state in OPEN_STATES)
            and not p.prescription_ids.filtered(lambda r: r.state in UNDECIDED_STATES)
        )
        not_followed._change_referent(self.env["res.users"], _("Not admitted"))

    def _participant_values(self, referent):
        self.ensure_one()
        values = {field: self[field] for field in PERSON_FIELDS}
        values.update(company_id=self.company_id.id, referent_id=referent.id)
        return values
