from odoo import api, models

from .thread_mixin import forbidden_thread_records, thread_models_forbidden


class IrAttachment(models.Model):
    """Files attached to a participant's records: for who may reach the thread."""

    _inherit = "ir.attachment"

    @api.model
    def check(self, mode, values=None):
        super().check(mode, values=values)
        forbidden = thread_models_forbidden(self.env)
        if not forbidden:
            return
        records = forbidden_thread_records(self, "res_model")
        if records or (values and values.get("res_model") in forbidden):
            raise self.env["ir.rule"]._make_access_error(mode, records or self)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        forbidden = thread_models_forbidden(self.env)
        if forbidden:
            domain = [("res_model", "not in", forbidden), *domain]
        return super()._search(domain, offset, limit, order)
