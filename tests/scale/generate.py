"""Fill a database with the data of a large PLIE, deterministically.

Run with `python3 tests/tooling/plie.py generate --scale S --seed N` (executed
inside `odoo shell`, where `env` exists; PLIE_SCALE and PLIE_SEED carry the
options). Scale 1 is a PLIE of 10,000 participants; every count is
proportional to the scale, with a minimum of 1. Everything is created through
the ORM in batches, as superuser, without tracking or chatter messages; the
same seed gives the same data. Dates are relative to a fixed reference date.
"""

import os
import random
import sys
import time
from datetime import datetime, timedelta

# Fed to `odoo shell` on stdin: the tooling says where the other modules are.
sys.path.insert(0, os.environ["PLIE_SCALE_DIR"])
from gen_common import BATCH, REFERENCE, spread  # noqa: E402
from gen_esf import EsfGenerator  # noqa: E402
from gen_partners import ClauseGenerator  # noqa: E402

SCALE_ONE = {
    "plie.participant": 10000,
    "plie.pathway": 12000,
    "plie.pathway.step": 120000,
    "plie.interview": 250000,
    "partner companies": 1000,
    "plie.job.offer": 5000,
    "plie.job.match": 20000,
    "plie.clause.contract": 300,
    "plie.clause.placement": 3000,
    "plie.clause.hours": 36000,
    "plie.esf.operation": 20,
    "plie.esf.participation": 15000,
    "account.analytic.line": 50000,
}
COMMUNES = [
    ("Bench-ville", "99001", ["Les Tilleuls", "La Source"]),
    ("Bench-sur-Marne", "99002", ["Le Val"]),
    ("Saint-Bench", "99003", []),
    ("Bench-les-Bains", "99004", ["Les Hauts"]),
]
REFERENTS = 40
PATHWAY_STATES = [  # (state, weight)
    ("draft", 5),
    ("active", 55),
    ("follow_up", 10),
    ("closed", 30),
]


def counts(scale):
    return {model: max(1, round(n * scale)) for model, n in SCALE_ONE.items()}


