from odoo import models


class PlieAnnualReportXlsx(models.AbstractModel):
    """The annual activity report as a workbook: one sheet, a table per
    breakdown (total, commune, QPV, gender, age band)."""

    _name = "report.plie_pathway.annual_report_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Annual activity report (XLSX)"

    def generate_xlsx_report(self, workbook, data, reports):
        title = workbook.add_format({"bold": True, "font_size": 14})
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2"})
        number = workbook.add_format({"num_format": "0.0"})
        for report in reports:
            values = report._report_data()
            sheet = workbook.add_worksheet(str(values["year"]))
            sheet.set_column(0, 0, 32)
            sheet.set_column(1, len(values["columns"]), 16)
            sheet.write(0, 0, values["title"], title)
            row = 2
            for section, lines in values["sections"]:
                sheet.write(row, 0, section, header)
                for col, (_key, label, _kind) in enumerate(values["columns"], 1):
                    sheet.write(row, col, label, header)
                row += 1
                for label, figures in lines:
                    sheet.write(row, 0, label)
                    for col, (key, _label, kind) in enumerate(values["columns"], 1):
                        value = figures[key]
                        if value is None:
                            # No exit to compute it on.
                            sheet.write(row, col, "")
                        elif kind == "rate":
                            sheet.write_number(row, col, round(value, 1), number)
                        else:
                            sheet.write_number(row, col, value)
                    row += 1
                row += 1
