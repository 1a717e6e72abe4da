"""Case 1: the ESF indicators (every EECO/EECR code by gender) of the largest
operation, as the finance officer computes them, against one hand-written
query and a straightforward per-record computation in Python."""

from benchmark import AtMostQueries, Case, SameQueries, Target

from odoo.addons.plie_esf.esf_rules import indicators_for
from odoo.addons.plie_esf.report.indicator_report import GENDER_COLUMNS

GENDERS = (*GENDER_COLUMNS.values(), "unknown")
ENTRY = "entry_date BETWEEN %(from)s AND %(to)s"
EXIT = "exit_date BETWEEN %(from)s AND %(to)s"
UNEMPLOYED = "entry_status IN ('unemployed', 'long_term_unemployed')"
# Each code's condition, written by hand from the regulation's definitions.
CONDITIONS = {
    "EECO01": ENTRY,
    "EECO02": f"{ENTRY} AND {UNEMPLOYED}",
    "EECO03": f"{ENTRY} AND entry_status = 'long_term_unemployed'",
    "EECO04": f"{ENTRY} AND entry_status = 'inactive'",
    "EECO05": f"{ENTRY} AND entry_status = 'employed'",
    "EECO06": f"{ENTRY} AND entry_age > 0 AND entry_age < 18",
    "EECO07": f"{ENTRY} AND entry_age BETWEEN 18 AND 29",
    "EECO08": f"{ENTRY} AND entry_age >= 55",
    "EECO09": f"{ENTRY} AND entry_isced = '0_2'",
    "EECO10": f"{ENTRY} AND entry_isced = '3_4'",
    "EECO11": f"{ENTRY} AND entry_isced = '5_8'",
    "EECO12": f"{ENTRY} AND entry_disability = 'yes'",
    "EECO13": f"{ENTRY} AND entry_third_country",
    "EECO14": f"{ENTRY} AND entry_foreign_background = 'yes'",
    "EECO15": f"{ENTRY} AND entry_minority = 'yes'",
    "EECO16": f"{ENTRY} AND entry_homeless",
    "EECO17": f"{ENTRY} AND entry_rural",
    "EECR01": f"{EXIT} AND exit_job_searching",
    "EECR02": f"{EXIT} AND exit_in_education",
    "EECR03": f"{EXIT} AND exit_qualification",
    "EECR04": f"{EXIT} AND exit_employed",
    "EECR05": f"{EXIT} AND m6_employed",
    "EECR06": f"{EXIT} AND entry_status = 'employed' AND m6_improved",
}


class EsfIndicators(Case):
    number = "1"
    title = "ESF indicators of the largest operation, by gender"
    variants = ("ours", "sql", "python", "stored")
    phases = ("small", "large")
    writes = True  # `stored` writes the report's lines
    targets = (
        Target("ours", "sql", 1.5),
        SameQueries("ours@small", "ours@large"),
        AtMostQueries("ours", 5),
    )

    def setup(self):
        self.finance = self.user("plie_base.group_plie_finance", "esf_finance")
        # The first operation of the company holds a third of its participations.
        self.operation = self.env["plie.esf.operation"].search(
            [("company_id", "=", self.company.id)], order="id", limit=1
        )
        self.period = {
            "from": self.operation.date_start,
            "to": self.operation.date_end,
        }
        self.report = (
            self.env["plie.esf.indicator.report"]
            .with_user(self.finance)
            .create(
                {
                    "operation_id": self.operation.id,
                    "date_from": self.period["from"],
                    "date_to": self.period["to"],
                }
            )
        )

    def ours(self):
        # The figures as the report's button computes them, before it stores
        # them (with the entered and incomplete participations it also counts).
        indicators, rows = self.report._indicator_rows()
        return {
            (indicator.code, GENDER_COLUMNS.get(gender, "unknown")): row[sequence]
            for gender, row in rows.items()
            for sequence, indicator in enumerate(indicators)
        }

    def stored(self):
        # The report's button: the same figures, stored as its lines.
        self.report.action_compute()
        return {
            (line.code, gender): line[gender]
            for line in self.report.line_ids
            for gender in GENDERS
        }

    def sql(self):
        counts = ",\n".join(
            f"count(*) FILTER (WHERE {condition})" for condition in CONDITIONS.values()
        )
        self.env.cr.execute(
            f"""SELECT gender, {counts}
                  FROM plie_esf_participation
                 WHERE operation_id = %(operation)s AND is_counted
              GROUP BY gender""",
            {"operation": self.operation.id, **self.period},
        )
        return {
            (code, GENDER_COLUMNS.get(gender, "unknown")): count
            for gender, *row in self.env.cr.fetchall()
            for code, count in zip(CONDITIONS, row, strict=True)
        }

    def python(self):
        counts = {}
        indicators = indicators_for(self.operation.fund)
        participations = self.env["plie.esf.participation"].search(
            [("operation_id", "=", self.operation.id)]
        )
        for participation in participations:
            if not participation.is_counted:
                continue
            gender = GENDER_COLUMNS.get(participation.gender, "unknown")
            for indicator in indicators:
                day = (
                    participation.entry_date
                    if indicator.base == "entry"
                    else participation.exit_date
                )
                if not day or not self.period["from"] <= day <= self.period["to"]:
                    continue
                if participation.filtered_domain(indicator.domain):
                    key = (indicator.code, gender)
                    counts[key] = counts.get(key, 0) + 1
        return counts

    def normalise(self, value):
        """{(code, gender column): count}, without the empty cells."""
        return {key: count for key, count in value.items() if count}
