"""Social clauses of the generated PLIE: buyers, contracts and their lots,
placements of participants (and of people outside the PLIE) with the awardee
companies, and their monthly hours."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from gen_common import REFERENCE, month_start, spread

BUYER_KINDS = ("commune", "commune", "epci", "social_landlord", "state", "other")
# Integration structures through which hours may be delivered, one per kind.
STRUCTURE_KINDS = ("etti", "ai", "geiq", "ei", "aci")
# Delivery mode: (weight, integration kinds of the structure it goes through).
DELIVERY_MODES = {
    "direct_hire": (50, ()),
    "etti": (15, ("etti",)),
    "ai": (10, ("ai",)),
    "geiq": (10, ("geiq",)),
    "co_contracting": (10, ("ei", "aci")),
    "sub_contracting": (5, ("ei", "aci")),
}
FIRST_YEAR, LAST_YEAR = 2021, 2026
FULL_TIME_MONTH = 151.67


class ClauseGenerator:
    """Mixed into the Generator of generate.py."""

    def make_clauses(self):
        self.structures = self.step("integration structures", self.make_structures)
        self.buyers = self.step("clause buyers", self.make_buyers)
        self.clause_contracts = self.step("clause contracts", self.make_contracts)
        self.lots = self.step("clause lots", self.make_lots)
        self.placements = self.step("clause placements", self.make_placements)
        self.step("clause hours", self.make_clause_hours)

    def make_structures(self):
        return self.create(
            "res.partner",
            [
                {
                    "name": f"Structure d'insertion générée {kind.upper()}",
                    "is_company": True,
                    "plie_integration_kind": kind,
                    "company_id": self.company.id,
                }
                for kind in STRUCTURE_KINDS
            ],
        )

    def make_buyers(self):
        count = max(1, round(self.count["plie.clause.contract"] / 10))
        partners = self.create(
            "res.partner",
            [
                {
                    "name": f"Acheteur généré {index:03d}",
                    "is_company": True,
                    "company_id": self.company.id,
                }
                for index in range(count)
            ],
        )
        return self.create(
            "plie.clause.buyer",
            [
                {
                    "partner_id": partner,
                    "kind": self.rng.choice(BUYER_KINDS),
                    "company_id": self.company.id,
                }
                for partner in partners.ids
            ],
        )

    def make_contracts(self):
        rng = self.rng
        years = LAST_YEAR - FIRST_YEAR + 1
        vals_list = []
        # As many contracts start each year: a year holds a sixth of them.
        for index in range(self.count["plie.clause.contract"]):
            year = FIRST_YEAR + index % years
            start = date(year, 1, 1) + timedelta(days=rng.randint(0, 364))
            vals_list.append(
                {
                    "name": f"MG-{year}-{index:04d}",
                    "title": f"Marché généré {index:04d}",
                    "buyer_id": rng.choice(self.buyers.ids),
                    "date_start": start,
                    "date_end": start + timedelta(days=rng.randint(365, 4 * 365)),
                    "company_id": self.company.id,
                }
            )
        return self.create("plie.clause.contract", vals_list)

    def make_lots(self):
        rng = self.rng
        vals_list = []
        for contract in self.clause_contracts.ids:
            for number in range(1, rng.choice((1, 1, 2, 2, 3, 4)) + 1):
                vals_list.append(
                    {
                        "contract_id": contract,
                        "sequence": number,
                        "name": f"Lot {number}",
                        "awardee_id": rng.choice(self.companies.ids),
                        "amount": rng.randrange(50_000, 2_000_000, 1000),
                        "hours_rate": rng.choice((5.0, 6.0, 7.0, 8.0, 10.0)),
                    }
                )
        return self.create("plie.clause.lot", vals_list)

    def make_placements(self):
        """Placements whose monthly hours all fall before the reference date:
        only lots of contracts started long enough ago get them."""
        rng = self.rng
        total = self.count["plie.clause.placement"]
        self.placement_months = spread(self.count["plie.clause.hours"], total)
        lots = self.lots.read(["contract_id"], load=False)
        contracts = {
            c["id"]: c for c in self.clause_contracts.read(["date_start", "date_end"])
        }
        latest_start = REFERENCE - relativedelta(months=max(self.placement_months))
        lots = [
            (lot["id"], contracts[lot["contract_id"]])
            for lot in lots
            if contracts[lot["contract_id"]]["date_start"] <= latest_start
        ] or [(lots[0]["id"], contracts[lots[0]["contract_id"]])]
        types = self.env["plie.contract.type"].search([], order="id").ids
        structures = {s.plie_integration_kind: s.id for s in self.structures}
        modes = list(DELIVERY_MODES)
        weights = [weight for weight, _kinds in DELIVERY_MODES.values()]
        vals_list = []
        for index, months in enumerate(self.placement_months):
            lot, contract = rng.choice(lots)
            latest = min(contract["date_end"], REFERENCE - relativedelta(months=months))
            span = max(0, (latest - contract["date_start"]).days)
            start = contract["date_start"] + timedelta(days=rng.randint(0, span))
            mode = rng.choices(modes, weights)[0]
            vals = {
                "lot_id": lot,
                "date_start": start,
                "date_end": start + relativedelta(months=months, days=-1),
                "delivery_mode": mode,
                "contract_type_id": rng.choice(types),
            }
            kinds = DELIVERY_MODES[mode][1]
            if kinds:
                vals["structure_id"] = structures[rng.choice(kinds)]
            if rng.random() < 0.8:
                vals["participant_id"] = rng.choice(self.participants.ids)
            else:
                vals["external_name"] = f"Personne extérieure {index:05d}"
            vals_list.append(vals)
        return self.create("plie.clause.placement", vals_list)

    def make_clause_hours(self):
        rng = self.rng
        placements = self.placements.read(["date_start"], load=False)
        # The last two months may still wait for the facilitator's validation.
        validated_until = REFERENCE - relativedelta(months=2)
        vals_list = []
        for placement, months in zip(placements, self.placement_months, strict=True):
            first = month_start(placement["date_start"])
            full_time = rng.random() < 0.4
            for number in range(months):
                month = first + relativedelta(months=number)
                hours = (
                    FULL_TIME_MONTH
                    if full_time and number
                    else round(rng.uniform(20.0, 140.0), 1)
                )
                declared = month >= validated_until and rng.random() < 0.5
                vals_list.append(
                    {
                        "placement_id": placement["id"],
                        "month": month,
                        "hours": hours,
                        "state": "declared" if declared else "validated",
                    }
                )
        return self.create("plie.clause.hours", vals_list)
