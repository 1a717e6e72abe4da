import itertools
from datetime import date, datetime, timedelta

from odoo.addons.plie_base.tests.common import PlieBaseCase

# Tests run "on" this day (freeze_time on each test class).
TODAY = date(2025, 6, 16)


class PliePathwayCase(PlieBaseCase):
    """plie_base's PLIE (one commune, one user per role) plus a prescriber,
    référents with a capacity, the seeded reasons and step types, and helpers
    building eligible participants and pathways at any stage."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Messages are checked in English whatever the languages installed.
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls._numbers = itertools.count(1)
        cls.company.write(
            {
                "plie_contact_frequency_days": 30,
                "plie_pathway_alert_months": 24,
                "plie_pathway_cap_months": 36,
                "plie_caseload_per_fte": 50,
            }
        )
        (cls.referent | cls.referent_colleague).write(
            {"plie_fte": 1.0, "plie_commune_ids": [(6, 0, cls.commune.ids)]}
        )
        cls.prescriber = cls.env["res.partner"].create(
            {
                "name": "France Travail Test",
                "is_company": True,
                "plie_prescriber_kind": "france_travail",
            }
        )
        ref = cls.env.ref
        cls.reason_employment = ref("plie_pathway.exit_reason_employment")
        cls.reason_moved = ref("plie_pathway.exit_reason_moved")
        cls.reason_short_employment = ref("plie_pathway.exit_reason_short_employment")
        cls.refusal_not_eligible = ref("plie_pathway.refusal_reason_not_eligible")
        cls.type_diagnosis = ref("plie_pathway.step_type_diagnosis")
        cls.type_training = ref("plie_pathway.step_type_training")
        cls.type_job_search = ref("plie_pathway.step_type_job_search")
        cls.type_housing = ref("plie_pathway.step_type_social_housing")
        cls.rome_cleaning = ref("plie_pathway.rome_k2204")

    def _warm_up(self, function):
        """Fill the caches of access rules, then start from an empty record
        cache, so that query counts measure ``function`` alone."""
        for _attempt in range(2):
            function()
            self.env.flush_all()
            self.env.invalidate_all()

    # ------------------------------------------------------------------
    # Builders (as superuser: each test acts as the user it is about)
    # ------------------------------------------------------------------
    @classmethod
    def _eligible_participant(cls, **values):
        """A DELD with a valid evidence, eligible around TODAY."""
        participant = cls._create_participant(
            ft_registration_date=TODAY - timedelta(days=800), **values
        )
        cls.env["plie.eligibility.evidence"].create(
            {
                "participant_id": participant.id,
                "criterion_id": cls.criterion_deld.id,
                "evidence_date": TODAY - timedelta(days=10),
            }
        )
        return participant

    @classmethod
    def _committee(cls, days=7, **values):
        return cls.env["plie.committee"].create(
            {
                "date": datetime.combine(
                    TODAY + timedelta(days=days), datetime.min.time()
                )
                + timedelta(hours=14),
                "company_id": cls.company.id,
                **values,
            }
        )

    @classmethod
    def _pathway(cls, participant=None, start=TODAY - timedelta(days=90), **values):
        """An active pathway (signed at ``start``) unless values say otherwise;
        ``referent_id`` is the participant's (the pathway reads it from them)."""
        referent_id = values.pop("referent_id", None)
        participant = participant or cls._create_participant(
            lastname=f"Parcours {next(cls._numbers)}",
            **({"referent_id": referent_id} if referent_id else {}),
        )
        if referent_id and participant.referent_id.id != referent_id:
            participant._change_referent(cls.env["res.users"].browse(referent_id))
        vals = {
            "participant_id": participant.id,
            "company_id": cls.company.id,
            "admission_date": start and start - timedelta(days=10),
            "date_start": start,
            "state": "active" if start else "draft",
        }
        vals.update(values)
        return cls.env["plie.pathway"].create(vals)

    @classmethod
    def _employment(cls, pathway, contract_type, start, end=None, **values):
        """``contract_type``: xmlid suffix of a seeded type (``cdi``, ``pec``...)."""
        return cls.env["plie.employment"].create(
            {
                "pathway_id": pathway.id,
                "contract_type_id": cls.env.ref(
                    f"plie_pathway.contract_type_{contract_type}"
                ).id,
                "date_start": start,
                "date_end": end,
                **values,
            }
        )

    @classmethod
    def _interview(cls, pathway, when, **values):
        return cls.env["plie.interview"].create(
            {
                "pathway_id": pathway.id,
                "date": datetime.combine(when, datetime.min.time())
                + timedelta(hours=10),
                "referent_id": pathway.referent_id.id,
                **values,
            }
        )
