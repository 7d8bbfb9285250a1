"""Fact references in Markdown: `<!-- fact:turnout-2024 -->` and friends.

A table says, per kind, which section its id must be in, whether it stands on a line of its own, and how
it renders. Where a shortcode is (text, heading, code, link...) is the Markdown parser's call
(`markdown_ext`, `markers`); this module checks what it found and renders it. Unknown kinds and ids, near misses
and shortcodes the parser would not show are errors naming page and line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from markupsafe import Markup

from ..data.catalog import Catalog, map_place_ids
from ..problems import Problem, ProblemsFound
from . import chart, history, maps, views
from .markers import SHORTCODE, Marker, looks_like_shortcode, suggestion
from .render import PageContext, render, render_inline


def shows_itself(catalog: Catalog, arg: str) -> set[str]:
    """What most kinds show: the one record their id names."""
    return {arg}


@dataclass(frozen=True)
class Kind:
    """One kind of shortcode."""

    section: str | None
    """Catalog section its id must exist in (`items` = facts, quotes or events); None = takes no id."""
    block: bool
    """Block kinds render HTML blocks and must stand alone on their line."""
    render: Callable[[PageContext, str], Markup]
    """HTML through Jinja's autoescaping: `render` or `render_inline` of a template, never a bare string."""
    shows: Callable[[Catalog, str], set[str]] = shows_itself
    """Ids of the items it shows, so facts shown nowhere can be reported."""
    help: str = ""
    dated: Callable[[Catalog, str], set[str]] | None = None
    """Ids of the items whose review and revision dates date the page (JSON-LD, sitemap, "last
    updated"); None means the same as `shows`. Lists that show items without counting as showing
    them (the fact index, a timeline) set it."""
    reads_data: bool = True
    """False for kinds whose output never depends on `data/` (the legend): a data edit leaves them alone.
    A kind that takes no id and reads data is taken to read all of it (it lists everything)."""


def _group_ids(catalog: Catalog, group_id: str) -> set[str]:
    return {fact["id"] for fact in catalog.group_members(group_id)}


KINDS: dict[str, Kind] = {
    "fact": Kind(
        "facts", False,
        lambda ctx, arg: render_inline("fact.html", ctx, fact=ctx.catalog["facts"][arg]),
        help="a value with its claimant, date, status and source",
    ),
    "value": Kind(
        "facts", False,
        lambda ctx, arg: render_inline("value.html", ctx, fact=ctx.catalog["facts"][arg]),
        help="the value alone, linked to its card (use where the claimant is named nearby)",
    ),
    "date": Kind(
        "items", False,
        lambda ctx, arg: render_inline("date.html", ctx, item=ctx.catalog.item(arg)),
        help="the date (and time) of a fact, quote or event",
    ),
    "quote": Kind(
        "quotes", True,
        lambda ctx, arg: render("quote.html", ctx, quote=ctx.catalog["quotes"][arg]),
        help="a quotation with speaker, occasion, date and source",
    ),
    "estimates": Kind(
        "groups", True,
        lambda ctx, arg: render(
            "estimates.html", ctx, group=ctx.catalog["groups"][arg], members=ctx.catalog.group_members(arg)
        ),
        shows=_group_ids,
        help="an estimate group as a table, one row per claimant",
    ),
    "legend": Kind(None, True, lambda ctx, arg: render("legend.html", ctx), shows=lambda c, a: set(),
                   help="the status legend", reads_data=False),
    "facts": Kind(
        None, True,
        lambda ctx, arg: render(
            "fact-index.html", ctx, items=sorted(ctx.catalog.items.values(), key=lambda i: (i["date"], i["id"]))
        ),
        shows=lambda c, a: set(),
        help="every fact, quote and event as a card with its permanent anchor",
        dated=lambda c, a: set(c.items),
    ),
    "downloads": Kind(
        None, True,
        lambda ctx, arg: render("downloads.html", ctx, updated=history.newest(ctx.catalog)),
        shows=lambda c, a: set(),
        help="links to the exports (facts.json, facts.csv) and the changes feed",
    ),
    "card": Kind(
        "facts", True,
        lambda ctx, arg: render("card.html", ctx, fact=ctx.catalog["facts"][arg]),
        help="a key figure as a card: the value large, with label, claimant, date, status and source",
    ),
    "chart": Kind(
        "groups", True, lambda ctx, arg: _render_chart(ctx, arg), shows=_group_ids,
        help="an estimate group as an SVG bar chart (owner and date on each bar) with its table",
    ),
    "phrase": Kind(
        "quotes", False,
        lambda ctx, arg: render_inline("phrase.html", ctx, quote=ctx.catalog["quotes"][arg]),
        help="a short quotation inside a sentence, in quotation marks, linked to its card",
    ),
    "event": Kind(
        "events", False,
        lambda ctx, arg: render_inline("event.html", ctx, event=ctx.catalog["events"][arg]),
        help="an event's description, linked to its card",
    ),
    "claimant": Kind(
        "claimants", False,
        lambda ctx, arg: render_inline("claimant.html", ctx, claimant=ctx.catalog["claimants"][arg]),
        shows=lambda c, a: set(),
        help="the name of a person or body from data/claimants.yml (its role as a tooltip)",
    ),
    "timeline": Kind(
        None, True, lambda ctx, arg: render("timeline.html", ctx, days=views.timeline_days(ctx.catalog)),
        shows=lambda c, a: set(),
        help="every dated fact, quote and event, grouped by day, oldest first",
        dated=lambda c, a: set(c.items),
    ),
    "sources": Kind(
        None, True, lambda ctx, arg: render("sources.html", ctx, entries=views.bibliography(ctx.catalog)),
        shows=lambda c, a: set(),
        help="the bibliography: every source with the items that cite it (anchor = source id)",
        dated=lambda c, a: set(c.items),
    ),
    "corrections": Kind(
        None, True,
        lambda ctx, arg: render("corrections.html", ctx, corrections=list(ctx.catalog["corrections"].values())),
        shows=lambda c, a: set(),
        help="every point where the article the site started from and the record differ (anchor = correction id)",
        dated=lambda c, a: {i for correction in c["corrections"].values() for i in correction["items"]},
    ),
    "correction": Kind(
        "corrections", True,
        lambda ctx, arg: render("correction-note.html", ctx, correction=ctx.catalog["corrections"][arg]),
        shows=lambda c, a: set(),
        help="one correction as a note, linked to its entry on the corrections page",
        dated=lambda c, a: set(c["corrections"][a]["items"]),
    ),
    "map": Kind(
        "maps", True, lambda ctx, arg: _render_map(ctx, arg),
        shows=lambda c, a: set(),
        help="a map drawn from data/places.yml: places, routes, scale and grid, with the places listed below it",
        dated=lambda c, a: _map_items(c, a),
    ),
    "places": Kind(
        None, True, lambda ctx, arg: render("places.html", ctx),
        shows=lambda c, a: set(),
        help="every place and route as a card with its evidence (anchor = place or route id); maps link here",
    ),
}


