from odoo.tests import TransactionCase, tagged

from odoo.addons.plie_base.tests.common import assert_module_fully_translated


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    def test_every_term_of_plie_prescriber_portal_is_translated_into_french(self):
        assert_module_fully_translated(self, "plie_prescriber_portal")
