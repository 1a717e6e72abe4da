{
    "name": "PLIE - Cross-addon scenarios",
    "summary": "Test-only addon: scenarios that span the PLIE addons.",
    "version": "18.0.1.0.0",
    "category": "PLIE",
    "author": "PLIE for Odoo contributors",
    "license": "AGPL-3",
    "depends": [
        "plie_base",
        "plie_pathway",
        "plie_partners",
        "plie_esf",
        "plie_prescriber_portal",
    ],
    "data": [],
    "installable": True,
}
