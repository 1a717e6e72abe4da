from odoo import _, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    plie_prescriber_consent_text = fields.Text(
        string="Consent text for prescribers",
        translate=True,
        help="Prescribers confirm this text on the portal for each person they "
        "send; left empty, a standard text is used.",
    )

    def _plie_prescriber_consent_text(self):
        self.ensure_one()
        return self.plie_prescriber_consent_text or _(
            "The person agreed to be oriented to the PLIE and was told that the "
            "PLIE records their identity, situation and documents to examine their "
            "entry and follow their pathway, that they may access, correct or "
            "delete these data, and whom to ask."
        )
