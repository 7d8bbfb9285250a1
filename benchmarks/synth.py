"""Synthetic projects for the benchmark: F facts, P pages, in three variants that show the same text.

- plain:  Material with the values typed into the Markdown (the floor);
- ours:   the project's hooks/ and mkdocs.yml settings, reading data/*.yml;
- macros: mkdocs-macros-plugin reading the same data/*.yml (`include_yaml`) with a small main.py.

All three share the project's theme settings, Markdown extensions, CSS and includes, so the
difference between them is only how the facts get into the pages.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import macros_main as fmt  # a sibling file: benchmarks/ is on sys.path
import yaml

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
VARIANTS = ("plain", "ours", "macros")
FACTS_PER_FILE = 250
"""Facts per data file: an editor's topic file (about 60 KB)."""
REFS_PER_PAGE = 10
CLAIMANTS = 20
SOURCES = 50
STATUSES = ("confirmed", "reported", "claimed", "disputed", "unverified")
QUALIFIERS = (None, "about", "at least", "more than", "up to")
UNITS = ("troops", "shells", "km", "missiles", "billion")
WORDS = ("the deployment", "officials", "the border", "a briefing", "analysts", "the region", "the ministry",
         "satellite images", "the agency", "a spokesman", "the talks", "the exercise", "the envoy", "the report")
BASE_DATE = dt.date(2024, 6, 1)


@dataclass
class Data:
    """The synthetic records (as plain values) and the YAML files that hold them."""

    claimants: dict[str, dict[str, Any]]
    sources: dict[str, dict[str, Any]]
    facts: dict[str, dict[str, Any]]
    files: dict[str, str]
    """data/<name> → YAML text."""


def make_data(fact_count: int) -> Data:
    claimants = {f"claimant-{i:02d}": {"id": f"claimant-{i:02d}", "name": f"Agency number {i}", "short": f"A{i}",
                                       "kind": "agency"} for i in range(CLAIMANTS)}
    sources = {
        f"source-{i:03d}": {"id": f"source-{i:03d}", "publisher": f"Publisher {i}", "title": f"Report {i} on the deployment",
                            "url": f"https://news{i}.example.org/2024/report-{i}", "published": BASE_DATE + dt.timedelta(days=i)}
        for i in range(SOURCES)
    }
    facts = {}
    for i in range(fact_count):
        # No digits in a label: a number there that another fact holds is a figure typed by hand, which the build
        # warns about (thousands of warnings would be measured, and fail `--strict`, as in no real site).
        fact: dict[str, Any] = {"id": f"fact-{i:05d}", "label": f"Measure {_letters(i)} of the deployment"}
        shape = i % 10
        if shape < 6:
            fact["value"] = (i * 37) % 20000 + 100 + (0.5 if shape == 5 else 0)
            fact["qualifier"] = QUALIFIERS[i % len(QUALIFIERS)]
            fact["unit"] = UNITS[i % len(UNITS)]
        elif shape < 8:
            low = (i * 53) % 9000 + 1000
            fact["value"] = {"min": low, "max": low + 2000}
            fact["unit"] = UNITS[i % len(UNITS)]
        elif shape == 8:
            fact["value"] = BASE_DATE + dt.timedelta(days=i % 300)
        else:
            fact["value"] = f"Region {i % 40} near the border"
        fact.update(date=BASE_DATE + dt.timedelta(days=i % 365), claimant=f"claimant-{i % CLAIMANTS:02d}",
                    status=STATUSES[i % len(STATUSES)],
                    reviewed=dt.date(2026, 11, 25))
        # The first source with its words (as every fact needs), the second, if any, a bare id.
        fact["sources"] = [{"source": f"source-{i % SOURCES:03d}", "excerpt": _excerpt(fact)}] + (
            [f"source-{(i + 7) % SOURCES:03d}"] if i % 4 == 0 else [])
        if fact["status"] == "unverified":
            fact["unverified_reason"] = "Only one interested party gives it."
        facts[fact["id"]] = {k: v for k, v in fact.items() if v is not None}
    files = {"claimants.yml": _dump({"claimants": list(claimants.values())}),
             "sources.yml": _dump({"sources": list(sources.values())})}
    ids = list(facts)
    for start in range(0, len(ids), FACTS_PER_FILE):
        chunk = [facts[i] for i in ids[start:start + FACTS_PER_FILE]]
        files[f"facts-{start // FACTS_PER_FILE:03d}.yml"] = _dump({"facts": chunk})
    return Data(claimants, sources, facts, files)


def _letters(number: int) -> str:
    """0 → "a", 25 → "z", 26 → "ba": a distinct word for each number."""
    word = ""
    while True:
        number, digit = divmod(number, 26)
        word = "abcdefghijklmnopqrstuvwxyz"[digit] + word
        if not number:
            return word


def _excerpt(fact: dict[str, Any]) -> str:
    """Words a source could have written for the fact: its hedge and figure, as the build checks them."""
    value = fact["value"]
    if isinstance(value, dict):
        said = f"{value['min']:,} to {value['max']:,}"
    elif isinstance(value, int | float):
        said = f"{value:,}"
    elif isinstance(value, dt.date):  # the date as the source writes it
        return f"Officials said it happened on {value:%B} {value.day}, {value.year}."
    else:
        return f"Officials described {fact['label'].lower()} in a briefing: {value}."
    return " ".join(part for part in ("Officials said", fact.get("qualifier"), said, fact.get("unit")) if part) + "."


def _dump(content: dict[str, Any]) -> str:
    return yaml.safe_dump(content, sort_keys=False, allow_unicode=True, width=200)


