"""plie_prescriber_portal defines no model; it makes the portal role's user a
member of the prescriber organisation of plie_pathway's prescription fixture,
so that the walk's door ``portal_follow_up`` reaches it (see
plie_base/tests/access_policy.py)."""


def access_policy_fixtures(env, users, fixtures):
    portal = users.get("portal")
    prescription = fixtures["plie.prescription"].record
    if portal:
        organisation = portal.partner_id.parent_id
        if not organisation:
            organisation = env["res.partner"].create(
                {"name": "Prescriber portal walk", "is_company": True}
            )
            portal.partner_id.parent_id = organisation
        organisation.plie_prescriber_kind = "association"
        prescription.write(
            {
                "prescriber_id": organisation.id,
                "prescriber_contact_id": portal.partner_id.id,
            }
        )
    return {}
