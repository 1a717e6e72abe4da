from odoo import _, api, models
from odoo.exceptions import AccessError
from odoo.osv import expression

# Models whose domains, groupings and orders are checked field by field: every
# model of the PLIE addons, including those later addons add.
GUARDED_PREFIX = "plie."


class Base(models.AbstractModel):
    """Nothing a user may not read can be searched, grouped or sorted on.

    Odoo refuses a domain on a plain field hidden by ``groups=``, but not a
    domain through a one2many or many2many (``[('benefit_ids', '!=', False)]``),
    a related path, or a computed field with a search method: each answers
    "who has a benefit" to a user who may not read benefits. The guard checks
    every field of every path in the domain, the groupings and the order of a
    search on a PLIE model before the query is built."""

    _inherit = "base"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if self._plie_guarded():
            self._plie_check_domain(domain)
            self._plie_check_order(order)
        return super()._search(domain, offset, limit, order)

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), having=(), **kwargs):
        if self._plie_guarded():
            specs = list(groupby) + [
                spec.split(":")[0] for spec in aggregates if spec != "__count"
            ]
            self._plie_check_paths(spec.split(":")[0] for spec in specs)
            self._plie_check_domain(having)
            self._plie_check_order(kwargs.get("order"))
        return super()._read_group(domain, groupby, aggregates, having, **kwargs)

    @api.model
    def _plie_check_domain(self, domain):
        self._plie_check_paths(leaf[0] for leaf in domain if expression.is_leaf(leaf))

    @api.model
    def _plie_check_order(self, order):
        if order:
            self._plie_check_paths(
                term.split()[0].split(":")[0]
                for term in order.split(",")
                if term.strip()
            )

    def _plie_guarded(self):
        return self._name.startswith(GUARDED_PREFIX) and not self.env.su

    @api.model
    def _plie_check_paths(self, paths):
        """Raise AccessError when a field along one of ``paths`` (``a.b.c``)
        is not readable by the current user."""
        for path in paths:
            if not isinstance(path, str):
                continue
            model = self
            for name in path.split("."):
                field = model._fields.get(name)
                if field is None:
                    break
                if not field.is_accessible(model.env):
                    raise AccessError(
                        _(
                            "You may not search, group or sort on %(field)s of "
                            "%(model)s.",
                            field=field.string,
                            model=model._description,
                        )
                    )
                if not field.relational:
                    break
                model = model.env[field.comodel_name]
                if not model.has_access("read"):
                    raise AccessError(
                        _(
                            "You may not search, group or sort on %(field)s: you "
                            "cannot read %(model)s.",
                            field=field.string,
                            model=model._description,
                        )
                    )
