"""What every part of the data set generator shares: the reference date the
dates are relative to, the batch size and the helpers on dates and counts."""

from datetime import date

from dateutil.relativedelta import relativedelta

REFERENCE = date(2026, 3, 1)
BATCH = 2000


def spread(total, parts):
    """`total` items over `parts` owners, as evenly as possible."""
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def month_start(day):
    return day.replace(day=1)


def months_between(start, end):
    """First days of the months from `start`'s to `end`'s, both included."""
    month, months = month_start(start), []
    while month <= end:
        months.append(month)
        month += relativedelta(months=1)
    return months
