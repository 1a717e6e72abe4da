from datetime import date

from odoo import fields, models


class PlieCompanyRegisterReport(models.TransientModel):
    _name = "plie.company.register.report"
    _description = "Register of partner companies over a period"

    date_from = fields.Date(
        string="From", required=True, default=lambda self: date(date.today().year, 1, 1)
    )
    date_to = fields.Date(
        string="Until",
        required=True,
        default=lambda self: date(date.today().year, 12, 31),
    )

    def action_print(self):
        self.ensure_one()
        companies = self.env["res.partner"].search(
            [("is_company", "=", True), ("plie_partnership_status", "!=", False)]
        )
        return self.env.ref(
            "plie_partners.action_report_company_register_xlsx"
        ).report_action(
            companies,
            data={
                "date_from": fields.Date.to_string(self.date_from),
                "date_to": fields.Date.to_string(self.date_to),
            },
        )
