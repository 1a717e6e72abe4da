{
    "name": "PLIE - Pathways",
    "summary": "Prescriptions, integration committee, engagement contract, pathway steps, interviews, actions, employment follow-up, exits and KPIs.",
    "version": "18.0.0.1.0",
    "category": "PLIE",
    "author": "PLIE for Odoo contributors",
    "website": "https://github.com/plie-odoo/plie",
    "license": "AGPL-3",
    "depends": ["plie_base"],
    "data": [],
    "demo": [],
    "installable": True,
}
