"""Case 4: social clauses of a year as the facilitator reaches them: the
progress of every contract running in the year (4a) and the yearly report of
a buyer (4b), against one hand-written query computing the same numbers.

The buyer report is measured as the addon computes it
(`generate_xlsx_report`), on a workbook that keeps the cells it is given: its
numbers are compared, the writing of the file is not measured."""

from benchmark import AtMostQueries, Case, SameQueries, Target

from odoo.addons.plie_partners.const import PRIORITY_PUBLICS

YEAR = 2025
DATE_FROM, DATE_TO = f"{YEAR}-01-01", f"{YEAR}-12-31"
PERIOD = {"plie_date_from": DATE_FROM, "plie_date_to": DATE_TO}
# A person placed: the participant, or the placement of someone outside the PLIE.
PERSON = "COALESCE('p' || pl.participant_id, 'x' || pl.id)"
# The list view of the contracts.
SPECIFICATION = {
    **dict.fromkeys(("name", "title", "date_start", "date_end"), {}),
    **dict.fromkeys(("required_hours", "realised_hours", "progress_rate"), {}),
    "buyer_id": {"fields": {"display_name": {}}},
    "facilitator_id": {"fields": {"display_name": {}}},
}


def rounded(values):
    return tuple(round(v, 2) if isinstance(v, float) else v for v in values)


class Clauses(Case):
    phases = ("small", "large")

    def setup(self):
        self.facilitator = self.user("plie_base.group_plie_business", "facilitator")

    def run_sql(self, query, **params):
        self.env.cr.execute(
            query,
            {"company": self.company.id, "from": DATE_FROM, "to": DATE_TO, **params},
        )
        return self.env.cr.fetchall()


class ContractProgress(Clauses):
    number = "4a"
    title = f"Progress of the clause contracts running in {YEAR}"
    targets = (
        Target("ours", "sql", 2),
        SameQueries("ours@small", "ours@large"),
        AtMostQueries("ours", 6),
    )

    def ours(self):
        contracts = (
            self.env["plie.clause.contract"]
            .with_user(self.facilitator)
            .with_context(**PERIOD)
        )
        result = contracts.web_search_read(
            [("date_start", "<=", DATE_TO), ("date_end", ">=", DATE_FROM)],
            SPECIFICATION,
        )
        return [
            (
                *(r[name] for name in ("name", "title", "date_start", "date_end")),
                r["buyer_id"]["display_name"],
                r["facilitator_id"]["display_name"] if r["facilitator_id"] else None,
                *(r[name] for name in ("required_hours", "realised_hours")),
                r["progress_rate"],
            )
            for r in result["records"]
        ]

    def sql(self):
        # The list's columns; validated hours of the year of the placements
        # overlapping it.
        return self.run_sql(
            """
            SELECT c.name, c.title, c.date_start, c.date_end, b.name, fp.name,
                   c.required_hours, COALESCE(SUM(h.hours), 0),
                   CASE WHEN c.required_hours > 0
                        THEN 100.0 * COALESCE(SUM(h.hours), 0) / c.required_hours
                        ELSE 0 END
              FROM plie_clause_contract c
              JOIN plie_clause_buyer b ON b.id = c.buyer_id
         LEFT JOIN res_users fu ON fu.id = c.facilitator_id
         LEFT JOIN res_partner fp ON fp.id = fu.partner_id
         LEFT JOIN plie_clause_placement pl ON pl.contract_id = c.id
                   AND pl.date_start <= %(to)s
                   AND (pl.date_end IS NULL OR pl.date_end >= %(from)s)
         LEFT JOIN plie_clause_hours h ON h.placement_id = pl.id
                   AND h.state = 'validated' AND h.month BETWEEN %(from)s AND %(to)s
             WHERE c.company_id = %(company)s
               AND c.date_start <= %(to)s AND c.date_end >= %(from)s
          GROUP BY c.id, b.name, fp.name
          ORDER BY c.date_start DESC, c.id DESC
            """
        )

    def normalise(self, value):
        return [rounded(row) for row in value]


