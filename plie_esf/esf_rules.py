"""ESF rules: selection lists, cost rules and indicator definitions.

Each rule the regulations define lives here once, with its source; models,
reports and tests import it from here.
"""

from collections import namedtuple
from datetime import date

from odoo.tools.float_utils import float_round
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
Indicator = namedtuple("Indicator", "code base domain label rule")

FUNDS = [("esf", "ESF 2014-2020"), ("esf_plus", "ESF+ 2021-2027")]
OPERATION_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("programmed", "Programmed"),
    ("in_progress", "In progress"),
    ("closed", "Closed"),
    ("archived", "Archived"),
]
COFUNDER_TYPES = [
    ("eu", "European Union (ESF)"),
    ("state", "State"),
    ("region", "Region or collectivité"),
    ("epci", "EPCI"),
    ("other", "Other public or private funder"),
    ("self", "Self-funding"),
]
PAYMENT_KINDS = [
    ("advance", "Advance"),
    ("interim", "Interim payment"),
    ("balance", "Balance"),
]
COST_CATEGORIES = [
    ("staff", "Direct staff costs"),
    ("direct", "Other direct costs"),
    ("services", "External services"),
    ("indirect", "Indirect costs"),
    ("flat_rate", "Flat-rate costs"),
]
ELIGIBILITY_STATES = [
    ("to_check", "To check"),
    ("eligible", "Eligible"),
    ("partial", "Partly eligible"),
    ("ineligible", "Ineligible"),
]
# Regulation (EU) 2021/1060, art. 54 and 56.
FLAT_RATE_OPTIONS = [
    ("none", "No flat rate (real costs)"),
    ("indirect_15_staff", "Indirect costs: 15% of direct staff costs"),
    ("indirect_7_direct", "Indirect costs: 7% of direct costs"),
    ("other_40_staff", "All other costs: 40% of direct staff costs"),
]
CLAIM_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("checked", "Checked"),
    ("paid", "Paid"),
]
CLAIM_LINE_KINDS = [
    ("expense", "Expense"),
    ("staff", "Staff cost"),
    ("flat_rate", "Flat rate"),
    ("resource", "Resource received"),
]
ENTRY_STATUSES = [
    ("unemployed", "Unemployed"),
    ("long_term_unemployed", "Long-term unemployed"),
    ("inactive", "Inactive"),
    ("employed", "Employed (incl. self-employed)"),
]
SPECIAL_ANSWERS = [("yes", "Yes"), ("no", "No"), ("refused", "Refused to answer")]

# FSE+ art. 55: hourly rate = annual gross employment cost / 1 720 hours.
STANDARD_ANNUAL_HOURS = 1720
# Art. 82: documents are kept 5 years from 31 December of the last payment's year.
RETENTION_YEARS = 5
# Completeness above which the managing authority may apply a correction.
DEFAULT_INCOMPLETE_THRESHOLD = 35.0

# The participation's answers on leaving the operation (EECR01-04), and six
# months after it (EECR05-06).
EXIT_ANSWERS = (
    "exit_job_searching",
    "exit_in_education",
    "exit_qualification",
    "exit_employed",
)
RESULT_ANSWERS = (*EXIT_ANSWERS, "m6_employed", "m6_improved")
# Exit reasons of plie_pathway (by code) and the exit answers they give.
EXIT_REASON_RESULTS = {
    "EMPLOI": ("exit_employed",),
    "EMPLOI_COURT": ("exit_employed",),
    "ALTERNANCE": ("exit_employed", "exit_in_education"),
    "CREATION": ("exit_employed",),
    "FORMATION": ("exit_in_education", "exit_qualification"),
    "FIN_PARCOURS": ("exit_job_searching",),
}


def hourly_rate(annual_cost):
    """FSE+ art. 55, rounded to the cent as the claim shows it."""
    return float_round((annual_cost or 0.0) / STANDARD_ANNUAL_HOURS, 2)


