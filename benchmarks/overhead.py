"""The hooks' overhead on this site: a warm `mkdocs build` of the project against its typed-HTML twin.

The twin is plain Material with the same theme, settings and Markdown extensions less ours, without hooks
and data, each page holding, typed in, the article our build wrote for it: the same page bodies, so the ratio
is what loading the facts, scanning the pages, rendering the shortcodes and writing the exports add (the
twin lacks the head tags, exports and embeds the hooks add, which makes the ratio an upper bound of the
pipeline's own cost). Paired rounds in alternating order; CPU time of each build process.

    python benchmarks/overhead.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(HERE))
import synth  # noqa: E402 - the sibling module, once benchmarks/ is on the path

MKDOCS = Path(sys.executable).parent / "mkdocs"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PARTS = ("data", "docs", "hooks", "includes", "overrides", "mkdocs.yml")


def cpu_of_build(project: Path) -> float:
    process = subprocess.Popen([str(MKDOCS), "build", "-q"], cwd=project, env=ENV,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"build failed in {project}")
    return usage.ru_utime + usage.ru_stime


ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)
EXTENSION = "mkdocs_explainer.pages.markdown_ext"


def built_page(site: Path, page: Path) -> Path:
    """Where MkDocs writes a page (use_directory_urls): docs/a/b.md → site/a/b/index.html."""
    stem = page.with_suffix("")
    return site / (stem.parent if stem.name in ("index", "README") else stem) / "index.html"


def make_projects(root: Path) -> tuple[Path, Path]:
    """This project, and its twin: plain Material with each page's built article typed in."""
    ours = root / "ours"
    for part in PARTS:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, ours / part, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
        else:
            shutil.copy2(source, ours / part)
    cpu_of_build(ours)  # untimed: its pages, to copy the bodies from; also fills our data cache
    typed = root / "typed"
    shutil.copytree(ours, typed, ignore=shutil.ignore_patterns("hooks", "data", "site", ".cache"))
    config = yaml.load((typed / "mkdocs.yml").read_text(encoding="utf-8"), Loader=synth.ConfigLoader)
    config.pop("hooks"), config.pop("watch")
    config.get("extra", {}).pop("explainer", None)
    config["markdown_extensions"] = [e for e in config["markdown_extensions"]
                                     if not (isinstance(e, dict) and EXTENSION in e) and e != EXTENSION]
    (typed / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    for page in (typed / "docs").rglob("*.md"):
        article = ARTICLE.search(built_page(ours / "site", page.relative_to(typed / "docs")).read_text(encoding="utf-8"))
        if article is None:
            raise SystemExit(f"no article in the built page of {page}")
        page.write_text(f"<div>\n{article.group(1)}\n</div>\n", encoding="utf-8")
    return ours, typed


GOAL = 1.10
"""Issue 19: the hooks cost at most 1.10× the same page bodies typed in."""


@dataclass
class Overhead:
    """CPU seconds per round of each build, and each round's ratio ours/typed."""

    ours: list[float] = field(default_factory=list)
    typed: list[float] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)


def measure(rounds: int) -> Overhead:
    root = Path(tempfile.mkdtemp(prefix="explainer-overhead-"))
    result = Overhead()
    try:
        ours, typed = make_projects(root)
        cpu_of_build(typed)  # untimed: bytecode, OS cache
        for round_ in range(rounds):
            pair = {}
            for name in (("ours", "typed") if round_ % 2 == 0 else ("typed", "ours")):
                pair[name] = cpu_of_build(ours if name == "ours" else typed)
            result.ours.append(pair["ours"])
            result.typed.append(pair["typed"])
            result.ratios.append(pair["ours"] / pair["typed"])
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return result


def goal_line(result: Overhead) -> str:
    return (f"- build: this site's warm `mkdocs build` (hooks) / the same page bodies typed into plain Material ≤ "
            f"{GOAL:.2f}× (CPU, median of {len(result.ratios)}): {result.ratio:.2f}× (ours "
            f"{statistics.median(result.ours):.2f} s, typed {statistics.median(result.typed):.2f} s; per round "
            f"{', '.join(f'{r:.2f}' for r in result.ratios)}): {'met' if result.ratio <= GOAL else '**missed**'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    load = os.getloadavg()
    print(goal_line(measure(args.rounds)) + "; load average before {:.2f} {:.2f} {:.2f}, after {:.2f} {:.2f} {:.2f}"
          .format(*load, *os.getloadavg()))


if __name__ == "__main__":
    main()
