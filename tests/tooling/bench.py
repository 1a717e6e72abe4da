"""`plie.py bench`: the benchmark cases of tests/benchmarks on generated data.

1. the installation case, outside Odoo: the addons' dependencies alone, then
   with the addons, each in a fresh database;
2. a fresh database with the addons and no demo data (PLIE_BENCH_DB);
3. the data set at a tenth of the scale, and the cases that compare volumes
   measure it (phase `small`);
4. the data set at the scale added beside it, and every case measures it
   (phase `large`);
5. the targets are checked (query counts and equal results always, times at
   scale 1 and above) and the table is printed and written to a file.
"""

import ast
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ADDONS, REPO, say
from datasets import fresh_database, generate, install, run_in_shell
from postgres import drop_database, ensure_postgres

BENCHMARKS = REPO / "tests" / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))
import report  # noqa: E402 (tests/benchmarks is not a package)

INSTALL_CASE = "7"


def run_phase(pg, database, phase, args, output):
    run_in_shell(
        pg,
        database,
        BENCHMARKS / "run_phase.py",
        {
            "PLIE_BENCH_DIR": str(BENCHMARKS),
            "PLIE_BENCH_PHASE": phase,
            "PLIE_BENCH_SCALE": str(args.scale),
            "PLIE_BENCH_REPEAT": str(args.repeat),
            "PLIE_BENCH_WARMUP": str(args.warmup),
            "PLIE_BENCH_CASES": ",".join(args.cases),
            "PLIE_BENCH_OUTPUT": str(output),
        },
        f"The benchmark phase {phase!r} failed.",
    )
    return json.loads(output.read_text())


def vacuum(pg, database):
    """Vacuum and analyse the generated data, as autovacuum does on a
    production server: the planner then knows the volumes, and the rows
    the generator rewrote (stored computed fields) are not dead weight."""
    with pg.cursor(database, autocommit=True) as cursor:
        cursor.execute("VACUUM ANALYZE")


def dependencies():
    """The modules our addons depend on that are not ours."""
    depends = set()
    for addon in ADDONS:
        manifest = ast.literal_eval((REPO / addon / "__manifest__.py").read_text())
        depends.update(manifest.get("depends", ()))
    return sorted(depends - set(ADDONS))


def timed_install(pg, database, modules):
    start = time.perf_counter()
    install(pg, database, modules)
    return time.perf_counter() - start


def install_database(database):
    """The scratch database of the installation case, beside `database`."""
    return f"{database}_install"


def install_case(pg, database, args):
    """Case 7: installing the addons, against installing their dependencies."""
    database = install_database(database)
    variants = {
        "dependencies": dependencies(),
        "addons": [*dependencies(), *ADDONS],
    }
    # Alternated, so that a slower moment of the machine weighs on both.
    timings = {variant: [] for variant in variants}
    for run in range(args.repeat):
        for variant, modules in variants.items():
            say(f"Case {INSTALL_CASE}: installing {variant} ({run + 1}/{args.repeat})")
            timings[variant].append(timed_install(pg, database, modules))
    measurements = [
        {
            "case": INSTALL_CASE,
            "title": "Installing the addons (vs. their dependencies alone)",
            "variant": variant,
            "phase": "large",
            "seconds": statistics.median(values),
            "queries": 0,
            "runs": args.repeat,
        }
        for variant, values in timings.items()
    ]
    drop_database(pg, database)
    target = {"kind": "time", "left": "addons", "right": "dependencies", "factor": 1.3}
    return {
        "measurements": measurements,
        "problems": [],
        "targets": {INSTALL_CASE: [target]},
    }


def machine(pg, args):
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    with pg.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    odoo = subprocess.run(
        [sys.executable, "-c", "import odoo.release; print(odoo.release.version)"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return {
        "CPU": f"{os.cpu_count()} cores, {cpu}",
        "Memory": f"{memory:.0f} GiB",
        "Software": f"Odoo {odoo}, PostgreSQL {postgres}, "
        f"Python {platform.python_version()}",
        "Data": f"scale {args.scale} (seed {args.seed}) beside scale "
        f"{args.scale / 10:g}; {args.repeat} runs per variant after "
        f"{args.warmup} warm-up run(s); median wall time",
    }


def cmd_bench(args):
    pg = ensure_postgres()
    database = os.environ.get("PLIE_BENCH_DB", "plie_bench")
    parts = []
    # The installation case first: it needs no data set, and measures Odoo
    # installing modules on a server that holds no large database yet.
    if not args.cases or INSTALL_CASE in args.cases:
        parts.append(install_case(pg, database, args))
    if set(args.cases) != {INSTALL_CASE}:
        if not args.reuse:
            fresh_database(pg, database)
        with tempfile.TemporaryDirectory() as folder:
            for phase, scale in (("small", args.scale / 10), ("large", args.scale)):
                if not args.reuse:
                    generate(pg, database, scale, args.seed)
                    vacuum(pg, database)
                output = Path(folder) / f"{phase}.json"
                parts.append(run_phase(pg, database, phase, args, output))
    # The raw results beside the table: measuring some cases again keeps the
    # others' (--cases).
    raw = Path(args.results).with_suffix(".json")
    if args.cases and raw.exists():
        parts.insert(0, report.without(json.loads(raw.read_text()), args.cases))
    results = report.merge(parts)
    raw.write_text(json.dumps(results, indent=1) + "\n")
    rows = report.evaluate(results, timed=args.scale >= 1)
    text = report.markdown(results, rows, machine(pg, args))
    Path(args.results).write_text(text)
    print(text)
    problems = report.failed(rows, results["problems"])
    if problems:
        say(f"{len(problems)} benchmark target(s) failed or missed")
        return 1
    return 0


def add_parser(commands):
    bench = commands.add_parser(
        "bench", help="benchmarks on generated data (tests/benchmarks)"
    )
    bench.add_argument("--scale", type=float, default=1.0)
    bench.add_argument("--seed", type=int, default=1)
    bench.add_argument("--repeat", type=int, default=3, help="runs per variant")
    bench.add_argument("--warmup", type=int, default=1, help="runs not measured")
    bench.add_argument(
        "--cases", type=lambda text: text.split(","), default=[], help="e.g. 1,3,8"
    )
    bench.add_argument(
        "--reuse",
        action="store_true",
        help="measure the data sets already in PLIE_BENCH_DB (the small one is "
        "then measured beside the large one)",
    )
    bench.add_argument(
        "--results",
        default=str(BENCHMARKS / "results.md"),
        help="the Markdown file written (default tests/benchmarks/results.md)",
    )
    bench.set_defaults(handler=cmd_bench)
