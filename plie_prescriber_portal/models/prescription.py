from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.plie_base.constants import BENEFIT_TYPES, EDUCATION_LEVELS, SOCIAL
from odoo.addons.plie_pathway.models.prescription import PERSON_FIELDS

# What a prescriber sees of a prescription's progress (issue "Follow-up"):
# nothing of the pathway's content, nothing of the committee's free text.
PORTAL_STATUSES = [
    ("received", "Received"),
    ("preassigned", "Pre-assigned"),
    ("agenda", "On a committee agenda"),
    ("admitted", "Admitted"),
    ("postponed", "Postponed"),
    ("refused", "Refused"),
    ("in_pathway", "In pathway"),
    ("exited", "Exited"),
]
DECISIONS = ("admitted", "postponed", "refused")
# Fields a prescriber fills in on the portal form: the person's identity, as
# the prescription copies it onto the participant, and their situation.
PORTAL_IDENTITY_FIELDS = PERSON_FIELDS
PORTAL_SITUATION_FIELDS = (
    "ft_registration_date",
    "benefit_type",
    "education_level",
    "single_parent",
    "reason",
)
DECISION_LETTER_TEMPLATE = "plie_prescriber_portal.mail_template_prescription_decision"
DECISION_LETTER_REPORT = "plie_prescriber_portal.action_report_prescription_decision"


