from odoo import fields, models

# Outright positive exits a contract gives when it starts within the pathway
# (DOMAIN.md, "The pathway"); keys of positive_exit.GROUNDS.
OUTRIGHT_GROUNDS = [
    ("work_study", "Apprenticeship or professionalisation contract"),
    ("business_creation", "Business creation"),
]


class PlieContractType(models.Model):
    """Contract types and how the positive-exit rule treats them.

    AVE practice (DOMAIN.md, "The pathway"): CDI, CDD, interim and market-sector
    subsidised contracts (CIE) count toward the 6 months of employment;
    non-market subsidised contracts (PEC) and IAE contracts (ACI, EI, AI, ETTI)
    are pathway steps; work-study contracts and business creations are positive
    exits outright. Each PLIE can adjust this table.
    """

    _name = "plie.contract.type"
    _description = "Contract type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    counts_toward_duration = fields.Boolean(
        string="Counts toward the 6 months",
        help="Days worked under this contract, at the minimum weekly hours or more, "
        "add up toward the 6 months of employment of a positive exit, and hiring "
        "on it starts the follow-up in employment.",
    )
    outright_ground = fields.Selection(
        OUTRIGHT_GROUNDS,
        string="Positive exit outright",
        help="A contract of this type starting within the pathway is a positive "
        "exit whatever its duration.",
    )
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to share the contract type between every PLIE of the "
        "database.",
    )
    description = fields.Text(translate=True)

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The code of a contract type must be unique.",
        ),
    ]

    def _positive_exit_rules(self):
        """{contract type id: (counts toward the 6 months, outright ground)}:
        the table in the form positive_exit.py takes it."""
        return {
            contract_type.id: (
                contract_type.counts_toward_duration,
                contract_type.outright_ground or False,
            )
            for contract_type in self
        }
