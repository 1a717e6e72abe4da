from datetime import date

import polib

from odoo.exceptions import AccessError
from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, new_test_user
from odoo.tools.translate import TranslationModuleReader

REFERENT = "plie_base.group_plie_referent"
COORDINATOR = "plie_base.group_plie_coordinator"
BUSINESS = "plie_base.group_plie_business"
FINANCE = "plie_base.group_plie_finance"
MANAGER = "plie_base.group_plie_manager"
# Roles of the access matrices: a référent, a colleague référent of the same
# structure, each other PLIE role, and an internal user with no PLIE role.
ROLES = (
    "referent",
    "colleague",
    "coordinator",
    "business",
    "finance",
    "manager",
    "internal",
)


class PlieBaseCase(TransactionCase):
    """A PLIE with one commune and QPV, a référent structure, and one user per
    role holding only that role. Built once per class, without demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A PLIE of its own, so that demo data (if installed) never interferes.
        cls.company = cls.env["res.company"].create({"name": "PLIE de test"})
        # Messages are checked in English whatever the languages installed.
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                tracking_disable=True,
                allowed_company_ids=[cls.company.id],
                lang="en_US",
            )
        )
        cls.commune = cls.env["plie.commune"].create(
            {
                "name": "Fort-de-France",
                "zip_codes": "97200,97234",
                "company_id": cls.company.id,
            }
        )
        cls.qpv = cls.env["plie.qpv"].create(
            {"name": "Volga-Plage", "code": "QNTEST1", "commune_id": cls.commune.id}
        )
        cls.structure = cls.env["res.partner"].create(
            {
                "name": "Association Test Insertion",
                "is_company": True,
                "plie_is_referent_structure": True,
            }
        )
        cls.referent = cls._new_user("referent", REFERENT)
        cls.referent_colleague = cls._new_user("colleague", REFERENT)
        cls.coordinator = cls._new_user("coordinator", COORDINATOR)
        cls.business = cls._new_user("business", BUSINESS)
        cls.finance = cls._new_user("finance", FINANCE)
        cls.manager = cls._new_user("manager", MANAGER)
        cls.internal = cls._new_user("internal", "base.group_user")
        (cls.referent | cls.referent_colleague).plie_structure_id = cls.structure
        cls.users = {
            "referent": cls.referent,
            "colleague": cls.referent_colleague,
            "coordinator": cls.coordinator,
            "business": cls.business,
            "finance": cls.finance,
            "manager": cls.manager,
            "internal": cls.internal,
        }
        cls.criterion_deld = cls.env.ref("plie_base.criterion_deld")
        cls.criterion_benefit = cls.env.ref("plie_base.criterion_minimum_benefit")
        cls.criterion_qpv = cls.env.ref("plie_base.criterion_qpv")
        cls.criterion_senior = cls.env.ref("plie_base.criterion_senior")

    @classmethod
    def _new_user(cls, login, groups, company=None):
        company = company or cls.company
        return new_test_user(
            cls.env,
            login=f"plie_{login}_{company.id}",
            groups=groups,
            company_id=company.id,
            company_ids=[company.id],
            name=f"PLIE {login}",
            lang="en_US",  # messages are checked in English whatever is installed
        )

    @classmethod
    def _create_participant(cls, **values):
        vals = {
            "lastname": "Dorival",
            "firstname": "Ketty",
            "birth_date": date(1985, 6, 15),
            "gender": "woman",
            "zip": "97200",
            "city": "Fort-de-France",
            "referent_id": cls.referent.id,
            "labour_market_status": "long_term_unemployed",
            "company_id": cls.company.id,
        }
        vals.update(values)
        return cls.env["plie.participant"].create(vals)


def assert_access_matrix(test, operations, matrix, users):
    """Run every operation as every user: roles listed in ``matrix`` for an
    operation must succeed, every other role must get AccessError.

    :param operations: {operation: function(env)}
    :param matrix: {operation: set of allowed roles}
    :param users: {role: res.users record}
    """
    test.assertEqual(set(operations), set(matrix), "operations and matrix differ")
    for operation, allowed in matrix.items():
        for role, user in users.items():
            env = test.env(user=user)
            with test.subTest(operation=operation, role=role):
                if role in allowed:
                    with test.cr.savepoint():
                        operations[operation](env)
                else:
                    with test.assertRaises(AccessError), test.cr.savepoint():
                        operations[operation](env)


def assert_module_fully_translated(test, module, lang="fr"):
    """Fail when a translatable term of ``module`` (as the installed code and
    data produce it) has no translation in ``<module>/i18n/<lang>.po``."""
    po_path = f"{get_module_path(module)}/i18n/{lang}.po"
    translated = {
        entry.msgid
        for entry in polib.pofile(po_path)
        if entry.msgstr.strip() and not entry.obsolete
    }
    reader = TranslationModuleReader(test.env.cr, modules=[module])
    missing = sorted(
        {
            source
            for term_module, _type, _name, _res_id, source, _comments, *_rest in reader
            if term_module == module and source.strip() and source not in translated
        }
    )
    test.assertFalse(
        missing,
        f"{len(missing)} terms of {module} lack a French translation "
        f"(run `make i18n`, then translate them): {missing[:20]}",
    )
