{
    "name": "PLIE - Base",
    "summary": "Participants, roles and access rules, territory, eligibility "
    "criteria with evidence, GDPR for a Plan Local pour l'Insertion et l'Emploi.",
    "version": "18.0.1.0.0",
    "category": "PLIE",
    "author": "PLIE for Odoo contributors",
    "development_status": "Beta",
    "website": "https://github.com/plie-odoo/plie",
    "license": "AGPL-3",
    "depends": ["contacts", "mail", "partner_firstname"],
    "data": [
        "security/plie_base_security.xml",
        "security/ir.model.access.csv",
        "data/eligibility_criterion_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "report/participant_statistics_views.xml",
        "wizard/eligibility_check_views.xml",
        "views/participant_views.xml",
        "views/participant_note_views.xml",
        "views/eligibility_criterion_views.xml",
        "views/eligibility_evidence_views.xml",
        "views/commune_views.xml",
        "views/qpv_views.xml",
        "views/res_partner_views.xml",
        "views/res_users_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/territory_demo.xml",
        "demo/res_users_demo.xml",
        "demo/participant_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "plie_base/static/tests/tours/*.js",
        ],
    },
    "application": True,
    # The access policy tables are read by the policy-walk test, not loaded.
    "oca_data_manual": [
        "security/access_policy.csv",
        "security/access_policy_fields.csv",
        "security/access_policy_side_doors.csv",
    ],
    "installable": True,
}
