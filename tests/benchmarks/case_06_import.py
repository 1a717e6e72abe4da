"""Case 6: importing participants through Odoo's standard import (`load`, as
the web client's import calls it), against importing the same rows as plain
contacts."""

import random
from datetime import date, timedelta

from benchmark import Case, Target

REFERENCE = date(2026, 3, 1)  # the generator's reference date
# Postcodes and cities of the generator's territory, and one outside it.
ADDRESSES = [
    ("99001", "Bench-ville"),
    ("99002", "Bench-sur-Marne"),
    ("99003", "Saint-Bench"),
    ("99004", "Bench-les-Bains"),
    ("75011", "Paris"),
]
FIRSTNAMES = ("Alex", "Camille", "Dominique", "Sacha", "Élise", "Noé")
STATUSES = ("long_term_unemployed",) * 3 + ("unemployed", "inactive", "employed")
EDUCATION = ("1_2", "1_2", "3", "3", "4", "5", "6")
# The columns both imports share: what a contact has.
CONTACT_COLUMNS = ["lastname", "firstname", "street", "zip", "city", "phone", "email"]
PARTICIPANT_COLUMNS = [
    *CONTACT_COLUMNS,
    "birth_date",
    "gender",
    "labour_market_status",
    "ft_registration_date",
    "france_travail_id",
    "education_level",
]


def import_rows(count, seed=6):
    """`count` rows of PARTICIPANT_COLUMNS, as a spreadsheet holds them."""
    rng = random.Random(seed)
    rows = []
    for index in range(count):
        zip_code, city = rng.choice(ADDRESSES)
        status = rng.choice(STATUSES)
        jobseeker = status in ("unemployed", "long_term_unemployed")
        registered = REFERENCE - timedelta(days=rng.randint(30, 6 * 365))
        rows.append(
            [
                f"Importé{index:06d}",
                rng.choice(FIRSTNAMES),
                f"{rng.randint(1, 120)} rue des Écoles",
                zip_code,
                city,
                f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} {index % 100:02d} 00",
                f"importe{index:06d}@example.com",
                str(REFERENCE - timedelta(days=rng.randint(18 * 365, 64 * 365))),
                rng.choice(("woman", "woman", "man", "man", "non_binary")),
                status,
                str(registered) if jobseeker else "",
                f"{1_000_000 + index:07d}A" if jobseeker else "",
                rng.choice(EDUCATION),
            ]
        )
    return rows


def loaded(result, model):
    """The records `load` created; raise if it reported anything."""
    if result["messages"] or not result["ids"]:
        raise RuntimeError(f"Importing {model} failed: {result['messages'][:3]}")
    return result["ids"]


class ImportParticipants(Case):
    number = "6"
    title = "Importing participants (load) vs. the same rows as contacts"
    variants = ("ours", "generic")
    writes = True
    targets = (Target("ours", "generic", 2),)

    def setup(self):
        # A référent may create participants (they become the référent of
        # whom they import); coordination may too, with more rights.
        referent = self.user("plie_base.group_plie_referent", "importer")
        # An internal user with the right to create contacts.
        contacts = self.user("base.group_partner_manager", "contacts")
        contacts.groups_id |= self.env.ref("base.group_user")
        self.rows = import_rows(self.sized(5000))
        # The context of the web client's import (base_import).
        context = {"import_file": True}
        self.participants = (
            self.env["plie.participant"].with_user(referent).with_context(**context)
        )
        self.partners = (
            self.env["res.partner"].with_user(contacts).with_context(**context)
        )

    def ours(self):
        result = self.participants.load(PARTICIPANT_COLUMNS, self.rows)
        ids = loaded(result, "participants")
        return self.participants.browse(ids).mapped("name")

    def generic(self):
        width = len(CONTACT_COLUMNS)
        result = self.partners.load(CONTACT_COLUMNS, [row[:width] for row in self.rows])
        ids = loaded(result, "contacts")
        return self.partners.browse(ids).mapped("name")

    def normalise(self, value):
        return len(value), sorted(value)