KINDS["shortcodes"] = Kind(
    None, True, lambda ctx, arg: render("shortcodes.html", ctx, kinds=sorted(KINDS.items())),
    shows=lambda c, a: set(),
    help="this list of shortcodes, generated from the code so it never goes stale", reads_data=False,
)


def _render_chart(context: PageContext, group_id: str) -> Markup:
    catalog = context.catalog
    return render(
        "chart.html", context,
        group=catalog["groups"][group_id],
        members=catalog.group_members(group_id),
        chart=chart.layout(views.chart_entries(catalog, group_id)),
        description=views.describe_chart(catalog, group_id),
    )


def _render_map(context: PageContext, map_id: str) -> Markup:
    spec = context.catalog["maps"][map_id]
    if context.basemap is None or not context.basemap.exists():
        raise ProblemsFound([Problem("data/basemap.json", 0, "", "the map outlines are missing: run scripts/make_basemap.py")])
    basemap = maps.read_basemap(context.basemap)
    if not maps.covers(basemap["region"], spec["region"]):
        raise ProblemsFound([Problem("data/basemap.json", 0, f"maps: {map_id}",
                                     f"the outlines cover only {maps.region_text(basemap['region'])}; the map shows "
                                     f"{maps.region_text(spec['region'])}: regenerate them with scripts/make_basemap.py")])
    drawn = maps.layout(context.catalog, spec, basemap)
    return render("map.html", context, spec=spec, map=drawn, description=maps.describe(context.catalog, drawn),
                  attribution=basemap["attribution"])


def _map_items(catalog: Catalog, map_id: str) -> set[str]:
    """Items tied to a map's places and routes: their review dates date the page."""
    spec = catalog["maps"][map_id]
    records = [catalog["places"][p] for p in map_place_ids(catalog, spec)] + [catalog["routes"][r] for r in spec["routes"]]
    return {item for record in records for item in record["items"]}


BLOCK_KINDS = frozenset(name for name, kind in KINDS.items() if kind.block)


@dataclass(frozen=True)
class Shortcode:
    """A shortcode the parser shows (in text or a heading), as the checks and the outputs need it."""

    kind: str
    arg: str
    line: int
    text: str