class PliePrescription(models.Model):
    _inherit = "plie.prescription"

    # Situation given by the prescriber, copied to the participant it creates.
    ft_registration_date = fields.Date(string="France Travail registration date")
    benefit_type = fields.Selection(
        BENEFIT_TYPES, string="Minimum social benefit", groups=SOCIAL
    )
    education_level = fields.Selection(EDUCATION_LEVELS)
    single_parent = fields.Boolean(groups=SOCIAL)
    from_portal = fields.Boolean(string="Sent on the portal", readonly=True, copy=False)
    consent_date = fields.Datetime(
        readonly=True,
        copy=False,
        help="When the prescriber confirmed that the person agreed to be "
        "oriented and was told how their data are used.",
    )
    consent_text = fields.Text(string="Consent confirmed", readonly=True, copy=False)
    portal_status = fields.Selection(
        PORTAL_STATUSES,
        string="Status for the prescriber",
        compute="_compute_portal_status",
        compute_sudo=True,
        help="What the prescriber sees on the portal.",
    )
    decision_letter_date = fields.Date(
        readonly=True,
        copy=False,
        help="Day the committee's decision was sent to the prescriber.",
    )

    # ------------------------------------------------------------------
    # Pre-assignment: the situation goes to the new participant
    # ------------------------------------------------------------------
    def _participant_values(self, referent):
        values = super()._participant_values(referent)
        values.update(
            ft_registration_date=self.ft_registration_date,
            education_level=self.education_level,
            single_parent=self.single_parent,
        )
        if self.benefit_type:
            values["benefit_ids"] = [
                (0, 0, {"benefit_type": self.benefit_type, "start_date": self.date})
            ]
        return values

    # ------------------------------------------------------------------
    # The portal's narrow door: what a prescriber member may see and send
    # ------------------------------------------------------------------
    @api.model
    def _portal_organisation(self):
        """The prescriber organisation of the current portal user, if it is
        not suspended; an empty recordset for anyone else."""
        user = self.env.user
        # sudo: a portal user may not read the organisation's PLIE flags.
        organisation = user.partner_id.sudo().parent_id
        if (
            not user._is_portal()
            or not organisation.plie_prescriber_kind
            or organisation.plie_prescriber_suspended
        ):
            return self.env["res.partner"].sudo().browse()
        return organisation

    @api.model
    def _portal_prescriptions(self, search=None, prescription_id=None):
        """The organisation's prescriptions (as superuser: portal users have
        no access right on prescriptions), optionally filtered by the
        person's name or the reference."""
        organisation = self._portal_organisation()
        if not organisation:
            return self.sudo().browse()
        domain = [
            ("prescriber_id", "=", organisation.id),
            ("company_id", "in", self.env.user.company_ids.ids),
            ("state", "!=", "withdrawn"),
        ]
        if prescription_id:
            domain.append(("id", "=", prescription_id))
        if search:
            domain += [
                "|",
                "|",
                ("name", "ilike", search),
                ("lastname", "ilike", search),
                ("firstname", "ilike", search),
            ]
        # sudo: the domain above is the portal member's whole reach.
        return self.sudo().search(domain)

    @api.model
    def _portal_prescription(self, prescription_id):
        """One prescription of the organisation, or AccessError."""
        prescription = self._portal_prescriptions(prescription_id=prescription_id)
        if not prescription:
            raise AccessError(_("This prescription is not one of your organisation."))
        return prescription

    @api.depends("state", "pathway_id.state")
    def _compute_portal_status(self):
        for prescription in self:
            status = prescription.state
            pathway_state = prescription.pathway_id.state
            if status == "admitted" and pathway_state == "closed":
                status = "exited"
            elif status == "admitted" and pathway_state not in (False, "draft"):
                status = "in_pathway"
            prescription.portal_status = status if status != "withdrawn" else False

    def _portal_values(self):
        """The follow-up of each prescription, as plain values: the portal
        templates never get a record."""
        labels = dict(self._fields["portal_status"]._description_selection(self.env))
        decisions = dict(self._fields["state"]._description_selection(self.env))
        values = []
        for prescription in self:
            status = prescription.portal_status
            # The référent once pre-assigned, never for a refused person.
            referent = (
                prescription.referent_id
                if status not in ("received", "refused")
                else None
            )
            committee = prescription.committee_id if status != "received" else None
            values.append(
                {
                    "id": prescription.id,
                    "reference": prescription.name,
                    "person": " ".join(
                        filter(None, [prescription.lastname, prescription.firstname])
                    ),
                    "date": prescription.date,
                    "sent_by": prescription.prescriber_contact_id.name or "",
                    "status": status,
                    "status_label": labels.get(status, ""),
                    "referent": referent.name if referent else "",
                    "referent_email": (referent.email or "") if referent else "",
                    "referent_phone": (referent.phone or "") if referent else "",
                    "committee_date": committee.date if committee else False,
                    "decision": decisions[prescription.state]
                    if prescription.state in DECISIONS
                    else "",
                    "refusal_category": prescription.refusal_reason_id.name
                    if status == "refused"
                    else "",
                    "letter": bool(prescription.decision_letter_date),
                }
            )
        return values

    @api.model
    def _portal_submit(self, values, documents=()):
        """Create the prescription a member sends, with its documents
        (``(name, content, mimetype)``). The answer is the same whether the
        person is known to the PLIE or not: coordination sees the match."""
        organisation = self._portal_organisation()
        if not organisation:
            raise AccessError(
                _("Only the members of a prescriber organisation can send people.")
            )
        company = self.env.user.company_id
        if not values.get("consent"):
            raise UserError(
                _(
                    "Confirm that the person agreed to be oriented to the PLIE and "
                    "was told how their data are used: the PLIE cannot receive "
                    "them otherwise."
                )
            )
        if not (values.get("lastname") or "").strip():
            raise UserError(_("Give the person's last name."))
        prescription_values = {
            name: values[name]
            for name in PORTAL_IDENTITY_FIELDS + PORTAL_SITUATION_FIELDS
            if values.get(name)
        }
        self._portal_check_territory(company, prescription_values)
        prescription_values.update(
            company_id=company.id,
            prescriber_id=organisation.id,
            prescriber_contact_id=self.env.user.partner_id.id,
            from_portal=True,
            consent_date=fields.Datetime.now(),
            # sudo: the consent text is a setting portal users may not read.
            consent_text=company.sudo()._plie_prescriber_consent_text(),
        )
        # sudo: portal users have no right on prescriptions; the member does
        # not follow the record (its chatter is the PLIE's).
        prescription = (
            self.sudo()
            .with_context(mail_create_nosubscribe=True, tracking_disable=True)
            .create(prescription_values)
        )
        # sudo: the documents go on the prescription, which the member may not
        # read (the portal never lists them back).
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {
                        "name": name,
                        "raw": content,
                        "mimetype": mimetype,
                        "res_model": self._name,
                        "res_id": prescription.id,
                    }
                    for name, content, mimetype in documents
                    if content
                ]
            )
        )
        prescription.attachment_ids = attachments
        prescription._portal_flag_duplicate()
        return prescription

    def _portal_check_territory(self, company, values):
        # sudo: only the address is set, to reuse the participant's matching.
        participant = (
            self.env["plie.participant"]
            .sudo()
            .new(
                {
                    "zip": values.get("zip"),
                    "city": values.get("city"),
                    "company_id": company.id,
                }
            )
        )
        # sudo: the territory is checked for portal users, who do not read it.
        communes = (
            self.env["plie.commune"].sudo().search([("company_id", "=", company.id)])
        )
        if not participant._match_commune(communes):
            raise UserError(
                _(
                    "%(place)s is outside the territory of %(plie)s, which takes "
                    "people living in %(communes)s: orient the person to the PLIE "
                    "of their commune.",
                    place=" ".join(
                        filter(None, [values.get("zip"), values.get("city")])
                    )
                    or _("The commune given"),
                    plie=company.name,
                    communes=", ".join(communes.mapped("name")),
                )
            )

    def _portal_flag_duplicate(self):
        """Duplicate detection on arrival, told to coordination only."""
        found = self._find_participants()
        for prescription in self.filtered(lambda p: p.id in found):
            prescription.message_post(
                body=_(
                    "Possible duplicate: a person already known to the PLIE has the "
                    'same identity. See "Already known as" before pre-assigning.'
                ),
                subtype_xmlid="mail.mt_note",
                author_id=self.env.ref("base.partner_root").id,
            )

    # ------------------------------------------------------------------
    # Decision letter
    # ------------------------------------------------------------------
    def _send_decision_letters(self):
        """Mail the committee's decision (with its PDF) to the member who sent
        each person, or to the organisation."""
        template = self.env.ref(DECISION_LETTER_TEMPLATE)
        for prescription in self:
            recipient = prescription.prescriber_contact_id or prescription.prescriber_id
            if not recipient.email:
                continue
            template.send_mail(prescription.id)
            prescription.message_post(
                body=_("Decision letter sent to %(name)s.", name=recipient.name),
                subtype_xmlid="mail.mt_note",
            )
        self.decision_letter_date = fields.Date.context_today(self)

    def _decision_letter_pdf(self):
        self.ensure_one()
        return self.env["ir.actions.report"]._render_qweb_pdf(
            DECISION_LETTER_REPORT, self.ids
        )[0]
