"""One record per model of plie_partners for the access policy walk test
(tests/plie_scenarios). See plie_base/tests/access_policy.py."""

import base64
from datetime import date

from odoo.addons.plie_base.tests.access_policy import Fixture


def access_policy_fixtures(env, users, fixtures):
    """A partner company awarded a lot, an offer and a placement of the
    plie_base fixture participant (followed by ``users["referent"]``); the
    portal user, if any, is a contact of that company."""
    company = env.company
    participant = fixtures["plie.participant"].record
    Partner = env["res.partner"]
    builder = Partner.create({"name": "Walk builder", "is_company": True})
    if "portal" in users:
        users["portal"].partner_id.parent_id = builder
    rome = env.ref("plie_pathway.rome_k2204")
    commitment = env["plie.company.commitment"].create(
        {"partner_id": builder.id, "commitment_type": "immersion"}
    )
    engagement = env["plie.company.engagement"].create(
        {
            "partner_id": builder.id,
            "engagement_type": "immersion",
            "participant_ids": [(6, 0, participant.ids)],
        }
    )
    offer_values = {
        "name": "Walk offer",
        "partner_id": builder.id,
        "rome_job_id": rome.id,
        "company_id": company.id,
    }
    offer = env["plie.job.offer"].create(offer_values)
    other_offer = offer.copy({"name": "Other walk offer"})
    match = env["plie.job.match"].create(
        {"offer_id": offer.id, "participant_id": participant.id}
    )
    buyer_partner = Partner.create({"name": "Walk buyer", "is_company": True})
    buyer = env["plie.clause.buyer"].create(
        {"partner_id": buyer_partner.id, "company_id": company.id}
    )
    contract_values = {
        "title": "Walk works",
        "buyer_id": buyer.id,
        "date_start": date(2025, 1, 1),
        "date_end": date(2025, 12, 31),
        "company_id": company.id,
    }
    contract = env["plie.clause.contract"].create({"name": "WALK-1", **contract_values})
    lot = env["plie.clause.lot"].create(
        {
            "contract_id": contract.id,
            "name": "Lot walk",
            "awardee_id": builder.id,
            "required_hours": 500.0,
        }
    )
    placement_values = {
        "lot_id": lot.id,
        "participant_id": participant.id,
        "delivery_mode": "direct_hire",
    }
    placement = env["plie.clause.placement"].create(
        {**placement_values, "date_start": date(2025, 2, 1)}
    )
    hours = env["plie.clause.hours"].create(
        {
            "placement_id": placement.id,
            "month": date(2025, 3, 1),
            "hours": 35,
            "state": "declared",
        }
    )
    sirene = env["plie.sirene.import"].create(
        {"data_file": base64.b64encode(b"siret\n"), "company_id": company.id}
    )
    hours_csv = base64.b64encode(b"placement,month,hours\n")
    return {
        "plie.naf.code": Fixture(
            env.ref("plie_partners.naf_8121z"),
            {"code": "99.99Z", "name": "Walk activity"},
            {"name": "Walk cleaning"},
        ),
        "plie.company.commitment": Fixture(
            commitment,
            {"partner_id": builder.id, "commitment_type": "job_offers"},
            {"quantity": 2},
        ),
        "plie.company.engagement": Fixture(
            engagement,
            {"partner_id": builder.id, "engagement_type": "event"},
            {"note": "Visited"},
        ),
        "plie.job.offer": Fixture(
            offer, {**offer_values, "name": "New walk offer"}, {"positions": 2}
        ),
        "plie.job.match": Fixture(
            match,
            {"offer_id": other_offer.id, "participant_id": participant.id},
            {"refusal_note": "Walk"},
        ),
        "plie.clause.buyer": Fixture(
            buyer,
            {
                "partner_id": Partner.create({"name": "New buyer"}).id,
                "company_id": company.id,
            },
            {"kind": "social_landlord"},
        ),
        "plie.clause.contract": Fixture(
            contract, {"name": "WALK-2", **contract_values}, {"title": "Walk roads"}
        ),
        "plie.clause.lot": Fixture(
            lot, {"contract_id": contract.id, "name": "Lot new"}, {"name": "Lot 1"}
        ),
        "plie.clause.placement": Fixture(
            placement,
            {**placement_values, "date_start": date(2025, 5, 1)},
            {"date_end": date(2025, 12, 31)},
        ),
        "plie.clause.hours": Fixture(
            hours,
            {"placement_id": placement.id, "month": date(2025, 4, 1), "hours": 10},
            {"hours": 30},
        ),
        "plie.sirene.import": Fixture(
            sirene,
            {"data_file": base64.b64encode(b"siret\n"), "company_id": company.id},
            {"name": "walk.csv"},
        ),
        "plie.clause.hours.import": Fixture(
            None, {"data_file": hours_csv}, {"filename": "walk.csv"}
        ),
        "plie.company.register.report": Fixture(
            None,
            {"date_from": date(2025, 1, 1), "date_to": date(2025, 12, 31)},
            {"date_to": date(2025, 6, 30)},
        ),
        "plie.clause.report": Fixture(None, {"year": 2025}, {"year": 2024}),
        "plie.clause.progress.period": Fixture(
            None,
            {"date_from": date(2025, 1, 1), "date_to": date(2025, 12, 31)},
            {"date_to": date(2025, 6, 30)},
        ),
        "plie.job.offer.suggestion": Fixture(
            None, {"offer_id": offer.id}, {"offer_id": offer.id}
        ),
        "plie.job.offer.suggestion.line": Fixture(
            None,
            {
                "suggestion_id": env["plie.job.offer.suggestion"]
                .create({"offer_id": offer.id})
                .id,
                "participant_id": participant.id,
            },
            {"selected": True},
        ),
    }
