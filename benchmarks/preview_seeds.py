"""The random-edit preview test (tests/test_preview_dirty.py) over many seeds in a row: issue 20's "200 seeds".

Each seed is one run of the test in its own pytest process, with EXPLAINER_PREVIEW_SEED set, so a failure
names the seed that replays it. Too slow for `make test` (about a minute a seed, one seed a core); run by
`make bench-preview-seeds` (SEEDS=200 by default, FIRST=1), which writes benchmarks/PREVIEW-SEEDS.md.

    python benchmarks/preview_seeds.py --seeds 200 [--first 1] [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
TEST = "tests/test_preview_dirty.py::test_every_edit_in_the_fast_preview_serves_what_a_clean_build_would"


@dataclass(frozen=True)
class Outcome:
    seed: int
    passed: bool
    seconds: float
    tail: str
    """The end of pytest's report when the seed failed: the edits, the differences and the server's log."""


def run_seed(seed: int) -> Outcome:
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", TEST],
                            cwd=PROJECT, capture_output=True, text=True,
                            env={**os.environ, "EXPLAINER_PREVIEW_SEED": str(seed)})
    return Outcome(seed, result.returncode == 0, time.monotonic() - started,
                   "" if result.returncode == 0 else (result.stdout + result.stderr)[-4000:])


def report(outcomes: list[Outcome], wall: float, workers: int) -> str:
    failed = [o for o in outcomes if not o.passed]
    seeds = f"{outcomes[0].seed}–{outcomes[-1].seed}" if outcomes else "none"
    lines = ["# The preview test over many seeds", "",
             f"Written by `benchmarks/preview_seeds.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: "
             f"seeds {seeds}, {workers} at a time, {wall / 60:.1f} minutes; load average at the end "
             f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs.", "",
             f"- passed: {len(outcomes) - len(failed)} of {len(outcomes)}",
             f"- failed seeds: {', '.join(str(o.seed) for o in failed) or 'none'}",
             f"- seconds a seed: median {sorted(o.seconds for o in outcomes)[len(outcomes) // 2]:.0f}"
             if outcomes else "- no seed run"]
    for outcome in failed:
        lines += ["", f"## Seed {outcome.seed}", "", "```", outcome.tail.strip(), "```"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=200)
    parser.add_argument("--first", type=int, default=1)
    # One seed a core: on 2 cores, two seeds side by side took 55 s each (seeds 19-200, 2026-12-06), as one alone did.
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--output", type=Path, default=HERE / "PREVIEW-SEEDS.md")
    args = parser.parse_args()
    started = time.monotonic()
    outcomes = []
    with ThreadPoolExecutor(args.workers) as pool:
        for outcome in pool.map(run_seed, range(args.first, args.first + args.seeds)):
            outcomes.append(outcome)
            print(f"seed {outcome.seed}: {'passed' if outcome.passed else 'FAILED'} in {outcome.seconds:.0f} s", flush=True)
    text = report(outcomes, time.monotonic() - started, args.workers)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    sys.exit(1 if any(not o.passed for o in outcomes) else 0)


if __name__ == "__main__":
    main()
