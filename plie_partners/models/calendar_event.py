from odoo import fields, models

from ..const import CLUB_EVENT_KINDS, PLIE_STAFF


class CalendarEvent(models.Model):
    """Company-club events (breakfasts, job datings) are calendar events."""

    _inherit = "calendar.event"

    plie_club_event = fields.Selection(
        CLUB_EVENT_KINDS, string="Club event", index=True
    )
    plie_invited_company_ids = fields.Many2many(
        "res.partner",
        "calendar_event_plie_invited_company_rel",
        "event_id",
        "partner_id",
        string="Invited companies",
        domain=[("is_company", "=", True)],
    )
    plie_attending_company_ids = fields.Many2many(
        "res.partner",
        "calendar_event_plie_attending_company_rel",
        "event_id",
        "partner_id",
        string="Attending companies",
        domain=[("is_company", "=", True)],
    )
    # Who took part is PLIE data: only officers and référents see it.
    plie_participant_ids = fields.Many2many(
        "plie.participant",
        string="Participants",
        groups=PLIE_STAFF,
    )
