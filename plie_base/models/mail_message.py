from odoo import api, models

from .thread_mixin import forbidden_thread_domain, restrict_access_result


class MailMessage(models.Model):
    """Messages of a restricted PLIE thread: found and read only by who may
    reach the thread, even as author, recipient or notified (Discuss inbox)."""

    _inherit = "mail.message"

    def _check_access(self, operation):
        result = super()._check_access(operation)
        return restrict_access_result(self, operation, result, "model")

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        domain = [*forbidden_thread_domain(self.env, "model"), *domain]
        return super()._search(domain, offset, limit, order)
