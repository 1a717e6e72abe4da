"""XLSX statements of an operation for the managing authority (OCA
report_xlsx). Headers are in the user's language (French in the PLIE)."""

from odoo import fields, models
from odoo.tools import SQL

from ..esf_rules import RESULT_ANSWERS, STANDARD_ANNUAL_HOURS

SPECIAL = "plie_base.group_plie_coordinator"


class _Sheet:
    """Write a title, a header row and data rows with column formats."""

    def __init__(self, workbook, name, title):
        self.sheet = workbook.add_worksheet(self._unique_name(workbook, name))
        self.bold = workbook.add_format({"bold": True})
        self.header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2"})
        self.formats = {
            "date": workbook.add_format({"num_format": "dd/mm/yyyy"}),
            "money": workbook.add_format({"num_format": "#,##0.00"}),
            "money_bold": workbook.add_format({"num_format": "#,##0.00", "bold": True}),
            "percent": workbook.add_format({"num_format": "0.00"}),
            None: None,
        }
        self.sheet.write(0, 0, title, self.bold)
        self.row = 2

    @staticmethod
    def _unique_name(workbook, name):
        """`name`, then "`name` (2)"...: a statement of several records has a
        sheet per record, and sheet names are unique in a workbook."""
        unique, number = name, 1
        while workbook.get_worksheet_by_name(unique):
            number += 1
            unique = f"{name} ({number})"
        return unique

    def headers(self, labels, width=18):
        for column, label in enumerate(labels):
            self.sheet.write(self.row, column, label, self.header)
            self.sheet.set_column(column, column, width)
        self.row += 1

    def line(self, values, formats=(), bold=False):
        for column, value in enumerate(values):
            style = formats[column] if column < len(formats) else None
            if bold and style == "money":
                style = "money_bold"
            cell_format = self.formats[style] or (self.bold if bold else None)
            if value is False or value is None:
                value = ""
            self.sheet.write(self.row, column, value, cell_format)
        self.row += 1

    def typed_line(self, values, writers):
        """A data row written by one function per column (`write(sheet, row,
        column, value)`), for large sheets whose column types are known."""
        for column, (write, value) in enumerate(zip(writers, values, strict=True)):
            write(self.sheet, self.row, column, value)
        self.row += 1


def _selection_labels(record, field):
    return dict(record._fields[field]._description_selection(record.env))


class ExpenseStatement(models.AbstractModel):
    """One row per expense with its eligible amount, and the totals per
    category, of an operation (optionally for a period)."""

    _name = "report.plie_esf.expense_statement"
    _inherit = "report.report_xlsx.abstract"
    _description = "ESF expense statement"

    def _rows(self, operation, data):
        domain = [("operation_id", "=", operation.id), ("category", "!=", "staff")]
        if data.get("date_from"):
            domain.append(("date", ">=", data["date_from"]))
        if data.get("date_to"):
            domain.append(("date", "<=", data["date_to"]))
        expenses = self.env["plie.esf.expense"].search(domain, order="date, id")
        return [
            (
                expense.partner_id.name,
                expense.date,
                expense.reference,
                expense.label,
                expense.category,
                expense.amount,
                expense.eligible_amount,
                expense,
                expense.document_name,
            )
            for expense in expenses
        ]

    def generate_xlsx_report(self, workbook, data, records):
        env = self.env
        categories = _selection_labels(env["plie.esf.expense"], "category")
        states = _selection_labels(env["plie.esf.expense"], "eligibility")
        for record in records:
            sheet = _Sheet(
                workbook,
                env._("Expenses"),
                env._("Expense statement: %(name)s", name=record.display_name),
            )
            sheet.headers(
                [
                    env._("Supplier"),
                    env._("Date"),
                    env._("Reference"),
                    env._("Label"),
                    env._("Category"),
                    env._("Amount"),
                    env._("Eligible amount"),
                    env._("Eligibility"),
                    env._("Reason"),
                    env._("Document"),
                ]
            )
            formats = (None, "date", None, None, None, "money", "money")
            totals = dict.fromkeys(categories, 0.0)
            for row in self._rows(record, data or {}):
                supplier, day, ref, label, category, amount, eligible, expense, doc = (
                    row
                )
                sheet.line(
                    [
                        supplier,
                        day,
                        ref,
                        label,
                        categories[category],
                        amount,
                        eligible,
                        states.get(expense.eligibility, ""),
                        expense.ineligible_reason,
                        doc,
                    ],
                    formats,
                )
                totals[category] += eligible
            sheet.row += 1
            sheet.line([env._("Eligible total per category")], bold=True)
            for category, label in categories.items():
                if category != "staff":
                    sheet.line([label, "", "", "", "", "", totals[category]], formats)
            sheet.line(
                [env._("Total"), "", "", "", "", "", sum(totals.values())],
                formats,
                bold=True,
            )


