"""Rules on people that several models apply (participants, prescriptions,
pathway records): recognising a person, identifiers, names and dates."""

import re
import unicodedata

from dateutil.relativedelta import relativedelta

from odoo.exceptions import ValidationError

from .constants import FRANCE_TRAVAIL_ID_PATTERN, MAX_YEAR, MIN_YEAR, NAME_MAX_LENGTH


def person_keys(lastname, firstname, birth_date, france_travail_id):
    """Keys that recognise a person: name and birth date (whatever the accents,
    the case and the order of first and last names), or the France Travail
    identifier. Two records sharing a key are the same person."""
    keys = set()
    if birth_date and lastname:
        keys.add(("person", person_name_key(lastname, firstname), birth_date))
    if france_travail_id:
        keys.add(("france_travail", france_travail_id.strip().upper()))
    return keys


def person_name_key(*names):
    """The words of ``names`` without accents, case or punctuation, sorted:
    "Éléonore Saint-Aimé" and "SAINT AIME Eleonore" give the same key."""
    text = unicodedata.normalize("NFKD", " ".join(n for n in names if n))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("œ", "oe").replace("æ", "ae")
    return " ".join(sorted(re.findall(r"\w+", text)))


def latest_start(date, months):
    """The latest day ``start`` such that ``start + months <= date``, with
    relativedelta's month arithmetic (a month added to 31 January is 28 or 29
    February): a registration or birth date on or before it has run ``months``
    months on ``date``."""
    limit = date - relativedelta(months=months)
    if (date + relativedelta(days=1)).day == 1:  # the last day of its month
        limit += relativedelta(day=31)
    return limit


def normalize_france_travail_id(env, value):
    """The identifier without spaces, upper-case; raise if it is malformed."""
    identifier = "".join(str(value).split()).upper()
    if not re.match(FRANCE_TRAVAIL_ID_PATTERN, identifier):
        raise ValidationError(
            env._(
                "%(value)s is not a France Travail identifier: 7 digits followed "
                "by a digit or a letter (e.g. 1234567A), or 11 digits.",
                value=str(value)[:20],
            )
        )
    return identifier


def check_name_lengths(env, vals, fnames=("name", "firstname", "lastname")):
    """Refuse over-long names before they reach the database (and its indexes)."""
    for fname in fnames:
        value = vals.get(fname)
        if isinstance(value, str) and len(value) > NAME_MAX_LENGTH:
            raise ValidationError(
                env._(
                    "A name may hold at most %(max)s characters (%(length)s given).",
                    max=NAME_MAX_LENGTH,
                    length=len(value),
                )
            )


def check_date_range(record, fnames):
    """Refuse dates outside plausible years (typing errors such as 0202)."""
    for fname in fnames:
        value = record[fname]
        if value and not MIN_YEAR <= value.year <= MAX_YEAR:
            raise ValidationError(
                record.env._(
                    "%(field)s: %(date)s is out of range (years %(min)s to %(max)s).",
                    field=record._fields[fname]._description_string(record.env),
                    date=value,
                    min=MIN_YEAR,
                    max=MAX_YEAR,
                )
            )
