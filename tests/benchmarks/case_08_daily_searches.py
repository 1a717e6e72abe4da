"""Case 8: the daily searches of a coordinator, each one SQL-backed, against
the hand-written SQL query returning the same participants."""

from datetime import date

from benchmark import AtMostQueries, Case, SameQueries, Target

REFERENCE = date(2026, 3, 1)  # the generator's reference date


class DailySearch(Case):
    """A coordinator's search on the participants of their PLIE."""

    phases = ("small", "large")
    domain = ()
    targets = (
        Target("ours", "sql", 2),
        SameQueries("ours@small", "ours@large"),
        AtMostQueries("ours", 3),
    )

    def setup(self):
        coordinator = self.user("plie_base.group_plie_coordinator", "coordinator")
        self.participants = (
            self.env["plie.participant"]
            .with_user(coordinator)
            .with_company(self.company)
            .with_context(plie_date=REFERENCE)
        )

    def ours(self):
        return self.participants.search(list(self.domain), order="id").ids

    def run_sql(self, query, **params):
        self.env.cr.execute(query, {"company": self.company.id, **params})
        return [row[0] for row in self.env.cr.fetchall()]


class Deld(DailySearch):
    number = "8b"
    title = "Coordinator's search: DELD"
    domain = (("is_deld", "=", True),)

    def sql(self):
        return self.run_sql(
            """SELECT id FROM plie_participant
                WHERE company_id = %(company)s AND active
                  AND labour_market_status IN ('unemployed', 'long_term_unemployed')
                  AND ft_registration_date <= %(limit)s
                ORDER BY id""",
            limit=date(2025, 3, 1),
        )
