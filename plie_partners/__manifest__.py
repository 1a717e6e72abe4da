{
    "name": "PLIE - Partner companies and social clauses",
    "summary": "Partner-company register, company club, job offers and matching, social-clause contracts, placements and hours.",
    "version": "18.0.0.1.0",
    "category": "PLIE",
    "author": "PLIE for Odoo contributors",
    "development_status": "Alpha",
    "website": "https://github.com/plie-odoo/plie",
    "license": "AGPL-3",
    "depends": ["plie_base"],
    "data": [],
    "demo": [],
    "installable": True,
}
