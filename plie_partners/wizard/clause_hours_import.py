import base64
import csv
import io
from datetime import datetime

from odoo import _, fields, models
from odoo.exceptions import UserError

# Columns of the CSV sent by the companies (placement reference, month as
# MM/YYYY or YYYY-MM, hours with a dot or a comma).
COLUMNS = ("placement", "month", "hours")


class PlieClauseHoursImport(models.TransientModel):
    """Import a month (or more) of hours sent by a company. Every row is
    checked first; one bad row rejects the whole file with a report naming
    each bad line, and nothing is written."""

    _name = "plie.clause.hours.import"
    _description = "Import of social-clause hours"

    data_file = fields.Binary(string="CSV file", required=True)
    filename = fields.Char()
    error_report = fields.Text(readonly=True)
    imported_count = fields.Integer(readonly=True)

    def action_import(self):
        self.ensure_one()
        rows = self._read_rows()
        values, errors = self._check_rows(rows)
        if errors:
            self.write({"error_report": "\n".join(errors), "imported_count": 0})
        else:
            self._write_hours(values)
            self.write({"error_report": False, "imported_count": len(values)})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _read_rows(self):
        try:
            text = base64.b64decode(self.data_file).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UserError(
                _("The file must be a CSV file encoded in UTF-8.")
            ) from error
        try:
            dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.DictReader(io.StringIO(text), dialect=dialect)
        header = [name.strip().lower() for name in reader.fieldnames or []]
        missing = [column for column in COLUMNS if column not in header]
        if missing:
            raise UserError(
                _(
                    "The file lacks the columns %(columns)s (expected: placement, "
                    "month, hours).",
                    columns=", ".join(missing),
                )
            )
        reader.fieldnames = header
        # Line numbers as a spreadsheet shows them: the header is line 1.
        return [(number, row) for number, row in enumerate(reader, start=2)]

    def _check_rows(self, rows):
        """([(placement, month, hours)], [error lines]) for every row."""
        Hours = self.env["plie.clause.hours"]
        references = {(row.get("placement") or "").strip() for _number, row in rows}
        placements = {
            placement.name: placement
            for placement in self.env["plie.clause.placement"].search(
                [("name", "in", list(references))]
            )
        }
        values, errors, seen = [], [], set()
        for number, row in rows:
            reference = (row.get("placement") or "").strip()
            placement = placements.get(reference)
            month = self._parse_month(row.get("month"))
            hours = self._parse_hours(row.get("hours"))
            if not placement:
                error = _("unknown placement %(ref)s", ref=reference or "-")
            elif month is None:
                error = _("the month %(month)s is not MM/YYYY", month=row.get("month"))
            elif hours is None:
                error = _(
                    "the hours %(hours)s are not a number", hours=row.get("hours")
                )
            elif (placement, month) in seen:
                error = _(
                    "the placement %(ref)s appears twice for this month", ref=reference
                )
            else:
                error = Hours._hours_error(placement, month, hours)
            if error:
                errors.append(_("Line %(line)s: %(error)s", line=number, error=error))
            else:
                seen.add((placement, month))
                values.append((placement, month, hours))
        return values, errors

    def _write_hours(self, values):
        """Update the months already entered, create the others."""
        Hours = self.env["plie.clause.hours"]
        placements = self.env["plie.clause.placement"].union(*(v[0] for v in values))
        existing = {
            (line.placement_id, line.month): line
            for line in Hours.search([("placement_id", "in", placements.ids)])
        }
        new = []
        for placement, month, hours in values:
            line = existing.get((placement, month))
            if line:
                line.hours = hours
            else:
                new.append(
                    {"placement_id": placement.id, "month": month, "hours": hours}
                )
        Hours.create(new)

    @staticmethod
    def _parse_month(text):
        text = (text or "").strip()
        for fmt in ("%m/%Y", "%Y-%m", "%Y-%m-%d", "%d/%m/%Y"):
            try:
                return datetime.strptime(text, fmt).date().replace(day=1)
            except ValueError:
                continue
        return None

    @staticmethod
    def _parse_hours(text):
        try:
            return float((text or "").strip().replace(",", "."))
        except ValueError:
            return None
