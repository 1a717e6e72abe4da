from odoo import fields, models

from ..const import BUSINESS, COMMITMENT_TYPES, ENGAGEMENT_OUTCOMES


class PlieCompanyEngagement(models.Model):
    """One event of the timeline of a partner company (an immersion hosted,
    a visit, a mock interview...). It names participants: its attachments
    are the business relations team's."""

    _name = "plie.company.engagement"
    _inherit = ["plie.thread.mixin"]
    _description = "Partner company engagement"
    _order = "date desc, id desc"
    _check_company_auto = True
    _plie_thread_group = BUSINESS

    partner_id = fields.Many2one(
        "res.partner",
        string="Company",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_company", "=", True)],
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    engagement_type = fields.Selection(COMMITMENT_TYPES, string="Type", required=True)
    participant_ids = fields.Many2many(
        "plie.participant",
        string="Participants involved",
        check_company=True,
    )
    outcome = fields.Selection(
        ENGAGEMENT_OUTCOMES, default="planned", required=True, index=True
    )
    note = fields.Text(string="Outcome details")
    company_id = fields.Many2one(
        "res.company",
        string="PLIE",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
