"""The positive-exit rule of the PLIE, in one place.

Usual rule of Alliance Villes Emploi (DOMAIN.md, "The pathway"): a pathway ends
positively with 6 months or more of employment (CDI, CDD or interim, missions
added up) within the pathway, an apprenticeship or professionalisation
contract, a business creation, or a validated qualifying training.

How it is counted here:

- "6 months" is 180 days: a month counts 30 days, as French labour
  administration usually counts it;
- days are inclusive: a contract from 1 to 30 June is 30 days;
- overlapping periods are merged, so no day is counted twice;
- only days between the pathway start and the check date (the exit date, or
  today) count: employment that started before entry counts from entry on, and
  a contract without end date counts up to the check date;
- a work-study contract or a business creation counts when it starts within
  the pathway; a qualifying training counts when it is validated within it.
"""

from datetime import timedelta

EMPLOYMENT_DAYS_REQUIRED = 6 * 30
DURATION_CONTRACT_TYPES = ("cdi", "cdd", "interim")
OUTRIGHT_CONTRACT_GROUNDS = {
    "apprenticeship": "work_study",
    "professionalisation": "work_study",
    "business_creation": "business_creation",
}
GROUNDS = [
    ("employment", "6 months of employment or more (CDI, CDD, interim)"),
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


def positive_exit_ground(start, check_date, employments, validated_trainings):
    """Return the ground of a positive exit, or False.

    :param start: pathway start (signature of the engagement contract)
    :param check_date: exit date, or the date of the check
    :param employments: ``(contract_type, date_start, date_end or None)`` tuples
    :param validated_trainings: validation dates of qualifying trainings
    """
    if not start or not check_date or check_date < start:
        return False
    periods = []
    for contract_type, date_start, date_end in employments:
        if contract_type in DURATION_CONTRACT_TYPES:
            clipped = (max(date_start, start), min(date_end or check_date, check_date))
            if clipped[0] <= clipped[1]:
                periods.append(clipped)
    if merged_days(periods) >= EMPLOYMENT_DAYS_REQUIRED:
        return "employment"
    for contract_type, date_start, _date_end in employments:
        ground = OUTRIGHT_CONTRACT_GROUNDS.get(contract_type)
        if ground and start <= date_start <= check_date:
            return ground
    if any(start <= day <= check_date for day in validated_trainings):
        return "qualifying_training"
    return False
