from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..const import BUSINESS, DELIVERY_MODES, PLIE_STAFF, STRUCTURE_MODES


class PlieClausePlacement(models.Model):
    """A person working on a lot: a PLIE participant, or someone outside the
    PLIE who is eligible to the clauses. Its attachments (contracts,
    timesheets) are the facilitators': the company reads the placement, not
    them."""

    _name = "plie.clause.placement"
    _inherit = ["plie.thread.mixin"]
    _description = "Social-clause placement"
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _plie_thread_group = BUSINESS
    _rec_names_search = ["name", "person_name"]

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        default=lambda self: _("New"),
    )
    lot_id = fields.Many2one("plie.clause.lot", required=True, index=True)
    contract_id = fields.Many2one(
        related="lot_id.contract_id", store=True, index=True, precompute=True
    )
    buyer_id = fields.Many2one(
        related="lot_id.contract_id.buyer_id",
        store=True,
        index=True,
        precompute=True,
        groups="base.group_user",
    )
    awardee_id = fields.Many2one(
        related="lot_id.awardee_id", store=True, index=True, precompute=True
    )
    # Company contacts (portal) see the person's name only, never the record.
    participant_id = fields.Many2one(
        "plie.participant",
        index=True,
        check_company=True,
        ondelete="restrict",
        groups=PLIE_STAFF,
    )
    external_name = fields.Char(
        string="Person outside the PLIE",
        help="Name of a person eligible to the clauses who is not a PLIE participant.",
    )
    # Names only: what the awardee's contacts see on the portal. Computed as
    # superuser because they may not read participants.
    person_name = fields.Char(
        string="Person",
        compute="_compute_person_name",
        compute_sudo=True,
        store=True,
        index=True,
    )
    delivery_mode = fields.Selection(
        DELIVERY_MODES, required=True, default="direct_hire", index=True
    )
    structure_id = fields.Many2one(
        "res.partner",
        string="Integration structure",
        index=True,
        domain=[("plie_integration_kind", "!=", False)],
    )
    date_start = fields.Date(string="Start", required=True, index=True)
    date_end = fields.Date(string="End", index=True)
    contract_type_id = fields.Many2one(
        "plie.contract.type",
        string="Contract type",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        groups="base.group_user",  # portal buyers cannot read contract types
        default=lambda self: self.env.ref(
            "plie_pathway.contract_type_cdd", raise_if_not_found=False
        ),
    )
    hours_ids = fields.One2many("plie.clause.hours", "placement_id")
    validated_hours = fields.Float(compute="_compute_validated_hours", digits=(16, 2))
    company_id = fields.Many2one(
        related="lot_id.company_id", store=True, index=True, precompute=True
    )

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A placement reference can only be used once in a PLIE.",
        ),
    ]

    @api.depends("participant_id.name", "external_name")
    def _compute_person_name(self):
        for placement in self:
            placement.person_name = (
                placement.participant_id.name or placement.external_name
            )

    @api.depends("hours_ids.hours", "hours_ids.state")
    def _compute_validated_hours(self):
        sums = dict(
            self.env["plie.clause.hours"]._read_group(
                [("placement_id", "in", self.ids), ("state", "=", "validated")],
                ["placement_id"],
                ["hours:sum"],
            )
        )
        for placement in self:
            placement.validated_hours = sums.get(placement._origin, 0.0)

    @api.depends("name", "person_name")
    def _compute_display_name(self):
        for placement in self:
            placement.display_name = f"{placement.name} - {placement.person_name or ''}"

    @api.constrains("participant_id", "external_name", "delivery_mode", "structure_id")
    def _check_person_and_structure(self):
        for placement in self:
            if bool(placement.participant_id) == bool(placement.external_name):
                raise ValidationError(
                    _(
                        "Placement %(name)s: choose either a PLIE participant or "
                        "the name of a person outside the PLIE.",
                        name=placement.name,
                    )
                )
            if placement.delivery_mode in STRUCTURE_MODES and not (
                placement.structure_id
            ):
                raise ValidationError(
                    _(
                        "Placement %(name)s: enter the integration structure "
                        "through which the hours are delivered.",
                        name=placement.name,
                    )
                )

    @api.constrains("date_start", "date_end", "lot_id")
    def _check_dates(self):
        for placement in self:
            contract = placement.contract_id
            end = placement.date_end or placement.date_start
            if end < placement.date_start or not (
                contract.date_start <= placement.date_start <= contract.date_end
            ):
                raise ValidationError(
                    _(
                        "Placement %(name)s: the dates must be in order and start "
                        "within the contract %(contract)s (%(start)s - %(end)s).",
                        name=placement.name,
                        contract=contract.name,
                        start=contract.date_start,
                        end=contract.date_end,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # One sequence call per placement is a single nextval each.
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", _("New")) == _("New"):
                vals["name"] = sequence.next_by_code("plie.clause.placement")
        return super().create(vals_list)
