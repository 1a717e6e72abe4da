from odoo import _, models
from odoo.exceptions import AccessError


class IrActionsReport(models.Model):
    """A PLIE report is printed only by the groups it names and on records the
    user may read: Odoo renders whatever ids the report URL carries."""

    _inherit = "ir.actions.report"

    def _get_rendering_context(self, report, docids, data):
        if report.model.startswith("plie.") and not self.env.su:
            groups = report.groups_id
            if groups and not groups & self.env.user.groups_id:
                raise AccessError(
                    _("You may not print %(report)s.", report=report.name)
                )
            self.env[report.model].browse(docids).check_access("read")
        return super()._get_rendering_context(report, docids, data)
