from odoo.tests import TransactionCase, tagged

PLIE_ADDONS = ("plie_base", "plie_pathway", "plie_partners", "plie_esf")


@tagged("post_install", "-at_install")
class TestSuiteInstalled(TransactionCase):
    """Smoke test: the whole PLIE suite installs together."""

    def test_plie_addons_installed(self):
        modules = self.env["ir.module.module"].search([("name", "in", PLIE_ADDONS)])
        self.assertEqual(
            {module.name: module.state for module in modules},
            dict.fromkeys(PLIE_ADDONS, "installed"),
        )

    def test_plie_module_category(self):
        category = self.env.ref(
            "plie_base.module_category_plie", raise_if_not_found=False
        )
        if category is None:
            self.skipTest("plie_base does not define the PLIE module category yet")
        self.assertEqual(category._name, "ir.module.category")
        self.assertEqual(category.name, "PLIE")
