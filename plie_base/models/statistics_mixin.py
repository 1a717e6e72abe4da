from odoo import _, api, models
from odoo.exceptions import AccessError


class PlieStatisticsMixin(models.AbstractModel):
    """An aggregate report about participants. Outside the référents' circle
    (users without the coordination role: finance...), its rows are not read
    one by one, only grouped, and a group of fewer people than the PLIE's
    threshold shows no figure (statistical secrecy, DOMAIN.md). A report
    inherits it and names the field counting people in ``_plie_count_field``
    (summed, or counted with ``_plie_count_aggregator = "count_distinct"``)."""

    _name = "plie.statistics.mixin"
    _description = "PLIE aggregate with statistical secrecy"

    _plie_count_field = "participant_count"
    _plie_count_aggregator = "sum"

    @api.model
    def _plie_in_circle(self):
        return self.env.su or self.env.user.has_group(
            "plie_base.group_plie_coordinator"
        )

    def fetch(self, field_names=None):
        # One row may be one person: outside the circle, groups only.
        if not self._plie_in_circle():
            raise AccessError(
                _(
                    "%(report)s is available as grouped figures only.",
                    report=self.env["ir.model"]._get(self._name).name,
                )
            )
        return super().fetch(field_names)

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), having=(), **kwargs):
        if self._plie_in_circle():
            return super()._read_group(domain, groupby, aggregates, having, **kwargs)
        count = f"{self._plie_count_field}:{self._plie_count_aggregator}"
        rows = super()._read_group(
            domain, groupby, (*aggregates, count), having, **kwargs
        )
        threshold = self.env.company.plie_statistics_threshold
        size = len(groupby)
        result = []
        for row in rows:
            keys, values, people = row[:size], row[size:-1], row[-1]
            if people and people < threshold:
                # Suppressed cell: its figures are hidden, not zero.
                values = tuple(None for _value in values)
            result.append((*keys, *values))
        return result
