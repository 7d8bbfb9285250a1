"""Memory and time of a cold build as the data grows (issue 20: "memory should grow no faster than the output").

For each number of facts F (50 pages), a synthetic project (synth.py, the "ours" variant) is built cold in its
own `mkdocs build` process; the figures are that process's wall time, CPU time and peak resident memory, and
the size of what it wrote (site/). Between two sizes, memory's growth is compared with the output's.

    python benchmarks/scale.py                      # F = 10,000, 20,000 and 100,000
    python benchmarks/scale.py --facts 10000 20000  # a shorter run
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import synth  # noqa: E402 - siblings, once benchmarks/ is on the path
from bench import Run, build  # noqa: E402

PAGES = 50
REPORT = HERE / "SCALE.md"


@dataclass(frozen=True)
class Size:
    facts: int
    run: Run
    output_mb: float
    files: int


def output_of(site: Path) -> tuple[float, int]:
    """Megabytes and number of files under `site`."""
    sizes = [path.stat().st_size for path in site.rglob("*") if path.is_file()]
    return sum(sizes) / 1024 / 1024, len(sizes)


def measure(root: Path, facts: int) -> Size:
    project = synth.write_variant("ours", root / f"F{facts}", facts, PAGES)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    run = build(project)
    megabytes, files = output_of(project / "site")
    shutil.rmtree(project, ignore_errors=True)
    return Size(facts, run, megabytes, files)


def report(sizes: list[Size], started: dt.datetime) -> str:
    lines = ["# Cold builds as the data grows", "",
             f"Written by `python benchmarks/scale.py` from {started:%Y-%m-%d %H:%M} to {dt.datetime.now(dt.UTC):%H:%M} UTC; "
             "load average at the end {:.2f} {:.2f} {:.2f} on {} CPUs (wall and CPU time grow with other load; peak "
             "memory does not).".format(*os.getloadavg(), os.cpu_count()), "",
             f"Each size: one cold `mkdocs build` of a synthetic project (benchmarks/synth.py, {PAGES} pages).", "",
             "| facts | wall s | CPU s | peak memory MB | output MB | files | memory MB per output MB |",
             "|---:|---:|---:|---:|---:|---:|---:|"]
    for size in sizes:
        lines.append(f"| {size.facts:,} | {size.run.wall:.1f} | {size.run.cpu:.1f} | {size.run.rss_mb:.0f} | "
                     f"{size.output_mb:.1f} | {size.files:,} | {size.run.rss_mb / size.output_mb:.2f} |")
    lines += ["", "Growth from one size to the next (goal: memory grows no faster than the output):", ""]
    for small, large in itertools.pairwise(sizes):
        memory = large.run.rss_mb / small.run.rss_mb
        output = large.output_mb / small.output_mb
        lines.append(f"- {small.facts:,} → {large.facts:,} facts: memory ×{memory:.2f}, output ×{output:.2f}: "
                     f"{'met' if memory <= output else '**missed**'}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--facts", type=int, nargs="+", default=[10_000, 20_000, 100_000])
    parser.add_argument("--output", type=Path, default=REPORT)
    args = parser.parse_args()
    started = dt.datetime.now(dt.UTC)
    root = Path(tempfile.mkdtemp(prefix="explainer-scale-"))
    sizes = []
    try:
        for facts in sorted(args.facts):
            sizes.append(measure(root, facts))
            print(f"F={facts:,}: {sizes[-1]}", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    text = report(sizes, started)
    args.output.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
