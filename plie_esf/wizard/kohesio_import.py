import base64
import csv
import io
import re
import unicodedata
from datetime import date, datetime

from odoo import _, fields, models
from odoo.exceptions import UserError

# Kohesio's CSV columns (English export) and the French headers it also uses.
COLUMNS = {
    "kohesio_id": ("ID",),
    "name": ("PROJECT NAME", "NOM DU PROJET"),
    "total_budget": ("TOTAL BUDGET", "BUDGET TOTAL"),
    "eu_amount": ("AMOUNT EU SUPPORT", "MONTANT DU SOUTIEN DE L'UE", "SOUTIEN UE"),
    "date_start": ("START DATE", "DATE DE DEBUT"),
    "date_end": ("END DATE", "DATE DE FIN"),
    "country": ("COUNTRY", "PAYS"),
    "description": ("SUMMARY", "RESUME"),
}
REQUIRED = ("kohesio_id", "name", "total_budget", "eu_amount", "date_start", "date_end")
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "janvier"),
            ("february", "fevrier"),
            ("march", "mars"),
            ("april", "avril"),
            ("may", "mai"),
            ("june", "juin"),
            ("july", "juillet"),
            ("august", "aout"),
            ("september", "septembre"),
            ("october", "octobre"),
            ("november", "novembre"),
            ("december", "decembre"),
        ],
        start=1,
    )
    for name in names
}
SPACES = re.compile(r"[\s\u00a0\u202f]")
THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3})+$")


def _plain(text):
    """Upper/lower-case insensitive, accent-free text."""
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in text if not unicodedata.combining(c)).strip()


def parse_amount(text):
    """ "1 122 261,17 €", "€1,122,261.17", "848092.77" -> float."""
    value = SPACES.sub("", (text or "").replace("€", "").replace("EUR", ""))
    comma, dot = value.rfind(","), value.rfind(".")
    if comma >= 0 and dot >= 0:
        decimal = "," if comma > dot else "."
    elif comma >= 0:
        # "1,122,261" (English thousands) or "261,17" (French decimals)
        decimal = "" if THOUSANDS_COMMA.match(value) else ","
    elif dot >= 0:
        decimal = "" if value.count(".") > 1 else "."
    else:
        decimal = ""
    for separator in {",", "."} - {decimal}:
        value = value.replace(separator, "")
    amount = float(value.replace(decimal, ".") if decimal else value)
    if amount < 0:
        raise ValueError
    return amount


def parse_date(text):
    """ "1 January 2018", "1er janvier 2018", "2018-01-01", "01/01/2018"."""
    value = _plain(text).lower()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    match = re.fullmatch(r"(\d{1,2})(?:er)?\s+([a-z]+)\s+(\d{4})", value)
    if not match or match.group(2) not in MONTHS:
        raise ValueError
    return date(int(match.group(3)), MONTHS[match.group(2)], int(match.group(1)))


class PlieEsfKohesioImport(models.TransientModel):
    _name = "plie.esf.kohesio.import"
    _description = "Import ESF operations from Kohesio"

    file = fields.Binary(string="Kohesio CSV export", required=True)
    filename = fields.Char()
    programme_id = fields.Many2one(
        "plie.esf.programme", help="Programme given to the imported operations."
    )
    state = fields.Selection(
        [("draft", "To import"), ("error", "Errors"), ("done", "Imported")],
        default="draft",
    )
    error_report = fields.Text(readonly=True)
    imported_count = fields.Integer(readonly=True)

    def _rows(self):
        try:
            raw = base64.b64decode(self.file)
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("cp1252")
            dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;\t")
        except (ValueError, IndexError, csv.Error) as error:
            raise UserError(_("This file is not a Kohesio CSV export.")) from error
        reader = csv.reader(io.StringIO(text), dialect)
        header = [_plain(h).upper() for h in next(reader, [])]
        positions = {}
        for field, names in COLUMNS.items():
            found = [header.index(n) for n in names if n in header]
            if found:
                positions[field] = found[0]
        missing = [COLUMNS[f][0] for f in REQUIRED if f not in positions]
        if missing:
            raise UserError(
                _(
                    "Columns missing from the Kohesio file: %(columns)s.",
                    columns=", ".join(missing),
                )
            )
        for number, row in enumerate(reader, start=2):
            if any(cell.strip() for cell in row):
                yield (
                    number,
                    {
                        field: row[position].strip() if position < len(row) else ""
                        for field, position in positions.items()
                    },
                )

    def _line_values(self, row):
        """Operation values of a row, and the list of its errors."""
        errors, values = (
            [],
            {
                "kohesio_id": row["kohesio_id"],
                "name": row["name"],
                "description": row.get("description") or False,
                "state": "draft",
            },
        )
        for field in ("kohesio_id", "name"):
            if not row[field]:
                errors.append(_("%(column)s is empty", column=COLUMNS[field][0]))
        for field in ("total_budget", "eu_amount"):
            try:
                values[field] = parse_amount(row[field])
            except ValueError:
                errors.append(
                    _(
                        "%(column)s: %(value)r is not an amount",
                        column=COLUMNS[field][0],
                        value=row[field],
                    )
                )
        for field in ("date_start", "date_end"):
            try:
                values[field] = parse_date(row[field])
            except ValueError:
                errors.append(
                    _(
                        "%(column)s: %(value)r is not a date",
                        column=COLUMNS[field][0],
                        value=row[field],
                    )
                )
        if not errors:
            if values["date_end"] < values["date_start"]:
                errors.append(_("the end date is before the start date"))
            if values["eu_amount"] > values["total_budget"]:
                errors.append(_("the EU support exceeds the total budget"))
        if row.get("country"):
            country = self.env["res.country"].search(
                [("name", "=ilike", row["country"])], limit=1
            )
            values["country_id"] = country.id
        if self.programme_id:
            values["programme_id"] = self.programme_id.id
        return values, errors

    def action_import(self):
        """All or nothing: any invalid line and no operation is written."""
        self.ensure_one()
        self.env["plie.esf.operation"].check_access("create")
        lines, report = [], []
        for number, row in self._rows():
            values, errors = self._line_values(row)
            if errors:
                report.append(
                    _(
                        "Line %(number)s: %(errors)s",
                        number=number,
                        errors="; ".join(errors),
                    )
                )
            lines.append(values)
        if report or not lines:
            self.write(
                {
                    "state": "error",
                    "error_report": "\n".join(report)
                    or _("The file has no operation."),
                }
            )
            return self._reopen()
        operations = self.env["plie.esf.operation"]
        existing = {
            op.kohesio_id: op
            for op in operations.search(
                [
                    ("kohesio_id", "in", [v["kohesio_id"] for v in lines]),
                    ("company_id", "=", self.env.company.id),
                ]
            )
        }
        to_create = []
        for values in lines:
            if values["kohesio_id"] in existing:
                values.pop("state")
                existing[values["kohesio_id"]].write(values)
            else:
                to_create.append(values)
        operations.create(to_create)
        self.write(
            {"state": "done", "imported_count": len(lines), "error_report": False}
        )
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
