from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

MINUTES_REPORT = "plie_pathway.action_report_committee_minutes"


class PlieCommittee(models.Model):
    """A session of the Commission d'intégration et de suivi des parcours."""

    _name = "plie.committee"
    _description = "Integration and pathway follow-up committee session"
    _inherit = [
        "plie.thread.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "plie.state.mixin",
    ]
    # Minutes notes, files and discussions: for coordination and direction.
    _plie_thread_group = "plie_base.group_plie_coordinator"
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", help="Optional; the date is shown otherwise.")
    date = fields.Datetime(required=True, index=True, tracking=True)
    location = fields.Char()
    company_id = fields.Many2one(
        "res.company",
        string="PLIE",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    state = fields.Selection(
        [("planned", "Planned"), ("closed", "Held"), ("cancelled", "Cancelled")],
        string="Status",
        default="planned",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    member_ids = fields.Many2many(
        "res.partner",
        string="Members",
        help="People sitting on the committee (PLIE, France Travail, partners...).",
    )
    chair_id = fields.Many2one("res.users", string="Chaired by", tracking=True)
    item_ids = fields.One2many("plie.committee.item", "committee_id", string="Agenda")
    item_count = fields.Integer(compute="_compute_item_counts")
    pending_count = fields.Integer(string="Undecided", compute="_compute_item_counts")
    note = fields.Html(
        string="Minutes notes", groups="plie_base.group_plie_coordinator"
    )

    @api.depends("name", "date")
    @api.depends_context("lang", "tz")
    def _compute_display_name(self):
        for committee in self:
            if committee.name or not committee.date:
                committee.display_name = committee.name or _("New session")
                continue
            day = fields.Datetime.context_timestamp(committee, committee.date).date()
            committee.display_name = _(
                "Committee of %(date)s", date=format_date(self.env, day)
            )

    @api.depends("item_ids.decision")
    def _compute_item_counts(self):
        groups = self.env["plie.committee.item"]._read_group(
            [("committee_id", "in", self.ids)],
            ["committee_id", "decision"],
            ["__count"],
        )
        totals, pending = {}, {}
        for committee, decision, count in groups:
            totals[committee.id] = totals.get(committee.id, 0) + count
            if decision == "pending":
                pending[committee.id] = count
        for committee in self:
            committee.item_count = totals.get(committee._origin.id, 0)
            committee.pending_count = pending.get(committee._origin.id, 0)

    @api.model
    def _next_session(self, company):
        return self.search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "planned"),
                ("date", ">=", fields.Datetime.now()),
            ],
            order="date, id",
            limit=1,
        )

    def action_close(self):
        """Apply the decisions of the session and produce its minutes."""
        self.check_access("write")
        for committee in self:
            if committee.state != "planned":
                raise UserError(
                    _(
                        "%(name)s is not planned: it cannot be closed.",
                        name=committee.display_name,
                    )
                )
        self.item_ids._check_ready_to_apply()
        self.item_ids._apply_decisions()
        self._write_state({"state": "closed"})
        Report = self.env["ir.actions.report"]
        if Report.get_wkhtmltopdf_state() == "ok":
            # The report's attachment rule keeps the PDF on the session.
            Report._render_qweb_pdf(MINUTES_REPORT, self.ids)
        return True

    def action_cancel(self):
        self.check_access("write")
        if self.filtered(lambda c: c.state != "planned"):
            raise UserError(_("Only a planned session can be cancelled."))
        if self.item_ids:
            raise UserError(
                _("Move the agenda items to another session before cancelling it.")
            )
        self._write_state({"state": "cancelled"})
        return True