def flat_rate_amount(option, staff_costs, direct_costs):
    """Regulation (EU) 2021/1060, art. 54 (a), (b) and art. 56: the flat-rate
    amount of an operation from its eligible direct staff costs and its
    eligible direct costs (staff included)."""
    if option == "indirect_15_staff":
        return float_round(staff_costs * 0.15, 2)
    if option == "indirect_7_direct":
        return float_round(direct_costs * 0.07, 2)
    if option == "other_40_staff":
        return float_round(staff_costs * 0.40, 2)
    return 0.0


def claimed_categories(option):
    """Real-cost categories claimed next to the flat rate: with 40% of staff
    costs, the flat rate covers every other cost (art. 56)."""
    if option == "other_40_staff":
        return ("staff",)
    if option in ("indirect_15_staff", "indirect_7_direct"):
        return ("staff", "direct", "services")
    return ("staff", "direct", "services", "indirect")


def retention_end(last_payment_date):
    if not last_payment_date:
        return False
    return date(last_payment_date.year + RETENTION_YEARS, 12, 31)


def format_rate(rate, lang_code="fr_FR"):
    """75.57 -> "75,57%", 50.0 -> "50%", as Kohesio shows co-financing rates."""
    text = f"{rate:.2f}".rstrip("0").rstrip(".")
    if lang_code.startswith("fr"):
        text = text.replace(".", ",")
    return f"{text}%"


