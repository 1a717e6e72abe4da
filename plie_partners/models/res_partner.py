from stdnum.fr import siret as siret_checker

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..const import (
    INTEGRATION_KINDS,
    PARTNERSHIP_STATUSES,
    PLIE_STAFF,
    WORKFORCE_BANDS,
)


class ResPartner(models.Model):
    """PLIE partnership profile of a company. Only organisation-level data:
    every internal user reads contacts, so nothing about a participant here."""

    _inherit = "res.partner"

    plie_partnership_status = fields.Selection(
        PARTNERSHIP_STATUSES,
        string="PLIE partnership",
        index=True,
        tracking=True,
    )
    plie_partnership_date = fields.Date(
        string="Partner since",
        tracking=True,
        help="Date on which the company became a partner of the PLIE.",
    )
    plie_inactive_date = fields.Date(string="Inactive since", tracking=True)
    plie_charter_date = fields.Date(
        string="Charter signed on",
        tracking=True,
        help="Date of signature of the charter of social responsibility.",
    )
    plie_charter_signatory = fields.Char(string="Charter signatory", tracking=True)
    plie_charter_document = fields.Binary(string="Signed charter", attachment=True)
    plie_charter_filename = fields.Char(string="Charter file name")
    plie_siret = fields.Char(string="SIRET", size=14, index=True, copy=False)
    plie_naf_id = fields.Many2one("plie.naf.code", string="Sector (NAF)", index=True)
    plie_workforce_band = fields.Selection(WORKFORCE_BANDS, string="Workforce")
    plie_commune_id = fields.Many2one("plie.commune", string="PLIE commune", index=True)
    plie_main_contact_id = fields.Many2one(
        "res.partner",
        string="Main contact",
        domain="[('parent_id', '=', id), ('is_company', '=', False)]",
    )
    plie_officer_id = fields.Many2one(
        "res.users",
        string="Business relations officer",
        index=True,
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("plie_base.group_plie_business").id)
        ],
    )
    plie_integration_kind = fields.Selection(
        INTEGRATION_KINDS,
        string="Integration structure",
        index=True,
        help="Set on integration structures (SIAE, GEIQ, EA) through which "
        "social-clause hours may go.",
    )
    plie_commitment_ids = fields.One2many(
        "plie.company.commitment",
        "partner_id",
        string="Commitments",
        groups=PLIE_STAFF,
    )
    plie_engagement_ids = fields.One2many(
        "plie.company.engagement",
        "partner_id",
        string="Engagements",
        groups=PLIE_STAFF,
    )
    plie_commitment_count = fields.Integer(
        compute="_compute_plie_counts", groups=PLIE_STAFF
    )
    plie_engagement_count = fields.Integer(
        compute="_compute_plie_counts", groups=PLIE_STAFF
    )

    _sql_constraints = [
        (
            "plie_siret_uniq",
            "unique(plie_siret)",
            "Another company already has this SIRET.",
        ),
    ]

    def _compute_plie_counts(self):
        for field, model in (
            ("plie_commitment_count", "plie.company.commitment"),
            ("plie_engagement_count", "plie.company.engagement"),
        ):
            counts = dict(
                self.env[model]._read_group(
                    [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
                )
            )
            for partner in self:
                partner[field] = counts.get(partner._origin, 0)

    @api.constrains("plie_siret")
    def _check_plie_siret(self):
        for partner in self.filtered("plie_siret"):
            if not siret_checker.is_valid(partner.plie_siret):
                raise ValidationError(
                    _(
                        "The SIRET %(siret)s of %(name)s is not valid: it must have "
                        "14 digits and a correct check digit.",
                        siret=partner.plie_siret,
                        name=partner.name,
                    )
                )

    @api.constrains("plie_partnership_status", "plie_charter_date")
    def _check_plie_charter(self):
        for partner in self:
            if partner.plie_partnership_status == "charter" and not (
                partner.plie_charter_date
            ):
                raise ValidationError(
                    _(
                        "Enter the date on which %(name)s signed the charter.",
                        name=partner.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._plie_normalize(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._plie_normalize(vals)
        return super().write(vals)

    @api.model
    def _plie_normalize(self, vals):
        if vals.get("plie_siret"):
            vals["plie_siret"] = siret_checker.compact(vals["plie_siret"])

    # ------------------------------------------------------------------
    # Partnership transitions (each sets its date, tracked in the chatter)
    # ------------------------------------------------------------------
    def action_plie_make_partner(self, date=None):
        date = date or fields.Date.context_today(self)
        for partner in self:
            vals = {"plie_partnership_status": "partner", "plie_inactive_date": False}
            if not partner.plie_partnership_date:
                vals["plie_partnership_date"] = date
            partner.write(vals)

    def action_plie_sign_charter(self):
        for partner in self:
            if not partner.plie_charter_date:
                raise ValidationError(
                    _(
                        "Enter the charter's signature date and signatory of "
                        "%(name)s before marking it signed.",
                        name=partner.name,
                    )
                )
            partner.write(
                {
                    "plie_partnership_status": "charter",
                    "plie_partnership_date": partner.plie_partnership_date
                    or partner.plie_charter_date,
                    "plie_inactive_date": False,
                }
            )

    def action_plie_deactivate(self):
        self.write(
            {
                "plie_partnership_status": "inactive",
                "plie_inactive_date": fields.Date.context_today(self),
            }
        )
