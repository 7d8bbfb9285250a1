"""`make bench`, phones: Lighthouse's mobile audit (simulated slow 4G) of our built site and of plain Material.

Ours: this project built as it is, every page. Plain: Material with the same theme settings (palette,
features, no web fonts) and the same navigation, without our hooks, CSS and scripts, whose Deployment
page holds our built Deployment article typed in as HTML: the same text, the theme's own cost.
Both are served gzip-compressed from 127.0.0.1 (scripts/lighthouse_audit.py). Pages run in rounds,
ours and plain alternating, and each figure is the median of the rounds: performance scores move with
the machine's load, so the load average is recorded beside them.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT / "scripts"))
import lighthouse_audit  # noqa: E402 - scripts/ is on the path now
import synth  # noqa: E402 - a sibling module: benchmarks/ is on the path when bench.py runs

PORTS = range(8402, 8410)
"""Within this benchmark's range (8400-8499); the preview servers use 8400 and 8401."""
GOAL_PERFORMANCE, GOAL_LCP_S = 95, 2.5
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)


@dataclass
class Phones:
    """Every round's audit per (site, page), and the load average around the runs; or why they were skipped."""

    audits: dict[tuple[str, str], list[lighthouse_audit.Audit]] = field(default_factory=dict)
    load: tuple[tuple[float, float, float], tuple[float, float, float]] | None = None
    skipped: str = ""


def missing_tools() -> str:
    if shutil.which("node") is None:
        return "Node.js is not installed (apt-get install nodejs npm)"
    if not lighthouse_audit.PACKAGE.exists():
        return "Lighthouse is not in node_modules (npm ci --ignore-scripts)"
    if not lighthouse_audit.CHROMIUM.exists():
        return f"Chromium not found at {lighthouse_audit.CHROMIUM}"
    return ""


def build(project: Path, site: Path, mkdocs: Path) -> None:
    result = subprocess.run([str(mkdocs), "build", "-q", "--site-dir", str(site)], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode:
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-2000:]}")


