from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..models.pathway import DAYS_PER_MONTH


class PlieAnnualReport(models.TransientModel):
    """The yearly activity report of the PLIE for its steering committee:
    the funders' figures of a year, in total and per commune, QPV, gender and
    age band (one query), printed as PDF or XLSX."""

    _name = "plie.annual.report"
    _description = "Annual activity report"

    company_id = fields.Many2one(
        "res.company",
        string="PLIE",
        required=True,
        default=lambda self: self.env.company,
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year - 1,
    )

    @api.constrains("year")
    def _check_year(self):
        for report in self:
            if not 2000 <= report.year <= 2100:
                raise ValidationError(
                    _(
                        "Enter a year between 2000 and 2100, not %(year)s.",
                        year=report.year,
                    )
                )

    def _breakdowns(self):
        """(title, group-by field) of each table after the total."""
        return [
            (_("Per commune"), "commune_id"),
            (_("Per QPV residence"), "qpv_residence"),
            (_("Per gender"), "gender"),
            (_("Per age band"), "age_band"),
        ]

    def _columns(self):
        """(key, label, kind) of the figures, in the order printed."""
        return [
            ("file_active", _("File active"), "count"),
            ("entry_count", _("Entries"), "count"),
            ("exit_count", _("Exits"), "count"),
            ("positive_exit_count", _("Positive exits"), "count"),
            ("neutral_exit_count", _("Neutral exits"), "count"),
            ("positive_exit_rate", _("Positive exit rate (%)"), "rate"),
            (
                "positive_exit_rate_non_neutral",
                _("Positive exit rate, non-neutral exits (%)"),
                "rate",
            ),
            ("duration_months", _("Average duration (months)"), "rate"),
            ("median_months", _("Median duration (months)"), "rate"),
        ]

    def _report_data(self):
        """{"title", "year", "columns", "sections": [(title, [(label,
        figures)])]}, read in one query."""
        self.ensure_one()
        Report = self.env["plie.pathway.report"]
        date_from = fields.Date.to_date(f"{self.year}-01-01")
        date_to = fields.Date.to_date(f"{self.year}-12-31")
        breakdowns = self._breakdowns()
        tables = Report._figures_by(
            date_from,
            date_to,
            [groupby for _title, groupby in breakdowns],
            self.company_id,
        )
        [total] = tables[None]
        sections = [(_("All participants"), [(_("Total"), self._convert(total))])]
        for title, groupby in breakdowns:
            sections.append((title, self._lines(groupby, tables[groupby])))
        return {
            "title": _(
                "Activity report %(year)s - %(plie)s",
                year=self.year,
                plie=self.company_id.name,
            ),
            "year": self.year,
            "columns": self._columns(),
            "sections": sections,
        }

    def _convert(self, row):
        """Durations in months; rates and durations left empty (None) where
        there is no exit to compute them on."""
        exits = row["exit_count"]
        non_neutral = exits and exits - row["neutral_exit_count"]
        return dict(
            row,
            positive_exit_rate=row["positive_exit_rate"] if exits else None,
            positive_exit_rate_non_neutral=row["positive_exit_rate_non_neutral"]
            if non_neutral
            else None,
            duration_months=row["duration_days"] / DAYS_PER_MONTH if exits else None,
            median_months=row["duration_median_days"] / DAYS_PER_MONTH
            if exits
            else None,
        )

    def _lines(self, groupby, rows):
        """(label, figures) of each group: choices in their usual order,
        records by name, the group without a value last."""
        field = self.env["plie.pathway.report"]._fields[groupby]
        if field.type == "selection":
            order = [key for key, _label in field._description_selection(self.env)]
            rows = sorted(
                rows,
                key=lambda row: order.index(row[groupby])
                if row[groupby] in order
                else len(order),
            )
        else:
            rows = sorted(
                rows, key=lambda row: (not row[groupby], row[groupby].display_name)
            )
        return [
            (self._label(groupby, row[groupby]), self._convert(row)) for row in rows
        ]

    def _label(self, groupby, value):
        field = self.env["plie.pathway.report"]._fields[groupby]
        if field.type == "many2one":
            return value.display_name or _("Not set")
        labels = dict(field._description_selection(self.env))
        return labels.get(value) or _("Not set")

    def action_print_pdf(self):
        self.ensure_one()
        return self.env.ref("plie_pathway.action_report_annual_pdf").report_action(self)

    def action_print_xlsx(self):
        self.ensure_one()
        return self.env.ref("plie_pathway.action_report_annual_xlsx").report_action(
            self
        )
