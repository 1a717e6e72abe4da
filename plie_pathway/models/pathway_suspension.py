from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.plie_base.constants import SOCIAL
from odoo.addons.plie_base.rules import check_date_range

# DOMAIN.md, "The pathway": the reasons PLIEs suspend a pathway for.
SUSPENSION_REASONS = [
    ("illness", "Illness"),
    ("maternity", "Maternity or parental leave"),
    ("incarceration", "Incarceration"),
    ("training_abroad", "Training abroad"),
    ("other", "Other"),
]


def suspended_days(periods, start, end):
    """Days of ``periods`` ([(date_start, date_end or None)], None while
    running) that fall between ``start`` and ``end``. A suspension runs from
    its start to the day before it ends: the pathway resumes on ``date_end``."""
    total = 0
    for period_start, period_end in periods:
        low, high = max(period_start, start), min(period_end or end, end)
        total += max((high - low).days, 0)
    return total


class PliePathwaySuspension(models.Model):
    """A pause in a pathway (illness, maternity, incarceration...): its days do
    not count in the pathway's durations, alerts and contact frequency."""

    _name = "plie.pathway.suspension"
    _inherit = ["plie.pathway.record.mixin"]
    _description = "Pathway suspension"
    _order = "date_start desc, id desc"

    date_start = fields.Date(
        string="Suspended from",
        required=True,
        index=True,
        default=fields.Date.context_today,
    )
    date_end = fields.Date(
        string="Resumed on",
        index=True,
        copy=False,
        help="Empty while the suspension runs. The pathway resumes on this day: "
        "the days before it are not counted in its duration.",
    )
    days = fields.Integer(
        string="Days suspended",
        compute="_compute_days",
        help="Days from the suspension to the resumption (or to today).",
    )
    reason = fields.Selection(SUSPENSION_REASONS, required=True, groups=SOCIAL)
    note = fields.Text(groups=SOCIAL)

    @api.depends("date_start", "date_end")
    def _compute_days(self):
        today = fields.Date.context_today(self)
        for suspension in self:
            start = suspension.date_start
            suspension.days = (
                suspended_days([(start, suspension.date_end)], start, today)
                if start
                else 0
            )

    @api.depends("participant_id.name", "date_start")
    def _compute_display_name(self):
        for suspension in self:
            suspension.display_name = _(
                "Suspension of %(name)s from %(date)s",
                name=suspension.participant_id.name or "",
                date=suspension.date_start or "",
            )

    @api.constrains("date_start", "date_end", "pathway_id")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        # One query for the other suspensions of the same pathways.
        siblings = defaultdict(list)
        for other in self.search_fetch(
            [("pathway_id", "in", self.pathway_id.ids)],
            ["pathway_id", "date_start", "date_end"],
        ):
            siblings[other.pathway_id.id].append(other)
        for suspension in self:
            check_date_range(suspension, ("date_start", "date_end"))
            pathway = suspension.pathway_id
            name = suspension.participant_id.name
            start, end = suspension.date_start, suspension.date_end
            if start > today or (end and end > today):
                raise ValidationError(
                    _(
                        "The suspension of %(name)s cannot be dated in the future: "
                        "record it on the day it starts, and the resumption on the "
                        "day it happens.",
                        name=name,
                    )
                )
            if end and end < start:
                raise ValidationError(
                    _(
                        "The suspension of %(name)s cannot end before it starts.",
                        name=name,
                    )
                )
            if not pathway.date_start or start < pathway.date_start:
                raise ValidationError(
                    _(
                        "The suspension of %(name)s must start after the signature "
                        "of the engagement contract.",
                        name=name,
                    )
                )
            if not end and pathway.state != "suspended":
                raise ValidationError(
                    _(
                        "Enter the resumption date of the suspension of %(name)s: "
                        "the pathway is not suspended.",
                        name=name,
                    )
                )
            if pathway.date_end and end and end > pathway.date_end:
                raise ValidationError(
                    _(
                        "The suspension of %(name)s cannot end after the exit "
                        "(%(date)s).",
                        name=name,
                        date=pathway.date_end,
                    )
                )
            for other in siblings[pathway.id]:
                if other != suspension and (
                    (not other.date_end or start < other.date_end)
                    and (not end or other.date_start < end)
                ):
                    raise ValidationError(
                        _(
                            "The suspensions of %(name)s overlap: correct their "
                            "dates.",
                            name=name,
                        )
                    )