class ClaimExpenseStatement(models.AbstractModel):
    """The expense statement of a payment claim: its expense lines as frozen
    in the claim, whose totals are the claim's."""

    _name = "report.plie_esf.claim_expense_statement"
    _inherit = "report.plie_esf.expense_statement"
    _description = "ESF expense statement"

    def _rows(self, claim, data):
        lines = claim.line_ids.filtered(lambda line: line.kind == "expense")
        return [
            (
                line.partner_id.name,
                line.date,
                line.reference,
                line.label,
                line.category,
                line.expense_id.amount or line.amount,
                line.amount,
                line.expense_id,
                line.document_ref,
            )
            for line in lines.sorted(lambda line: (line.date, line.id))
        ]


class StaffCostStatement(models.AbstractModel):
    _name = "report.plie_esf.staff_cost_statement"
    _inherit = "report.report_xlsx.abstract"
    _description = "ESF staff-cost statement"

    def generate_xlsx_report(self, workbook, data, operations):
        env = self.env
        for operation in operations:
            sheet = _Sheet(
                workbook,
                env._("Staff costs"),
                env._("Staff-cost statement: %(name)s", name=operation.name),
            )
            sheet.headers(
                [
                    env._("Staff member"),
                    env._("Position"),
                    env._("Annual gross employment cost"),
                    env._("Standard annual hours"),
                    env._("Hourly rate"),
                    env._("Month"),
                    env._("Hours"),
                    env._("Staff cost"),
                ]
            )
            formats = (None, None, "money", None, "money", "date", "percent", "money")
            times = env["plie.esf.staff.time"].search(
                [("operation_id", "=", operation.id)], order="staff_member_id, month"
            )
            for time in times:
                member = time.staff_member_id
                sheet.line(
                    [
                        member.name,
                        member.job_title,
                        member.annual_cost,
                        STANDARD_ANNUAL_HOURS,
                        member.hourly_rate,
                        time.month,
                        time.hours,
                        time.cost,
                    ],
                    formats,
                )
            sheet.line(
                [
                    env._("Total"),
                    "",
                    "",
                    "",
                    "",
                    "",
                    sum(times.mapped("hours")),
                    sum(times.mapped("cost")),
                ],
                formats,
                bold=True,
            )


class FundingPlanStatement(models.AbstractModel):
    _name = "report.plie_esf.funding_plan_statement"
    _inherit = "report.report_xlsx.abstract"
    _description = "ESF funding-plan statement"

    def generate_xlsx_report(self, workbook, data, operations):
        env = self.env
        types = _selection_labels(env["plie.esf.funding.line"], "cofunder_type")
        for operation in operations:
            sheet = _Sheet(
                workbook,
                env._("Funding plan"),
                env._("Funding plan: %(name)s", name=operation.name),
            )
            sheet.headers(
                [
                    env._("Co-funder"),
                    env._("Type"),
                    env._("Committed"),
                    env._("Share (%)"),
                    env._("Received"),
                    env._("Still to receive"),
                ]
            )
            formats = (None, None, "money", "percent", "money", "money")
            lines = operation.funding_line_ids
            for line in lines:
                sheet.line(
                    [
                        line.partner_id.name or types[line.cofunder_type],
                        types[line.cofunder_type],
                        line.amount,
                        line.share,
                        line.received_amount,
                        line.remaining_amount,
                    ],
                    formats,
                )
            sheet.line(
                [
                    env._("Total"),
                    "",
                    operation.funding_total,
                    100.0 if operation.total_budget else 0.0,
                    operation.received_total,
                    operation.funding_total - operation.received_total,
                ],
                formats,
                bold=True,
            )
            sheet.row += 1
            sheet.line(
                [env._("Total eligible budget"), "", operation.total_budget],
                formats,
            )
            sheet.line(
                [env._("EU contribution"), "", operation.eu_amount, operation.eu_rate],
                formats,
            )


