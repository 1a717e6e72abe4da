"""Walk the declared access policy (``<addon>/security/access_policy*.csv``)
over every model, field, role and side door of the installed PLIE addons, the
way a client reaches them, and fail on any cell that differs from the tables.
How an addon plugs in: tests/README.md, "Access policy"."""

import importlib
import xmlrpc.client
from contextlib import contextmanager
from pathlib import Path

from odoo.exceptions import AccessError
from odoo.modules.module import get_module_path
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.plie_base.tests.access_policy import (
    ACTIVITY_DOORS,
    ATTACHMENT_DOORS,
    OPERATIONS,
    OPTIONAL_ROLES,
    THREAD_DOORS,
    expected_rights,
    load_policy,
    policy_roles,
    render_roles_table,
)
from odoo.addons.plie_base.tests.common import ROLES, PlieBaseCase

# Installed in this order; an addon's fixtures may use those of the previous.
PLIE_ADDONS = (
    "plie_base",
    "plie_pathway",
    "plie_partners",
    "plie_esf",
    "plie_prescriber_portal",
)


class RollBack(Exception):
    """Undoes what a role did in a savepoint."""


README_START = "<!-- access-policy:start -->"
README_END = "<!-- access-policy:end -->"
NOT_SEARCHABLE = ("binary", "properties", "json")
NOT_GROUPABLE = ("binary", "html", "text", "one2many", "properties", "json")
NOT_SORTABLE = ("binary", "one2many", "many2many", "properties", "json")


def installed_plie_addons(env):
    installed = set(
        env["ir.module.module"]
        .search([("name", "=like", "plie\\_%"), ("state", "=", "installed")])
        .mapped("name")
    ) - {"plie_scenarios"}
    return [a for a in PLIE_ADDONS if a in installed] + sorted(
        installed - set(PLIE_ADDONS)
    )


def plie_models(env, addons):
    """Every concrete model defined by ``addons`` (wizards and reports too)."""
    return sorted(
        name
        for name, model in env.registry.items()
        if model._original_module in addons and not model._abstract
    )


def build_fixtures(env, users, addons):
    fixtures = {}
    for addon in addons:
        try:
            module = importlib.import_module(
                f"odoo.addons.{addon}.tests.access_policy_fixtures"
            )
        except ModuleNotFoundError:
            continue
        fixtures.update(module.access_policy_fixtures(env, users, fixtures))
    return fixtures


