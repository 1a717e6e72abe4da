from odoo import http
from odoo.http import content_disposition, request


class PersonalDataController(http.Controller):
    @http.route(
        "/plie/personal_data/<int:participant_id>",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def personal_data(self, participant_id):
        """Stream a subject access export to the user who asked for it: the
        rights are checked and the export logged on the participant; nothing
        is stored."""
        participant = request.env["plie.participant"].browse(participant_id).exists()
        if not participant:
            raise request.not_found()
        # An AccessError here answers 403 Forbidden.
        payload = participant._personal_data_export()
        filename = f"personal-data-{participant.id}.json"
        return request.make_response(
            payload.encode(),
            headers=[
                ("Content-Type", "application/json; charset=utf-8"),
                ("Content-Disposition", content_disposition(filename)),
                ("Cache-Control", "no-store"),
            ],
        )
