from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.prescription import (
    PORTAL_IDENTITY_FIELDS,
    PORTAL_SITUATION_FIELDS,
)


class PrescriberPortal(CustomerPortal):
    """Members of a prescriber organisation send people to the PLIE and follow
    them. Portal users have no right on PLIE models: every page goes through
    the prescription model's ``_portal_*`` methods, which keep a member to
    their organisation's prescriptions and hand templates plain values."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "plie_prescription_count" in counters:
            values["plie_prescription_count"] = len(
                request.env["plie.prescription"]._portal_prescriptions()
            )
        return values

    def _prescriber_organisation(self):
        organisation = request.env["plie.prescription"]._portal_organisation()
        if not organisation:
            raise request.not_found()
        return organisation

    @http.route("/my/prescriptions", type="http", auth="user", website=True)
    def portal_my_prescriptions(self, search=None, status=None, sent=None, **kw):
        organisation = self._prescriber_organisation()
        Prescription = request.env["plie.prescription"]
        rows = Prescription._portal_prescriptions(search=search)._portal_values()
        if status:
            rows = [row for row in rows if row["status"] == status]
        return request.render(
            "plie_prescriber_portal.portal_my_prescriptions",
            {
                "page_name": "plie_prescriptions",
                "organisation_name": organisation.name,
                "rows": rows,
                "search": search or "",
                "status": status or "",
                "statuses": Prescription._fields[
                    "portal_status"
                ]._description_selection(request.env),
                "sent": bool(sent),
            },
        )

    def _member_prescription(self, prescription_id):
        """The prescription of the member's organisation, or a 404 (never a
        hint that it exists elsewhere)."""
        self._prescriber_organisation()
        try:
            return request.env["plie.prescription"]._portal_prescription(
                prescription_id
            )
        except AccessError as error:
            raise request.not_found() from error

    @http.route(
        "/my/prescriptions/<int:prescription_id>",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_prescription(self, prescription_id, **kw):
        prescription = self._member_prescription(prescription_id)
        return request.render(
            "plie_prescriber_portal.portal_my_prescription",
            {
                "page_name": "plie_prescription",
                "row": prescription._portal_values()[0],
            },
        )

    @http.route(
        "/my/prescriptions/<int:prescription_id>/letter",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_prescription_letter(self, prescription_id, **kw):
        prescription = self._member_prescription(prescription_id)
        if not prescription.decision_letter_date:
            raise request.not_found()
        # The record is the superuser's (checked above): render in the
        # member's language.
        content = prescription.with_context(
            lang=request.env.user.lang
        )._decision_letter_pdf()
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "application/pdf"),
                (
                    "Content-Disposition",
                    f'inline; filename="{prescription.name}.pdf"',
                ),
            ],
        )

    def _new_prescription_values(self, **extra):
        company = request.env.user.company_id
        return {
            "page_name": "plie_prescription_new",
            # sudo: portal users read neither the PLIE's settings nor its communes.
            "consent_text": company.sudo()._plie_prescriber_consent_text(),
            "communes": ", ".join(
                request.env["plie.commune"]
                .sudo()
                .search([("company_id", "=", company.id)])
                .mapped("name")
            ),
            "education_levels": request.env["plie.prescription"]
            ._fields["education_level"]
            ._description_selection(request.env),
            "benefits": request.env["plie.prescription"]
            ._fields["benefit_type"]
            ._description_selection(request.env),
            "values": {},
            "error": None,
            **extra,
        }

    @http.route("/my/prescriptions/new", type="http", auth="user", website=True)
    def portal_new_prescription(self, **kw):
        self._prescriber_organisation()
        return request.render(
            "plie_prescriber_portal.portal_new_prescription",
            self._new_prescription_values(),
        )

    @http.route(
        "/my/prescriptions/send",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_send_prescription(self, **post):
        self._prescriber_organisation()
        values = {
            name: (post.get(name) or "").strip()
            for name in PORTAL_IDENTITY_FIELDS + PORTAL_SITUATION_FIELDS
        }
        values["single_parent"] = bool(post.get("single_parent"))
        values["consent"] = bool(post.get("consent"))
        documents = [
            (upload.filename, upload.read(), upload.mimetype)
            for upload in request.httprequest.files.getlist("documents")
            if upload.filename
        ]
        try:
            with request.env.cr.savepoint():
                request.env["plie.prescription"]._portal_submit(values, documents)
        except (UserError, AccessError, ValueError) as error:
            request.env.invalidate_all()
            return request.render(
                "plie_prescriber_portal.portal_new_prescription",
                self._new_prescription_values(values=values, error=str(error.args[0])),
            )
        # The same answer for a known and an unknown person.
        return request.redirect("/my/prescriptions?sent=1")

    @http.route(
        "/my/prescriptions/leave",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_leave_organisation(self, **post):
        self._prescriber_organisation()
        partner = request.env.user.partner_id
        # sudo: a member may not write their organisation's contacts.
        partner.sudo()._plie_leave_prescriber_organisation(
            request.env._("Left the organisation on the portal")
        )
        return request.redirect("/my")
