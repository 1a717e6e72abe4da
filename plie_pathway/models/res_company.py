from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    plie_contact_frequency_days = fields.Integer(
        string="Expected contact every (days)",
        default=30,
        help="A participant whose last interview is older than this is overdue: "
        "they show in the overdue filter and their référent gets an activity.",
    )
    plie_pathway_alert_months = fields.Integer(
        string="Pathway alert after (months)",
        default=24,
        help="Pathways lasting this long are flagged for review; it is also the "
        "planned duration of a new pathway.",
    )
    plie_pathway_cap_months = fields.Integer(
        string="Pathway cap (months)",
        default=36,
        help="Maximum duration of a pathway: beyond it, the committee must extend "
        "or close it.",
    )
    plie_caseload_per_fte = fields.Integer(
        string="Participants per full-time référent",
        default=60,
        help="Capacity of a full-time référent de parcours; a référent's capacity "
        "is this number times their full-time equivalent.",
    )
    # AVE practice (DOMAIN.md, "The pathway"): employment counts toward the
    # 6 months only at half-time or more. One figure per PLIE, not per contract
    # type: it is about the person's working time, whatever the contract.
    plie_min_weekly_hours = fields.Float(
        string="Minimum weekly hours of counted employment",
        default=17.5,
        help="Employment counts toward the 6 months of a positive exit, and starts "
        "the follow-up in employment, only at this many weekly hours or more.",
    )

    plie_candidate_retention_months = fields.Integer(
        string="Anonymise non-admitted candidates after (months)",
        default=6,
        help="Candidates refused, withdrawn or never admitted are anonymised this "
        "many months after the last decision on their prescriptions.",
    )

    _sql_constraints = [
        (
            "plie_pathway_settings_positive",
            "CHECK(plie_contact_frequency_days > 0 AND plie_pathway_alert_months > 0 "
            "AND plie_pathway_cap_months >= plie_pathway_alert_months "
            "AND plie_caseload_per_fte > 0 AND plie_candidate_retention_months > 0)",
            "Contact frequency, alert, cap and caseload must be positive, and the cap "
            "cannot be shorter than the alert.",
        ),
        (
            "plie_min_weekly_hours_range",
            "CHECK(plie_min_weekly_hours >= 0 AND plie_min_weekly_hours <= 48)",
            "The minimum weekly hours of counted employment must be between 0 and 48.",
        ),
    ]
