from odoo import models


class PlieParticipant(models.Model):
    _inherit = "plie.participant"

    def _anonymize(self):
        """Also erase the situation prescribers gave on the portal."""
        self.prescription_ids.write(
            {
                "ft_registration_date": False,
                "benefit_type": False,
                "education_level": False,
                "single_parent": False,
            }
        )
        return super()._anonymize()