class Generator(ClauseGenerator, EsfGenerator):
    def __init__(self, env, scale, seed):
        self.env = env(
            context=dict(
                env.context,
                tracking_disable=True,
                mail_create_nolog=True,
                mail_notrack=True,
                mail_auto_subscribe_no_notify=True,
            ),
            su=True,
        )
        self.rng = random.Random(seed)
        self.scale = scale
        self.seed = seed
        self.count = counts(scale)

    def day(self, low, high):
        """A date between `low` and `high` days before the reference date."""
        return REFERENCE - timedelta(days=self.rng.randint(low, high))

    def create(self, model, vals_list, batch_size=BATCH):
        Model = self.env[model]
        records = Model.browse()
        for start in range(0, len(vals_list), batch_size):
            batch = Model.create(vals_list[start : start + batch_size])
            batch.flush_model()
            records |= batch
            self.env.invalidate_all()
        return records

    def step(self, label, function):
        start = time.perf_counter()
        result = function()
        print(f"{label:<32} {len(result):8d} {time.perf_counter() - start:8.1f} s")
        return result

    # ------------------------------------------------------------------
    def run(self):
        env = self.env
        # Company names are unique: number the data sets of a database.
        number = env["res.company"].search_count([("name", "=like", "PLIE généré %")])
        self.company = env["res.company"].create(
            {
                "name": f"PLIE généré {number + 1} "
                f"(échelle {self.scale}, graine {self.seed})"
            }
        )
        self.env = env = env(
            context=dict(env.context, allowed_company_ids=self.company.ids)
        )
        self.territory()
        self.referents = self.step("référents", self.make_referents)
        self.participants = self.step("participants", self.make_participants)
        self.pathways = self.step("pathways", self.make_pathways)
        self.step("steps", self.make_steps)
        self.step("interviews", self.make_interviews)
        self.companies = self.step("partner companies", self.make_companies)
        self.offers = self.step("job offers", self.make_offers)
        self.step("matches", self.make_matches)
        self.make_clauses()
        self.make_esf()
        env.flush_all()

    def territory(self):
        self.communes = []
        for name, zip_code, qpvs in COMMUNES:
            commune = self.env["plie.commune"].create(
                {"name": name, "zip_codes": zip_code, "company_id": self.company.id}
            )
            qpv_records = self.env["plie.qpv"].create(
                [
                    {"name": qpv, "code": f"QN{zip_code}{n}", "commune_id": commune.id}
                    for n, qpv in enumerate(qpvs)
                ]
            )
            self.communes.append((commune, zip_code, qpv_records))

    def make_referents(self):
        group = self.env.ref("plie_base.group_plie_referent")
        return self.env["res.users"].create(
            [
                {
                    "name": f"Référent généré {n:03d}",
                    "login": f"gen_referent_{self.company.id}_{n}",
                    "company_id": self.company.id,
                    "company_ids": [(6, 0, self.company.ids)],
                    "groups_id": [(6, 0, group.ids)],
                }
                for n in range(max(1, min(REFERENTS, round(REFERENTS * self.scale))))
            ]
        )

    def make_participants(self):
        rng = self.rng
        vals_list = []
        # A référent's capacity: a few carry a bigger caseload.
        weights = [rng.choice((1, 1, 1, 2)) for _ in self.referents]
        for index in range(self.count["plie.participant"]):
            commune, zip_code, qpvs = rng.choice(self.communes)
            status = rng.choice(
                ("long_term_unemployed",) * 3 + ("unemployed", "inactive", "employed")
            )
            vals = {
                "lastname": f"Généré{index:06d}",
                "firstname": rng.choice(("Alex", "Camille", "Dominique", "Sacha")),
                "birth_date": REFERENCE
                - timedelta(days=rng.randint(18 * 365, 64 * 365)),
                "gender": rng.choice(("woman", "woman", "man", "man", "non_binary")),
                "zip": zip_code,
                "referent_id": rng.choices(self.referents.ids, weights)[0],
                "labour_market_status": status,
                "education_level": rng.choice(("1_2", "1_2", "3", "3", "4", "5", "6")),
            }
            if qpvs and rng.random() < 0.4:
                vals["qpv_id"] = rng.choice(qpvs.ids)
            if status in ("unemployed", "long_term_unemployed"):
                vals["ft_registration_date"] = self.day(30, 6 * 365)
            benefit = rng.choice(("rsa", "rsa", "ass", "aah", False, False))
            if benefit:
                vals["benefit_ids"] = [
                    (0, 0, {"benefit_type": benefit, "start_date": self.day(60, 2000)})
                ]
            vals_list.append(vals)
        return self.create("plie.participant", vals_list)

    def make_pathways(self):
        rng = self.rng
        participants = self.participants.ids
        total = self.count["plie.pathway"]
        # Every participant has one pathway; the extra ones are earlier,
        # closed pathways of some participants (readmissions).
        owners = participants + rng.sample(
            participants * (total // len(participants) + 1), total - len(participants)
        )
        reasons = self.env["plie.exit.reason"].search([])
        by_category = {}
        for reason in reasons:
            by_category.setdefault(reason.category, []).append(reason.id)
        categories = sorted(by_category)
        states, weights = zip(*PATHWAY_STATES, strict=True)
        latest = set()
        vals_list = []
        for owner in owners:
            again = owner in latest
            latest.add(owner)
            state = "closed" if again else rng.choices(states, weights)[0]
            start = self.day(400, 1800) if again else self.day(1, 1000)
            vals = {
                "participant_id": owner,
                "date_start": start,
                "admission_date": start - timedelta(days=rng.randint(0, 30)),
                "state": state,
            }
            if state == "closed":
                category = categories[len(vals_list) % len(categories)]
                end = min(start + timedelta(days=rng.randint(90, 700)), REFERENCE)
                if again:
                    end = min(end, REFERENCE - timedelta(days=400))
                vals.update(
                    date_end=max(end, start),
                    exit_reason_id=rng.choice(by_category[category]),
                )
            vals_list.append(vals)
        return self.create("plie.pathway", vals_list)

    def make_steps(self):
        rng = self.rng
        types = self.env["plie.step.type"].search([("requires_job_target", "=", False)])
        vals_list = []
        pathways = self.pathways.read(["date_start", "date_end"], load=False)
        for pathway, n in zip(
            pathways,
            spread(self.count["plie.pathway.step"], len(pathways)),
            strict=True,
        ):
            end = pathway["date_end"] or REFERENCE
            length = max(1, (end - pathway["date_start"]).days)
            for _i in range(n):
                start = pathway["date_start"] + timedelta(days=rng.randint(0, length))
                outcome = rng.choice(
                    ("ongoing", "achieved", "not_achieved", "abandoned")
                )
                if pathway["date_end"] and outcome == "ongoing":
                    outcome = "achieved"
                vals = {
                    "pathway_id": pathway["id"],
                    "step_type_id": rng.choice(types.ids),
                    "date_start": start,
                    "outcome": outcome,
                }
                if outcome != "ongoing":
                    vals["date_end"] = start + timedelta(days=rng.randint(0, 90))
                vals_list.append(vals)
        return self.create("plie.pathway.step", vals_list)

    def make_interviews(self):
        rng = self.rng
        pathways = self.pathways.read(
            ["date_start", "date_end", "referent_id"], load=False
        )
        vals_list = []
        for pathway, n in zip(
            pathways, spread(self.count["plie.interview"], len(pathways)), strict=True
        ):
            end = pathway["date_end"] or REFERENCE
            length = max(1, (end - pathway["date_start"]).days)
            for _i in range(n):
                day = pathway["date_start"] + timedelta(days=rng.randint(0, length))
                vals_list.append(
                    {
                        "pathway_id": pathway["id"],
                        "referent_id": pathway["referent_id"] or self.referents[0].id,
                        "kind": rng.choice(
                            ("individual",) * 6
                            + ("phone", "phone", "workshop", "home_visit")
                        ),
                        "date": datetime.combine(day, datetime.min.time())
                        + timedelta(hours=rng.randint(8, 17)),
                        "state": rng.choice(("held",) * 8 + ("no_show", "cancelled")),
                        "duration": rng.choice((0.5, 1.0, 1.0, 1.5, 2.0)),
                    }
                )
        return self.create("plie.interview", vals_list)

    def make_companies(self):
        rng = self.rng
        vals_list = []
        for index in range(self.count["partner companies"]):
            commune, zip_code, _qpvs = rng.choice(self.communes)
            vals_list.append(
                {
                    "name": f"Entreprise générée {index:05d}",
                    "is_company": True,
                    "zip": zip_code,
                    "city": commune.name,
                    "company_id": self.company.id,
                }
            )
        return self.create("res.partner", vals_list)

    def make_offers(self):
        rng = self.rng
        jobs = self.env["plie.rome.job"].search([], order="id").ids
        contracts = self.env["plie.contract.type"].search([], order="id").ids
        vals_list = []
        for index in range(self.count["plie.job.offer"]):
            published = self.day(0, 900)
            commune, _zip, _qpvs = rng.choice(self.communes)
            vals_list.append(
                {
                    "name": f"Offre générée {index:05d}",
                    "partner_id": rng.choice(self.companies.ids),
                    "rome_job_id": rng.choice(jobs),
                    "contract_type_id": rng.choice(contracts),
                    "commune_id": commune.id,
                    "positions": rng.choice((1, 1, 1, 2, 3)),
                    "weekly_hours": rng.choice((35.0, 35.0, 24.0, 28.0)),
                    "date_published": published,
                    "date_deadline": published + timedelta(days=rng.randint(15, 60)),
                    "state": rng.choice(("open", "filled", "filled", "cancelled")),
                    "company_id": self.company.id,
                }
            )
        return self.create("plie.job.offer", vals_list)

    def make_matches(self):
        rng = self.rng
        offers = self.offers.read(["date_published"], load=False)
        participants = self.participants.ids
        vals_list = []
        seen = set()
        while len(vals_list) < self.count["plie.job.match"]:
            offer = rng.choice(offers)
            participant = rng.choice(participants)
            if (offer["id"], participant) in seen:
                continue
            seen.add((offer["id"], participant))
            state = rng.choice(("proposed", "interview", "refused", "refused"))
            vals = {
                "offer_id": offer["id"],
                "participant_id": participant,
                "date": offer["date_published"] + timedelta(days=rng.randint(0, 30)),
                "state": state,
                "score": rng.randint(1, 20),
            }
            if state == "refused":
                vals["refusal_reason"] = "company"
            vals_list.append(vals)
        return self.create("plie.job.match", vals_list)


shell_env = globals()["env"]
started = time.perf_counter()
Generator(
    shell_env,
    float(os.environ.get("PLIE_SCALE", "1")),
    int(os.environ.get("PLIE_SEED", "1")),
).run()
shell_env.cr.commit()
print(f"{'total':<32} {'':8} {time.perf_counter() - started:8.1f} s")
