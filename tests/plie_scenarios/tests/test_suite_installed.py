from odoo.tests import TransactionCase, tagged

PLIE_ADDONS = (
    "plie_base",
    "plie_pathway",
    "plie_partners",
    "plie_esf",
    "plie_prescriber_portal",
)


@tagged("post_install", "-at_install")
class TestSuiteInstalled(TransactionCase):
    """Smoke test: the whole PLIE suite installs together."""

    def test_plie_addons_installed(self):
        modules = self.env["ir.module.module"].search([("name", "in", PLIE_ADDONS)])
        self.assertEqual(
            {module.name: module.state for module in modules},
            dict.fromkeys(PLIE_ADDONS, "installed"),
        )

    def test_plie_roles_share_one_module_category(self):
        category = self.env.ref("plie_base.module_category_plie")
        self.assertEqual(category.name, "PLIE")
        groups = self.env["res.groups"].search([("category_id", "=", category.id)])
        self.assertEqual(
            set(groups.get_external_id().values()),
            {
                "plie_base.group_plie_referent",
                "plie_base.group_plie_coordinator",
                "plie_base.group_plie_business",
                "plie_base.group_plie_finance",
                "plie_base.group_plie_manager",
            },
        )
