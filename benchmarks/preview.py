"""Preview latency: seconds from saving a file until the served page shows the change (issue 13).

Each variant runs as a real `mkdocs serve --livereload` (with or without `--dirty`) on a synthetic site
(synth.py), alone on the machine's cores, and the benchmark polls the served page over HTTP on
127.0.0.1 every 20 ms after each save. MkDocs' file watcher polls every 0.5 s (plain Material), the
explainer's preview every 0.2 s (preview.WATCH_EVERY), so every figure includes 0 to 0.5 s (or 0.2 s) of
waiting for it, as an editor's does.

- YAML edit: one fact's value in data/facts-000.yml (fact-00000: at P=500 it is shown on 5 pages);
- Markdown edit: words in a sentence of docs/index.md (not its title, which every page's navigation shows).

    python benchmarks/preview.py           # P=50 and P=500, F=1,000, 3 edits of each kind
    python benchmarks/preview.py --quick   # P=20, F=100, 2 edits: a smoke test
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import synth  # noqa: E402 - the sibling module, once benchmarks/ is on the path

MKDOCS = Path(sys.executable).parent / "mkdocs"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Variant:
    label: str
    project: str
    """synth variant: plain, ours or macros."""
    dirty: bool
    edits: tuple[str, ...]
    """Which edits apply: plain Material has no data files."""


VARIANTS = (
    Variant("ours, `--dirty` (`make serve`)", "ours", True, ("yaml", "markdown")),
    Variant("ours, plain `mkdocs serve`", "ours", False, ("yaml", "markdown")),
    Variant("plain Material, `mkdocs serve`", "plain", False, ("markdown",)),
    Variant("plain Material, `--dirty`", "plain", True, ("markdown",)),
    Variant("mkdocs-macros, `mkdocs serve`", "macros", False, ("yaml", "markdown")),
)
FAST, FULL = VARIANTS[0].label, VARIANTS[1].label
PLAIN, PLAIN_DIRTY = VARIANTS[2].label, VARIANTS[3].label


@dataclass
class Size:
    facts: int
    pages: int
    times: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    """(variant label, edit kind) → seconds per edit."""
    cpu: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    """(variant label, edit kind) → CPU seconds the server spent per edit (the machine's other load excluded)."""
    startup: dict[str, float] = field(default_factory=dict)
    """Variant label → seconds until the first build was served (a full build)."""

    def median(self, label: str, kind: str) -> float:
        return statistics.median(self.times[(label, kind)])

    def median_cpu(self, label: str, kind: str) -> float:
        return statistics.median(self.cpu[(label, kind)])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`mkdocs serve --livereload [--dirty]` in its own process group."""

    def __init__(self, project: Path, dirty: bool) -> None:
        self.project, port = project, free_port()
        self.url = f"http://127.0.0.1:{port}/"
        self.log = open(project / "serve.log", "wb")  # noqa: SIM115 - open for the server's lifetime
        command = [str(MKDOCS), "serve", "--livereload", "-a", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])]
        self.process = subprocess.Popen(command, cwd=project, env=ENV, stdout=self.log, stderr=self.log,
                                        start_new_session=True)

    def get(self, path: str = "") -> str:
        with urllib.request.urlopen(self.url + path, timeout=300) as response:
            return response.read().decode()

    def wait_ready(self, deadline: float = 600) -> float:
        start = time.perf_counter()
        while time.perf_counter() - start < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"mkdocs serve exited: {(self.project / 'serve.log').read_text()[-2000:]}")
            try:
                self.get()
                return time.perf_counter() - start
            except OSError:
                time.sleep(0.1)
        raise SystemExit(f"mkdocs serve did not start in {deadline} s")

    def cpu_seconds(self) -> float:
        """User + system time of the server process so far (Linux)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def time_until(self, save: Callable[[], None], shows: str, page: str = "") -> tuple[float, float]:
        """Seconds from `save()` until the served `page` contains `shows`, and the server's CPU seconds meanwhile."""
        cpu, start = self.cpu_seconds(), time.perf_counter()
        save()
        while time.perf_counter() - start < 300:
            try:
                if shows in self.get(page):
                    return time.perf_counter() - start, self.cpu_seconds() - cpu
            except (OSError, urllib.error.HTTPError):
                pass
            time.sleep(0.02)
        raise SystemExit(f"{self.project}: '{shows}' never appeared on /{page}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def save(path: Path, text: str) -> None:
    """Save the way many editors do: write a new file, then rename it over the old one."""
    temporary = path.with_name(f".{path.name}.saving")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def measure(root: Path, size: Size, edits: int) -> None:
    data = synth.make_data(size.facts)
    fact = data.facts["fact-00000"]  # on the home page (and pages 100, 200… when P > 100), as "<value> <unit>"
    assert isinstance(fact["value"], int), fact
    for number, variant in enumerate(VARIANTS):
        project = synth.write_variant(variant.project, root / f"preview-F{size.facts}-P{size.pages}" / str(number),
                                      size.facts, size.pages, data)
        shutil.rmtree(project / "site", ignore_errors=True)
        server = Server(project, variant.dirty)
        try:
            size.startup[variant.label] = server.wait_ready()
            old = {"yaml": f"value: {fact['value']}\n", "markdown": "the figure was"}
            current = fact  # the fact as this variant's data file holds it now
            for n in range(edits):
                for kind in variant.edits:
                    time.sleep(1.5)  # the server is idle: the last edit's builds are over
                    if kind == "yaml":
                        path = project / "data" / "facts-000.yml"
                        new_value = 900_001 + n
                        new, shows = f"value: {new_value}\n", synth.fmt.format_value({**fact, "value": new_value})
                    else:
                        path = project / "docs" / "index.md"
                        new = shows = f"the figure (edit {n}) was"
                    text = path.read_text(encoding="utf-8")
                    assert old[kind] in text, (variant.label, kind, old[kind])
                    edited = text.replace(old[kind], new, 1)
                    if kind == "yaml":  # the source's words change with the figure, or the build refuses it
                        said = synth._excerpt(current)
                        current = {**current, "value": new_value}
                        assert said in edited, (variant.label, said)
                        edited = edited.replace(said, synth._excerpt(current), 1)
                    seconds, cpu = server.time_until(lambda p=path, t=edited: save(p, t), shows)
                    size.times.setdefault((variant.label, kind), []).append(seconds)
                    size.cpu.setdefault((variant.label, kind), []).append(cpu)
                    old[kind] = new
        finally:
            server.stop()
        log(f"  P={size.pages} {variant.label}: " + ", ".join(
            f"{kind} {size.median(variant.label, kind):.2f}s" for kind in variant.edits))


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(root: Path, sizes: list[tuple[int, int]], edits: int) -> list[Size]:
    results = []
    for facts, pages in sizes:
        log(f"preview latency at F={facts} P={pages}, {edits} edits of each kind…")
        results.append(Size(facts, pages))
        measure(root, results[-1], edits)
    return results


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def report(sizes: list[Size]) -> list[str]:
    """The Markdown section for RESULTS.md: the latencies, and issue 13's preview goals met or missed."""
    lines = [
        "## Preview latency (issue 13)", "",
        "Seconds from saving a file (a new file renamed over the old one) until the served page, polled over HTTP "
        "every 20 ms, shows the change: median, then each edit. MkDocs' watcher polls every 0.5 s (plain Material; "
        "the explainer's preview makes it 0.2 s), so each figure includes 0–0.5 s (0–0.2 s) of waiting for it. "
        "In brackets: the server process's CPU seconds over the same span "
        "(median), which other load on the machine does not inflate. *start*: seconds until the first (full) "
        "build was served. YAML: one fact's value (at P=500 it is shown on 5 pages). Markdown: words in a sentence "
        "of the home page.", "",
        "| F | P | preview | YAML edit: median [CPU] (each) | Markdown edit: median [CPU] (each) | start |",
        "|---:|---:|---|---|---|---:|",
    ]
    for size in sizes:
        for variant in VARIANTS:
            cells = []
            for kind in ("yaml", "markdown"):
                times, cpu = size.times.get((variant.label, kind)), size.cpu.get((variant.label, kind))
                cells.append(f"{statistics.median(times):.2f} [{statistics.median(cpu):.2f}] "
                             f"({', '.join(f'{t:.2f}' for t in times)})" if times and cpu
                             else "n/a (no data files)" if variant.project == "plain" else "")
            lines.append(f"| {size.facts:,} | {size.pages} | {variant.label} | {cells[0]} | {cells[1]} "
                         f"| {size.startup[variant.label]:.1f} |")
    lines += ["", "Plain Material with `--dirty` and a data file would never show a YAML edit: MkDocs' dirty build "
              "rebuilds only pages whose Markdown changed.", "", "Goals:", ""]
    by_pages = {size.pages: size for size in sizes}
    if (big := by_pages.get(max(by_pages))) is not None and big.pages >= 500:
        yaml_fast, full = big.median(FAST, "yaml"), big.median(FULL, "yaml")
        markdown_fast = big.median(FAST, "markdown")
        yaml_cpu, full_cpu = big.median_cpu(FAST, "yaml"), big.median_cpu(FULL, "yaml")
        lines += [
            f"- P={big.pages}, YAML edit ≤ 1.0 s: {yaml_fast:.2f} s (server CPU {yaml_cpu:.2f} s): "
            f"{verdict(yaml_fast <= 1.0)}",
            f"- P={big.pages}, YAML edit ≤ 0.2× a full rebuild (the same edit in plain `mkdocs serve`, {full:.2f} s): "
            f"{yaml_fast / full:.2f}× (CPU {yaml_cpu / full_cpu:.2f}×): {verdict(yaml_fast / full <= 0.2)}",
            f"- P={big.pages}, Markdown edit ≤ 1.0 s: {markdown_fast:.2f} s (server CPU "
            f"{big.median_cpu(FAST, 'markdown'):.2f} s): {verdict(markdown_fast <= 1.0)}",
        ]
    if (small := by_pages.get(min(by_pages))) is not None:
        ratio = small.median(FAST, "yaml") / small.median(PLAIN, "markdown")
        ours_ratio = small.median(FAST, "yaml") / small.median(FAST, "markdown")
        lines.append(f"- P={small.pages}, YAML edit (ours, `make serve`) / Markdown edit (plain Material, "
                     f"`mkdocs serve`) ≤ 1.0: {ratio:.2f}: {verdict(ratio <= 1.0)} (ours YAML / ours Markdown: "
                     f"{ours_ratio:.2f})")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke test")
    parser.add_argument("--edits", type=int, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the generated projects (their path is printed)")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    args = parser.parse_args()
    sizes = [(100, 20)] if args.quick else [(1000, 50), (1000, 500)]
    started, load_at_start = dt.datetime.now(dt.UTC), os.getloadavg()
    root = Path(tempfile.mkdtemp(prefix="explainer-preview-bench-"))
    try:
        results = run(root, sizes, args.edits or (2 if args.quick else 3))
    finally:
        if args.keep:
            log(f"projects kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    text = "\n".join([
        "# Preview latency", "",
        f"Written by `python benchmarks/preview.py` from {started:%Y-%m-%d %H:%M} to {dt.datetime.now(dt.UTC):%H:%M} UTC; "
        "load average at start {:.2f} {:.2f} {:.2f}, at end {:.2f} {:.2f} {:.2f} on {} CPUs (other tenants "
        "included).".format(*load_at_start, *os.getloadavg(), os.cpu_count()), "", *report(results)]) + "\n"
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
