from datetime import date

from odoo import models


class ClauseConsolidatedXlsx(models.AbstractModel):
    """Yearly social clauses of every buyer: one line per buyer, then one
    line per contract."""

    _name = "report.plie_partners.clause_consolidated_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Social clauses of all buyers (XLSX)"

    def generate_xlsx_report(self, workbook, data, buyers):
        _ = self.env._
        year = int((data or {}).get("year") or date.today().year)
        period = {"plie_date_from": f"{year}-01-01", "plie_date_to": f"{year}-12-31"}
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2"})
        number = workbook.add_format({"num_format": "#,##0.00"})
        columns = [
            _("Required hours"),
            _("Realised hours"),
            _("Progress (%)"),
            _("Persons placed"),
        ]
        buyers = buyers.with_context(**period)
        contracts = buyers.contract_ids.with_context(**period)
        for title, records, labels in (
            (_("Buyers"), buyers, [_("Buyer")]),
            (_("Contracts"), contracts, [_("Buyer"), _("Contract")]),
        ):
            sheet = workbook.add_worksheet(title)
            sheet.write(0, 0, _("Year"))
            sheet.write(0, 1, year)
            sheet.write_row(2, 0, labels + columns, header)
            for row, record in enumerate(records, start=3):
                names = (
                    [record.name]
                    if record._name == "plie.clause.buyer"
                    else [record.buyer_id.name, record.display_name]
                )
                sheet.write_row(row, 0, names)
                col = len(names)
                sheet.write(row, col, record.required_hours, number)
                sheet.write(row, col + 1, record.realised_hours, number)
                sheet.write(row, col + 2, record.progress_rate, number)
                sheet.write(row, col + 3, record.person_count)
            sheet.set_column(0, len(labels) - 1, 30)
            sheet.set_column(len(labels), len(labels) + 3, 14)
