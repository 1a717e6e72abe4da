import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import file_open

from ..esf_rules import format_rate
from .common import SEED_OPERATIONS, PlieEsfCase

# Kohesio's English export (comma-separated, "€1,122,261.17", "1 January 2018")
# and French export (semicolons, French headers, "1 122 261,17 €", "1er juillet
# 2016") of the three seed operations.
ENGLISH_CSV = file_open("plie_esf/tests/data/kohesio_en.csv").read()
FRENCH_CSV = file_open("plie_esf/tests/data/kohesio_fr.csv").read()


@tagged("post_install", "-at_install")
class TestKohesioImport(PlieEsfCase):
    def _import(self, text, encoding="utf-8"):
        wizard = (
            self.env["plie.esf.kohesio.import"]
            .with_user(self.finance)
            .create(
                {
                    "file": base64.b64encode(text.encode(encoding)),
                    "programme_id": self.programme.id,
                }
            )
        )
        wizard.action_import()
        return wizard

    def _imported(self):
        return self.env["plie.esf.operation"].search(
            [("kohesio_id", "like", "Q31420"), ("company_id", "=", self.company.id)],
            order="kohesio_id",
        )

    def _assert_seed_figures(self, operations):
        self.assertEqual(len(operations), 3)
        for operation, seed in zip(operations, SEED_OPERATIONS, strict=True):
            _name, start, end, total, eu, rate = seed
            self.assertEqual((operation.date_start, operation.date_end), (start, end))
            self.assertEqual(operation.total_budget, total)
            self.assertEqual(operation.eu_amount, eu)
            self.assertEqual(format_rate(operation.eu_rate, "fr_FR"), rate)
            self.assertEqual(operation.programme_id, self.programme)
            self.assertEqual(operation.country_id, self.env.ref("base.fr"))

    def test_english_export_reproduces_the_seed_figures(self):
        wizard = self._import(ENGLISH_CSV)
        self.assertEqual(wizard.state, "done", wizard.error_report)
        self.assertEqual(wizard.imported_count, 3)
        self._assert_seed_figures(self._imported())

    def test_french_export_reproduces_the_seed_figures(self):
        wizard = self._import(FRENCH_CSV, encoding="utf-8")
        self.assertEqual(wizard.state, "done", wizard.error_report)
        self._assert_seed_figures(self._imported())

    def test_importing_again_updates_instead_of_duplicating(self):
        self._import(ENGLISH_CSV)
        self._import(FRENCH_CSV)
        operations = self._imported()
        self._assert_seed_figures(operations)
        self.assertEqual(operations[2].name, "Ingénierie et animation de parcours")

    def test_an_invalid_line_is_reported_and_nothing_is_written(self):
        broken = ENGLISH_CSV.replace("1 July 2016", "sometime in 2016").replace(
            '"€981,567.48","€490,783.74"', '"€981,567.48","€1,490,783.74"'
        )
        wizard = self._import(broken)
        self.assertEqual(wizard.state, "error")
        self.assertIn(
            "Line 3: START DATE: 'sometime in 2016' is not a date", wizard.error_report
        )
        self.assertIn(
            "Line 4: the EU support exceeds the total budget", wizard.error_report
        )
        self.assertNotIn("Line 2", wizard.error_report)
        self.assertFalse(self._imported())

    def test_a_file_without_the_kohesio_columns_is_refused(self):
        with self.assertRaisesRegex(UserError, "TOTAL BUDGET"):
            self._import(
                "ID,PROJECT NAME,START DATE,END DATE\nQ1,x,1 May 2018,2 May 2018\n"
            )
        self.assertFalse(self._imported())

    def test_users_without_finance_role_cannot_import(self):
        wizard = self.env["plie.esf.kohesio.import"].create(
            {"file": base64.b64encode(ENGLISH_CSV.encode())}
        )
        for user in (self.coordinator, self.referent, self.internal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                wizard.with_user(user).action_import()
        self.assertFalse(self._imported())
