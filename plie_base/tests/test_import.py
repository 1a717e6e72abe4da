from .common import PlieBaseCase

COLUMNS = ["lastname", "firstname", "zip", "city", "birth_date", "gender"]
# SQL queries `load` adds per imported participant (measured: 2, from
# partner_firstname, which creates the contacts one by one); everything of
# ours runs once per import.
QUERIES_PER_ROW = 2


class TestImport(PlieBaseCase):
    """Odoo's standard import (`load`, as the web client calls it) of
    participants by their référent."""

    def load(self, count, first=0):
        rows = [
            [
                f"Importé{n:04d}",
                "Camille",
                "97200",
                "",
                f"1980-01-{1 + n % 28:02d}",
                "woman",
            ]
            for n in range(first, first + count)
        ]
        participants = (
            self.env["plie.participant"]
            .with_user(self.referent)
            .with_context(import_file=True)
        )
        before = self.env.cr.sql_log_count
        result = participants.load(COLUMNS, rows)
        queries = self.env.cr.sql_log_count - before
        self.assertEqual(result["messages"], [])
        return participants.browse(result["ids"]), queries

    def test_an_imported_participant_gets_a_plie_contact(self):
        participant, _queries = self.load(1)
        self.assertEqual(participant.referent_id, self.referent)
        self.assertEqual(participant.commune_id, self.commune)
        partner = participant.sudo().partner_id
        self.assertEqual(
            (partner.lastname, partner.firstname), ("Importé0000", "Camille")
        )
        self.assertEqual(partner.company_id, self.company)
        self.assertTrue(partner.plie_is_participant)

    def test_the_import_runs_a_constant_number_of_queries_per_row(self):
        self.load(2, first=900)  # warm the caches
        _ten, queries_10 = self.load(10)
        _twenty, queries_20 = self.load(20, first=100)
        self.assertLessEqual(queries_20 - queries_10, 10 * QUERIES_PER_ROW)
