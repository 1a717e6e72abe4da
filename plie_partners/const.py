"""Selection lists shared by the models, wizards and reports of plie_partners."""

from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

# Roles that work with companies, offers and clauses (officer, facilitator).
BUSINESS = "plie_base.group_plie_business"
# Officers and référents: they read a company's commitments and timeline.
PLIE_STAFF = "plie_base.group_plie_business,plie_base.group_plie_referent"


PARTNERSHIP_STATUSES = [
    ("prospect", "Prospect"),
    ("partner", "Partner"),
    ("charter", "Charter signed"),
    ("inactive", "Inactive"),
]
# Integration structures through which clause hours may go (DOMAIN.md).
INTEGRATION_KINDS = [
    ("aci", "ACI (Atelier et chantier d'insertion)"),
    ("ai", "AI (Association intermédiaire)"),
    ("ei", "EI (Entreprise d'insertion)"),
    ("etti", "ETTI (Entreprise de travail temporaire d'insertion)"),
    ("eiti", "EITI (Entreprise d'insertion par le travail indépendant)"),
    ("geiq", "GEIQ"),
    ("ea", "EA (Entreprise adaptée)"),
]
# INSEE workforce bands (tranche d'effectifs salariés).
WORKFORCE_BANDS = [
    ("NN", "No employee"),
    ("00", "0 employee"),
    ("01", "1 or 2 employees"),
    ("02", "3 to 5 employees"),
    ("03", "6 to 9 employees"),
    ("11", "10 to 19 employees"),
    ("12", "20 to 49 employees"),
    ("21", "50 to 99 employees"),
    ("22", "100 to 199 employees"),
    ("31", "200 to 249 employees"),
    ("32", "250 to 499 employees"),
    ("41", "500 to 999 employees"),
    ("42", "1,000 employees or more"),
]
COMMITMENT_TYPES = [
    ("immersion", "Hosting immersions (PMSMP)"),
    ("job_offers", "Job offers"),
    ("company_visit", "Company visits"),
    ("mock_interview", "Mock interviews"),
    ("sponsorship", "Sponsorship of participants"),
    ("event", "Participation in events"),
    ("clause_awardee", "Social-clause awardee"),
]
ENGAGEMENT_OUTCOMES = [
    ("planned", "Planned"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
CLUB_EVENT_KINDS = [
    ("breakfast", "Business breakfast"),
    ("job_dating", "Job dating"),
    ("visit", "Company visit"),
    ("other", "Other club event"),
]
OFFER_STATES = [("open", "Open"), ("filled", "Filled"), ("cancelled", "Cancelled")]
MATCH_STATES = [
    ("proposed", "Proposed"),
    ("interview", "Interview"),
    ("hired", "Hired"),
    ("refused", "Refused"),
]
MATCH_REFUSAL_REASONS = [
    ("company", "Not selected by the company"),
    ("participant", "Declined by the participant"),
    ("no_show", "Did not attend the interview"),
    ("offer_closed", "Offer filled or cancelled"),
    ("other", "Other reason"),
]
BUYER_KINDS = [
    ("commune", "Commune"),
    ("epci", "EPCI (intercommunal body)"),
    ("social_landlord", "Social landlord"),
    ("state", "State or public body"),
    ("other", "Other buyer"),
]
DELIVERY_MODES = [
    ("direct_hire", "Direct hire by the awardee"),
    ("etti", "Staff provided by an ETTI"),
    ("ai", "Staff provided by an AI"),
    ("geiq", "Staff provided by a GEIQ"),
    ("co_contracting", "Co-contracting with an SIAE"),
    ("sub_contracting", "Sub-contracting to an SIAE"),
]
# Delivery modes that go through an integration structure.
STRUCTURE_MODES = ("etti", "ai", "geiq", "co_contracting", "sub_contracting")
HOURS_STATES = [("declared", "To validate"), ("validated", "Validated")]
# Priority publics of the clause reports (DOMAIN.md, "Who is eligible").
PRIORITY_PUBLICS = [
    ("women", _lt("Women")),
    ("senior", _lt("Aged 50 and over")),
    ("qpv", _lt("QPV residents")),
    ("deld", _lt("Long-term jobseekers")),
    ("rsa", _lt("RSA recipients")),
]
