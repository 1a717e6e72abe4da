from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models

from ..positive_exit import EMPLOYMENT_DAYS_REQUIRED, counted_employment_days
from .pathway import FOLLOW_UP_CHECKPOINT_MONTHS

# States in which employment starts or ends the follow-up.
FOLLOW_UP_STATES = ("active", "follow_up")


class PliePathway(models.Model):
    # plie.pathway is split into one file per concern.
    _inherit = "plie.pathway"  # pylint: disable=consider-merging-classes-inherited

    # Follow-up in employment (DOMAIN.md, "The pathway"): hiring on a contract
    # that counts starts it, such employment ending before 6 months brings the
    # pathway back in pathway, 6 months of counted days call for the exit.
    follow_up_six_months = fields.Boolean(
        string="6 months of employment reached",
        readonly=True,
        copy=False,
        help="The counted days of employment reached 6 months: the référent was "
        "asked to propose the exit to the committee.",
    )

    def _employment_facts(self):
        """({pathway id: [(contract type id, start, end, weekly hours)]},
        {contract type id: (counts, outright ground)}): the inputs of
        positive_exit.py for these pathways, in one query."""
        employments = (
            self.env["plie.employment"]
            .sudo()  # the rule reads employment the user may not see
            .search_fetch(
                [("pathway_id", "in", self.ids)],
                ["pathway_id", "contract_type_id", "date_start", "date_end"]
                + ["weekly_hours"],
            )
        )
        facts = defaultdict(list)
        for employment in employments:
            facts[employment.pathway_id.id].append(
                (
                    employment.contract_type_id.id,
                    employment.date_start,
                    employment.date_end or None,
                    employment.weekly_hours,
                )
            )
        return facts, employments.contract_type_id._positive_exit_rules()

    def _update_employment_follow_up(self):
        """Start, end or complete the follow-up in employment of these pathways
        from their employment periods, as of today."""
        pathways = self.filtered(
            lambda p: p.state in FOLLOW_UP_STATES and p.date_start
        ).sudo()  # state changes follow facts, whoever recorded them
        if not pathways:
            return
        today = fields.Date.context_today(self)
        facts, rules = pathways._employment_facts()
        starting, ending, completed = {}, pathways.browse(), pathways.browse()
        for pathway in pathways:
            minimum = pathway.company_id.plie_min_weekly_hours
            counting = [
                (start, end)
                for type_id, start, end, hours in facts[pathway.id]
                if rules[type_id][0]
                and hours >= minimum
                and start >= pathway.date_start
            ]
            days = counted_employment_days(
                pathway.date_start, today, facts[pathway.id], rules, minimum
            )
            running = [start for start, end in counting if not end or end >= today]
            if pathway.state == "active":
                if running:
                    starting[pathway] = max(running)
            elif days >= EMPLOYMENT_DAYS_REQUIRED:
                if not pathway.follow_up_six_months:
                    completed |= pathway
            elif not running:
                ending |= pathway
        self._start_employment_follow_up(starting)
        ending._end_employment_follow_up()
        completed._complete_employment_follow_up()

    @api.model
    def _start_employment_follow_up(self, hiring_dates):
        """Hiring starts the 6-month follow-up in employment and its check-points.

        :param hiring_dates: {pathway: hiring date}; only active pathways start it.
        """
        starting = {p: day for p, day in hiring_dates.items() if p.state == "active"}
        for pathway, hiring_date in starting.items():
            # sudo: the follow-up follows the employment recorded, by whoever
            # records it (the business team's hires included).
            pathway.sudo()._write_state(
                {"state": "follow_up", "follow_up_start": hiring_date}
            )
        activity_type = self.env.ref(
            "plie_pathway.mail_activity_type_follow_up_checkpoint"
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        # One batch per check-point: a batch may not hold two activities of the
        # same record and user (mail would subscribe the user twice).
        for months in FOLLOW_UP_CHECKPOINT_MONTHS:
            self.env["mail.activity"].sudo().create(
                [
                    {
                        "res_model_id": model_id,
                        "res_id": pathway.id,
                        "activity_type_id": activity_type.id,
                        "date_deadline": hiring_date + relativedelta(months=months),
                        "summary": _(
                            "Employment follow-up: %(months)s-month check-point",
                            months=months,
                        ),
                        "user_id": pathway.referent_id.id or self.env.uid,
                    }
                    for pathway, hiring_date in starting.items()
                ]
            )

    def _end_employment_follow_up(self):
        """Counted employment ended before 6 months: back in pathway (the
        tracked state tells it in the chatter)."""
        if not self:
            return
        # sudo: as when it starts, the state follows the employment.
        self.sudo()._write_state({"state": "active", "follow_up_start": False})
        checkpoint = self.env.ref(
            "plie_pathway.mail_activity_type_follow_up_checkpoint"
        )
        # sudo: the check-points are the référent's activities.
        self.activity_ids.filtered(
            lambda a: a.activity_type_id == checkpoint
        ).sudo().unlink()

    def _complete_employment_follow_up(self):
        """6 months of counted employment: the référent proposes the exit."""
        if not self:
            return
        # sudo: set by the daily job or by whoever records the employment.
        self.sudo().write({"follow_up_six_months": True})
        activity_type = self.env.ref("plie_pathway.mail_activity_type_exit_due")
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": pathway.id,
                    "activity_type_id": activity_type.id,
                    "date_deadline": today,
                    "summary": _(
                        "6 months of employment: propose the exit to the committee"
                    ),
                    "user_id": pathway.referent_id.id or self.env.uid,
                }
                for pathway in self
            ]
        )

    def _cron_employment_follow_up(self):
        """Daily: follow-ups whose employment ended, or reached 6 months."""
        self.search(
            [("state", "=", "follow_up"), ("follow_up_six_months", "=", False)]
        )._update_employment_follow_up()
