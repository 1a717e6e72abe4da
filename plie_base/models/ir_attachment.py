from odoo import api, models

from .thread_mixin import (
    forbidden_thread_domain,
    forbidden_thread_records,
    forbidden_threads,
)


class IrAttachment(models.Model):
    """Files attached to a participant's records: for who may reach the thread."""

    _inherit = "ir.attachment"

    @api.model
    def check(self, mode, values=None):
        result = super().check(mode, values=values)
        records = forbidden_thread_records(self, "res_model")
        target = (values or {}).get("res_model"), (values or {}).get("res_id")
        if records or (all(target) and forbidden_threads(self.env, {target})):
            raise self.env["ir.rule"]._make_access_error(mode, records or self)
        return result

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        domain = [*forbidden_thread_domain(self.env, "res_model"), *domain]
        return super()._search(domain, offset, limit, order)