class AccessPolicyCase(PlieBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.addons = installed_plie_addons(cls.env)
        cls.policy = load_policy(cls.addons)
        cls.models = plie_models(cls.env, cls.addons)
        # A user for each optional role (portal...) an addon declares; that
        # addon's fixtures give it what it reaches (its company contact...).
        for role in set(policy_roles(cls.policy)) & set(OPTIONAL_ROLES):
            cls.users[role] = new_test_user(
                cls.env,
                login=f"plie_{role}_{cls.company.id}",
                groups=OPTIONAL_ROLES[role],
                company_id=cls.company.id,
                company_ids=[cls.company.id],
                name=f"PLIE {role}",
                lang="en_US",
            )
        # Exports are walked too: let every internal role export, as a PLIE
        # may (portal users have no export: the probe skips them).
        export = cls.env.ref("base.group_allow_export")
        for user in cls.users.values():
            if not user.share:
                user.groups_id += export
        cls.fixtures = build_fixtures(cls.env, cls.users, cls.addons)


@tagged("post_install", "-at_install")
class TestAccessPolicyWalk(AccessPolicyCase):
    """Each cell of the tables is what the role gets, and nothing is missing."""

    # ------------------------------------------------------------------
    # Completeness of the tables
    # ------------------------------------------------------------------
    def test_every_model_has_one_row_per_role(self):
        rows = self.policy["models"]
        roles = policy_roles(self.policy)
        self.assertTrue(set(ROLES) <= set(roles), "every base role has rows")
        missing = [
            (m, r)
            for m in self.models
            for r in roles
            if (m, r) not in rows and r not in OPTIONAL_ROLES
        ]
        self.assertFalse(missing, f"models without access policy rows: {missing}")
        unknown = sorted({m for m, _r in rows} - set(self.models))
        self.assertFalse(unknown, f"policy rows for unknown models: {unknown}")

    def test_every_model_has_a_fixture(self):
        missing = [m for m in self.models if m not in self.fixtures]
        self.assertFalse(missing, f"models without a fixture: {missing}")

    def test_every_model_declares_its_side_doors(self):
        missing = [
            (model, door)
            for model in self.models
            for door in self._required_doors(model)
            if (model, door) not in self.policy["doors"]
        ]
        self.assertFalse(missing, f"side doors without a policy row: {missing}")

    def test_sensitive_fields_exist(self):
        unknown = [
            key
            for key in self.policy["fields"]
            if key[0] not in self.env or key[1] not in self.env[key[0]]._fields
        ]
        self.assertFalse(unknown, f"policy rows for unknown fields: {unknown}")

    def test_readme_roles_section_is_the_table(self):
        readme = Path(get_module_path("plie_base")).parent / "README.md"
        text = readme.read_text(encoding="utf-8")
        self.assertIn(README_START, text)
        section = text.split(README_START)[1].split(README_END)[0].strip()
        expected = render_roles_table(self.policy)
        self.assertEqual(
            section,
            expected,
            f"README.md's access policy section is out of date; put this "
            f"between the markers:\n{expected}",
        )

    # ------------------------------------------------------------------
    # The walk
    # ------------------------------------------------------------------
    def test_models_match_the_policy(self):
        differences = []
        for model in self.models:
            for role in policy_roles(self.policy):
                if role not in self.users:
                    continue
                expected = expected_rights(self.policy, model, role)
                actual = self._model_rights(model, self.users[role])
                for operation in OPERATIONS:
                    if expected and expected[operation] != actual[operation]:
                        differences.append(
                            f"{model} {role} {operation}: declared "
                            f"{int(expected[operation])}, got {actual[operation]}"
                        )
        self.assertFalse(differences, "\n".join(differences))

    def test_fields_match_the_policy(self):
        differences = []
        for model in self.models:
            for role, user in self.users.items():
                if not self.policy["models"].get((model, role), {}).get("read"):
                    continue
                with self._record_as(model, user) as record:
                    if record:
                        differences += self._field_differences(record, role)
        self.assertFalse(differences, "\n".join(differences))

    def test_side_doors_match_the_policy(self):
        differences = []
        for (model, door), allowed in sorted(self.policy["doors"].items()):
            if model not in self.fixtures:
                continue
            record = self.fixtures[model].record
            reach = self._door(door, record)
            for role, user in self.users.items():
                actual = reach(self.env(user=user))
                if actual is not (role in allowed):
                    differences.append(
                        f"{model} {door} {role}: declared {int(role in allowed)}, "
                        f"got {actual}"
                    )
        self.assertFalse(differences, "\n".join(differences))

    # ------------------------------------------------------------------
    # Helpers: models
    # ------------------------------------------------------------------
    def _attempt(self, function):
        """True if ``function`` succeeds, False on AccessError, else the error;
        what it did is rolled back."""
        try:
            with self.cr.savepoint():
                function()
                self.env.flush_all()
                raise RollBack
        except RollBack:
            result = True
        except AccessError:
            result = False
        except Exception as error:  # noqa: BLE001 - reported as a difference
            result = f"{type(error).__name__}: {error}"
        self.env.invalidate_all()
        return result

    def _model_rights(self, model, user):
        fixture = self.fixtures.get(model)
        if fixture is None:
            return dict.fromkeys(OPERATIONS, "no fixture")
        env = self.env(user=user)
        Model = env[model]
        rights = {}
        if fixture.create is None:
            rights["create"] = Model.has_access("create")
        else:
            rights["create"] = self._attempt(lambda: Model.create(fixture.create))
        with self._record_as(model, user) as record:
            if not record:
                return dict(rights, read=False, write=False, unlink=False)
            rights["read"] = record.has_access("read")
            found = self._attempt(lambda: Model.search([("id", "=", record.id)]))
            found = found is True and bool(Model.search([("id", "=", record.id)]))
            if found != rights["read"]:
                rights["read"] = f"search finds it: {found}"
            if fixture.write is None:
                rights["write"] = record.has_access("write")
            else:
                rights["write"] = self._attempt(lambda: record.write(fixture.write))
            # Unlinking referenced records fails for other reasons: rights only.
            rights["unlink"] = record.has_access("unlink")
            if not rights["read"] and self._found_by_name(record):
                rights["read"] = "found by name_search"
        return rights

    def _found_by_name(self, record):
        """Whether the user of ``record`` finds it by name (a role that may
        not read a record must not learn it exists)."""
        name = record.sudo()[record._rec_name] if record._rec_name else None
        if not isinstance(name, str) or not name:
            return False
        try:
            found = record.browse().name_search(name, limit=None)
        except AccessError:
            return False
        return record.id in [id_ for id_, _name in found]

    @contextmanager
    def _record_as(self, model, user):
        """The fixture record as ``user``; for wizards, the one ``user``
        creates (rolled back afterwards), or an empty recordset."""
        fixture = self.fixtures[model]
        if fixture.record is not None:
            yield fixture.record.with_user(user)
            return
        Model = self.env[model].with_user(user)
        try:
            with self.cr.savepoint():
                try:
                    record = Model.create(fixture.create)
                except AccessError:
                    record = Model.browse()
                yield record
                raise RollBack
        except RollBack:
            self.env.invalidate_all()

    # ------------------------------------------------------------------
    # Helpers: fields
    # ------------------------------------------------------------------
    def _field_differences(self, record, role):
        differences = []
        Model = record.browse()
        # Roles that may see grouped figures only (door "rows") read no row.
        rows = self.policy["doors"].get((record._name, "rows"))
        reads_rows = rows is None or role in rows
        for name, field in record._fields.items():
            allowed = self.policy["fields"].get((record._name, name))
            expected = allowed is None or role in allowed
            probes = {}
            if reads_rows:
                probes["read"] = lambda n=name: record.read([n])
                if not record.env.user.share:
                    probes["export"] = lambda n=name: record.export_data([n])
            searchable = field.store or (field.search and name != "display_name")
            if searchable and field.type not in NOT_SEARCHABLE:
                probes["search"] = lambda n=name: Model.search_count([(n, "!=", False)])
            if field.store and field.type not in NOT_GROUPABLE:
                probes["group"] = lambda n=name: Model.read_group([], [n], [n])
            if field.store and field.type not in NOT_SORTABLE:
                probes["sort"] = lambda n=name: Model.search([], order=n, limit=1)
            for probe, function in probes.items():
                actual = self._attempt(function)
                if expected and actual is False:
                    differences.append(
                        f"{record._name}.{name} {role} {probe}: declared 1, refused"
                    )
                elif not expected and actual is not False:
                    differences.append(
                        f"{record._name}.{name} {role} {probe}: declared 0, "
                        f"got {actual}"
                    )
                elif expected and actual is not True and probe == "read":
                    differences.append(
                        f"{record._name}.{name} {role} read: declared 1, got {actual}"
                    )
        return differences

    # ------------------------------------------------------------------
    # Helpers: side doors
    # ------------------------------------------------------------------
    def _required_doors(self, model):
        Model = self.env[model]
        doors = ()
        if "message_ids" in Model._fields:
            doors += THREAD_DOORS
        if "activity_ids" in Model._fields:
            doors += ACTIVITY_DOORS
        if Model._auto and not Model._transient:
            doors += ATTACHMENT_DOORS
        return doors

    def _door(self, door, record):
        """A function(env) -> bool telling whether env's user reaches ``record``
        through ``door``."""
        if door.startswith("report:"):
            return self._door_report(door.split(":", 1)[1], record)
        return getattr(self, f"_door_{door}")(record)

    def _found_and_read(self, found, fields):
        """Reach = found by a search and read; both must agree."""

        def reach(env):
            try:
                records = found(env)
            except AccessError:  # no access right on the model (portal...)
                return False
            readable = self._attempt(lambda: records.read(fields)) if records else False
            if bool(records) != (readable is True):
                return f"found {bool(records)}, read {readable}"
            return bool(records)

        return reach

    def _door_messages(self, record):
        message = record.message_post(
            body="Walk: health, debts.", subtype_xmlid="mail.mt_note"
        )
        return self._found_and_read(
            lambda env: env["mail.message"].search([("id", "=", message.id)]),
            ["body"],
        )

    def _door_attachments(self, record):
        attachment = self.env["ir.attachment"].create(
            {
                "name": "walk.txt",
                "raw": b"health",
                "res_model": record._name,
                "res_id": record.id,
            }
        )
        return self._found_and_read(
            lambda env: env["ir.attachment"].search([("id", "=", attachment.id)]),
            ["datas"],
        )

    def _door_followers(self, record):
        record.message_subscribe(partner_ids=self.users["referent"].partner_id.ids)
        domain = [("res_model", "=", record._name), ("res_id", "=", record.id)]
        return self._found_and_read(
            lambda env: env["mail.followers"].search(domain), ["partner_id"]
        )

    def _door_activities(self, record):
        activity = record.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Call about the debts",
            user_id=self.env.ref("base.user_admin").id,
        )
        return self._found_and_read(
            lambda env: env["mail.activity"].search([("id", "=", activity.id)]),
            ["summary", "note"],
        )

    def _door_report(self, report, record):
        # XLSX statements (OCA report_xlsx) render through their own method.
        kind = self.env["ir.actions.report"]._get_report(report).report_type
        render = "_render_xlsx" if kind == "xlsx" else "_render_qweb_html"

        def reach(env):
            return self._attempt(
                lambda: getattr(env["ir.actions.report"], render)(
                    report, record.ids, None
                )
            )

        return reach

    def _door_rows(self, record):
        return lambda env: self._attempt(
            lambda: record.with_env(env).read(list(record._fields))
        )

    def _door_contact_read(self, participant):
        partner = participant.partner_id

        def found(env):
            Partner = env["res.partner"]
            by_name = {i for i, _n in Partner.name_search(participant.lastname)}
            found = Partner.search([("id", "=", partner.id)])
            return found if partner.id in by_name else found.browse()

        return self._found_and_read(found, ["name", "phone", "street"])

    def _door_contact_messages(self, participant):
        return self._door_messages(participant.partner_id)

    def _door_contact_write(self, participant):
        return lambda env: self._attempt(
            lambda: participant.partner_id.with_env(env).write({"phone": "0696"})
        )

    def _door_personal_data_export(self, participant):
        return lambda env: self._attempt(
            lambda: participant.with_env(env).action_export_personal_data()
        )

    def _door_appointment(self, interview):
        event = interview.calendar_event_id
        self.assertTrue(event, "the interview fixture has a next appointment")
        name = interview.participant_id.lastname
        return self._found_and_read(
            lambda env: env["calendar.event"].search(
                [("id", "=", event.id), ("name", "ilike", name)]
            ),
            ["name", "description"],
        )

    def _door_portal_follow_up(self, prescription):
        """The prescriber portal's only way in (plie_prescriber_portal): the
        organisation's prescriptions, found by reference, with their status."""

        def reach(env):
            Prescription = env["plie.prescription"]
            found = Prescription._portal_prescriptions(search=prescription.name)
            if prescription not in found:
                return False
            values = found.filtered(lambda p: p.id == prescription.id)._portal_values()
            return values[0]["reference"] == prescription.name

        return reach

    def test_portal_reaches_nothing_from_another_organisation_or_once_cut_off(self):
        """Another organisation's member, a suspended organisation's member
        and a removed member reach no prescription, by any door."""
        if ("plie.prescription", "portal_follow_up") not in self.policy["doors"]:
            self.skipTest("no prescriber portal installed")
        prescription = self.fixtures["plie.prescription"].record
        member = self.users["portal"]
        organisation = prescription.prescriber_id
        other = new_test_user(
            self.env,
            login="plie_portal_other",
            groups="base.group_portal",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        other.partner_id.parent_id = self.env["res.partner"].create(
            {"name": "Other prescriber", "is_company": True}
        )
        other.partner_id.parent_id.plie_prescriber_kind = "mission_locale"
        door = self._door_portal_follow_up(prescription)
        self.assertIs(door(self.env(user=member)), True)
        self.assertIs(door(self.env(user=other)), False)
        organisation.plie_prescriber_suspended = True
        self.assertIs(door(self.env(user=member)), False)
        organisation.plie_prescriber_suspended = False
        member.partner_id._plie_leave_prescriber_organisation("walk")
        self.assertIs(door(self.env(user=member)), False)
        # The ORM and the attachments stay closed to all three.
        attachment = self.env["ir.attachment"].create(
            {
                "name": "evidence.txt",
                "raw": b"RSA",
                "res_model": "plie.prescription",
                "res_id": prescription.id,
            }
        )
        for user in (member, other):
            env = self.env(user=user)
            found = self._found_and_read(
                lambda env: env["ir.attachment"].search([("id", "=", attachment.id)]),
                ["datas"],
            )
            self.assertIs(found(env), False)
            for model in ("plie.prescription", "plie.participant", "plie.pathway"):
                with self.assertRaises(AccessError):
                    env[model].search([])


@tagged("post_install", "-at_install")
class TestAccessPolicyOverRpc(AccessPolicyCase, HttpCase):
    """A few cells of the table over real XML-RPC, as a client sends them."""

    def _call(self, role, model, method, *args, **kwargs):
        user = self.users[role]
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, user.login, model, method, list(args), kwargs
        )

    # Refusals are expected: odoo.http logs each as a warning.
    @mute_logger("odoo.http")
    def test_business_cannot_filter_participants_on_benefits(self):
        with self.assertRaises(xmlrpc.client.Fault):
            self._call(
                "business",
                "plie.participant",
                "search_count",
                [("benefit_ids", "!=", False)],
            )
        self.assertEqual(
            self._call(
                "referent",
                "plie.participant",
                "search_count",
                [("benefit_ids", "!=", False)],
            ),
            1,
        )

    def test_participant_thread_is_for_social_roles_over_rpc(self):
        participant = self.fixtures["plie.participant"].record
        participant.message_post(body="Health problems", subtype_xmlid="mail.mt_note")
        domain = [("model", "=", "plie.participant"), ("res_id", "=", participant.id)]
        for role, expected in (
            ("referent", True),
            ("business", False),
            ("finance", False),
        ):
            messages = self._call(
                role, "mail.message", "search_read", domain, fields=["body"]
            )
            self.assertEqual(bool(messages), expected, role)

    def test_internal_user_cannot_find_participant_contacts_over_rpc(self):
        participant = self.fixtures["plie.participant"].record
        found = self._call(
            "internal", "res.partner", "name_search", participant.lastname
        )
        self.assertNotIn(participant.partner_id.id, [i for i, _n in found])
        found = self._call(
            "business", "res.partner", "name_search", participant.lastname
        )
        self.assertIn(participant.partner_id.id, [i for i, _n in found])

    def test_discuss_shows_the_participant_thread_to_social_roles_over_json_rpc(self):
        participant = self.fixtures["plie.participant"].record
        message = participant.message_post(body="Debts", subtype_xmlid="mail.mt_note")
        params = {"thread_model": "plie.participant", "thread_id": participant.id}
        for role, expected in (("referent", [message.id]), ("business", [])):
            user = self.users[role]
            self.authenticate(user.login, user.login)
            result = self.make_jsonrpc_request("/mail/thread/messages", params)
            self.assertEqual(result["messages"], expected, role)
