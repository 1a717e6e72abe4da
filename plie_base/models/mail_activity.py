from odoo import api, models

from .thread_mixin import forbidden_thread_domain, restrict_access_result


class MailActivity(models.Model):
    """Activities on a participant's records carry a summary and a note."""

    _inherit = "mail.activity"

    def _check_access(self, operation):
        result = super()._check_access(operation)
        return restrict_access_result(self, operation, result, "res_model")

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        domain = [*forbidden_thread_domain(self.env, "res_model"), *domain]
        return super()._search(domain, offset, limit, order)