MONTHS = ", ".join(
    f"COALESCE(SUM(h.hours) FILTER (WHERE EXTRACT(MONTH FROM h.month) = {month}), 0)"
    for month in range(1, 13)
)
# The sheets of the buyer report, one row per line of a sheet: (section, contract,
# labels, numbers), section 0 lots, 1 placements' months, 2 modes, 3 publics.
# Hours: validated, of the year; lots' and publics' figures: on the placements
# overlapping the year; social publics under the threshold of people: hidden.
BUYER_REPORT = f"""
WITH placements AS (
    SELECT pl.id, pl.lot_id, pl.contract_id, pl.delivery_mode, {PERSON} AS person,
           ARRAY[par.gender = 'woman',
                 par.birth_date <= pl.date_start - INTERVAL '50 years',
                 par.qpv_id IS NOT NULL,
                 par.labour_market_status IN ('unemployed', 'long_term_unemployed')
                 AND par.ft_registration_date <= pl.date_start - INTERVAL '12 months',
                 EXISTS (SELECT 1 FROM plie_participant_benefit b
                          WHERE b.participant_id = par.id AND b.benefit_type = 'rsa'
                            AND b.start_date <= pl.date_start
                            AND (b.end_date IS NULL OR b.end_date >= pl.date_start))
           ] AS publics
      FROM plie_clause_placement pl
 LEFT JOIN plie_participant par ON par.id = pl.participant_id
     WHERE pl.buyer_id = %(buyer)s AND pl.date_start <= %(to)s
       AND (pl.date_end IS NULL OR pl.date_end >= %(from)s)
), hours AS (
    SELECT h.placement_id, h.contract_id, h.month, h.hours
      FROM plie_clause_hours h
     WHERE h.buyer_id = %(buyer)s AND h.state = 'validated'
       AND h.month BETWEEN %(from)s AND %(to)s
), worked AS (
    SELECT p.*, h.hours FROM placements p JOIN hours h ON h.placement_id = p.id
), publics (code, position, social) AS (
    VALUES ('women', 1, FALSE), ('senior', 2, FALSE), ('qpv', 3, TRUE),
           ('deld', 4, FALSE), ('rsa', 5, TRUE)
)
SELECT 0, c.name, ARRAY[l.name, COALESCE(aw.name, '')],
       ARRAY[l.required_hours, COALESCE(w.hours, 0),
             CASE WHEN l.required_hours > 0
                  THEN 100.0 * COALESCE(w.hours, 0) / l.required_hours ELSE 0 END,
             COALESCE(n.persons, 0)]::float8[]
  FROM plie_clause_lot l
  JOIN plie_clause_contract c ON c.id = l.contract_id
LEFT JOIN res_partner aw ON aw.id = l.awardee_id
LEFT JOIN (SELECT lot_id, SUM(hours) AS hours FROM worked GROUP BY lot_id) w
       ON w.lot_id = l.id
LEFT JOIN (SELECT lot_id, COUNT(DISTINCT person) AS persons
             FROM placements GROUP BY lot_id) n ON n.lot_id = l.id
 WHERE c.buyer_id = %(buyer)s
UNION ALL
SELECT 1, c.name, ARRAY[pl.name, l.name],
       ARRAY[{MONTHS},
             SUM(h.hours)]::float8[]
  FROM hours h
  JOIN plie_clause_placement pl ON pl.id = h.placement_id
  JOIN plie_clause_lot l ON l.id = pl.lot_id
  JOIN plie_clause_contract c ON c.id = h.contract_id
GROUP BY c.id, pl.id, l.id
UNION ALL
SELECT 2, c.name, ARRAY[w.delivery_mode], ARRAY[SUM(w.hours)]::float8[]
  FROM worked w JOIN plie_clause_contract c ON c.id = w.contract_id
GROUP BY c.id, w.delivery_mode
UNION ALL
SELECT 3, c.name, ARRAY[pub.code],
       CASE WHEN pub.social AND n.persons BETWEEN 1 AND %(threshold)s - 1
            THEN ARRAY[NULL, NULL]::float8[]
            ELSE ARRAY[n.persons, COALESCE(w.hours, 0)] END::float8[]
  FROM plie_clause_contract c
CROSS JOIN publics pub
CROSS JOIN LATERAL (SELECT COUNT(DISTINCT person) AS persons FROM placements p
                     WHERE p.contract_id = c.id AND p.publics[pub.position]) n
CROSS JOIN LATERAL (SELECT SUM(hours) AS hours FROM worked w
                     WHERE w.contract_id = c.id AND w.publics[pub.position]) w
 WHERE c.buyer_id = %(buyer)s
"""


