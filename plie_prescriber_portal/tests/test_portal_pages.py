import re

from odoo import http
from odoo.tests import HttpCase, tagged

from .common import BIRTH, PrescriberPortalCase


@tagged("post_install", "-at_install")
class TestPortalPages(HttpCase, PrescriberPortalCase):
    def _post_form(self, **values):
        data = {
            key: value
            for key, value in self._person(**values).items()
            if value not in (False, None)
        }
        data["consent"] = "on" if data.get("consent") else ""
        data["csrf_token"] = http.Request.csrf_token(self)
        return self.url_open("/my/prescriptions/send", data=data)

    def test_the_answer_is_the_same_for_a_known_and_an_unknown_person(self):
        self._create_participant(lastname="Connue", firstname="Déjà", birth_date=BIRTH)
        self.authenticate(self.member.login, self.member.login)
        known = self._post_form(
            lastname="Connue", firstname="Déjà", birth_date=str(BIRTH)
        )
        unknown = self._post_form(lastname="Inconnue", firstname="Déjà")
        self.assertEqual(known.status_code, 200)
        self.assertEqual(known.url, unknown.url)
        self.assertTrue(known.url.endswith("/my/prescriptions?sent=1"))
        # The follow-up pages differ by identity and reference only.
        pages = []
        for name in ("Connue", "Inconnue"):
            prescription = self.env["plie.prescription"].search(
                [("lastname", "=", name)]
            )
            page = self.url_open(f"/my/prescriptions/{prescription.id}").text
            page = page.replace(prescription.name, "REF").replace(name, "NAME")
            pages.append(re.sub(r"csrf_token[^\n]*", "", page))
        self.assertEqual(pages[0], pages[1])

    def test_refusals_are_shown_on_the_form_with_a_clear_message(self):
        self.authenticate(self.member.login, self.member.login)
        outside = self._post_form(zip="97300", city="Cayenne")
        # The portal speaks French.
        self.assertIn("est hors du territoire de PLIE de test", outside.text)
        self.assertIn('value="Cayenne"', outside.text)
        no_consent = self._post_form(consent=False)
        self.assertIn("Confirmez que la personne a accepté", no_consent.text)
        self.assertFalse(
            self.env["plie.prescription"].search(
                [("prescriber_id", "=", self.prescriber.id)]
            )
        )

    def test_pages_are_closed_to_other_organisations_and_internal_users(self):
        prescription = self._send(self.member)
        self.authenticate(self.other_member.login, self.other_member.login)
        response = self.url_open(f"/my/prescriptions/{prescription.id}")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(prescription.name, self.url_open("/my/prescriptions").text)
        self.authenticate(self.internal.login, self.internal.login)
        self.assertEqual(self.url_open("/my/prescriptions").status_code, 404)

    def test_a_member_who_leaves_reaches_nothing_any_more(self):
        self.authenticate(self.member_b.login, self.member_b.login)
        self.url_open(
            "/my/prescriptions/leave",
            data={"csrf_token": http.Request.csrf_token(self)},
        )
        self.assertFalse(self.member_b.partner_id.parent_id)
        self.assertEqual(self.url_open("/my/prescriptions").status_code, 404)
