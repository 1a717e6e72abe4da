import base64
import csv
import io
import logging

from stdnum.fr import siret as siret_checker

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..const import WORKFORCE_BANDS

_logger = logging.getLogger(__name__)

# Columns of the INSEE SIRENE establishment extract (StockEtablissement).
SIRENE_COLUMNS = (
    "siret",
    "denominationUniteLegale",
    "enseigne1Etablissement",
    "activitePrincipaleEtablissement",
    "trancheEffectifsEtablissement",
    "codePostalEtablissement",
    "libelleCommuneEtablissement",
    "etatAdministratifEtablissement",
)
CLOSED = "F"  # etatAdministratifEtablissement of a closed establishment
CHUNK_SIZE = 2000


class PlieSireneImport(models.Model):
    """Import of companies of the territory from a SIRENE extract, run in
    chunks by a scheduled action that commits its progress after each chunk,
    so that the form shows a progress bar on files of several hundred
    thousand rows. Rows outside the PLIE's communes and closed establishments
    are skipped; a SIRET already known updates its company, never duplicates
    it; a bad row is reported with its line number."""

    _name = "plie.sirene.import"
    _description = "SIRENE import"
    _order = "id desc"

    name = fields.Char(string="File name", required=True, default="sirene.csv")
    data_file = fields.Binary(
        string="SIRENE extract (CSV)", required=True, attachment=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("queued", "Queued"),
            ("running", "Running"),
            ("done", "Done"),
            ("failed", "Failed"),
        ],
        default="draft",
        required=True,
        readonly=True,
    )
    progress = fields.Float(readonly=True, digits=(16, 1))
    next_line = fields.Integer(readonly=True, default=2)
    line_count = fields.Integer(string="Rows", readonly=True)
    created_count = fields.Integer(string="Created", readonly=True)
    updated_count = fields.Integer(string="Updated", readonly=True)
    skipped_count = fields.Integer(
        string="Skipped", readonly=True, help="Closed or outside the PLIE's communes."
    )
    error_count = fields.Integer(string="Errors", readonly=True)
    error_report = fields.Text(readonly=True)
    company_id = fields.Many2one(
        "res.company",
        string="PLIE",
        required=True,
        default=lambda self: self.env.company,
    )

    def action_start(self):
        self.write({"state": "queued", "progress": 0.0})
        self.env.ref("plie_partners.ir_cron_plie_sirene_import")._trigger()

    @api.model
    def _cron_process(self):
        for job in self.search([("state", "in", ("queued", "running"))]):
            job._run(commit=True)

    def _run(self, commit=False, chunk_size=CHUNK_SIZE):
        """Import the remaining rows (from ``next_line``) chunk by chunk,
        streaming the file so that memory does not grow with its size."""
        self.ensure_one()
        try:
            text, reader = self._reader()
        except UserError as error:
            self.write({"state": "failed", "error_report": error.args[0]})
            return
        total = max(len(text.splitlines()) - 1, 1)
        self.write({"state": "running", "line_count": total})
        matcher = self._commune_matcher()
        chunk = []
        for number, row in enumerate(reader, start=2):
            if number < self.next_line:
                continue  # imported before an interruption
            chunk.append((number, row))
            if len(chunk) == chunk_size:
                self._import_chunk(chunk, matcher)
                self._progress(number, total, commit)
                chunk = []
        if chunk:
            self._import_chunk(chunk, matcher)
        self.write({"state": "done", "progress": 100.0, "next_line": total + 2})

    def _progress(self, number, total, commit):
        self.write({"next_line": number + 1, "progress": 100.0 * (number - 1) / total})
        if commit:
            self.env.cr.commit()  # pylint: disable=invalid-commit

    def _reader(self):
        text = base64.b64decode(self.data_file).decode("utf-8-sig", errors="replace")
        reader = csv.DictReader(io.StringIO(text))
        missing = [c for c in SIRENE_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise UserError(
                _(
                    "This is not a SIRENE establishment extract: the columns "
                    "%(columns)s are missing.",
                    columns=", ".join(missing),
                )
            )
        return text, reader

    def _commune_matcher(self):
        """Function telling whether a (postcode, commune) is in the PLIE."""
        communes = self.env["plie.commune"].search(
            [("company_id", "=", self.company_id.id)]
        )
        postcodes = {code for commune in communes for code in commune._zip_list()}
        names = {commune.name.casefold().replace("-", " ") for commune in communes}

        def in_territory(postcode, name):
            return (postcode or "").strip() in postcodes or (
                name or ""
            ).strip().casefold().replace("-", " ") in names

        return in_territory

    def _import_chunk(self, rows, in_territory):
        """Create or update the companies of ``rows`` [(line number, row)]."""
        values, errors, skipped = {}, [], 0
        for number, row in rows:
            if row.get("etatAdministratifEtablissement") == CLOSED or not in_territory(
                row.get("codePostalEtablissement"),
                row.get("libelleCommuneEtablissement"),
            ):
                skipped += 1
                continue
            error, vals = self._row_values(row)
            if error:
                errors.append(_("Line %(line)s: %(error)s", line=number, error=error))
            else:
                values[vals["plie_siret"]] = vals  # the last row of a SIRET wins
        self._naf_codes(values.values())
        Partner = self.env["res.partner"].with_context(active_test=False)
        existing = Partner.search([("plie_siret", "in", list(values))])
        for partner in existing:
            vals = dict(values.pop(partner.plie_siret))
            vals.pop("plie_partnership_status")  # keep the partnership as it is
            partner.write(vals)
        Partner.create(list(values.values()))
        self.write(
            {
                "created_count": self.created_count + len(values),
                "updated_count": self.updated_count + len(existing),
                "skipped_count": self.skipped_count + skipped,
                "error_count": self.error_count + len(errors),
                "error_report": "\n".join(filter(None, [self.error_report, *errors])),
            }
        )

    def _row_values(self, row):
        """(error, values of res.partner) for one row of the extract."""
        siret = (row.get("siret") or "").strip()
        name = (row.get("denominationUniteLegale") or "").strip() or (
            row.get("enseigne1Etablissement") or ""
        ).strip()
        if not siret_checker.is_valid(siret):
            return _("invalid SIRET %(siret)s", siret=siret or "-"), None
        if not name:
            return _("no name for SIRET %(siret)s", siret=siret), None
        band = (row.get("trancheEffectifsEtablissement") or "").strip()
        return None, {
            "name": name,
            "is_company": True,
            "plie_siret": siret,
            "plie_partnership_status": "prospect",
            "plie_workforce_band": band if band in dict(WORKFORCE_BANDS) else False,
            "zip": (row.get("codePostalEtablissement") or "").strip(),
            "city": (row.get("libelleCommuneEtablissement") or "").strip().title(),
            "naf_code": (row.get("activitePrincipaleEtablissement") or "").strip(),
            "company_id": False,
        }

    def _naf_codes(self, values_list):
        """Replace the NAF code of each row by its record, adding unknown codes."""
        NafCode = self.env["plie.naf.code"].with_context(active_test=False)
        codes = {vals["naf_code"] for vals in values_list if vals["naf_code"]}
        known = {
            naf.code: naf.id for naf in NafCode.search([("code", "in", list(codes))])
        }
        new = NafCode.create(
            [{"code": code, "name": code} for code in sorted(codes - set(known))]
        )
        known.update({naf.code: naf.id for naf in new})
        for vals in values_list:
            vals["plie_naf_id"] = known.get(vals.pop("naf_code"), False)
