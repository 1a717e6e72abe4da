"""Case 3: a référent's caseload page, the list view's `web_search_read` as
the web client calls it (80 rows, every column of the view, computed ones
included), for the same référent of the first data set while the database
grows ten-fold around it."""

from benchmark import AtMostQueries, Case, SameQueries, Target
from lxml import etree

# Fields the list_activity widget reads besides its own (its fieldDependencies).
ACTIVITY_FIELDS = (
    "activity_exception_decoration",
    "activity_exception_icon",
    "activity_state",
    "activity_summary",
    "activity_type_icon",
    "activity_type_id",
)
PAGE = 80
NAME = {"fields": {"display_name": {}}}  # what the client reads of a many2one


class CaseloadPage(Case):
    number = "3"
    title = "A référent's caseload page (80 rows, computed columns)"
    variants = ("ours",)
    phases = ("small", "large")
    targets = (
        SameQueries("ours@small", "ours@large"),
        Target("ours@large", "ours@small", 1.3),
        AtMostQueries("ours", 17),
    )

    def setup(self):
        # The biggest caseload of the first data set, in both phases.
        company = self.companies[0]
        [[referent]] = self.env["plie.participant"]._read_group(
            [("company_id", "=", company.id), ("referent_id", "!=", False)],
            ["referent_id"],
            order="__count desc, referent_id",
            limit=1,
        )
        self.participants = (
            self.env["plie.participant"]
            .with_user(referent)
            .with_context(
                {
                    **referent.with_user(referent).context_get(),
                    "allowed_company_ids": company.ids,
                    "bin_size": True,
                }
            )
        )
        self.domain = [("referent_id", "=", referent.id)]  # "My caseload"
        self.specification = self._list_specification()

    def _list_specification(self):
        """The fields the web client asks for, from the list view as the
        référent gets it (columns of groups they are not in removed)."""
        view = self.env.ref("plie_base.plie_participant_view_list")
        views = self.participants.get_views([(view.id, "list")])
        fields = self.participants._fields
        specification = {}
        for node in etree.fromstring(views["views"]["list"]["arch"]).iter("field"):
            names = [node.get("name")]
            if node.get("widget") == "list_activity":
                names += ACTIVITY_FIELDS
            for name in names:
                many2one = fields[name].type == "many2one"
                specification[name] = dict(NAME) if many2one else {}
        return specification

    def ours(self):
        return self.participants.web_search_read(
            self.domain, self.specification, limit=PAGE, count_limit=10001
        )

    def normalise(self, value):
        return value["length"], [record["id"] for record in value["records"]]
