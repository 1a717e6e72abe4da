"""`plie.py i18n`: export each addon's .pot, merge it into fr.po.

Odoo exports the terms (`--i18n-export`); merging keeps the existing French
translations, adds the new terms and drops the obsolete ones, which Odoo's
own export does not do for an existing .po file.
"""

import os
import subprocess
import tempfile
from pathlib import Path

from common import ADDONS, REPO, ToolError, odoo_command, say
from postgres import drop_database, ensure_postgres, installed_modules

I18N_LANG = "fr"
# Dates change on every export: dropped to keep the .pot/.po diffs meaningful.
VOLATILE_HEADERS = ("POT-Creation-Date", "PO-Revision-Date")
DEFAULT_PO_HEADERS = {
    "Language": I18N_LANG,
    "Plural-Forms": "nplurals=2; plural=(n > 1);",
}


def export_pot(pg, database, addon):
    """Export the terms of `addon` from `database`; return them as a POFile."""
    import polib  # imported late: Odoo's dependency, not the stdlib

    with tempfile.TemporaryDirectory() as folder:
        pot_path = Path(folder) / f"{addon}.pot"
        command = odoo_command(
            pg,
            database,
            f"--i18n-export={pot_path}",
            f"--modules={addon}",
            "--stop-after-init",
            "--log-level=warn",
        )
        if subprocess.run(command).returncode != 0 or not pot_path.is_file():
            raise ToolError(f"Exporting the terms of {addon} failed.")
        pot = polib.pofile(str(pot_path))
    for header in VOLATILE_HEADERS:
        pot.metadata.pop(header, None)
    pot.metadata["Project-Id-Version"] = "Odoo Server 18.0"  # not the build date
    return pot


def merge_po(pot, po_path):
    """Update `po_path` from `pot`: keep translations, add new terms, drop
    obsolete ones. Returns the untranslated entries."""
    import polib  # imported late: Odoo's dependency, not the stdlib

    old = polib.pofile(str(po_path)) if po_path.is_file() else None
    po = polib.POFile(wrapwidth=pot.wrapwidth)
    po.header = old.header if old else pot.header
    po.metadata = dict(old.metadata) if old else dict(pot.metadata)
    po.metadata.update(DEFAULT_PO_HEADERS if old is None else {"Language": I18N_LANG})
    po.metadata["Project-Id-Version"] = pot.metadata["Project-Id-Version"]
    for header in VOLATILE_HEADERS:
        po.metadata.pop(header, None)
    translations = {
        (entry.msgctxt, entry.msgid): entry
        for entry in (old or [])
        if not entry.obsolete
    }
    for template in pot:
        entry = polib.POEntry(
            msgctxt=template.msgctxt,
            msgid=template.msgid,
            msgid_plural=template.msgid_plural,
            comment=template.comment,
            occurrences=list(template.occurrences),
            flags=list(template.flags),
        )
        previous = translations.get((template.msgctxt, template.msgid))
        if previous:
            entry.msgstr = previous.msgstr
            entry.msgstr_plural = dict(previous.msgstr_plural)
            entry.tcomment = previous.tcomment
            if previous.fuzzy and "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
        elif template.msgid_plural:
            entry.msgstr_plural = {0: "", 1: ""}
        po.append(entry)
    po.save(str(po_path))
    return [entry for entry in po if not entry.translated()]


def update_translations(addon, pot):
    """Write `addon`'s .pot and fr.po, and list the terms left to translate."""
    folder = REPO / addon / "i18n"
    pot_path, po_path = folder / f"{addon}.pot", folder / f"{I18N_LANG}.po"
    if not len(pot) and not pot_path.exists() and not po_path.exists():
        print(f"\n{addon}: no translatable terms yet")
        return
    folder.mkdir(exist_ok=True)
    pot.save(str(pot_path))
    untranslated = merge_po(pot, po_path)
    print(
        f"\n{addon}: {len(pot)} terms, {len(untranslated)} untranslated"
        f" in {po_path.relative_to(REPO)}"
    )
    for entry in untranslated:
        print(f"  - {entry.msgid!r}")


def cmd_i18n(args):
    """Refresh the .pot files and fr.po of `args.addons` (default: all)."""
    addons = args.addons or list(ADDONS)
    unknown = [name for name in addons if name not in ADDONS]
    if unknown:
        raise ToolError(f"Unknown addon(s) {unknown}; choose among {list(ADDONS)}.")
    pg = ensure_postgres()
    database = os.environ.get("PLIE_I18N_DB", "plie_i18n")
    # Install every addon even when exporting one: an addon adds inherited
    # fields (hence terms) to another's models.
    say(f"Installing {', '.join(ADDONS)} in scratch database {database!r}")
    drop_database(pg, database)
    try:
        install = odoo_command(
            pg,
            database,
            f"--init={','.join(ADDONS)}",
            "--without-demo=all",
            "--stop-after-init",
            "--max-cron-threads=0",
            "--log-level=warn",
        )
        returncode = subprocess.run(install).returncode
        missing = set(ADDONS) - installed_modules(pg, database, ADDONS)
        if returncode != 0 or missing:
            raise ToolError(f"Installing {sorted(missing) or ADDONS} failed.")
        for addon in addons:
            update_translations(addon, export_pot(pg, database, addon))
    finally:
        drop_database(pg, database)
    return 0
