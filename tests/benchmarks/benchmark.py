"""What every benchmark case shares: the case class, the measurement and
the targets, serialised to JSON for the report (`report.py`).

A case measures several *variants* that compute the same thing: `ours` (the
PLIE addons as a user reaches them), and the references of the issue, such
as `sql` (one hand-written query), `generic` (Odoo's generic tools) or
`python` (a straightforward per-record computation). Every variant returns
a value; the runner checks that they are all equal after `normalise`.
"""

import statistics
import time


class Target:
    """`left` takes at most `factor` times the time of `right`.

    A side is a variant, measured at the phase `large` unless it says
    `variant@phase` (`small`: the first, smaller data set).
    """

    kind = "time"

    def __init__(self, left, right, factor):
        self.left, self.right, self.factor = left, right, factor

    def as_dict(self):
        return {
            "kind": self.kind,
            "left": self.left,
            "right": self.right,
            "factor": self.factor,
        }


class SameQueries(Target):
    """`left` and `right` run the same number of SQL queries."""

    kind = "same_queries"

    def __init__(self, left, right):
        super().__init__(left, right, 1)


class AtMostQueries(Target):
    """`left` runs at most `factor` SQL queries."""

    kind = "max_queries"

    def __init__(self, left, queries):
        super().__init__(left, None, queries)


class Case:
    """One benchmark case; subclasses are found in the `case_*.py` modules.

    `number` orders the table, `title` names the row, `variants` lists the
    methods to measure (each returns the computed value), `phases` the data
    sets it runs on (`large`, and `small` for cases that compare volumes),
    `targets` what the report checks. A case whose variants write sets
    `writes`: each run is then rolled back.
    """

    number = ""
    title = ""
    variants = ("ours", "sql")
    phases = ("large",)
    targets = ()
    writes = False

    def __init__(self, env, companies, phase, scale):
        self.companies = companies  # generated PLIE companies, oldest first
        # The data set of this phase: the small one is generated first.
        self.company = companies[0] if phase == "small" else companies[-1]
        self.env = env(context=dict(env.context, allowed_company_ids=self.company.ids))
        self.phase = phase
        self.scale = scale

    def setup(self):
        """Choose the records to work on (not measured)."""

    def normalise(self, value):
        """The value compared across variants."""
        return value

    def user(self, group, name):
        """A user of this phase's company with the PLIE role `group` (xmlid)."""
        return self.env["res.users"].create(
            {
                "name": name,
                "login": f"bench_{name}_{self.company.id}",
                "company_id": self.company.id,
                "company_ids": [(6, 0, self.company.ids)],
                "groups_id": [(6, 0, self.env.ref(group).ids)],
            }
        )

    def sized(self, count):
        """`count` at scale 1, at this run's scale (at least 1)."""
        return max(1, round(count * self.scale))


def measure(env, function, repeat, warmup, rollback):
    """Run `function` `warmup` times, then `repeat` times: its last value,
    the median wall time in seconds and the SQL queries of one run."""
    timings, queries, value = [], [], None
    for index in range(warmup + repeat):
        env.invalidate_all()
        savepoint = env.cr.savepoint(flush=False) if rollback else None
        before = env.cr.sql_log_count
        start = time.perf_counter()
        value = function()
        if rollback:
            env.flush_all()
        elapsed = time.perf_counter() - start
        count = env.cr.sql_log_count - before
        if savepoint:
            savepoint.rollback()
            savepoint.close()
            env.invalidate_all()
        if index >= warmup:
            timings.append(elapsed)
            queries.append(count)
    return value, statistics.median(timings), max(queries)


def run_case(case, repeat, warmup):
    """Measure every variant of `case`: (measurements, problems)."""
    case.setup()
    measurements, values, problems = [], {}, []
    for variant in case.variants:
        value, seconds, queries = measure(
            case.env, getattr(case, variant), repeat, warmup, case.writes
        )
        values[variant] = case.normalise(value)
        measurements.append(
            {
                "case": case.number,
                "title": case.title,
                "variant": variant,
                "phase": case.phase,
                "seconds": seconds,
                "queries": queries,
                "runs": repeat,
            }
        )
    reference, *others = case.variants
    for variant in others:
        if values[variant] != values[reference]:
            problems.append(
                f"case {case.number} ({case.phase}): {variant} does not compute "
                f"the same result as {reference}"
            )
    return measurements, problems
