"""Case 2: the ESF participants export (XLSX, one row per counted
participation) of every operation of the PLIE, as the finance officer prints
it, against one hand-written query written with xlsxwriter in the same
layout (`raw`), and Odoo's generic XLSX export of the same columns
(`generic`: `export_data`, then the writer of the web client's /web/export).

Each file is read back with openpyxl. Compared: the data rows of every sheet,
in order (the generic export has no title and other header labels, so
titles and headers are left out). The generic export writes booleans as
booleans: they are mapped to the addon's Yes/No labels before comparing."""

import io
from types import SimpleNamespace

import xlsxwriter
from benchmark import AtMostQueries, Case, SameQueries, Target
from openpyxl import load_workbook

from odoo.http import _request_stack

from odoo.addons.plie_esf.esf_rules import RESULT_ANSWERS
from odoo.addons.plie_esf.report.xlsx_statements import _Sheet
from odoo.addons.web.controllers.export import ExcelExport

REPORT = "plie_esf.action_report_participants_export"
# The export's columns (finance officer: no special-category answers):
# (generic export path, raw SQL expression, kind).
COLUMNS = [
    ("participant_id/lastname", "rp.lastname", None),
    ("participant_id/firstname", "rp.firstname", None),
    ("participant_id/birth_date", "p.birth_date", "date"),
    ("participant_id/gender", "pa.gender", "gender"),
    ("participant_id/email", "rp.email", None),
    ("participant_id/phone", "rp.phone", None),
    ("participant_id/street", "rp.street", None),
    ("participant_id/zip", "rp.zip", None),
    ("participant_id/city", "rp.city", None),
    ("entry_date", "pa.entry_date", "date"),
    ("exit_date", "pa.exit_date", "date"),
    ("entry_status", "pa.entry_status", "entry_status"),
    ("entry_age", "pa.entry_age", "number"),
    ("entry_isced", "pa.entry_isced", "entry_isced"),
    *(
        (name, f"pa.{name}", "boolean")
        for name in (
            "entry_third_country",
            "entry_homeless",
            "entry_rural",
            *RESULT_ANSWERS,
        )
    ),
]
RAW = f"""
SELECT pa.operation_id, {", ".join(sql for _path, sql, _kind in COLUMNS)}
  FROM plie_esf_participation pa
  JOIN plie_participant p ON p.id = pa.participant_id
  JOIN res_partner rp ON rp.id = p.partner_id
 WHERE pa.operation_id IN %(operations)s AND pa.is_counted
 ORDER BY pa.operation_id, pa.entry_date, pa.id
"""


class EsfExport(Case):
    number = "2"
    title = "ESF participants export (XLSX) of every operation"
    variants = ("ours", "raw", "generic")
    phases = ("small", "large")
    targets = (
        Target("ours", "raw", 1.2),
        Target("ours", "generic", 0.5),
        SameQueries("ours@small", "ours@large"),
        AtMostQueries("ours", 12),
    )

    def setup(self):
        self.finance = self.user("plie_base.group_plie_finance", "esf_finance")
        # The generic export needs the right to export.
        self.finance.groups_id += self.env.ref("base.group_allow_export")
        self.env = self.env(
            user=self.finance, context=dict(self.env.context, lang=self.finance.lang)
        )
        self.operations = self.env["plie.esf.operation"].search(
            [("company_id", "=", self.company.id)], order="id"
        )
        Participation = self.env["plie.esf.participation"]
        self.labels = {
            name: dict(Participation._fields[name]._description_selection(self.env))
            for name in ("gender", "entry_status", "entry_isced")
        }
        self.yes, self.no = self.env._("Yes"), self.env._("No")

    def ours(self):
        action = self.env.ref(REPORT)
        content, _kind = action._render_xlsx(
            action.report_name, self.operations.ids, None
        )
        return content

    def raw(self):
        self.env.cr.execute(RAW, {"operations": tuple(self.operations.ids)})
        rows = self.env.cr.fetchall()
        report = self.env["report.plie_esf.participants_export"]
        headers = [label for label, _getter, _style in report._columns()]
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output)
        by_operation = {}
        for operation_id, *values in rows:
            by_operation.setdefault(operation_id, []).append(values)
        _ = self.env._
        for operation in self.operations:
            # The addon's title and header rows, then the cells by hand.
            sheet = _Sheet(
                workbook,
                _("Participants"),
                _("Participants: %(name)s", name=operation.name),
            )
            sheet.headers(headers)
            for index, values in enumerate(by_operation.get(operation.id, ())):
                self._write_raw_row(sheet.sheet, 3 + index, values, sheet.formats)
        workbook.close()
        return output.getvalue()

    def _write_raw_row(self, sheet, row, values, formats):
        for column, ((_path, _sql, kind), value) in enumerate(
            zip(COLUMNS, values, strict=True)
        ):
            if kind == "boolean":
                sheet.write_string(row, column, self.yes if value else self.no)
            elif value is None or value == "":
                continue
            elif kind == "date":
                sheet.write_datetime(row, column, value, formats["date"])
            elif kind == "number":
                sheet.write_number(row, column, value)
            elif kind:
                sheet.write_string(row, column, self.labels[kind].get(value, ""))
            else:
                sheet.write_string(row, column, value)

    def generic(self):
        paths = [path for path, _sql, _kind in COLUMNS]
        participations = (
            self.env["plie.esf.participation"]
            .search_fetch(
                [
                    ("operation_id", "in", self.operations.ids),
                    ("is_counted", "=", True),
                ],
                ["operation_id"],
                order="entry_date, id",
            )
            # The addon's order: by operation (sheet), then by entry.
            .sorted(lambda participation: participation.operation_id.id)
        )
        rows = participations.export_data(paths)["datas"]
        fields = [{"name": path, "type": ""} for path in paths]
        # The web client's writer reads its environment from the request.
        _request_stack.push(SimpleNamespace(env=self.env))
        try:
            return ExcelExport().from_data(fields, paths, rows)
        finally:
            _request_stack.pop()

    def normalise(self, value):
        workbook = load_workbook(io.BytesIO(value), read_only=True)
        rows = []
        for sheet in workbook.worksheets:
            values = list(sheet.iter_rows(values_only=True))
            # The addon's sheets: title, blank row, header; generic: header.
            skip = 3 if values and values[0][1:2] in ((), (None,)) else 1
            rows += [self._cells(row) for row in values[skip:]]
        return rows

    def _cells(self, row):
        yes_no = {True: self.yes, False: self.no}
        return tuple(yes_no[cell] if isinstance(cell, bool) else cell for cell in row)
