"""`make bench`: what the fact pipeline costs over plain Material, and against mkdocs-macros.

Generates synthetic projects (see synth.py) in a temporary folder, times clean `mkdocs build`s of
the three variants in paired, interleaved rounds, times loading + validating the facts alone, measures
the preview's reaction to an edit, audits the built site on a simulated phone with Lighthouse against
plain Material (phones.py), and writes everything to benchmarks/RESULTS.md with the load during the run
and the age of the code it measured (context.py).

Ratios are medians of per-round ratios (each round builds every variant once, in rotating order),
which cancels most of the noise of a shared machine. CPU time (user + system of the build process)
is reported beside wall time: other processes on the machine inflate wall time, not CPU time.

    python benchmarks/bench.py            # full run (the report says how long it took)
    python benchmarks/bench.py --quick    # small sizes, one round, three pages on the phone: a smoke test
    python benchmarks/bench.py --perf     # issue 19's figures only, 3 rounds each, into benchmarks/PERF.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import context  # noqa: E402 - sibling modules, once benchmarks/ is on the path
import overhead  # noqa: E402 - issue 19's overhead on this site (benchmarks/overhead.py)
import phones  # noqa: E402
import preview as preview_latency  # noqa: E402 - issue 13's preview latencies (benchmarks/preview.py)
import synth  # noqa: E402

BIN = Path(sys.executable).parent
MKDOCS = BIN / "mkdocs"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PORTS = (8400, 8401)
"""Ports for the preview servers (this benchmark's range is 8400-8499)."""


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float


@dataclass
class Config:
    facts: int
    pages: int
    rounds: int
    runs: dict[str, list[Run]] = field(default_factory=dict)


@dataclass
class Plan:
    configs: list[tuple[int, int, int]]
    """(facts, pages, rounds) per configuration."""
    load_facts: int
    load_rounds: int
    preview: tuple[int, int]
    edits: int
    lighthouse_rounds: int
    lighthouse_pages: tuple[str, ...] | None = None
    """Our pages Lighthouse audits (None: every page); plain's Deployment page is always audited."""
    overhead_rounds: int = 7
    """Rounds of overhead.py: this site's build against its page bodies typed in."""
    latency_sizes: tuple[tuple[int, int], ...] = ((1000, 50), (1000, 500))
    latency_edits: int = 3
    scale: str = ""
    """What this plan leaves out of the full run, said in the report (empty: the full run)."""


FULL = Plan(
    configs=[(1000, 5, 7), (1000, 50, 7), (1000, 500, 3), (100, 50, 7), (10000, 50, 5)],
    load_facts=10000, load_rounds=5, preview=(1000, 50), edits=5, lighthouse_rounds=3,
)
QUICK = Plan(configs=[(100, 5, 2), (200, 10, 2)], load_facts=1000, load_rounds=2, preview=(100, 5), edits=2,
             lighthouse_rounds=1, lighthouse_pages=("/", "/deployment/", "/facts/"), overhead_rounds=1,
             latency_sizes=((100, 20),), latency_edits=2, scale="`--quick`: a smoke test at small sizes, one round")
PERF = Plan(configs=[(1000, 50, 3), (10000, 50, 3)], load_facts=1000, load_rounds=2, preview=(1000, 50), edits=2,
            lighthouse_rounds=3, overhead_rounds=3, latency_sizes=((1000, 500),), latency_edits=3,
            scale="`--perf`: issue 19's figures only, 3 rounds each (the full run: `make bench`, 5-7 rounds)")
"""Issue 19's figures in a fraction of the full run's time: every page on the phone, the hooks' overhead,
the preview at 500 pages and cold builds at 10,000 facts."""
LABELS = ("plain", "ours-cold", "ours-warm", "macros", "typed-html")
"""typed-html: plain with our rendered HTML typed in (information only: the cost of the markup itself)."""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build(project: Path) -> Run:
    """One clean `mkdocs build` of a project: wall time, and CPU and peak memory of that process alone."""
    with open(project / "build.log", "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen([str(MKDOCS), "build", "-q"], cwd=project, stdout=out, stderr=out, env=ENV)
        # wait4 gives this child's own resource usage (getrusage(RUSAGE_CHILDREN) only has the maximum so far).
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        tail = (project / "build.log").read_text(errors="replace")[-2000:]
        raise SystemExit(f"build failed in {project}:\n{tail}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


DATA_CACHES = (Path(".cache/explainer"), Path(".cache/explainer-exports"))
"""What a cold build has never seen: everything derived from the data. The social card, drawn once per
site name and description (about 0.1 s, data-independent), stays in .cache/ like any first build leaves it."""


def forget_data(project: Path) -> None:
    for folder in DATA_CACHES:
        shutil.rmtree(project / folder, ignore_errors=True)


def time_builds(root: Path, config: Config) -> None:
    data = synth.make_data(config.facts)
    projects = {}
    for variant in synth.VARIANTS:
        projects[variant] = synth.write_variant(variant, root / f"F{config.facts}-P{config.pages}" / variant,
                                                config.facts, config.pages, data)
        build(projects[variant])  # untimed: compiles bytecode, fills the OS cache, primes our cache
    projects["typed"] = synth.write_typed_html(projects["ours"], root / f"F{config.facts}-P{config.pages}" / "typed")
    build(projects["typed"])
    config.runs = {label: [] for label in LABELS}
    for round_ in range(config.rounds):
        order = LABELS[round_ % len(LABELS):] + LABELS[:round_ % len(LABELS)]
        for label in order:
            variant, _, state = label.partition("-")
            if state == "cold":
                forget_data(projects[variant])
            elif state == "warm" and not (projects[variant] / DATA_CACHES[0]).exists():
                build(projects[variant])  # the cold build came after it last round: prime the cache again
            config.runs[label].append(build(projects[variant]))
    log(f"  F={config.facts} P={config.pages}: " + ", ".join(
        f"{label} {statistics.median(r.wall for r in runs):.2f}s" for label, runs in config.runs.items()))


def paired(config: Config, top: str, bottom: str, measure: str = "wall") -> float:
    """Median over rounds of top/bottom, each round's builds compared with each other."""
    return statistics.median(getattr(a, measure) / getattr(b, measure)
                             for a, b in zip(config.runs[top], config.runs[bottom], strict=True))


def median(config: Config, label: str, measure: str) -> float:
    return statistics.median(getattr(r, measure) for r in config.runs[label])


# --- loading and validating alone -----------------------------------------------------------------

LOAD_SCRIPT = textwrap.dedent(
    """
    import shutil, sys, time
    from pathlib import Path
    import mkdocs.commands.build, mkdocs.config.defaults  # what MkDocs has imported when our hook runs
    import yaml
    root, mode = Path(sys.argv[1]), sys.argv[2]
    sys.path.insert(0, str(root / "hooks"))
    if mode == "cold":
        shutil.rmtree(root / ".cache", ignore_errors=True)
    if mode == "cold-imported":
        shutil.rmtree(root / ".cache", ignore_errors=True)
        import mkdocs_explainer.data.validate
    if mode == "one-edited":
        path = root / "data" / "facts-000.yml"
        text = path.read_text()
        # The figure and its source's words together: the evidence check refuses one without the other.
        old, new = ("100", "101") if "value: 100\\n" in text else ("101", "100")
        text = text.replace(f"value: {old}\\n", f"value: {new}\\n", 1)
        path.write_text(text.replace(f"said {old} troops", f"said {new} troops", 1))
    start = time.process_time()
    if mode == "bare":
        for path in sorted((root / "data").glob("*.yml")):
            yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    else:
        from mkdocs_explainer.data.catalog import build_catalog
        build_catalog(root / "data", root)
    print(time.process_time() - start, "pydantic" in sys.modules)
    """
)
LOAD_MODES = ("bare", "cold", "cold-imported", "warm", "one-edited")

FLOOR_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import mkdocs.commands.build, mkdocs.config.defaults  # what MkDocs has imported when our hook runs
    import yaml
    root = Path(sys.argv[1])
    start = time.process_time()
    for path in sorted((root / "data").glob("*.yml")):
        yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    compose = time.process_time() - start
    start = time.process_time()
    import pydantic.main  # Babel: MkDocs has imported it already
    print(compose, time.process_time() - start)
    """
)
"""The least any cold build of our data must do: libyaml's parse into nodes (the cheapest of PyYAML's APIs
that keeps each value's line; `yaml.load` costs more) and importing pydantic, which the checks are written in."""


@dataclass
class Floor:
    compose: float
    imports: float


def time_floor(project: Path, rounds: int) -> Floor:
    """Median CPU seconds of the floor, each round in a fresh process."""
    runs = [subprocess.run([sys.executable, "-c", FLOOR_SCRIPT, str(project)], check=True, capture_output=True,
                           text=True).stdout.split() for _ in range(rounds)]
    return Floor(statistics.median(float(run[0]) for run in runs), statistics.median(float(run[1]) for run in runs))


def time_loading(root: Path, facts: int, rounds: int) -> dict[str, list[float]]:
    project = root / f"F{facts}-P50" / "ours"
    if not project.exists():
        synth.write_variant("ours", project, facts, 50)
    subprocess.run([sys.executable, "-c", LOAD_SCRIPT, str(project), "warm"], check=True, capture_output=True)
    times: dict[str, list[float]] = {mode: [] for mode in LOAD_MODES}
    for _ in range(rounds):
        for mode in LOAD_MODES:
            out = subprocess.run([sys.executable, "-c", LOAD_SCRIPT, str(project), mode], check=True,
                                 capture_output=True, text=True).stdout.split()
            times[mode].append(float(out[0]))
            if mode == "warm" and out[1] != "False":
                raise SystemExit("a warm load imported pydantic")
    return times


# --- the preview ------------------------------------------------------------------------------------

class Server:
    """`mkdocs serve --livereload` on a port, in its own process group (so it can be stopped with its children)."""

    def __init__(self, project: Path, port: int) -> None:
        self.project, self.url = project, f"http://127.0.0.1:{port}/"
        self.log = open(project / "serve.log", "wb")  # noqa: SIM115 - open for the server's lifetime
        self.process = subprocess.Popen(
            [str(MKDOCS), "serve", "--livereload", "-a", f"127.0.0.1:{port}"], cwd=project, env=ENV,
            stdout=self.log, stderr=self.log, start_new_session=True,
        )

    def get(self, path: str = "", timeout: float = 90) -> str:
        with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
            return response.read().decode()

    def wait_ready(self, deadline: float = 180) -> None:
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            if self.process.poll() is not None:
                raise SystemExit(f"mkdocs serve exited: {(self.project / 'serve.log').read_text()[-2000:]}")
            try:
                self.get()
                return
            except OSError:
                time.sleep(0.2)
        raise SystemExit(f"mkdocs serve did not start in {deadline} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()

    def time_edit(self, edit: Callable[[], None], shows: str) -> float:
        """Seconds from saving an edit until the page, reloaded the way the browser does, shows `shows`.

        The served page carries `livereload(epoch, request_id)`: the browser long-polls
        /livereload/<epoch>/<id>, which answers once a newer build is complete, then reloads the page.
        """
        page = self.get()
        epoch, request = re.search(r"livereload\((\d+), (\d+)\)", page).groups()  # type: ignore[union-attr]
        answers: list[str] = []

        def poll(known: str) -> threading.Thread:
            poller = threading.Thread(target=lambda: answers.append(self.get(f"livereload/{known}/{request}")))
            poller.start()
            return poller

        poller = poll(epoch)
        time.sleep(0.3)  # the poll is waiting before the file changes, as in an open browser tab
        start = time.perf_counter()
        edit()
        while True:
            poller.join(120)
            if not answers:
                raise SystemExit("the preview never reloaded")
            if time.perf_counter() - start > 120:  # rebuilt again and again without the edit: a refused edit
                raise SystemExit(f"the preview never showed {shows!r}: see the page at {self.url}")
            if shows in self.get():
                return time.perf_counter() - start
            poller = poll(answers.pop())  # a build that did not include the edit yet: wait for the next one


def save(path: Path, text: str) -> None:
    """Save the way many editors do: write a new file, then rename it over the old one."""
    temporary = path.with_name(f".{path.name}.saving")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def time_preview(root: Path, facts: int, pages: int, edits: int) -> dict[str, list[float]]:
    data = synth.make_data(facts)
    ours = synth.write_variant("ours", root / "preview" / "ours", facts, pages, data)
    plain = synth.write_variant("plain", root / "preview" / "plain", facts, pages, data)
    fact = data.facts["fact-00000"]  # shown on the home page, as "<value> troops"
    shown = synth.fmt.format_value(fact)
    yaml_file, page_file = ours / "data" / "facts-000.yml", plain / "docs" / "index.md"
    servers = {"yaml": Server(ours, PORTS[0]), "markdown": Server(plain, PORTS[1])}
    times: dict[str, list[float]] = {"yaml": [], "markdown": []}
    try:
        for server in servers.values():
            server.wait_ready()
        old = {"yaml": f"value: {fact['value']}\n", "markdown": f"**{shown}**"}
        current = fact  # the fact as the data file holds it now
        for n in range(edits):
            new_value = 900_001 + n
            new_shown = synth.fmt.format_value({**fact, "value": new_value})
            for kind in (("yaml", "markdown") if n % 2 == 0 else ("markdown", "yaml")):
                time.sleep(1.0)  # let both servers settle
                path = yaml_file if kind == "yaml" else page_file
                new = f"value: {new_value}\n" if kind == "yaml" else f"**{new_shown}**"
                text = path.read_text(encoding="utf-8")
                assert old[kind] in text, (kind, old[kind])
                edited = text.replace(old[kind], new, 1)
                if kind == "yaml":  # the source's words change with the figure, or the build refuses it
                    said, current = synth._excerpt(current), {**current, "value": new_value}
                    assert said in edited, said
                    edited = edited.replace(said, synth._excerpt(current), 1)
                times[kind].append(servers[kind].time_edit(lambda p=path, t=edited: save(p, t), new_shown))
                old[kind] = new
    finally:
        for server in servers.values():
            server.stop()
    return times


# --- profiles -----------------------------------------------------------------------------------------

PROFILE_SCRIPT = textwrap.dedent(
    """
    import cProfile, io, pstats, shutil, sys, time
    from pathlib import Path
    import yaml
    root, mode = Path(sys.argv[1]), sys.argv[2]
    sys.path.insert(0, str(root / "hooks"))
    if mode == "cold":
        shutil.rmtree(root / ".cache", ignore_errors=True)
    from mkdocs_explainer.data.catalog import build_catalog
    profile = cProfile.Profile(time.process_time)
    profile.runcall(build_catalog, root / "data", root)
    out = io.StringIO()
    pstats.Stats(profile, stream=out).strip_dirs().sort_stats("tottime").print_stats(12)
    print(out.getvalue())
    """
)


def profile_loading(root: Path, facts: int) -> dict[str, str]:
    project = root / f"F{facts}-P50" / "ours"
    texts = {}
    for mode in ("cold", "warm"):
        out = subprocess.run([sys.executable, "-c", PROFILE_SCRIPT, str(project), mode], check=True,
                             capture_output=True, text=True).stdout
        texts[mode] = "\n".join(line for line in out.splitlines()[3:] if line.strip())
    return texts


PROFILE_BUILD = textwrap.dedent(
    """
    import cProfile, io, pstats, runpy, sys, time
    mkdocs = sys.argv[1]
    sys.argv = [mkdocs, "build", "-q"]
    profile = cProfile.Profile(time.process_time)
    try:
        profile.runcall(runpy.run_path, mkdocs, run_name="__main__")
    except SystemExit:
        pass
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).sort_stats("cumulative")
    stats.print_stats(r"explainer|hooks/facts.py|mkdocs/commands/build.py", 16)
    print(out.getvalue())
    """
)


def profile_hook(root: Path, facts: int, pages: int) -> str:
    """Where a warm build of ours spends CPU time in our code, by cumulative time."""
    project = root / f"F{facts}-P{pages}" / "ours"
    out = subprocess.run([sys.executable, "-c", PROFILE_BUILD, str(MKDOCS)], cwd=project, env=ENV, check=True,
                         capture_output=True, text=True).stdout
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if "ncalls" in line)
    return "\n".join(line.replace(str(project), "…").replace(str(BIN.parent), "….venv") for line in lines[start:]
                     if line.strip())


# --- report -------------------------------------------------------------------------------------------

def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


BUILD_GOALS = [((1000, 50), "warm", 1.05), ((1000, 50), "cold", 1.35), ((10000, 50), "warm", 1.10),
               ((10000, 50), "cold", 2.5)]
"""Issue 6's ratios of ours to plain Material: (F, P), build state, the highest acceptable ratio."""
COLD_GOAL_19 = ((10000, 50), 2.0)
"""Issue 19: a cold build at 10,000 facts costs at most 2.0× plain Material's."""


def issue19_goals(configs: list[Config], overhead_result: overhead.Overhead | None,
                  latency: list[preview_latency.Size], floor: Floor | None = None) -> list[str]:
    """The three build figures of issue 19, each met or missed (or why it was not measured)."""
    goals = [overhead.goal_line(overhead_result) if overhead_result and overhead_result.ratios
             else "- build: hooks' overhead on this site: not measured"]
    big = max(latency, key=lambda size: size.pages, default=None)
    if big is not None and big.pages >= 500:
        for kind, words in (("yaml", "a fact edit (YAML)"), ("markdown", "a Markdown edit")):
            seconds = big.median(preview_latency.FAST, kind)
            goals.append(f"- preview: {words} shown at P={big.pages} ≤ 1.0 s (`make serve`): {seconds:.2f} s "
                         f"(server CPU {big.median_cpu(preview_latency.FAST, kind):.2f} s): {verdict(seconds <= 1.0)}")
    else:
        goals.append("- preview at 500 pages: not measured in this run")
    (facts, pages), limit = COLD_GOAL_19
    config = next((c for c in configs if (c.facts, c.pages) == (facts, pages)), None)
    if config is not None:
        cpu = paired(config, "ours-cold", "plain", "cpu")
        goals.append(f"- cold build at F={facts:,} (P={pages}) ≤ {limit}× plain Material: {cpu:.2f}× CPU "
                     f"({paired(config, 'ours-cold', 'plain'):.2f}× wall, median of {config.rounds}): {verdict(cpu <= limit)}")
        if floor is not None:
            allowed = (limit - 1) * median(config, "plain", "cpu")
            least = floor.compose + floor.imports
            goals.append(f"  - what it leaves: {allowed:.2f} s of CPU above plain's {median(config, 'plain', 'cpu'):.2f} s. "
                         f"Parsing the {facts:,} facts into YAML nodes alone (libyaml, the cheapest PyYAML reading that "
                         f"keeps lines) takes {floor.compose:.2f} s and importing pydantic {floor.imports:.2f} s: "
                         f"{least:.2f} s, {least / allowed:.0%} of it, before any check, evidence match, page or export")
    else:
        goals.append(f"- cold build at F={facts:,}: not measured in this run")
    return goals


def report(plan: Plan, configs: list[Config], loading: dict[str, list[float]], preview: dict[str, list[float]],
           profiles: dict[str, str], hook_profile: str, started: float, quick: bool,
           load: context.LoadSampler, phone_figures: phones.Phones, issue19: list[str] | None = None) -> str:
    run_at = dt.datetime.now(dt.UTC)
    lines = [
        "# Benchmark results", "",
        f"Written by `make bench{' BENCH_ARGS=--quick' if quick else ' BENCH_ARGS=--perf' if plan is PERF else ''}` "
        f"(benchmarks/bench.py) on "
        f"{run_at:%Y-%m-%d %H:%M} UTC in {(time.monotonic() - started) / 60:.1f} minutes. "
        "Synthetic projects: F facts in data files of "
        f"{synth.FACTS_PER_FILE}, P pages of about 1 KB of prose with {synth.REFS_PER_PAGE} fact references each.",
        "", "## Machine", "", *[f"- {line}" for line in context.machine()], f"- {load.summary()}",
        "", "## Code measured", "", *context.code_age(run_at),
        "", "## Versions", "", context.versions(), "",
        "## Clean `mkdocs build`", "",
        "Median seconds (wall) per variant; ratios are medians of per-round ratios, wall time first and CPU time "
        "in brackets. *cold*: our data caches (checked files, exports) deleted before the build, "
        "the data-independent social card kept; *warm*: data unchanged since the last build. "
        "Plain and macros have no cache, so their one figure serves both columns.", "",
        "| F | P | rounds | plain | ours cold | ours warm | macros | ours/plain cold | ours/plain warm "
        "| ours/macros cold | ours/macros warm | peak MB plain / ours / macros | typed HTML | ours warm / typed HTML |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for c in configs:
        def r(top: str, bottom: str, c: Config = c) -> str:
            return f"{paired(c, top, bottom):.2f} ({paired(c, top, bottom, 'cpu'):.2f})"
        lines.append(
            f"| {c.facts:,} | {c.pages} | {c.rounds} | {median(c, 'plain', 'wall'):.2f} | {median(c, 'ours-cold', 'wall'):.2f} "
            f"| {median(c, 'ours-warm', 'wall'):.2f} | {median(c, 'macros', 'wall'):.2f} "
            f"| {r('ours-cold', 'plain')} | {r('ours-warm', 'plain')} | {r('ours-cold', 'macros')} "
            f"| {r('ours-warm', 'macros')} | {median(c, 'plain', 'rss_mb'):.0f} / {median(c, 'ours-cold', 'rss_mb'):.0f} "
            f"/ {median(c, 'macros', 'rss_mb'):.0f} | {median(c, 'typed-html', 'wall'):.2f} | {r('ours-warm', 'typed-html')} |"
        )
    lines += ["", "*typed HTML*: the plain variant with the HTML our hook renders typed into the Markdown. It shows how "
              "much of our cost is the richer markup itself (status and source tooltips, classes) passing through "
              "Markdown, the search indexer and the disk, rather than the pipeline that produces it."]
    lines += ["", "Added cost of ours over plain (median seconds, CPU), to check that it grows at most linearly:", ""]
    for c in configs:
        cold = median(c, "ours-cold", "cpu") - median(c, "plain", "cpu")
        warm = median(c, "ours-warm", "cpu") - median(c, "plain", "cpu")
        lines.append(f"- F={c.facts:,}, P={c.pages}: cold +{cold:.2f} s, warm +{warm:.2f} s")

    med = {mode: statistics.median(values) for mode, values in loading.items()}
    lines += [
        "", f"## Loading and validating {plan.load_facts:,} facts alone", "",
        f"CPU seconds in a fresh process (median of {plan.load_rounds}), after importing what MkDocs has imported when "
        "our hook runs (PyYAML, json, hashlib…).", "",
        "| what | seconds | vs bare C parse |", "|---|---:|---:|",
        f"| bare parse: `yaml.load(..., CSafeLoader)` of every file, nothing checked | {med['bare']:.3f} | 1.00 |",
        f"| ours, cold: parse, lines, checks, pydantic (import included), cache write | {med['cold']:.3f} "
        f"| {med['cold'] / med['bare']:.2f} |",
        f"| ours, cold, pydantic and schema already imported | {med['cold-imported']:.3f} "
        f"| {med['cold-imported'] / med['bare']:.2f} |",
        f"| ours, warm: every file from the cache | {med['warm']:.3f} | {med['warm'] / med['bare']:.2f} |",
        f"| ours, one file of {synth.FACTS_PER_FILE} facts edited | {med['one-edited']:.3f} "
        f"| {med['one-edited'] / med['bare']:.2f} |",
    ]
    ratio = [y / m for y, m in zip(preview["yaml"], preview["markdown"], strict=True)]
    lines += [
        "", "## Preview", "",
        f"`mkdocs serve --livereload`, F={plan.preview[0]:,}, P={plan.preview[1]}: seconds from saving a file (new "
        "file renamed over the old one) until the home page, reloaded the way the browser's livereload script does, "
        "shows the new value. Edits alternate between the two servers.", "",
        "| edit | median s | each edit (s) |", "|---|---:|---|",
        f"| YAML value (ours) | {statistics.median(preview['yaml']):.2f} | {', '.join(f'{t:.2f}' for t in preview['yaml'])} |",
        f"| Markdown text (plain) | {statistics.median(preview['markdown']):.2f} "
        f"| {', '.join(f'{t:.2f}' for t in preview['markdown'])} |",
        f"| ratio YAML/Markdown (median of pairs) | {statistics.median(ratio):.2f} | |",
    ]
    by_size = {(c.facts, c.pages): c for c in configs}
    goals = []
    for (facts, pages), state, limit in BUILD_GOALS:
        if (config := by_size.get((facts, pages))) is not None:
            cpu = paired(config, f"ours-{state}", "plain", "cpu")
            goals.append(f"- {state} ours/plain ≤ {limit} at F={facts:,} (P={pages}): "
                         f"{paired(config, f'ours-{state}', 'plain'):.2f} wall, {cpu:.2f} CPU: {verdict(cpu <= limit)}")
    worst = max(configs, key=lambda c: paired(c, "ours-cold", "macros", "cpu"))
    worst_ratio = paired(worst, "ours-cold", "macros", "cpu")
    missed = [f"F={c.facts:,} P={c.pages} ({paired(c, 'ours-cold', 'macros', 'cpu'):.2f} cold, floor plain/macros "
              f"{paired(c, 'plain', 'macros', 'cpu'):.2f})" for c in configs if paired(c, "ours-cold", "macros", "cpu") > 0.5]
    goals += [
        f"- ours/macros ≤ 0.5 everywhere: worst {worst_ratio:.2f} cold CPU at F={worst.facts:,} P={worst.pages}: "
        f"{verdict(worst_ratio <= 0.5)}" + (f"; above 0.5 at {', '.join(missed)}" if missed else ""),
        f"- load + validate cold within 1.1× of the bare C parse: {med['cold'] / med['bare']:.2f}× with pydantic's "
        f"import, {med['cold-imported'] / med['bare']:.2f}× without: {verdict(med['cold'] / med['bare'] <= 1.1)}",
        f"- load + validate warm ≤ 0.1 s: {med['warm']:.3f} s: {verdict(med['warm'] <= 0.1)}",
        f"- preview: YAML edit no slower than a Markdown edit: ratio {statistics.median(ratio):.2f}: "
        f"{verdict(statistics.median(ratio) <= 1.0)}",
    ]
    phone_lines, phone_goals = phones.report(phone_figures)
    lines += phone_lines
    lines += ["", "## Goals (issues 6 and 13)", "",
              "Judged on CPU-time ratios where both are shown: wall time also counts waiting for a core, which "
              "grows with the load (see Machine).", "", *goals]
    lines += ["", "## Goals (issue 19): phones and the build's own cost", "", f"- {load.summary()}",
              *phone_goals, *(issue19 or [])]
    lines += ["", "## What this run shows", "",
              "Generated from this run's figures (per-round ratios, CPU time), so they cannot disagree with the tables.", "",
              *conclusions(configs, preview)]
    lines += ["", "## Profiles", "", "cProfile with CPU time; the profiler's own cost inflates every figure "
              "(mostly per Python call), so read them as shares.", "",
              f"Loading {plan.load_facts:,} facts, cold (by own time):", "", "```",
              profiles["cold"], "```", "", "Warm:", "", "```", profiles["warm"], "```", "",
              f"A warm `mkdocs build` of ours at F={plan.preview[0]:,}, P={plan.preview[1]}, our code by cumulative time:",
              "", "```", hook_profile, "```"]
    notes = HERE / "NOTES.md"
    if notes.exists():
        lines += ["", notes.read_text(encoding="utf-8").strip()]
    return "\n".join(lines) + "\n"


def compare(ratio: float) -> str:
    """A ratio of ours to another in words; within 2 % counts as the same (closer than rounds agree)."""
    if abs(ratio - 1) <= 0.02:
        return "the same as"
    return f"{abs(ratio - 1) * 100:.0f} % {'above' if ratio > 1 else 'below'}"


def conclusions(configs: list[Config], preview: dict[str, list[float]]) -> list[str]:
    lines = []
    for c in configs:
        for state in ("warm", "cold"):
            rounds = [a.cpu / b.cpu for a, b in zip(c.runs[f"ours-{state}"], c.runs["plain"], strict=True)]
            ratio = statistics.median(rounds)
            lines.append(f"- F={c.facts:,}, P={c.pages}, {state}: ours took {ratio:.2f}× plain's CPU time ({compare(ratio)} "
                         f"plain); the {len(rounds)} rounds ranged {min(rounds):.2f}–{max(rounds):.2f}.")
    pairs = [y / m for y, m in zip(preview["yaml"], preview["markdown"], strict=True)]
    ratio = statistics.median(pairs)
    lines.append(f"- Preview: a YAML edit (ours) took {ratio:.2f}× a Markdown edit (plain), {compare(ratio)} it; the "
                 f"{len(pairs)} pairs ranged {min(pairs):.2f}–{max(pairs):.2f}.")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes and few rounds: a smoke test")
    parser.add_argument("--perf", action="store_true", help="issue 19's figures only (phones, overhead, preview at "
                        "500 pages, cold at 10,000 facts), 3 rounds each; writes benchmarks/PERF.md")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects (their path is printed)")
    args = parser.parse_args()
    plan = QUICK if args.quick else PERF if args.perf else FULL
    if args.perf and args.output == HERE / "RESULTS.md":
        args.output = HERE / "PERF.md"
    started, load = time.monotonic(), context.LoadSampler()
    root = Path(tempfile.mkdtemp(prefix="explainer-bench-"))
    try:
        configs = []
        for facts, pages, rounds in plan.configs:
            log(f"building F={facts} P={pages} ({rounds} rounds)…")
            configs.append(Config(facts, pages, rounds))
            time_builds(root, configs[-1])
        log(f"loading {plan.load_facts} facts alone…")
        loading = time_loading(root, plan.load_facts, plan.load_rounds)
        log("profiling…")
        profiles = profile_loading(root, plan.load_facts)
        preview_size = plan.preview
        if not (root / f"F{preview_size[0]}-P{preview_size[1]}" / "ours").exists():
            synth.write_variant("ours", root / f"F{preview_size[0]}-P{preview_size[1]}" / "ours", *preview_size)
        hook_profile = profile_hook(root, *preview_size)
        log(f"preview: {plan.edits} edits of each kind…")
        preview = time_preview(root, *plan.preview, plan.edits)
        log(f"phones: Lighthouse, {plan.lighthouse_rounds} round(s)…")
        phone_figures = phones.measure(root, plan.lighthouse_rounds, MKDOCS, plan.lighthouse_pages)
        latency = preview_latency.run(root, list(plan.latency_sizes), plan.latency_edits)
        big = next((c for c in configs if (c.facts, c.pages) == COLD_GOAL_19[0]), None)
        floor = time_floor(root / f"F{big.facts}-P{big.pages}" / "ours", 3) if big else None
        log(f"overhead on this site: {plan.overhead_rounds} round(s)…")
        overhead_result = overhead.measure(plan.overhead_rounds)
        load.stop()
        text = report(plan, configs, loading, preview, profiles, hook_profile, started, args.quick, load, phone_figures,
                      issue19_goals(configs, overhead_result, latency, floor))
        text += "\n" + "\n".join(preview_latency.report(latency)) + "\n"
    finally:
        if args.keep:
            log(f"projects kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    args.output.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