def page_refs(page: int, fact_count: int) -> list[tuple[str, str]]:
    """The (kind, fact id) references of one page: mostly full facts, one bare value, one date."""
    ids = [f"fact-{(page * REFS_PER_PAGE + j) % fact_count:05d}" for j in range(REFS_PER_PAGE)]
    kinds = ["fact"] * (REFS_PER_PAGE - 2) + ["value", "date"]
    return list(zip(kinds, ids, strict=True))


def page_text(page: int, fact_count: int, render: Any) -> str:
    """About 1 KB of prose around REFS_PER_PAGE references; `render(kind, id)` writes each one."""
    rng = random.Random(page)
    lines = [f"# Page {page}", ""]
    for n, (kind, fact_id) in enumerate(page_refs(page, fact_count)):
        if n % 4 == 0:
            lines += ["", f"## Part {n // 4 + 1}", ""]
        words = " ".join(rng.choice(WORDS) for _ in range(9))
        lines.append(f"According to {words}, the figure was {render(kind, fact_id)} at the time.")
    return "\n".join(lines) + "\n"


def renderer(variant: str, data: Data) -> Any:
    def plain(kind: str, fact_id: str) -> str:
        fact = data.facts[fact_id]
        if kind == "fact":
            return fmt.fact_markdown(fact, data.claimants, data.sources)
        return fmt.format_value(fact) if kind == "value" else fmt.format_date(fact["date"])

    def ours(kind: str, fact_id: str) -> str:
        return f"<!-- {kind}:{fact_id} -->"

    def macros(kind: str, fact_id: str) -> str:
        return f'{{{{ {kind}("{fact_id}") }}}}'

    return {"plain": plain, "ours": ours, "macros": macros}[variant]


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, taking each `!ENV [NAME, default]` as its default: benchmarks ignore the environment."""


ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


MESSAGES_HOOK = '''"""The theme files' messages, in English, as the explainer plugin would give them (fx_)."""


def on_env(env, config, files):
    env.globals["fx_"] = lambda message, **values: message % values if values else message
    return env
'''


def mkdocs_settings(variant: str, data: Data) -> dict[str, Any]:
    """The project's mkdocs.yml, adapted: no nav (pages are generated), the fact machinery per variant."""
    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)
    config.pop("nav", None)
    config["site_name"] = f"Benchmark ({variant})"
    hooks, watch = config.pop("hooks", []), config.pop("watch", [])
    if variant != "ours":
        config["extra_css"] = ["assets/explainer.css", "assets/a11y.css"]  # the plugin adds them to "ours"
        config["hooks"] = ["messages.py"]  # the theme files' words, which the plugin gives "ours" (English)
    if variant == "ours":
        config["hooks"], config["watch"] = hooks, watch
    elif variant == "macros":
        config["watch"] = ["data"]
        config["plugins"] = [*config.get("plugins", []), {"macros": {
            "module_name": "main",
            "include_yaml": [{f"data_{Path(name).stem.replace('-', '_')}": f"data/{name}"} for name in data.files],
        }}]
    return config


def write_variant(variant: str, dest: Path, fact_count: int, page_count: int, data: Data | None = None) -> Path:
    """Write one variant's project into `dest` (created); returns dest."""
    data = data or make_data(fact_count)
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(mkdocs_settings(variant, data), sort_keys=False), encoding="utf-8")
    if variant != "ours":  # the theme files and CSS the plugin adds to "ours"; the site's overrides win, as there
        shutil.copytree(PROJECT / "hooks/mkdocs_explainer/theme", dest / "overrides")
        (dest / "messages.py").write_text(MESSAGES_HOOK, encoding="utf-8")
    for folder in ("includes", "overrides", "docs/assets"):
        source = PROJECT / folder
        if source.is_dir():
            shutil.copytree(source, dest / folder, dirs_exist_ok=True)
        else:
            (dest / folder).mkdir(parents=True, exist_ok=True)
    if variant == "ours":
        shutil.copytree(PROJECT / "hooks", dest / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    if variant in ("ours", "macros"):
        (dest / "data").mkdir(exist_ok=True)
        for name, text in data.files.items():
            (dest / "data" / name).write_text(text, encoding="utf-8")
    if variant == "macros":
        shutil.copy(HERE / "macros_main.py", dest / "main.py")
    render = renderer(variant, data)
    for page in range(page_count):
        name = "index.md" if page == 0 else f"page-{page:03d}.md"
        (dest / "docs" / name).write_text(page_text(page, fact_count, render), encoding="utf-8")
    return dest


def write_typed_html(ours: Path, dest: Path) -> Path:
    """A plain project whose pages hold, typed in, the HTML our hooks render for `ours` (not a variant
    readers would see differ: it separates the cost of our richer markup from the cost of producing it)."""
    sys.path.insert(0, str(ours / "hooks"))
    try:
        from mkdocs_explainer.data.catalog import build_catalog
        from mkdocs_explainer.pages import shortcodes
        from mkdocs_explainer.pages.render import PageContext
    finally:
        sys.path.remove(str(ours / "hooks"))
    shutil.copytree(ours, dest, ignore=shutil.ignore_patterns("site", ".cache", "hooks", "data", "*.log"))
    config = yaml.safe_load((dest / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks"), config.pop("watch")
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    context = PageContext(build_catalog(ours / "data", ours))
    for page in (dest / "docs").glob("*.md"):
        page.write_text(shortcodes.replace(page.read_text(encoding="utf-8"), context), encoding="utf-8")
    return dest
