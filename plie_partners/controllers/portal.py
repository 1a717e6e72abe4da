from datetime import date

from odoo import fields, http
from odoo.exceptions import AccessError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class ClausePortal(CustomerPortal):
    """The awardee's contacts declare each month the hours of the placements
    of their lots. Everything runs as the portal user: record rules keep them
    to their own lots, and what they enter waits for the facilitator."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "clause_placement_count" in counters:
            Placement = request.env["plie.clause.placement"]
            values["clause_placement_count"] = (
                Placement.search_count([]) if Placement.has_access("read") else 0
            )
        return values

    @staticmethod
    def _portal_month(month):
        try:
            return fields.Date.to_date(f"{month}-01")
        except (TypeError, ValueError):
            return date.today().replace(day=1)

    @http.route("/my/clauses", type="http", auth="user", website=True)
    def portal_my_clauses(self, month=None, **kwargs):
        return request.render(
            "plie_partners.portal_my_clauses",
            self._clause_values(self._portal_month(month)),
        )

    @http.route(
        "/my/clauses/declare", type="http", auth="user", methods=["POST"], website=True
    )
    def portal_declare_clause_hours(self, month=None, **post):
        first_day = self._portal_month(month)
        placements = self._clause_values(first_day)["placements"]
        result = {"saved": True}
        try:
            # One month is declared as a whole: a bad figure saves nothing.
            with request.env.cr.savepoint():
                self._declare(placements, first_day, post)
        except (ValidationError, AccessError) as error:
            request.env.invalidate_all()
            result = {"error": error.args[0]}
        values = dict(self._clause_values(first_day), **result)
        return request.render("plie_partners.portal_my_clauses", values)

    def _clause_values(self, first_day):
        last_day = fields.Date.end_of(first_day, "month")
        placements = request.env["plie.clause.placement"].search(
            [
                ("date_start", "<=", last_day),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", first_day),
            ],
            order="lot_id, person_name",
        )
        lines = request.env["plie.clause.hours"].search(
            [("placement_id", "in", placements.ids), ("month", "=", first_day)]
        )
        return {
            "page_name": "clause_hours",
            "month": first_day,
            "month_value": first_day.strftime("%Y-%m"),
            "placements": placements,
            "lines": {line.placement_id.id: line for line in lines},
        }

    def _declare(self, placements, first_day, post):
        Hours = request.env["plie.clause.hours"]
        existing = {
            line.placement_id: line
            for line in Hours.search(
                [("placement_id", "in", placements.ids), ("month", "=", first_day)]
            )
        }
        new = []
        for placement in placements:
            text = (post.get(f"hours_{placement.id}") or "").strip().replace(",", ".")
            if not text:
                continue
            try:
                hours = float(text)
            except ValueError as error:
                raise ValidationError(
                    request.env._(
                        "%(person)s: the hours %(hours)s are not a number.",
                        person=placement.person_name,
                        hours=text,
                    )
                ) from error
            line = existing.get(placement)
            if line and line.state == "declared":
                line.hours = hours
            elif not line:
                new.append(
                    {"placement_id": placement.id, "month": first_day, "hours": hours}
                )
        Hours.create(new)
