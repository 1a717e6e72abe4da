from odoo import fields, models, tools
from odoo.tools import SQL

from odoo.addons.plie_base.constants import SOCIAL

from ..models.pathway import DAYS_PER_MONTH
from ..models.prescription import GENDERS


class PliePathwayReport(models.Model):
    """Entries and exits of pathways: one row per pathway start (entry) and
    one per pathway exit, so that both can be counted per period."""

    _name = "plie.pathway.report"
    _description = "Pathway entries and exits analysis"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "pathway_id"
    _depends = {
        "plie.pathway": [
            "participant_id",
            "company_id",
            "state",
            "date_start",
            "date_end",
            "referent_id",
            "referent_structure_id",
            "commune_id",
            "exit_reason_id",
            "is_positive_exit",
            "priority_criterion_ids",
        ],
        "plie.participant": ["gender"],
    }

    pathway_id = fields.Many2one("plie.pathway", readonly=True)
    participant_id = fields.Many2one("plie.participant", readonly=True)
    company_id = fields.Many2one("res.company", string="PLIE", readonly=True)
    movement = fields.Selection([("entry", "Entry"), ("exit", "Exit")], readonly=True)
    date = fields.Date(readonly=True)
    referent_id = fields.Many2one("res.users", string="Référent", readonly=True)
    referent_structure_id = fields.Many2one(
        "res.partner", string="Référent structure", readonly=True
    )
    commune_id = fields.Many2one("plie.commune", readonly=True)
    gender = fields.Selection(GENDERS, readonly=True)
    exit_reason_id = fields.Many2one("plie.exit.reason", readonly=True, groups=SOCIAL)
    priority_criterion_ids = fields.Many2many(
        "plie.eligibility.criterion",
        "plie_pathway_report_priority_rel",
        "report_id",
        "criterion_id",
        string="Priority publics at entry",
        readonly=True,
        groups=SOCIAL,
    )
    entry_count = fields.Integer(string="Entries", readonly=True)
    exit_count = fields.Integer(string="Exits", readonly=True)
    positive_exit_count = fields.Integer(string="Positive exits", readonly=True)
    positive_exit_rate = fields.Float(
        string="Positive exit rate (%)",
        aggregator="avg",
        readonly=True,
        help="Positive exits / exits: 100 for a positive exit, 0 for another exit, "
        "empty for an entry, so that the average is the rate.",
    )
    duration_days = fields.Integer(
        string="Duration (days)", aggregator="avg", readonly=True
    )
    duration_months = fields.Float(
        string="Duration (months)", aggregator="avg", readonly=True, digits=(6, 1)
    )

    def _select_movement(self, movement):
        is_exit = movement == "exit"
        return SQL(
            """
            SELECT p.id * 2 + %(offset)s AS id,
                   p.id AS pathway_id,
                   p.participant_id,
                   p.company_id,
                   %(movement)s AS movement,
                   %(date)s AS date,
                   p.referent_id,
                   p.referent_structure_id,
                   p.commune_id,
                   pa.gender,
                   %(exit_reason)s AS exit_reason_id,
                   %(entry)s AS entry_count,
                   %(exit)s AS exit_count,
                   %(positive)s AS positive_exit_count,
                   %(rate)s AS positive_exit_rate,
                   %(days)s AS duration_days,
                   %(months)s AS duration_months
              FROM plie_pathway p
              JOIN plie_participant pa ON pa.id = p.participant_id
             WHERE p.date_start IS NOT NULL %(where)s
            """,
            offset=int(is_exit),
            movement=movement,
            date=SQL("p.date_end") if is_exit else SQL("p.date_start"),
            exit_reason=SQL("p.exit_reason_id") if is_exit else SQL("NULL::integer"),
            entry=int(not is_exit),
            exit=int(is_exit),
            positive=SQL("p.is_positive_exit::integer") if is_exit else 0,
            rate=SQL("CASE WHEN p.is_positive_exit THEN 100.0 ELSE 0.0 END")
            if is_exit
            else SQL("NULL::float"),
            days=SQL("p.date_end - p.date_start") if is_exit else SQL("NULL::integer"),
            months=SQL("(p.date_end - p.date_start) / %s", DAYS_PER_MONTH)
            if is_exit
            else SQL("NULL::float"),
            where=SQL("AND p.state = 'closed' AND p.date_end IS NOT NULL")
            if is_exit
            else SQL(),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, "plie_pathway_report_priority_rel")
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s UNION ALL %s)",
                SQL.identifier(self._table),
                self._select_movement("entry"),
                self._select_movement("exit"),
            )
        )
        # Each report row inherits the priority publics of its pathway.
        self.env.cr.execute(
            """
            CREATE OR REPLACE VIEW plie_pathway_report_priority_rel AS (
                SELECT pathway_id * 2 + offs AS report_id, criterion_id
                  FROM plie_pathway_priority_criterion_rel, (VALUES (0), (1)) AS o(offs)
            )
            """
        )
