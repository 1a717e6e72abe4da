"""The declared access policy of the PLIE addons, read from the tables each
addon ships in ``security/`` (see tests/README.md):

- ``access_policy.csv``: ``model,role,read,create,write,unlink``, one row per
  model and role;
- ``access_policy_fields.csv``: ``model,field,roles``, the roles that may read,
  search, group and sort on a sensitive field (unlisted fields: every role that
  reads the model);
- ``access_policy_side_doors.csv``: ``model,door,roles``, the roles that reach
  the record through a side door (messages, attachments, followers,
  activities, a report, the participant's contact...).

An addon also ships ``tests/access_policy_fixtures.py`` whose function
``access_policy_fixtures(env, users, fixtures)`` returns one Fixture per model
it defines; the walk test in plie_scenarios checks every cell against them."""

import csv
from collections import namedtuple
from pathlib import Path

from odoo.modules.module import get_module_path

from .common import ROLES

OPERATIONS = ("read", "create", "write", "unlink")
# Doors every model of a kind must declare (the others are optional).
THREAD_DOORS = ("messages", "followers")
ACTIVITY_DOORS = ("activities",)
ATTACHMENT_DOORS = ("attachments",)
# Roles an addon adds when it opens the portal, with the group of their user.
# A model without a row for one of them is refused to it, and walked as such.
OPTIONAL_ROLES = {"portal": "base.group_portal"}
REFUSED = dict.fromkeys(OPERATIONS, False)

# One record per model for the walk test. ``record`` is a record the
# "referent" role follows (None for wizards: each role creates its own);
# ``create`` and ``write`` are values a role would send (None: not applicable,
# only the access rights are checked).
Fixture = namedtuple("Fixture", "record create write", defaults=(None, None))

ROLE_LABELS = {
    "referent": "Référent",
    "colleague": "Colleague",
    "coordinator": "Coordination",
    "business": "Business",
    "finance": "Finance",
    "manager": "Direction",
    "internal": "Internal",
    "portal": "Portal",
}


def _rows(addon, name):
    path = Path(get_module_path(addon)) / "security" / name
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as table:
        return list(csv.DictReader(table))


def load_policy(addons):
    """The merged tables of ``addons``:
    ``{"models": {(model, role): {operation: bool}},
       "fields": {(model, field): set of roles},
       "doors": {(model, door): set of roles}}``."""
    policy = {"models": {}, "fields": {}, "doors": {}}
    for addon in addons:
        for row in _rows(addon, "access_policy.csv"):
            key = (row["model"], row["role"])
            if key in policy["models"]:
                raise ValueError(f"{addon}: duplicate access policy row {key}")
            policy["models"][key] = {op: row[op] == "1" for op in OPERATIONS}
        for row in _rows(addon, "access_policy_fields.csv"):
            policy["fields"][row["model"], row["field"]] = set(row["roles"].split())
        for row in _rows(addon, "access_policy_side_doors.csv"):
            policy["doors"][row["model"], row["door"]] = set(row["roles"].split())
    return policy


def policy_roles(policy):
    """Roles of the table, in the order of ROLES (plus any an addon adds)."""
    declared = {role for _model, role in policy["models"]}
    return [r for r in ROLES if r in declared] + sorted(declared - set(ROLES))


def expected_rights(policy, model, role):
    """The row of ``model`` and ``role``: refused for an optional role the
    model's addon does not declare, None for a missing base role."""
    rights = policy["models"].get((model, role))
    if rights is None and role in OPTIONAL_ROLES:
        return REFUSED
    return rights


def render_roles_table(policy):
    """Markdown table of what each role may do on each model, for the README."""
    roles = policy_roles(policy)
    letters = dict(zip(OPERATIONS, "RCWD", strict=True))
    lines = [
        "| Model | " + " | ".join(ROLE_LABELS.get(r, r) for r in roles) + " |",
        "| --- |" + " --- |" * len(roles),
    ]
    for model in sorted({model for model, _role in policy["models"]}):
        cells = []
        for role in roles:
            rights = policy["models"].get((model, role), {})
            cells.append("".join(letters[op] for op in OPERATIONS if rights.get(op)))
        lines.append(f"| `{model}` | " + " | ".join(c or "-" for c in cells) + " |")
    lines.append("")
    lines.append("| Sensitive field or side door | Roles |")
    lines.append("| --- | --- |")
    for (model, name), allowed in sorted(
        list(policy["fields"].items()) + list(policy["doors"].items())
    ):
        names = ", ".join(ROLE_LABELS.get(r, r) for r in roles if r in allowed)
        lines.append(f"| `{model}` {name} | {names or 'nobody'} |")
    return "\n".join(lines)
