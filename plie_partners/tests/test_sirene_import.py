import base64
import csv
import io

from stdnum import luhn

from odoo.tests import tagged

from odoo.addons.plie_partners.models.sirene_import import SIRENE_COLUMNS

from .common import PliePartnersCase


def siret(number):
    """A valid SIRET (SIREN and SIRET check digits) built from ``number``."""
    siren = f"{number:08d}" + luhn.calc_check_digit(f"{number:08d}")
    return siren + "0001" + luhn.calc_check_digit(siren + "0001")


def extract(rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SIRENE_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return base64.b64encode(buffer.getvalue().encode())


def row(number, name, postcode="97200", city="FORT-DE-FRANCE", state="A", naf="56.10A"):
    return {
        "siret": number,
        "denominationUniteLegale": name,
        "enseigne1Etablissement": "",
        "activitePrincipaleEtablissement": naf,
        "trancheEffectifsEtablissement": "11",
        "codePostalEtablissement": postcode,
        "libelleCommuneEtablissement": city,
        "etatAdministratifEtablissement": state,
    }


@tagged("post_install", "-at_install")
class TestSireneImport(PliePartnersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.known_siret = siret(12345678)
        cls.known = cls.env["res.partner"].create(
            {
                "name": "Ancien nom",
                "is_company": True,
                "plie_siret": cls.known_siret,
                "plie_partnership_status": "charter",
                "plie_charter_date": "2024-01-01",
            }
        )

    def _import(self, rows, chunk_size=1000):
        job = (
            self.env["plie.sirene.import"]
            .with_user(self.business)
            .create({"data_file": extract(rows), "name": "StockEtablissement.csv"})
        )
        job._run(chunk_size=chunk_size)
        return job

    def test_import_of_a_generated_extract(self):
        new_siret = siret(98765432)
        job = self._import(
            [
                row(new_siret, "Restaurant Le Madras"),  # line 2: created
                row(self.known_siret, "Nouveau nom", naf="43.99C"),  # line 3: updated
                row(siret(11111111), "Fermée", state="F"),  # line 4: closed
                row(
                    siret(22222222), "Ailleurs", postcode="97110", city="POINTE-A-PITRE"
                ),
                row("12345", "SIRET faux"),  # line 6: bad row
                row(new_siret, "Restaurant Le Madras (doublon)", city="Fort-de-France"),
                row(siret(33333333), "Le Lamentin Sud", naf="99.99Z", postcode="97200"),
            ],
            chunk_size=3,
        )
        self.assertEqual(job.state, "done")
        self.assertEqual(job.progress, 100)
        self.assertEqual(job.line_count, 7)
        self.assertEqual(
            (job.created_count, job.updated_count, job.skipped_count, job.error_count),
            # The second row of the new SIRET (another chunk) updates it.
            (2, 2, 2, 1),
        )
        self.assertEqual(job.error_report, "Line 6: invalid SIRET 12345")
        Partner = self.env["res.partner"]
        created = Partner.search([("plie_siret", "=", new_siret)])
        self.assertEqual(len(created), 1, "a SIRET is never duplicated")
        self.assertEqual(created.name, "Restaurant Le Madras (doublon)")
        self.assertEqual(created.plie_partnership_status, "prospect")
        self.assertEqual(created.plie_naf_id, self.env.ref("plie_partners.naf_5610a"))
        self.assertEqual(created.plie_workforce_band, "11")
        self.assertEqual(created.city, "Fort-De-France")
        # A known company is updated, its partnership kept.
        self.assertEqual(self.known.name, "Nouveau nom")
        self.assertEqual(self.known.plie_partnership_status, "charter")
        self.assertEqual(self.known.plie_naf_id.code, "43.99C")
        # An unknown NAF code is added to the list.
        self.assertTrue(self.env["plie.naf.code"].search([("code", "=", "99.99Z")]))
        self.assertFalse(Partner.search([("name", "in", ("Fermée", "Ailleurs"))]))

    def test_a_file_that_is_not_an_extract_fails_with_a_message(self):
        job = self.env["plie.sirene.import"].create(
            {"data_file": base64.b64encode(b"a,b\n1,2\n")}
        )
        job._run()
        self.assertEqual(job.state, "failed")
        self.assertIn("not a SIRENE establishment extract", job.error_report)

    def test_large_extract_imports_in_chunks_with_a_bounded_query_count(self):
        rows = [
            row(siret(55000000 + number), f"Entreprise {number}")
            for number in range(300)
        ]
        job = self.env["plie.sirene.import"].create({"data_file": extract(rows)})
        with self.assertQueryCount(1200):  # about 3 per company created, batched
            job._run(chunk_size=100)
        self.assertEqual(job.created_count, 300)