def render_shortcode(context: PageContext, kind: str, arg: str) -> Markup:
    """The one way a shortcode becomes HTML: whatever a kind returns must be Markup from the templates."""
    html = KINDS[kind].render(context, arg)
    if not isinstance(html, Markup):  # a bare string would reach readers unescaped
        raise TypeError(f"shortcode '{kind}' returned {type(html).__name__}, not Markup from a template")
    return html


def check(page: str, markers: Iterable[Marker], catalog: Catalog) -> tuple[list[Problem], list[Shortcode]]:
    """Problems with the shortcodes the parser found in one page, and the shortcodes it shows."""
    problems, shown = [], []
    for marker in markers:
        if marker.place == "code":
            continue  # an example, shown as written
        message = problem_with(marker, catalog)
        if message:
            problems.append(Problem(marker.file or page, marker.line, marker.text, message))
            continue
        strict = SHORTCODE.fullmatch(marker.text)
        assert strict is not None  # problem_with refused every other form
        shown.append(Shortcode(strict.group("kind"), strict.group("arg") or "", marker.line, marker.text))
    return problems, shown


def items_shown(codes: Iterable[Shortcode], catalog: Catalog) -> set[str]:
    return {item for code in codes for item in KINDS[code.kind].shows(catalog, code.arg)}


NOT_SHOWN = {
    "code-mixed": "this shortcode is inside inline code that holds other text too (a stray backtick?), so "
                  "readers would see it as written; fix the backticks, or put an example alone between backticks",
    "link": "a shortcode inside a link's text would put a link inside a link; put it before or after the link",
    "attribute": "a shortcode inside an attribute (an image's alt text, a title, {: ...}) is not rendered; "
                 "put it in the text",
    "raw": "this shortcode is inside raw HTML or inside another comment (commented out?), so readers would "
           "not see it; move it into the text, or delete it",
    "dropped": "Markdown drops this shortcode (is it inside a link definition?), so readers would not see it",
}


def problem_with(marker: Marker, catalog: Catalog) -> str | None:
    """Why a marker the parser placed cannot be shown as written, or None."""
    if "\n" in marker.text:
        joined = " ".join(marker.text.split())
        if not looks_like_shortcode(joined, KINDS):  # a word split in two: `fa` + `ct`
            joined = f"<!-- {''.join(marker.text[4:-3].split())} -->"
        return f"a shortcode is written on one line; write {suggestion(joined)!r}"
    if marker.place in NOT_SHOWN or (marker.nested and marker.place != "code"):
        return NOT_SHOWN["raw" if marker.nested else marker.place]
    code = SHORTCODE.fullmatch(marker.text)
    if code is None:
        return f"not a shortcode as written (no spaces inside, lower case, nothing after the id). Did you mean {suggestion(marker.text)!r}?"
    kind_name, arg = code.group("kind"), code.group("arg") or ""
    kind = KINDS.get(kind_name)
    if kind is None:
        return f"unknown shortcode '{kind_name}'. Available: {', '.join(sorted(KINDS))}"
    if kind.section is None:
        problem = f"'{kind_name}' takes no id; write <!-- {kind_name} -->" if arg else None
    elif not arg:
        return f"'{kind_name}' needs an id: <!-- {kind_name}:some-id -->"
    else:
        problem = _unknown_id(kind.section, arg, catalog)
    if problem is None and kind.block and not (marker.alone and marker.place == "text"):
        return f"'{kind_name}' shows a block; put it on a line of its own"
    return problem


def _unknown_id(section: str, arg: str, catalog: Catalog) -> str | None:
    pool = catalog.items if section == "items" else catalog[section]
    if arg in pool:
        return None
    label = {"items": "fact, quote or event", "facts": "fact", "quotes": "quote", "groups": "estimate group", "maps": "map",
             "events": "event", "claimants": "claimant", "corrections": "correction"}
    hint = catalog.suggest(arg, section)
    guess = f" Did you mean {' or '.join(repr(h) for h in hint)}?" if hint else ""
    return f"unknown {label.get(section, section)} '{arg}'.{guess}"


def replace(markdown: str, context: PageContext) -> str:
    """Every strict shortcode of `markdown` replaced by its HTML, code or not: for the benchmark's
    typed-HTML variant and for tests of the templates. Pages go through `markdown_ext` instead."""

    def substitute(match: re.Match[str]) -> str:
        html = render_shortcode(context, match.group("kind"), match.group("arg") or "")
        return f"\n\n{html}\n\n" if KINDS[match.group("kind")].block else str(html)

    return SHORTCODE.sub(substitute, markdown)