class Sheet(dict):
    """A worksheet that keeps its cells {(row, column): value} and header rows."""

    def __init__(self):
        super().__init__()
        self.headers = set()

    def write(self, row, column, value, style=None):
        self[row, column] = value
        if style and "bg_color" in style:
            self.headers.add(row)

    def write_row(self, row, column, values, style=None):
        for offset, value in enumerate(values):
            self.write(row, column + offset, value, style)

    def set_column(self, *args):
        pass

    def sections(self):
        """Data rows under each header row: lots, placements, modes, publics."""
        sections, last = [], max(row for row, _column in self)
        for row in range(last + 1):
            cells = [v for (r, _c), v in sorted(self.items()) if r == row]
            if row in self.headers:
                sections.append([])
            elif sections and cells:
                sections[-1].append(tuple(cells))
        return sections


class Workbook(dict):
    """The workbook the report writes to: {sheet name: Sheet}."""

    def add_format(self, properties=None):
        return properties

    def add_worksheet(self, name):
        return self.setdefault(name, Sheet())


class BuyerReport(Clauses):
    number = "4b"
    title = f"Yearly report {YEAR} of the buyer with the most contracts"
    targets = (
        Target("ours", "sql", 2),
        SameQueries("ours@small", "ours@large"),
        AtMostQueries("ours", 13),
    )

    def setup(self):
        super().setup()
        [(buyer, _count)] = self.env["plie.clause.contract"]._read_group(
            [("company_id", "=", self.company.id)],
            ["buyer_id"],
            ["__count"],
            order="__count DESC, buyer_id",
            limit=1,
        )
        self.buyer = buyer.with_user(self.facilitator)
        self.report = self.env["report.plie_partners.clause_buyer_xlsx"].with_user(
            self.facilitator
        )
        self.threshold = self.company.plie_statistics_threshold
        env = self.report.env
        self.modes = dict(
            env["plie.clause.placement"]
            ._fields["delivery_mode"]
            ._description_selection(env)
        )

    def ours(self):
        workbook = Workbook()
        self.report.generate_xlsx_report(workbook, {"year": YEAR}, self.buyer)
        return workbook

    def sql(self):
        return self.run_sql(
            BUYER_REPORT,
            buyer=self.buyer.id,
            threshold=self.threshold,
        )

    def normalise(self, value):
        """{contract: (lots, placements' months, modes, publics)}, rows sorted."""
        if isinstance(value, Workbook):
            return {
                name: tuple(sorted(map(self.cells, rows)) for rows in sheet.sections())
                for name, sheet in value.items()
            }
        result = {}
        for kind, contract, labels, numbers in value:
            sections = result.setdefault(contract[:31], ([], [], [], []))
            if kind == 2:
                labels = [self.modes[labels[0]]]
            elif kind == 3:
                labels = [self.report.env._(dict(PRIORITY_PUBLICS)[labels[0]])]
            sections[kind].append(self.cells([*labels, *(numbers or [])]))
        return {name: tuple(sorted(rows) for rows in s) for name, s in result.items()}

    @staticmethod
    def cells(row):
        """Numbers to 2 decimals; a hidden figure (`< 5`) as None."""
        return tuple(
            None if isinstance(v, str) and v.startswith("<") else v
            for v in rounded(row)
        )
