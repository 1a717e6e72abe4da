from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..const import COMMITMENT_TYPES


class PlieCompanyCommitment(models.Model):
    """What a partner company commits to do for the PLIE, over a period."""

    _name = "plie.company.commitment"
    _description = "Partner company commitment"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Company",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_company", "=", True)],
    )
    commitment_type = fields.Selection(
        COMMITMENT_TYPES, string="Type", required=True, index=True
    )
    date_start = fields.Date(
        string="From", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="Until")
    quantity = fields.Integer(
        help="How many (immersions, offers, visits...) the company commits to, "
        "if it says."
    )
    note = fields.Char()
    company_id = fields.Many2one(
        "res.company",
        string="PLIE",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for commitment in self:
            if commitment.date_end and commitment.date_end < commitment.date_start:
                raise ValidationError(
                    _(
                        "The commitment of %(name)s cannot end before it starts.",
                        name=commitment.partner_id.name,
                    )
                )

    def _active_domain(self, date_from, date_to):
        """Commitments running on at least one day of the period."""
        return [
            ("date_start", "<=", date_to),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", date_from),
        ]
