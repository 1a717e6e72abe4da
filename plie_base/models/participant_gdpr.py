import json
import logging
from datetime import date as Date

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..constants import PERSONAL_PARTNER_FIELDS

_logger = logging.getLogger(__name__)


class PlieParticipant(models.Model):
    # plie.participant is split into one file per concern.
    _inherit = "plie.participant"  # pylint: disable=consider-merging-classes-inherited

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

    @api.depends(
        "exit_date", "esf_retention_end_date", "company_id.plie_retention_years"
    )
    def _compute_retention_end_date(self):
        for participant in self:
            # The ESF end, once known (plie_esf), replaces the conservative
            # default of the PLIE's settings.
            end = participant.esf_retention_end_date
            if not end and participant.exit_date:
                years = participant.company_id.plie_retention_years
                end = Date(participant.exit_date.year + years, 12, 31)
            participant.retention_end_date = end

    def action_export_personal_data(self):
        """Subject access request (GDPR art. 15): everything held about the
        person, downloaded by the one who asks and kept nowhere (an attachment
        would be readable by every role reading the participant)."""
        self.ensure_one()
        self._check_gdpr_officer()
        self.check_access("read")
        return {
            "type": "ir.actions.act_url",
            "url": f"/plie/personal_data/{self.id}",
            "target": "self",
        }

    def _personal_data_export(self):
        """The JSON of a subject access request; logs who exported it, when."""
        self.ensure_one()
        self._check_gdpr_officer()
        self.check_access("read")
        payload = json.dumps(
            self._gdpr_export_data(), indent=2, ensure_ascii=False, default=str
        )
        self.message_post(
            body=_(
                "Personal data exported (subject access request) by %(user)s.",
                user=self.env.user.name,
            )
        )
        _logger.info(
            "GDPR: personal data of participant #%s exported by user #%s",
            self.id,
            self.env.uid,
        )
        return payload

    def action_anonymize(self):
        if not self.env.user.has_group("plie_base.group_plie_manager"):
            raise AccessError(
                _("Only the PLIE's direction can anonymise participants.")
            )
        self._check_can_be_anonymized()
        # sudo: direction was checked above; anonymising clears records of every
        # addon (notes, attachments, messages) that direction may not write.
        self.sudo()._anonymize()
        return True

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
            end = participant.retention_end_date
            if end and end >= today:
                raise UserError(
                    _(
                        "The data of %(name)s must be kept until %(date)s (retention "
                        "after exit, ESF documents): anonymisation is not allowed "
                        "before then.",
                        name=participant.name,
                        date=end,
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
            "eligibility_diagnoses": [
                dict(
                    diagnosis,
                    criteria=self.env["plie.eligibility.diagnosis.line"]
                    .browse(diagnosis["line_ids"])
                    .read(
                        [
                            "criterion_name",
                            "kind",
                            "status",
                            "evidence_date",
                            "evidence_expiry_date",
                            "document_name",
                            "checked_by_id",
                            "checked_on",
                        ]
                    ),
                )
                for diagnosis in self.diagnosis_ids.read(
                    [
                        "date",
                        "origin",
                        "author_id",
                        "verdict",
                        "derogation",
                        "derogation_reason",
                        "valid_until",
                        "line_ids",
                    ]
                )
            ],
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
        self.diagnosis_ids.write({"derogation_reason": False})
        self.diagnosis_ids.line_ids.write({"document_name": False})
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
            "lastname": _("Anonymised participant %(ref)s", ref=self.id),
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
