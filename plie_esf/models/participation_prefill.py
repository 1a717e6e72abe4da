from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..esf_rules import EXIT_ANSWERS, EXIT_REASON_RESULTS, entry_status


class PlieEsfParticipation(models.Model):
    """Questionnaires prefilled from what plie_base and plie_pathway know:
    the situation recorded at admission, the pathway dates and exit reason,
    the employment periods six months after the exit."""

    _inherit = "plie.esf.participation"  # pylint: disable=consider-merging-classes-inherited

    def action_prefill(self):
        self._prefill()
        return True

    def _prefill(self, provided=None):
        """Fill the questionnaires; ``provided`` maps a participation id to the
        fields given at creation, which the prefill leaves alone."""
        provided = provided or {}
        # Finance may not read the participant's social data; the ESF
        # questionnaire copies only the answers the indicators need, and the
        # special-category ones stay behind the coordination group here too.
        records = self.sudo()
        pathways = records._pathways_by_participation()
        employments = records._employments_by_participant()
        today = fields.Date.context_today(self)
        for participation in records:
            values = participation._pathway_values(pathways[participation.id])
            entry_date = values.get("entry_date", participation.entry_date)
            exit_date = values.get("exit_date", participation.exit_date)
            values.update(participation._entry_values(entry_date))
            m6_date = exit_date and exit_date + relativedelta(months=6)
            if m6_date and m6_date <= today:
                values.update(
                    m6_recorded=True,
                    m6_employed=any(
                        e.date_start <= m6_date
                        and (not e.date_end or e.date_end >= m6_date)
                        for e in employments[participation.participant_id.id]
                    ),
                )
            kept = provided.get(participation.id, ())
            values = {k: v for k, v in values.items() if v and k not in kept}
            values["prefilled_on"] = today
            participation.write(values)

    def _entry_values(self, entry_date):
        participant = self.participant_id
        birth, registration = participant.birth_date, participant.ft_registration_date
        age = relativedelta(entry_date, birth).years if birth else None
        months = 0
        if registration and registration <= entry_date:
            delta = relativedelta(entry_date, registration)
            months = delta.years * 12 + delta.months
        values = {
            "entry_status": entry_status(participant.labour_market_status, age, months),
            "entry_education_level": participant.education_level,
            "entry_third_country": participant.nationality_category == "third_country",
            "entry_homeless": participant.is_housing_excluded,
        }
        if participant.special_consent == "refused":
            values.update(
                entry_disability="refused",
                entry_foreign_background="refused",
                entry_minority="refused",
            )
        elif participant.special_consent == "given":
            values.update(
                entry_disability=participant.disability,
                entry_foreign_background=participant.foreign_background,
                entry_minority=participant.minority,
            )
        return values

    def _pathway_values(self, pathways):
        """First entry and last exit among the participant's pathways in the
        operation (a re-entry stays one participant)."""
        if not pathways:
            return {}
        values = {"entry_date": min(pathways.mapped("date_start"))}
        if all(p.state == "closed" and p.date_end for p in pathways):
            last = pathways.sorted("date_end")[-1]
            values["exit_date"] = last.date_end
            results = EXIT_REASON_RESULTS.get(last.exit_reason_id.code)
            if results is not None:
                values["exit_recorded"] = True
                values.update({answer: answer in results for answer in EXIT_ANSWERS})
        return values

    def _pathways_by_participation(self):
        pathways = self.env["plie.pathway"].search(
            [
                ("participant_id", "in", self.participant_id.ids),
                ("date_start", "!=", False),
            ]
        )
        # Grouped by participant first: filtering every pathway for every
        # participation grows with the square of a large operation.
        by_participant = defaultdict(list)
        for pathway in pathways:
            by_participant[pathway.participant_id.id].append(pathway)
        found = defaultdict(lambda: self.env["plie.pathway"])
        for participation in self:
            operation = participation.operation_id
            found[participation.id] = self.env["plie.pathway"].union(
                *(
                    pathway
                    for pathway in by_participant[participation.participant_id.id]
                    if _overlaps(pathway, operation)
                )
            )
        return found

    def _employments_by_participant(self):
        found = defaultdict(list)
        for employment in self.env["plie.employment"].search(
            [("participant_id", "in", self.participant_id.ids)]
        ):
            found[employment.participant_id.id].append(employment)
        return found

    @api.model_create_multi
    def create(self, vals_list):
        participations = super().create(vals_list)
        participations._prefill(
            {p.id: set(vals) for p, vals in zip(participations, vals_list, strict=True)}
        )
        return participations


def _overlaps(pathway, operation):
    """The pathway runs during some of the operation."""
    return pathway.date_start <= operation.date_end and (
        not pathway.date_end or pathway.date_end >= operation.date_start
    )
