{
    "name": "PLIE - Prescriber portal",
    "summary": "Prescriber organisations send prescriptions through the portal and "
    "follow the committee's decisions.",
    "version": "18.0.1.0.0",
    "category": "PLIE",
    "author": "PLIE for Odoo contributors",
    "development_status": "Alpha",
    "website": "https://github.com/plie-odoo/plie",
    "license": "AGPL-3",
    "depends": ["plie_base", "plie_pathway", "portal"],
    "data": [
        "report/prescription_decision_report.xml",
        "data/mail_template_data.xml",
        "views/res_partner_views.xml",
        "views/prescription_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
    ],
    "demo": ["demo/prescriber_portal_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "plie_prescriber_portal/static/tests/tours/*.js",
        ],
    },
    "oca_data_manual": [
        "security/access_policy.csv",
        "security/access_policy_fields.csv",
        "security/access_policy_side_doors.csv",
    ],
    "installable": True,
}
