from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import COORDINATOR, REFERENT, PlieBaseCase


@tagged("post_install", "-at_install")
class TestReferentChanges(PlieBaseCase):
    """The référent of a participant is held once, changes only through the
    allowed actions, and who follows whom takes effect at once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.participant = cls._create_participant()
        cls.company_b = cls.env["res.company"].create({"name": "PLIE voisin"})
        cls.referent_b = cls._new_user("referent_b", REFERENT, cls.company_b)
        cls.other_structure = cls.env["res.partner"].create(
            {
                "name": "Mission Locale Test",
                "is_company": True,
                "plie_is_referent_structure": True,
            }
        )

    def test_referent_cannot_hand_a_participant_to_a_colleague(self):
        for user in (self.referent, self.coordinator):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.participant.with_user(user).write(
                    {"referent_id": self.referent_colleague.id}
                )
        self.assertEqual(self.participant.referent_id, self.referent)

    def test_referent_cannot_relabel_the_structure(self):
        with self.assertRaises(AccessError):
            self.participant.with_user(self.referent).write(
                {"referent_structure_id": self.other_structure.id}
            )
        self.assertEqual(self.participant.referent_structure_id, self.structure)

    def test_structure_is_read_from_the_referent(self):
        self.participant._change_referent(self.referent_colleague)
        self.assertEqual(self.participant.referent_structure_id, self.structure)
        self.referent_colleague.plie_structure_id = self.other_structure
        self.assertEqual(self.participant.referent_structure_id, self.other_structure)

    def test_change_of_referent_moves_the_followers(self):
        old_partner = self.referent.partner_id
        self.assertIn(old_partner, self.participant.message_partner_ids)
        self.participant._change_referent(self.referent_colleague, "Congé")
        self.assertEqual(self.participant.referent_id, self.referent_colleague)
        self.assertNotIn(old_partner, self.participant.message_partner_ids)
        self.assertIn(
            self.referent_colleague.partner_id, self.participant.message_partner_ids
        )

    def test_referent_must_be_a_referent_of_the_same_plie(self):
        for user in (self.business, self.referent_b):
            with self.subTest(user=user.login), self.assertRaises(ValidationError):
                self._create_participant(lastname="Autre", referent_id=user.id)

    def test_every_referent_field_checks_the_company(self):
        for model in self.env.values():
            if not model._name.startswith("plie.") or not model._auto:
                continue
            for field in model._fields.values():
                if (
                    field.type == "many2one"
                    and not field.related
                    and field.comodel_name == "res.users"
                    and "referent" in field.name
                ):
                    with self.subTest(field=f"{model._name}.{field.name}"):
                        self.assertTrue(field.check_company)


@tagged("post_install", "-at_install")
class TestMovingPeople(PlieBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "PLIE voisin"})
        cls.participant = cls._create_participant(referent_id=False)

    def _move(self, user):
        self.participant.with_user(user).with_context(
            allowed_company_ids=(self.company | self.company_b).ids
        ).write({"company_id": self.company_b.id})

    def test_referent_cannot_move_a_participant_to_another_plie(self):
        self.participant._change_referent(self.referent)
        self.referent.company_ids |= self.company_b
        with self.assertRaises(AccessError):
            self._move(self.referent)
        self.assertEqual(self.participant.company_id, self.company)

    def test_coordination_of_one_plie_cannot_move_a_participant(self):
        with self.assertRaises(AccessError):
            self.participant.with_user(self.coordinator).write(
                {"company_id": self.company_b.id}
            )
        self.assertEqual(self.participant.company_id, self.company)

    def test_coordination_of_both_plies_moves_a_participant(self):
        coordinator = self._new_user("coordinator_ab", COORDINATOR)
        coordinator.company_ids |= self.company_b
        self._move(coordinator)
        self.assertEqual(self.participant.company_id, self.company_b)
        self.assertEqual(self.participant.partner_id.company_id, self.company_b)


@tagged("post_install", "-at_install")
class TestRightsTakeEffectAtOnce(PlieBaseCase):
    """Record rules are cached per user: moving a référent must drop them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.plie_share_structure_caseload = True
        cls.participant = cls._create_participant()
        cls.other_structure = cls.env["res.partner"].create(
            {
                "name": "CCAS Test",
                "is_company": True,
                "plie_is_referent_structure": True,
            }
        )

    def _colleague_sees(self):
        return bool(
            self.env["plie.participant"]
            .with_user(self.referent_colleague)
            .search_count([("id", "=", self.participant.id)])
        )

    def test_moving_a_referent_to_another_structure_takes_effect_at_once(self):
        self.assertTrue(self._colleague_sees())
        self.referent_colleague.plie_structure_id = self.other_structure
        self.assertFalse(self._colleague_sees())
        self.referent_colleague.plie_structure_id = self.structure
        self.assertTrue(self._colleague_sees())

    def test_removing_the_referent_group_takes_effect_at_once(self):
        self.assertTrue(self._colleague_sees())
        group = self.env.ref(REFERENT)
        self.referent_colleague.groups_id = [(3, group.id)]
        with self.assertRaises(AccessError):
            self._colleague_sees()

    def test_moving_a_referent_to_another_company_takes_effect_at_once(self):
        self.assertTrue(self._colleague_sees())
        company_b = self.env["res.company"].create({"name": "PLIE voisin"})
        self.referent_colleague.write(
            {"company_ids": [(6, 0, company_b.ids)], "company_id": company_b.id}
        )
        self.assertFalse(
            self.env["plie.participant"]
            .with_user(self.referent_colleague)
            .with_context(allowed_company_ids=company_b.ids)
            .search_count([("id", "=", self.participant.id)])
        )
