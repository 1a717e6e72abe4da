from odoo import fields, models

from odoo.addons.plie_base.constants import SOCIAL


class PliePathway(models.Model):
    # plie.pathway is split into one file per concern.
    _inherit = "plie.pathway"  # pylint: disable=consider-merging-classes-inherited

    # Positive, neutral or other (DOMAIN.md, "The pathway"): funders count the
    # positive-exit rate on all exits and on non-neutral ones.
    exit_category = fields.Selection(
        related="exit_reason_id.category",
        string="Exit category",
        store=True,
        index=True,
        groups=SOCIAL,
    )
