from odoo import api, models


class IrRule(models.Model):
    _inherit = "ir.rule"

    @api.model
    def _compute_domain(self, model_name, mode="read"):
        """Participants are searched with their own rules only.

        Odoo adds the rules of a delegated parent (``_inherits``) to a model's:
        for participants, those of their contact, as a leaf ``('partner_id',
        'any', ...)`` that joins res_partner in every search of participants.
        They add nothing but cost: the participant's rules already hold its
        PLIE, and every role that reads participants reads their contacts.
        Worse, a person followed by two PLIEs has one contact, of one of them:
        its multi-company rule would hide the person from the other PLIE."""
        domain = super()._compute_domain(model_name, mode)
        if model_name != "plie.participant" or not domain:
            return domain
        # The parent's leaf is the first operand of the top-level AND.
        position = next(i for i, term in enumerate(domain) if term != "&")
        term = domain[position]
        if not (
            isinstance(term, tuple | list) and tuple(term[:2]) == ("partner_id", "any")
        ):
            return domain
        return domain[: max(position - 1, 0)] + domain[position + 1 :]
