{
    "name": "PLIE - European Social Fund",
    "summary": "ESF operations, funding plan, budget and expenses, staff costs and flat rates, payment claims, participant indicators and exports.",
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
