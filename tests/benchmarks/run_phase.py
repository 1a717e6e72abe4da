"""Run the benchmark cases on one data set: fed to `odoo shell` by
`python3 tests/tooling/plie.py bench` (where `env` exists).

Environment: PLIE_BENCH_DIR (this folder), PLIE_BENCH_PHASE (`small` or
`large`), PLIE_BENCH_SCALE, PLIE_BENCH_REPEAT, PLIE_BENCH_WARMUP,
PLIE_BENCH_CASES (case numbers separated by commas; empty: all) and
PLIE_BENCH_OUTPUT (the JSON file this phase writes). Everything the cases
change is rolled back.
"""

import importlib
import json
import os
import sys
from pathlib import Path

folder = Path(os.environ["PLIE_BENCH_DIR"])
sys.path.insert(0, str(folder))
benchmark = importlib.import_module("benchmark")


def load_cases():
    wanted = {n for n in os.environ.get("PLIE_BENCH_CASES", "").split(",") if n}
    cases = []
    for path in sorted(folder.glob("case_*.py")):
        module = importlib.import_module(path.stem)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, benchmark.Case)
                and value.number
                and value.__module__ == module.__name__
            ):
                if not wanted or value.number.rstrip("abcdefgh") in wanted:
                    cases.append(value)
    return sorted(cases, key=lambda case: (len(case.number), case.number))


def run(env):
    phase = os.environ["PLIE_BENCH_PHASE"]
    companies = env["res.company"].search(
        [("name", "=like", "PLIE généré %")], order="id"
    )
    output = {"measurements": [], "problems": [], "targets": {}}
    for case_class in load_cases():
        if phase not in case_class.phases:
            continue
        case = case_class(
            env, companies, phase, float(os.environ.get("PLIE_BENCH_SCALE", "1"))
        )
        print(f"[bench] {phase}: case {case.number} {case.title}", flush=True)
        measurements, problems = benchmark.run_case(
            case,
            repeat=int(os.environ.get("PLIE_BENCH_REPEAT", "5")),
            warmup=int(os.environ.get("PLIE_BENCH_WARMUP", "1")),
        )
        output["measurements"] += measurements
        output["problems"] += problems
        output["targets"][case.number] = [t.as_dict() for t in case.targets]
        env.cr.rollback()
        env.invalidate_all()
    Path(os.environ["PLIE_BENCH_OUTPUT"]).write_text(json.dumps(output, indent=1))


shell_env = globals()["env"]
try:
    run(shell_env)
finally:
    shell_env.cr.rollback()
