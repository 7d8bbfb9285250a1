"""`make bench-evidence`: how long the evidence checks take on long excerpts, and that the time grows linearly.

An excerpt of numbers and words is doubled from 256 KB to 2 MB; each check (the figure and its hedge, a quote
with a cut, a date, numbers in Japanese) runs on it, best of three. Linear means each doubling about doubles
the time (a quadratic step would quadruple it). Writes benchmarks/EVIDENCE.md with `--write`.

    python benchmarks/evidence.py [--write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "hooks"))

from mkdocs_explainer.data.evidence import Excerpt, check_date, check_figure, check_quote  # noqa: E402

SIZES = (256_000, 512_000, 1_024_000, 2_048_000)
FILLER = "In 2023 some 1,200 of 3,400 people, about eight thousand, were counted; officials said it was not so. "
PROSE = ("The agency said on Tuesday that the talks would resume next week, and officials from both sides "
         "described the meeting as useful; about 1,200 delegates attended the opening session. ")
FILLER_JA = "2023年には約1,200人、3,400人のうち少なくとも8万人が数えられたとされるが、確認されていない。"


def excerpt(size: int, filler: str, ending: str) -> str:
    return (filler * (size // len(filler) + 1))[:size] + " " + ending


CHECKS: dict[str, Callable[[int], object]] = {
    "figure and hedge, in prose": lambda size: check_figure(
        8000, "as many as", None, [excerpt(size, PROSE, "finally as many as 8,000 soldiers were there.")]),
    "figure and hedge, numbers throughout": lambda size: check_figure(
        8000, "as many as", None, [excerpt(size, FILLER, "finally as many as 8,000 soldiers were there.")]),
    "quote with a cut": lambda size: check_quote(
        "we would … expect it", [excerpt(size, FILLER, "we would surely expect it.")]),
    "date": lambda size: check_date(dt.date(2024, 10, 31), [excerpt(size, FILLER, "on 31 October 2024.")]),
    "figure, Japanese": lambda size: check_figure(
        7000, "over", "km", [Excerpt(excerpt(size, FILLER_JA, "最高高度は約7,000kmを超えると推定される。"), "ja")]),
}


def best_of(run: Callable[[], object], rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        start = time.process_time()  # CPU time: on a shared machine, others' load inflates wall time only
        run()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write benchmarks/EVIDENCE.md")
    args = parser.parse_args()
    rows = []
    for name, check in CHECKS.items():
        times = [best_of(lambda size=size, check=check: check(size)) for size in SIZES]
        growth = " / ".join(f"{later / earlier:.1f}×" for earlier, later in itertools.pairwise(times))
        rows.append(f"| {name} | " + " | ".join(f"{t:.3f} s" for t in times) + f" | {growth} |")
        print(rows[-1], flush=True)
    head = "| check | " + " | ".join(f"{s // 1000:,} KB" for s in SIZES) + " | each doubling |"
    report = "\n".join([
        "# Evidence checks on long excerpts", "",
        f"`python benchmarks/evidence.py --write`, {dt.date.today().isoformat()}, Python {platform.python_version()} "
        f"on {platform.machine()}, load average {os.getloadavg()[0]:.1f} (a shared 2-core machine: compare the growth).", "",
        "CPU time, best of three runs of each check on an excerpt of the given size: news prose with a figure per",
        "sentence, or a number, hedge or negation every few words (the worst case: the figure wanted, as words, in",
        "every sentence); the figure, quote or date at the very end. Linear growth doubles the time with the size; the",
        "check before issue 20 was quadratic and ran for minutes at 2 MB.", "",
        head, "|" + "---|" * (len(SIZES) + 2), *rows, ""])
    if args.write:
        (HERE / "EVIDENCE.md").write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
