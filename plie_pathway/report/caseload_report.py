from odoo import api, fields, models
from odoo.tools import SQL

from ..models.pathway import OPEN_STATES


class PlieCaseloadReport(models.Model):
    """Caseload of each référent: open pathways against capacity."""

    _name = "plie.caseload.report"
    _description = "Référents' caseload"
    _auto = False
    _order = "load_percent desc, id"
    _rec_name = "referent_id"
    _depends = {
        "plie.pathway": ["referent_id", "company_id", "state"],
        "res.users": ["plie_fte", "plie_structure_id", "company_id", "active"],
        "res.company": ["plie_caseload_per_fte"],
    }

    referent_id = fields.Many2one("res.users", string="Référent", readonly=True)
    company_id = fields.Many2one("res.company", string="PLIE", readonly=True)
    referent_structure_id = fields.Many2one(
        "res.partner", string="Référent structure", readonly=True
    )
    fte = fields.Float(string="Full-time equivalent", readonly=True, digits=(3, 2))
    capacity = fields.Float(readonly=True, digits=(6, 1))
    active_count = fields.Integer(string="Active participants", readonly=True)
    load_percent = fields.Float(
        string="Load (%)", aggregator="avg", readonly=True, digits=(6, 1)
    )
    overdue_count = fields.Integer(
        string="Contacts overdue", compute="_compute_overdue_count"
    )

    @api.depends("referent_id")
    def _compute_overdue_count(self):
        groups = self.env["plie.pathway"]._read_group(
            [
                ("referent_id", "in", self.referent_id.ids),
                ("contact_overdue", "=", True),
            ],
            ["referent_id", "company_id"],
            ["__count"],
        )
        counts = {
            (referent.id, company.id): count for referent, company, count in groups
        }
        for row in self:
            row.overdue_count = counts.get((row.referent_id.id, row.company_id.id), 0)

    @property
    def _table_query(self):
        # A row per référent: its id is the user's (no made-up id).
        return SQL(
            """
            SELECT u.id AS id,
                   u.id AS referent_id,
                   u.company_id,
                   u.plie_structure_id AS referent_structure_id,
                   u.plie_fte AS fte,
                   u.plie_fte * c.plie_caseload_per_fte AS capacity,
                   COALESCE(l.active_count, 0) AS active_count,
                   CASE WHEN u.plie_fte > 0
                        THEN 100.0 * COALESCE(l.active_count, 0)
                             / (u.plie_fte * c.plie_caseload_per_fte)
                   END AS load_percent
              FROM res_users u
              JOIN res_company c ON c.id = u.company_id
              LEFT JOIN (
                  SELECT p.referent_id,
                         p.company_id,
                         count(*) AS active_count
                    FROM plie_pathway p
                   WHERE p.state IN %(open_states)s
                GROUP BY p.referent_id, p.company_id
              ) l ON l.referent_id = u.id AND l.company_id = u.company_id
             WHERE u.active AND (u.plie_fte > 0 OR l.active_count > 0)
            """,
            open_states=OPEN_STATES,
        )

    def action_open_pathways(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "plie_pathway.plie_pathway_action"
        )
        action["domain"] = [
            ("referent_id", "=", self.referent_id.id),
            ("state", "in", OPEN_STATES),
        ]
        action["context"] = {}
        return action
