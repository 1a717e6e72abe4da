from collections import defaultdict

from odoo import _, api, models
from odoo.exceptions import ValidationError

from ..rules import person_keys


class PlieParticipant(models.Model):
    """One active participant per person and PLIE."""

    _inherit = "plie.participant"  # pylint: disable=consider-merging-classes-inherited

    @api.constrains(
        "firstname",
        "lastname",
        "birth_date",
        "france_travail_id",
        "company_id",
        "active",
    )
    def _check_one_active_participant_per_person(self):
        """One active participant per person and PLIE: same name and birth date,
        or same France Travail identifier."""
        active = self.filtered("active")
        if not active:
            return
        # sudo: a duplicate may be in another référent's caseload, out of the
        # user's sight; the error names no one the user may not read.
        others = (
            self.with_context(active_test=True)
            .sudo()
            .search(
                [
                    ("company_id", "in", active.company_id.ids),
                    "|",
                    ("birth_date", "in", [d for d in active.mapped("birth_date") if d]),
                    (
                        "france_travail_id",
                        "in",
                        [i for i in active.mapped("france_travail_id") if i],
                    ),
                ]
            )
        )
        owners = defaultdict(set)  # (company id, person key) -> participant ids
        for other in others:
            for key in other._person_keys():
                owners[other.company_id.id, key].add(other.id)
        for participant in active:
            twin_ids = set().union(
                *(
                    owners[participant.company_id.id, key]
                    for key in participant._person_keys()
                )
            ) - {participant.id}
            if twin_ids:
                raise ValidationError(
                    _(
                        "%(name)s is already an active participant of this PLIE "
                        "(%(twin)s). Open the existing record instead of creating "
                        "a new one.",
                        name=participant.name,
                        twin=self.browse(min(twin_ids)).name,
                    )
                )

    def _person_keys(self):
        self.ensure_one()
        return person_keys(
            self.lastname, self.firstname, self.birth_date, self.france_travail_id
        )
