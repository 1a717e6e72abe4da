from collections import defaultdict
from datetime import date

from odoo import models

from ..const import PRIORITY_PUBLICS


class ClauseBuyerXlsx(models.AbstractModel):
    """Yearly report of a buyer's social clauses: one sheet per contract with
    its lots (required vs realised hours), the hours of each placement per
    month, and the breakdown by delivery mode and priority public. People
    appear by placement reference only."""

    _name = "report.plie_partners.clause_buyer_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Social clauses of a buyer (XLSX)"

    def generate_xlsx_report(self, workbook, data, buyers):
        year = int((data or {}).get("year") or date.today().year)
        period = {"plie_date_from": f"{year}-01-01", "plie_date_to": f"{year}-12-31"}
        styles = self._styles(workbook)
        contracts = buyers.contract_ids
        hours = self._monthly_hours(contracts, year)
        lots = contracts.lot_ids.with_context(**period)
        lot_progress = lots._clause_progress(breakdown=False)
        contract_progress = contracts.with_context(**period)._clause_progress()
        for contract in contracts:
            sheet = workbook.add_worksheet(contract.name[:31])
            row = self._write_contract(
                sheet, styles, contract, year, lot_progress, hours[contract.id]
            )
            self._write_breakdown(
                sheet, styles, row + 2, contract_progress[contract.id]
            )

    # ------------------------------------------------------------------
    def _styles(self, workbook):
        return {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "header": workbook.add_format({"bold": True, "bg_color": "#D9E1F2"}),
            "hours": workbook.add_format({"num_format": "#,##0.00"}),
            "percent": workbook.add_format({"num_format": "0.00"}),
        }

    def _monthly_hours(self, contracts, year):
        """{contract id: {placement: {month number: hours}}} (validated)."""
        groups = self.env["plie.clause.hours"]._read_group(
            [
                ("contract_id", "in", contracts.ids),
                ("state", "=", "validated"),
                ("month", ">=", date(year, 1, 1)),
                ("month", "<=", date(year, 12, 31)),
            ],
            ["contract_id", "placement_id", "month:month"],
            ["hours:sum"],
        )
        result = defaultdict(lambda: defaultdict(dict))
        for contract, placement, month, total in groups:
            result[contract.id][placement][month.month] = total
        return result

    def _write_contract(self, sheet, styles, contract, year, lot_progress, hours):
        """Lots and monthly hours of ``contract``; returns the last row used."""
        _ = self.env._
        sheet.write(0, 0, f"{contract.name} - {contract.title}", styles["title"])
        sheet.write(1, 0, _("Buyer"))
        sheet.write(1, 1, contract.buyer_id.name)
        sheet.write(2, 0, _("Year"))
        sheet.write(2, 1, year)
        headers = [
            _("Lot"),
            _("Awardee"),
            _("Required hours"),
            _("Realised hours"),
            _("Progress (%)"),
            _("Persons placed"),
        ]
        sheet.write_row(4, 0, headers, styles["header"])
        row = 5
        for lot in contract.lot_ids:
            figures = lot_progress[lot.id]
            rate = (
                100.0 * figures["hours"] / lot.required_hours
                if lot.required_hours
                else 0.0
            )
            sheet.write_row(row, 0, [lot.name, lot.awardee_id.name or ""])
            sheet.write(row, 2, lot.required_hours, styles["hours"])
            sheet.write(row, 3, figures["hours"], styles["hours"])
            sheet.write(row, 4, rate, styles["percent"])
            sheet.write(row, 5, figures["persons"])
            row += 1
        row += 1
        months = [date(year, month, 1).strftime("%m/%Y") for month in range(1, 13)]
        sheet.write_row(
            row, 0, [_("Placement"), _("Lot"), *months, _("Total")], styles["header"]
        )
        for placement, by_month in sorted(hours.items(), key=lambda i: i[0].name):
            row += 1
            sheet.write_row(row, 0, [placement.name, placement.lot_id.name])
            for month in range(1, 13):
                sheet.write(row, 1 + month, by_month.get(month, 0.0), styles["hours"])
            sheet.write(row, 14, sum(by_month.values()), styles["hours"])
        sheet.set_column(0, 1, 24)
        sheet.set_column(2, 14, 11)
        return row

    def _write_breakdown(self, sheet, styles, row, figures):
        """Hours by delivery mode and priority public from ``row`` down."""
        _ = self.env._
        modes = dict(
            self.env["plie.clause.placement"]
            ._fields["delivery_mode"]
            ._description_selection(self.env)
        )
        sheet.write_row(row, 0, [_("Delivery mode"), _("Hours")], styles["header"])
        for mode, total in sorted(figures["modes"].items()):
            row += 1
            sheet.write(row, 0, modes[mode])
            sheet.write(row, 1, total, styles["hours"])
        row += 2
        sheet.write_row(
            row, 0, [_("Priority public"), _("Persons"), _("Hours")], styles["header"]
        )
        hidden = _(
            "< %(threshold)s", threshold=self.env.company.plie_statistics_threshold
        )
        for code, label in PRIORITY_PUBLICS:
            persons, total = figures["publics"].get(code, (0, 0.0))
            row += 1
            sheet.write(row, 0, self.env._(label))
            sheet.write(row, 1, hidden if persons is None else persons)
            sheet.write(row, 2, hidden if total is None else total, styles["hours"])
