{
    "name": "PLIE - Base",
    "summary": "Participants, roles and access rules, territory, eligibility "
    "criteria with evidence, GDPR for a Plan Local pour l'Insertion et l'Emploi.",
    "version": "18.0.1.0.0",
    "category": "PLIE",
    "author": "PLIE for Odoo contributors",
    "website": "https://github.com/plie-odoo/plie",
    "license": "AGPL-3",
    "depends": ["contacts", "mail", "partner_firstname"],
    "data": [
        "security/plie_base_security.xml",
        "security/ir.model.access.csv",
        "data/plie_eligibility_criterion_data.xml",
        "wizard/plie_eligibility_check_views.xml",
        "views/plie_participant_views.xml",
        "views/plie_participant_note_views.xml",
        "views/plie_eligibility_criterion_views.xml",
        "views/plie_eligibility_evidence_views.xml",
        "views/plie_commune_views.xml",
        "views/plie_qpv_views.xml",
        "views/res_partner_views.xml",
        "views/res_users_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/plie_territory_demo.xml",
        "demo/res_users_demo.xml",
        "demo/plie_participant_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "plie_base/static/tests/tours/*.js",
        ],
    },
    "application": True,
    "installable": True,
}
