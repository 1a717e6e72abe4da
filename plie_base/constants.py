"""Selection lists and constants shared by the PLIE addons."""

# Fields of social or special-category data: only the référent role (which
# coordination and direction imply) may read them.
SOCIAL = "plie_base.group_plie_referent"
# Every PLIE role (coordination and direction imply these).
PLIE_ROLES = (
    "plie_base.group_plie_referent,plie_base.group_plie_business,"
    "plie_base.group_plie_finance"
)

PARTICIPANT_STATES = [
    ("candidate", "Oriented"),
    ("participant", "In pathway"),
    ("exited", "Exited"),
]
# Age bands of the funders' statistics (DOMAIN.md, "The pathway").
AGE_BANDS = [
    ("under_26", "Under 26"),
    ("26_49", "26 to 49"),
    ("50_plus", "50 and over"),
]
GENDERS = [("woman", "Woman"), ("man", "Man"), ("non_binary", "Non-binary")]
BENEFIT_TYPES = [
    ("rsa", "RSA"),
    ("ass", "ASS"),
    ("aah", "AAH"),
    ("other", "Other minimum benefit"),
]
LABOUR_MARKET_STATUSES = [
    ("unemployed", "Unemployed"),
    ("long_term_unemployed", "Long-term unemployed"),
    ("inactive", "Inactive"),
    ("employed", "Employed (incl. self-employed)"),
]
ISCED_LEVELS = [("0_2", "ISCED 0-2"), ("3_4", "ISCED 3-4"), ("5_8", "ISCED 5-8")]
NATIONALITY_CATEGORIES = [
    ("french", "French"),
    ("eu", "Other EU country"),
    ("third_country", "Third-country national"),
]
ELIGIBILITY_VERDICTS = [
    ("eligible", "Eligible"),
    ("missing_evidence", "Evidence missing"),
    ("outside_territory", "Outside the territory"),
    ("not_eligible", "Not eligible"),
]
EDUCATION_LEVELS = [
    ("1_2", "No diploma or brevet (levels 1-2)"),
    ("3", "CAP, BEP (level 3)"),
    ("4", "Baccalauréat (level 4)"),
    ("5", "Bac+2 (level 5)"),
    ("6", "Bac+3, bac+4 (level 6)"),
    ("7", "Bac+5 (level 7)"),
    ("8", "Doctorate (level 8)"),
]
# French levels to ISCED (DOMAIN.md, "Counting rules").
ISCED_BY_EDUCATION_LEVEL = {
    "1_2": "0_2",
    "3": "3_4",
    "4": "3_4",
    "5": "5_8",
    "6": "5_8",
    "7": "5_8",
    "8": "5_8",
}
SPECIAL_CATEGORY_ANSWERS = [
    ("yes", "Yes"),
    ("no", "No"),
    ("refused", "Refused to answer"),
]
SPECIAL_CATEGORY_FIELDS = ("disability", "foreign_background", "minority")
JOBSEEKER_STATUSES = ("unemployed", "long_term_unemployed")
EVIDENCE_REMINDER_DAYS = 30
# Identity held on the linked contact, exported on a subject access request.
PERSONAL_PARTNER_FIELDS = [
    "name",
    "firstname",
    "lastname",
    "email",
    "phone",
    "mobile",
    "street",
    "street2",
    "zip",
    "city",
    "country_id",
]
# Context keys set by the actions allowed to change a guarded field: states
# move only through their actions, the référent only through the committee's
# decision, the pre-assignment or the reassignment wizard.
STATE_CHANGE_KEY = "plie_state_change"
REFERENT_CHANGE_KEY = "plie_referent_change"
# France Travail jobseeker identifier: the historical one has 7 digits and a
# digit or letter (e.g. "1234567A"); France Travail has been moving jobseekers
# to an 11-digit identifier since 2025. Stored upper-case without spaces.
FRANCE_TRAVAIL_ID_PATTERN = r"^(?:[0-9]{7}[0-9A-Z]|[0-9]{11})$"
# Longest name or free-text identity line accepted (a person's name, a job title).
NAME_MAX_LENGTH = 128
# Dates outside these years are typing errors.
MIN_YEAR = 1900
MAX_YEAR = 2100