def write_plain(ours_site: Path, dest: Path) -> Path:
    """The plain-Material project: our settings less hooks, CSS and overrides; our Deployment article typed in."""
    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=synth.ConfigLoader)
    for key in ("hooks", "watch", "extra_css", "extra_javascript", "extra", "validation"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    dest.mkdir(parents=True)
    shutil.copytree(PROJECT / "includes", dest / "includes")
    (dest / "docs").mkdir()
    article = ARTICLE.search((ours_site / "deployment" / "index.html").read_text(encoding="utf-8"))
    if article is None:
        raise SystemExit("no article in the built Deployment page")
    for source in (PROJECT / "docs").glob("*.md"):
        # The other pages only give the navigation its entries: a title each.
        title = re.search(r"^# (.+)$", source.read_text(encoding="utf-8"), re.M)
        body = article.group(1) if source.name == "deployment.md" else f"# {title.group(1) if title else source.stem}\n"
        (dest / "docs" / source.name).write_text(body, encoding="utf-8")
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return dest


def measure(root: Path, rounds: int, mkdocs: Path, only: tuple[str, ...] | None = None) -> Phones:
    if reason := missing_tools():
        return Phones(skipped=reason)
    ours = root / "phones" / "ours"
    build(PROJECT, ours, mkdocs)
    plain_project = write_plain(ours, root / "phones" / "plain-project")
    build(plain_project, root / "phones" / "plain", mkdocs)
    pages = [("ours", "/" + p.relative_to(ours).as_posix().removesuffix("index.html")) for p in sorted(ours.rglob("*.html"))]
    pages = [(site, path) for site, path in pages if only is None or path in only]
    pages.append(("plain", "/deployment/"))
    phones = Phones(audits={page: [] for page in pages})
    start = os.getloadavg()
    # Each site at the root of its own server: the 404 page's links are absolute.
    with contextlib.ExitStack() as servers:
        origins = {site: servers.enter_context(lighthouse_audit.serve(root / "phones" / site, PORTS)) for site in ("ours", "plain")}
        for round_ in range(rounds):
            order = pages if round_ % 2 == 0 else pages[::-1]
            urls = {f"{origins[site]}{path}?round={round_}": (site, path) for site, path in order}
            for url, audit in lighthouse_audit.run(list(urls), "node", timeout=3600).items():
                phones.audits[urls[url]].append(audit)
    phones.load = (start, os.getloadavg())
    return phones


def cell(values: list[float], digits: int) -> str:
    """The median, and the range when the rounds differ."""
    middle = statistics.median(values)
    low, high = min(values), max(values)
    spread = f" ({low:.{digits}f}–{high:.{digits}f})" if high > low else ""
    return f"{middle:.{digits}f}{spread}"


def report(phones: Phones) -> tuple[list[str], list[str]]:
    """The report's section, and its goal lines (met or missed)."""
    lines = ["", "## Phones: Lighthouse, mobile, simulated slow 4G", ""]
    if phones.skipped:
        return [*lines, f"Skipped: {phones.skipped}."], [f"- phones: not measured ({phones.skipped})"]
    rounds = min(len(a) for a in phones.audits.values())
    (s1, s5, s15), (e1, e5, e15) = phones.load  # type: ignore[misc]
    lines += [
        f"Median of {rounds} round(s) (range in brackets where rounds differ). Served gzip-compressed from 127.0.0.1; "
        f"Lighthouse {lighthouse_version()}, Chromium {chromium_version()}. Load average before "
        f"{s1:.2f} {s5:.2f} {s15:.2f}, after {e1:.2f} {e5:.2f} {e15:.2f}: TBT, and with it the performance score, "
        "is main-thread time under Lighthouse's 4× CPU slowdown, so it grows with the machine's load.", "",
        f"Goal per page (issue 19): performance ≥ {GOAL_PERFORMANCE}, LCP ≤ {GOAL_LCP_S} s, CLS 0, accessibility, "
        "best practices and SEO 100 (medians; the three 100s in every round).", "",
        "| site | page | performance | LCP s | TBT ms | CLS | FCP s | accessibility | best practices | SEO | goal |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for (site, path), audits in phones.audits.items():
        def score(category: str, audits: list[lighthouse_audit.Audit] = audits) -> str:
            return cell([a.scores[category] or 0 for a in audits], 0)
        lines.append(f"| {site} | {path} | {score('performance')} | {cell([a.lcp_s for a in audits], 2)} "
                     f"| {cell([a.tbt_ms for a in audits], 0)} | {cell([a.cls for a in audits], 3)} | {cell([a.fcp_s for a in audits], 2)} "
                     f"| {score('accessibility')} | {score('best-practices')} | {score('seo')} "
                     f"| {page_verdict(audits, path) if site == 'ours' else 'reference'} |")
    ours = {path: audits for (site, path), audits in phones.audits.items() if site == "ours"}
    missed = [path for path, audits in ours.items() if page_verdict(audits, path) != "met"]
    shifted = sum(statistics.median(a.cls for a in audits) > 0 for audits in ours.values())
    perf = {path: statistics.median(a.scores["performance"] or 0 for a in audits) for path, audits in ours.items()}
    lcp = {path: statistics.median(a.lcp_s for a in audits) for path, audits in ours.items()}
    perfect = {path: all(a.scores[c] == 100 for a in audits for c in asserted(path)) for path, audits in ours.items()}
    worst_perf, worst_lcp = min(perf, key=perf.__getitem__), max(lcp, key=lcp.__getitem__)
    imperfect = [path for path, ok in perfect.items() if not ok]
    goals = [
        f"- phones: every page performance ≥ {GOAL_PERFORMANCE} (median): lowest {perf[worst_perf]:.0f} on {worst_perf}: "
        f"{'met' if perf[worst_perf] >= GOAL_PERFORMANCE else '**missed**'}",
        f"- phones: every page LCP ≤ {GOAL_LCP_S} s (median): highest {lcp[worst_lcp]:.2f} s on {worst_lcp}: "
        f"{'met' if lcp[worst_lcp] <= GOAL_LCP_S else '**missed**'}",
        "- phones: accessibility, best practices and SEO 100 on every page in every round (SEO not judged on "
        "the `noindex` embeds): "
        + ("met" if not imperfect else f"**missed** on {', '.join(imperfect)}"),
        f"- phones: CLS 0 on every page (median): {'met' if shifted == 0 else '**missed**'}",
        f"- phones: pages meeting every goal: {len(ours) - len(missed)} of {len(ours)}"
        + (f"; missed on {', '.join(missed)}" if missed else ": met"),
    ]
    return lines, goals


def asserted(path: str) -> tuple[str, ...]:
    """The categories that must be 100 on a page. An embed (embed/<id>/) is `noindex` on purpose: search engines
    should find the figure on its page, not the bare copy made for iframes; Lighthouse's SEO category counts
    that as its largest failure, so an embed's SEO score is shown but not judged."""
    if path.startswith("/embed/"):
        return tuple(c for c in lighthouse_audit.ASSERTED if c != "seo")
    return lighthouse_audit.ASSERTED


def page_verdict(audits: list[lighthouse_audit.Audit], path: str = "/") -> str:
    """`met`, or `**missed**` with what missed: one page's figures against issue 19's goal."""
    misses = []
    if (perf := statistics.median(a.scores["performance"] or 0 for a in audits)) < GOAL_PERFORMANCE:
        misses.append(f"performance {perf:.0f}")
    if (lcp := statistics.median(a.lcp_s for a in audits)) > GOAL_LCP_S:
        misses.append(f"LCP {lcp:.2f} s")
    if (cls := statistics.median(a.cls for a in audits)) > 0:
        misses.append(f"CLS {cls:.3f}")
    misses += [f"{c} {a.scores[c]}" for c in asserted(path) for a in audits if a.scores[c] != 100][:3]
    return "met" if not misses else f"**missed** ({', '.join(misses)})"


def lighthouse_version() -> str:
    import json

    return json.loads(lighthouse_audit.PACKAGE.read_text())["version"]


def chromium_version() -> str:
    result = subprocess.run([str(lighthouse_audit.CHROMIUM), "--version"], capture_output=True, text=True)
    return result.stdout.split()[1] if result.stdout.split()[1:] else "unknown"
