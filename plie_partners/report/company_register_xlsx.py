from collections import defaultdict
from datetime import date

from odoo import fields, models


class CompanyRegisterXlsx(models.AbstractModel):
    """Register of partner companies with their commitments running over a
    period and the engagements of that period."""

    _name = "report.plie_partners.company_register_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Register of partner companies (XLSX)"

    def generate_xlsx_report(self, workbook, data, companies):
        _ = self.env._
        data = data or {}
        today = date.today()
        date_from = fields.Date.to_date(data.get("date_from")) or date(today.year, 1, 1)
        date_to = fields.Date.to_date(data.get("date_to")) or date(today.year, 12, 31)
        commitments = self._commitments(companies, date_from, date_to)
        engagements = dict(
            self.env["plie.company.engagement"]._read_group(
                [
                    ("partner_id", "in", companies.ids),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                ],
                ["partner_id"],
                ["__count"],
            )
        )
        Partner = self.env["res.partner"]
        statuses = dict(
            Partner._fields["plie_partnership_status"]._description_selection(self.env)
        )
        bands = dict(
            Partner._fields["plie_workforce_band"]._description_selection(self.env)
        )
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2"})
        day = workbook.add_format({"num_format": "dd/mm/yyyy"})
        sheet = workbook.add_worksheet(_("Register"))
        sheet.write(0, 0, _("Partner companies"), workbook.add_format({"bold": True}))
        sheet.write(1, 0, _("From"))
        sheet.write_datetime(1, 1, date_from, day)
        sheet.write(1, 2, _("Until"))
        sheet.write_datetime(1, 3, date_to, day)
        titles = [
            _("Company"),
            _("SIRET"),
            _("Sector (NAF)"),
            _("Workforce"),
            _("Commune"),
            _("Partnership"),
            _("Partner since"),
            _("Charter signed on"),
            _("Business relations officer"),
            _("Commitments"),
            _("Engagements"),
        ]
        sheet.write_row(3, 0, titles, header)
        for row, company in enumerate(companies.sorted("name"), start=4):
            sheet.write_row(
                row,
                0,
                [
                    company.name,
                    company.plie_siret or "",
                    company.plie_naf_id.display_name or "",
                    bands.get(company.plie_workforce_band, ""),
                    company.plie_commune_id.name or company.city or "",
                    statuses.get(company.plie_partnership_status, ""),
                ],
            )
            for col, value in (
                (6, company.plie_partnership_date),
                (7, company.plie_charter_date),
            ):
                if value:
                    sheet.write_datetime(row, col, value, day)
            sheet.write(row, 8, company.plie_officer_id.name or "")
            sheet.write(row, 9, ", ".join(commitments[company.id]))
            sheet.write(row, 10, engagements.get(company, 0))
        sheet.set_column(0, 0, 32)
        sheet.set_column(1, 10, 16)

    def _commitments(self, companies, date_from, date_to):
        """{company id: [commitment type labels]} running over the period."""
        Commitment = self.env["plie.company.commitment"]
        types = dict(
            Commitment._fields["commitment_type"]._description_selection(self.env)
        )
        result = defaultdict(list)
        for commitment in Commitment.search(
            [("partner_id", "in", companies.ids)]
            + Commitment._active_domain(date_from, date_to),
            order="commitment_type",
        ):
            label = types[commitment.commitment_type]
            if label not in result[commitment.partner_id.id]:
                result[commitment.partner_id.id].append(label)
        return result
