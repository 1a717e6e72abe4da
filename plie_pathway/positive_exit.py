"""The positive-exit rule of the PLIE, in one place.

Usual rule of Alliance Villes Emploi (DOMAIN.md, "The pathway"): a pathway ends
positively with 6 months or more of employment (CDI, CDD, interim, CIE; missions
added up) within the pathway, an apprenticeship or professionalisation
contract, a business creation, or a validated qualifying training.

Which contract does what is a table each PLIE adjusts (``plie.contract.type``);
it comes in as ``contract_rules``, ``{contract type: (counts toward the
6 months, outright ground or False)}``, so this module stays pure.

How it is counted here:

- "6 months" is 180 days: a month counts 30 days, as French labour
  administration usually counts it;
- days are inclusive: a contract from 1 to 30 June is 30 days;
- only contracts of a counting type at ``min_weekly_hours`` or more count
  (half-time, 17.5 h by default): PEC and IAE contracts are pathway steps;
- overlapping periods are merged, so no day is counted twice;
- only days between the pathway start and the check date (the exit date, or
  today) count: employment that started before entry counts from entry on, and
  a contract without end date counts up to the check date;
- a work-study contract or a business creation counts when it starts within
  the pathway, whatever its hours; a qualifying training counts when it is
  validated within it.
"""

from datetime import timedelta

EMPLOYMENT_DAYS_REQUIRED = 6 * 30
# Half-time of the legal 35-hour week (AVE guide): the usual threshold.
DEFAULT_MIN_WEEKLY_HOURS = 17.5
GROUNDS = [
    ("employment", "6 months of employment or more (CDI, CDD, interim, CIE)"),
    ("work_study", "Apprenticeship or professionalisation contract"),
    ("business_creation", "Business creation"),
    ("qualifying_training", "Validated qualifying training"),
]


def merged_days(periods):
    """Number of distinct days covered by inclusive ``(start, end)`` periods."""
    total = 0
    current_start = current_end = None
    for start, end in sorted(periods):
        if current_end is not None and start <= current_end + timedelta(days=1):
            current_end = max(current_end, end)
            continue
        if current_end is not None:
            total += (current_end - current_start).days + 1
        current_start, current_end = start, end
    if current_end is not None:
        total += (current_end - current_start).days + 1
    return total


def counted_employment_days(
    start, check_date, employments, contract_rules, min_weekly_hours
):
    """Distinct days of counting employment between ``start`` and ``check_date``.

    :param employments: ``(contract type, date_start, date_end or None,
        weekly hours)`` tuples
    :param contract_rules: ``{contract type: (counts, outright ground)}``
    :param min_weekly_hours: weekly hours from which employment counts
    """
    if not start or not check_date or check_date < start:
        return 0
    periods = []
    for contract_type, date_start, date_end, weekly_hours in employments:
        counts = contract_rules.get(contract_type, (False, False))[0]
        if counts and weekly_hours >= min_weekly_hours:
            clipped = (max(date_start, start), min(date_end or check_date, check_date))
            if clipped[0] <= clipped[1]:
                periods.append(clipped)
    return merged_days(periods)


def positive_exit_ground(
    start,
    check_date,
    employments,
    validated_trainings,
    contract_rules,
    min_weekly_hours=DEFAULT_MIN_WEEKLY_HOURS,
):
    """Return the ground of a positive exit, or False.

    :param start: pathway start (signature of the engagement contract)
    :param check_date: exit date, or the date of the check
    :param employments: ``(contract type, date_start, date_end or None,
        weekly hours)`` tuples
    :param validated_trainings: validation dates of qualifying trainings
    :param contract_rules: ``{contract type: (counts toward the 6 months,
        outright ground or False)}``; a type missing from it does nothing
    :param min_weekly_hours: weekly hours from which employment counts
    """
    if not start or not check_date or check_date < start:
        return False
    days = counted_employment_days(
        start, check_date, employments, contract_rules, min_weekly_hours
    )
    if days >= EMPLOYMENT_DAYS_REQUIRED:
        return "employment"
    for contract_type, date_start, _date_end, _hours in employments:
        ground = contract_rules.get(contract_type, (False, False))[1]
        if ground and start <= date_start <= check_date:
            return ground
    if any(start <= day <= check_date for day in validated_trainings):
        return "qualifying_training"
    return False
