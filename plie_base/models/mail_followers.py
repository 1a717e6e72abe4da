from odoo import api, models

from .thread_mixin import (
    forbidden_thread_domain,
    restrict_access_result,
    unreadable_plie_documents,
)


class MailFollowers(models.Model):
    """Who follows a participant's record tells who works with them: followers
    of a PLIE record are for who may read the record (Odoo shows followers of
    any record to every employee) and reach its thread."""

    _inherit = "mail.followers"

    def _check_access(self, operation):
        result = super()._check_access(operation)
        result = restrict_access_result(self, operation, result, "res_model")
        unreadable = unreadable_plie_documents(self, "res_model", "res_id")
        if result:
            unreadable -= result[0]
        if not unreadable:
            return result
        if result:
            return (result[0] + unreadable, result[1])
        rule = self.env["ir.rule"]
        return (unreadable, lambda: rule._make_access_error(operation, unreadable))

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        domain = [*forbidden_thread_domain(self.env, "res_model"), *domain]
        query = super()._search(domain, offset, limit, order)
        if self.env.su:
            return query
        followers = self.browse(list(query))
        return (
            followers - unreadable_plie_documents(followers, "res_model", "res_id")
        )._as_query(order)
