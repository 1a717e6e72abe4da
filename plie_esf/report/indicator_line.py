from odoo import fields, models

from ..esf_rules import SPECIAL_CATEGORY_INDICATORS, indicators_for


class PlieEsfIndicatorLine(models.TransientModel):
    _name = "plie.esf.indicator.line"
    _description = "ESF indicator value"
    _order = "sequence"

    report_id = fields.Many2one(
        "plie.esf.indicator.report", required=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    code = fields.Char(required=True)
    name = fields.Char(string="Indicator")
    women = fields.Integer()
    men = fields.Integer()
    non_binary = fields.Integer(string="Non-binary")
    unknown = fields.Integer(string="Gender unknown")
    total = fields.Integer()

    def _indicator(self):
        self.ensure_one()
        fund = self.report_id.operation_id.fund
        return next(i for i in indicators_for(fund) if i.code == self.code)

    def action_open_participations(self):
        """The participations this cell counts (special-category indicators
        only for those who may see the answers)."""
        self.ensure_one()
        if self.code in SPECIAL_CATEGORY_INDICATORS:
            self.env["plie.esf.participation"]._check_special_access()
        gender = self.env.context.get("plie_esf_gender")
        domain = self.report_id._indicator_domain(self._indicator())
        if gender:
            domain = [*domain, ("gender", "=", gender)]
        return {
            "type": "ir.actions.act_window",
            "name": f"{self.code} {self.name}",
            "res_model": "plie.esf.participation",
            "view_mode": "list,form",
            "domain": domain,
        }
