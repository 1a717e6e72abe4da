from odoo import api, models

from .thread_mixin import restrict_access_result, thread_models_forbidden


class MailActivity(models.Model):
    """Activities on a participant's records carry a summary and a note."""

    _inherit = "mail.activity"

    def _check_access(self, operation):
        result = super()._check_access(operation)
        return restrict_access_result(self, operation, result, "res_model")

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        forbidden = thread_models_forbidden(self.env)
        if forbidden:
            domain = [("res_model", "not in", forbidden), *domain]
        return super()._search(domain, offset, limit, order)