class ParticipantsExport(models.AbstractModel):
    """One row per participation with the columns of a Ma Démarche FSE+ bulk
    import; special-category answers only for coordination and direction.

    Rows are read in one query for all the operations (15 000 rows of a
    programming period would otherwise be read per field and per batch) and
    written with `write_row`, the cells' types being known per column."""

    _name = "report.plie_esf.participants_export"
    _inherit = "report.report_xlsx.abstract"
    _description = "ESF participants export"

    def _columns(self):
        """(label, SQL expression, kind): kind is a selection field of the
        participation, "date", "boolean", "number" or None (text)."""
        env = self.env
        participation = env["plie.esf.participation"]

        def label(field):
            return participation._fields[field]._description_string(env)

        columns = [
            (env._("Last name"), "partner.lastname", None),
            (env._("First name"), "partner.firstname", None),
            (env._("Birth date"), "participant.birth_date", "date"),
            (env._("Gender"), "pa.gender", "gender"),
            (env._("Email"), "partner.email", None),
            (env._("Phone"), "partner.phone", None),
            (env._("Street"), "partner.street", None),
            (env._("Postcode"), "partner.zip", None),
            (env._("City"), "partner.city", None),
            (env._("Entry date"), "pa.entry_date", "date"),
            (env._("Exit date"), "pa.exit_date", "date"),
            (env._("Status at entry"), "pa.entry_status", "entry_status"),
            (env._("Age at entry"), "pa.entry_age", "number"),
            (env._("ISCED level"), "pa.entry_isced", "entry_isced"),
            (env._("Third-country national"), "pa.entry_third_country", "boolean"),
            (env._("Homeless"), "pa.entry_homeless", "boolean"),
            (env._("Rural area"), "pa.entry_rural", "boolean"),
        ]
        if env.su or env.user.has_group(SPECIAL):
            columns += [
                (env._("Disability"), "pa.entry_disability", "entry_disability"),
                (
                    env._("Foreign background"),
                    "pa.entry_foreign_background",
                    "entry_foreign_background",
                ),
                (env._("Minority"), "pa.entry_minority", "entry_minority"),
            ]
        columns += [
            (label(field), f"pa.{field}", "boolean") for field in RESULT_ANSWERS
        ]
        return columns

    def _rows(self, operations, columns):
        """The counted participations of `operations` the user may read, by
        operation, in the order of entry: {operation id: [row values]}."""
        self.env["plie.participant"].check_access("read")
        participations = self.env["plie.esf.participation"]._search(
            [("operation_id", "in", operations.ids), ("is_counted", "=", True)]
        )
        expressions = SQL(", ").join(SQL(sql) for _label, sql, _kind in columns)
        rows = self.env.execute_query(
            SQL(
                """SELECT pa.operation_id, %s
                     FROM plie_esf_participation pa
                     JOIN plie_participant participant
                       ON participant.id = pa.participant_id
                     JOIN res_partner partner ON partner.id = participant.partner_id
                    WHERE pa.id IN %s
                 ORDER BY pa.entry_date, pa.id""",
                expressions,
                participations.subselect(),
            )
        )
        by_operation = {}
        for operation_id, *values in rows:
            by_operation.setdefault(operation_id, []).append(values)
        return by_operation

    def _cell_writers(self, columns, date_format):
        """One function per column writing a value of the query in a cell
        with xlsxwriter's method of its type (empty values: no cell)."""
        env = self.env
        participation = env["plie.esf.participation"]
        yes, no = env._("Yes"), env._("No")

        def writer(kind):
            if kind == "boolean":
                return lambda sheet, row, column, value: sheet.write_string(
                    row, column, yes if value else no
                )
            if kind == "date":
                return lambda sheet, row, column, value: value and sheet.write_datetime(
                    row, column, value, date_format
                )
            if kind == "number":
                return lambda sheet, row, column, value: (
                    value is not None and sheet.write_number(row, column, value)
                )
            if kind:
                labels = _selection_labels(participation, kind)
                return lambda sheet, row, column, value: (
                    value in labels and sheet.write_string(row, column, labels[value])
                )
            return lambda sheet, row, column, value: value and sheet.write_string(
                row, column, value
            )

        return [writer(kind) for _label, _sql, kind in columns]

    def generate_xlsx_report(self, workbook, data, operations):
        env = self.env
        columns = self._columns()
        rows = self._rows(operations, columns)
        for operation in operations:
            sheet = _Sheet(
                workbook,
                env._("Participants"),
                env._("Participants: %(name)s", name=operation.name),
            )
            sheet.headers([label for label, _sql, _kind in columns])
            writers = self._cell_writers(columns, sheet.formats["date"])
            for values in rows.get(operation.id, ()):
                sheet.typed_line(values, writers)


class IndicatorsTable(models.AbstractModel):
    _name = "report.plie_esf.indicators_table"
    _inherit = "report.report_xlsx.abstract"
    _description = "ESF indicators table"

    def generate_xlsx_report(self, workbook, data, reports):
        env = self.env
        for report in reports:
            sheet = _Sheet(
                workbook,
                env._("Indicators"),
                env._(
                    "ESF indicators: %(name)s, %(date_from)s - %(date_to)s",
                    name=report.operation_id.name,
                    date_from=fields.Date.to_string(report.date_from),
                    date_to=fields.Date.to_string(report.date_to),
                ),
            )
            sheet.headers(
                [
                    env._("Code"),
                    env._("Indicator"),
                    env._("Women"),
                    env._("Men"),
                    env._("Non-binary"),
                    env._("Total"),
                ]
            )
            for line in report.line_ids:
                sheet.line(
                    [
                        line.code,
                        line.name,
                        line.women,
                        line.men,
                        line.non_binary,
                        line.total,
                    ]
                )
            sheet.row += 1
            sheet.line(
                [
                    env._("Incomplete records (%)"),
                    "",
                    "",
                    "",
                    "",
                    round(report.incomplete_share, 2),
                ]
            )