# ---------------------------------------------------------------------------
# Indicators: Regulation (EU) 2021/1057, Annex I (EECO/EECR) and Regulation
# (EU) 1304/2013, Annex I (CO/CR), with the EC monitoring guidance's rules.
# Each indicator: (code, label, base, domain on plie.esf.participation, rule
# as explained to an auditor). "entry" indicators count participants who
# entered in the period, "exit" ones those who left in it.
# ---------------------------------------------------------------------------
UNEMPLOYED = [("entry_status", "in", ("unemployed", "long_term_unemployed"))]
INDICATORS = [
    Indicator(
        "EECO01",
        "entry",
        [],
        _lt("Total participants"),
        _lt("Counted participant"),
    ),
    Indicator(
        "EECO02",
        "entry",
        UNEMPLOYED,
        _lt("Unemployed, incl. long-term unemployed"),
        _lt("Status at entry: unemployed or long-term unemployed"),
    ),
    Indicator(
        "EECO03",
        "entry",
        [("entry_status", "=", "long_term_unemployed")],
        _lt("Long-term unemployed"),
        _lt("Status at entry: long-term unemployed (over 12 months, 6 under 25)"),
    ),
    Indicator(
        "EECO04",
        "entry",
        [("entry_status", "=", "inactive")],
        _lt("Inactive"),
        _lt("Status at entry: inactive"),
    ),
    Indicator(
        "EECO05",
        "entry",
        [("entry_status", "=", "employed")],
        _lt("Employed, incl. self-employed"),
        _lt("Status at entry: employed"),
    ),
    # An unknown age is empty, which Odoo compares as 0 (under any bound):
    # "> 0" keeps it out of the "under" bands.
    Indicator(
        "EECO06",
        "entry",
        [("entry_age", ">", 0), ("entry_age", "<", 18)],
        _lt("Below 18 years of age"),
        _lt("Age at entry under 18"),
    ),
    Indicator(
        "EECO07",
        "entry",
        [("entry_age", ">=", 18), ("entry_age", "<=", 29)],
        _lt("Aged 18 to 29"),
        _lt("Age at entry 18 to 29"),
    ),
    Indicator(
        "EECO08",
        "entry",
        [("entry_age", ">=", 55)],
        _lt("Aged 55 and over"),
        _lt("Age at entry 55 or over"),
    ),
    Indicator(
        "EECO09",
        "entry",
        [("entry_isced", "=", "0_2")],
        _lt("With lower secondary education or less (ISCED 0-2)"),
        _lt("Education at entry: ISCED 0-2"),
    ),
    Indicator(
        "EECO10",
        "entry",
        [("entry_isced", "=", "3_4")],
        _lt("With upper secondary or post-secondary education (ISCED 3-4)"),
        _lt("Education at entry: ISCED 3-4"),
    ),
    Indicator(
        "EECO11",
        "entry",
        [("entry_isced", "=", "5_8")],
        _lt("With tertiary education (ISCED 5-8)"),
        _lt("Education at entry: ISCED 5-8"),
    ),
    Indicator(
        "EECO12",
        "entry",
        [("entry_disability", "=", "yes")],
        _lt("Participants with disabilities"),
        _lt("Answered yes: disability"),
    ),
    Indicator(
        "EECO13",
        "entry",
        [("entry_third_country", "=", True)],
        _lt("Third-country nationals"),
        _lt("Third-country national at entry"),
    ),
    Indicator(
        "EECO14",
        "entry",
        [("entry_foreign_background", "=", "yes")],
        _lt("Participants with a foreign background"),
        _lt("Answered yes: foreign background"),
    ),
    Indicator(
        "EECO15",
        "entry",
        [("entry_minority", "=", "yes")],
        _lt("Minorities (incl. marginalised communities such as the Roma)"),
        _lt("Answered yes: minority"),
    ),
    Indicator(
        "EECO16",
        "entry",
        [("entry_homeless", "=", True)],
        _lt("Homeless or affected by housing exclusion"),
        _lt("Homeless or housing exclusion at entry"),
    ),
    Indicator(
        "EECO17",
        "entry",
        [("entry_rural", "=", True)],
        _lt("Participants from rural areas"),
        _lt("Lives in a rural area at entry"),
    ),
    Indicator(
        "EECR01",
        "exit",
        [("exit_job_searching", "=", True)],
        _lt("Participants engaged in job searching upon leaving"),
        _lt("Exit answer: searching a job"),
    ),
    Indicator(
        "EECR02",
        "exit",
        [("exit_in_education", "=", True)],
        _lt("Participants in education or training upon leaving"),
        _lt("Exit answer: in education or training"),
    ),
    Indicator(
        "EECR03",
        "exit",
        [("exit_qualification", "=", True)],
        _lt("Participants gaining a qualification upon leaving"),
        _lt("Exit answer: gained a qualification"),
    ),
    Indicator(
        "EECR04",
        "exit",
        [("exit_employed", "=", True)],
        _lt("Participants in employment, incl. self-employment, upon leaving"),
        _lt("Exit answer: in employment"),
    ),
    Indicator(
        "EECR05",
        "exit",
        [("m6_employed", "=", True)],
        _lt("Participants in employment six months after leaving"),
        _lt("Six months after exit: in employment"),
    ),
    Indicator(
        "EECR06",
        "exit",
        [("entry_status", "=", "employed"), ("m6_improved", "=", True)],
        _lt("With an improved labour market situation six months after leaving"),
        _lt("Employed at entry and improved situation six months after exit"),
    ),
]
INDICATORS_2014 = [
    Indicator(
        "CO01",
        "entry",
        UNEMPLOYED,
        _lt("Unemployed, including long-term unemployed"),
        _lt("Status at entry: unemployed or long-term unemployed"),
    ),
    Indicator(
        "CO02",
        "entry",
        [("entry_status", "=", "long_term_unemployed")],
        _lt("Long-term unemployed"),
        _lt("Status at entry: long-term unemployed"),
    ),
    Indicator(
        "CO03",
        "entry",
        [("entry_status", "=", "inactive")],
        _lt("Inactive"),
        _lt("Status at entry: inactive"),
    ),
    Indicator(
        "CO05",
        "entry",
        [("entry_status", "=", "employed")],
        _lt("Employed, including self-employed"),
        _lt("Status at entry: employed"),
    ),
    Indicator(
        "CO06",
        "entry",
        [("entry_age", ">", 0), ("entry_age", "<", 25)],
        _lt("Below 25 years of age"),
        _lt("Age at entry under 25"),
    ),
    Indicator(
        "CO07",
        "entry",
        [("entry_age", ">", 54)],
        _lt("Above 54 years of age"),
        _lt("Age at entry over 54"),
    ),
    Indicator(
        "CO09",
        "entry",
        [("entry_isced", "=", "0_2")],
        _lt("With primary or lower secondary education (ISCED 1-2)"),
        _lt("Education at entry: ISCED 0-2"),
    ),
    Indicator(
        "CO10",
        "entry",
        [("entry_isced", "=", "3_4")],
        _lt("With upper secondary or post-secondary education (ISCED 3-4)"),
        _lt("Education at entry: ISCED 3-4"),
    ),
    Indicator(
        "CO11",
        "entry",
        [("entry_isced", "=", "5_8")],
        _lt("With tertiary education (ISCED 5-8)"),
        _lt("Education at entry: ISCED 5-8"),
    ),
    Indicator(
        "CO15",
        "entry",
        ["|", ("entry_foreign_background", "=", "yes"), ("entry_minority", "=", "yes")],
        _lt("Migrants, foreign background, minorities"),
        _lt("Answered yes: foreign background or minority"),
    ),
    Indicator(
        "CO16",
        "entry",
        [("entry_disability", "=", "yes")],
        _lt("Participants with disabilities"),
        _lt("Answered yes: disability"),
    ),
    Indicator(
        "CO18",
        "entry",
        [("entry_homeless", "=", True)],
        _lt("Homeless or affected by housing exclusion"),
        _lt("Homeless or housing exclusion at entry"),
    ),
    Indicator(
        "CR01",
        "exit",
        [("entry_status", "=", "inactive"), ("exit_job_searching", "=", True)],
        _lt("Inactive participants engaged in job searching upon leaving"),
        _lt("Inactive at entry and searching a job at exit"),
    ),
    Indicator(
        "CR02",
        "exit",
        [("exit_in_education", "=", True)],
        _lt("Participants in education or training upon leaving"),
        _lt("Exit answer: in education or training"),
    ),
    Indicator(
        "CR03",
        "exit",
        [("exit_qualification", "=", True)],
        _lt("Participants gaining a qualification upon leaving"),
        _lt("Exit answer: gained a qualification"),
    ),
    Indicator(
        "CR04",
        "exit",
        [("exit_employed", "=", True)],
        _lt("Participants in employment, including self-employment, upon leaving"),
        _lt("Exit answer: in employment"),
    ),
    Indicator(
        "CR06",
        "exit",
        [("m6_employed", "=", True)],
        _lt("Participants in employment six months after leaving"),
        _lt("Six months after exit: in employment"),
    ),
    Indicator(
        "CR07",
        "exit",
        [("entry_status", "=", "employed"), ("m6_improved", "=", True)],
        _lt("With an improved labour market situation six months after leaving"),
        _lt("Employed at entry and improved situation six months after exit"),
    ),
]
# Indicators built on special-category answers: shown in aggregate only.
SPECIAL_CATEGORY_INDICATORS = {"EECO12", "EECO14", "EECO15", "CO15", "CO16"}


def indicators_for(fund):
    return INDICATORS_2014 + INDICATORS if fund == "esf" else INDICATORS


# French chart of accounts: class 64 = staff costs, 61/62 = external services.
ACCOUNT_PREFIX_CATEGORIES = (("64", "staff"), ("61", "services"), ("62", "services"))


def category_of_account(code):
    for prefix, category in ACCOUNT_PREFIX_CATEGORIES:
        if (code or "").startswith(prefix):
            return category
    return "direct"


def entry_status(status, age, months_unemployed):
    """One status at entry (EC monitoring guidance): long-term unemployed
    means more than 12 continuous months unemployed, more than 6 under 25."""
    if status not in ("unemployed", "long_term_unemployed"):
        return status or False
    threshold = 6 if age is not None and age < 25 else 12
    if status == "long_term_unemployed" or months_unemployed > threshold:
        return "long_term_unemployed"
    return "unemployed"


# Answers every participant record needs (EC guidance: records too incomplete
# expose the beneficiary to a financial correction).
REQUIRED_ENTRY_ANSWERS = (
    "gender",
    "entry_status",
    "entry_education_level",
    "entry_age",
    "entry_disability",
    "entry_foreign_background",
    "entry_minority",
)
