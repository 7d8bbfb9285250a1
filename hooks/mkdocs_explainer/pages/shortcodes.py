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
from pathlib import Path

from markupsafe import Markup

from ..data.catalog import Catalog, Record, map_place_ids
from ..i18n import NP_, pgettext
from ..problems import Problem, ProblemsFound
from . import basemap, chart, history, maps, views
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
    filters: Callable[[Catalog, str], str | None] | None = None
    """For a list that takes no id: checks the filters written after the colon (None: fine, else the problem)."""


STANCE_WORDS = {"yes": NP_("stance", "Yes"), "no": NP_("stance", "No"),
                "neither": NP_("stance", "Neither confirms nor denies"), "estimate": NP_("stance", "Estimate")}
"""How a position's stance reads on the page (in the page's language: `stance_words()`)."""


def stance_words() -> dict[str, str]:
    return {stance: pgettext("stance", words) for stance, words in STANCE_WORDS.items()}


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
        lambda ctx, arg: render("fact-index.html", ctx, items=[
            item for item in views.filtered_items(ctx.catalog, arg) if arg or item["id"] not in ctx.listed]),
        shows=lambda c, a: set(),
        help="every fact, quote and event as a card with its permanent anchor; or those a filter selects "
             "(facts:file=NAME, facts:year=YYYY, facts:kind=quote, facts:question=ID; joined by commas), "
             "each card's home being the first page that lists it; with filtered pages, a plain one lists the rest",
        dated=lambda c, a: {item["id"] for item in views.filtered_items(c, a)},
        filters=views.filter_problem,
    ),
    "fact-links": Kind(
        None, True,
        lambda ctx, arg: render("fact-links.html", ctx, items=views.filtered_items(ctx.catalog, "")),
        shows=lambda c, a: set(),
        help="every item as one line linking to its card, keeping its id (and former ids) as anchors: for a page "
             "that once held every card, after they moved to pages of <!-- facts:... -->",
        dated=lambda c, a: set(),
    ),
    "question": Kind(
        "questions", True,
        lambda ctx, arg: render("question.html", ctx, question=ctx.catalog["questions"][arg], stance_words=stance_words()),
        shows=lambda c, a: set(),
        help="an open question with every claimant's dated position (denials included), linked to their evidence",
        dated=lambda c, a: {i for p in c["questions"][a]["positions"] for i in p["items"]},
    ),
    "questions": Kind(
        None, True,
        lambda ctx, arg: render("questions.html", ctx, questions=list(ctx.catalog["questions"].values()),
                                stance_words=stance_words()),
        shows=lambda c, a: set(),
        help="every open question with all its positions",
        dated=lambda c, a: {i for q in c["questions"].values() for p in q["positions"] for i in p["items"]},
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
    "trend": Kind(
        "groups", True, lambda ctx, arg: _render_trend(ctx, arg), shows=_group_ids,
        help="an estimate group over time as an SVG line chart, one series per claimant (spans as bars), with its table",
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
        None, True,
        lambda ctx, arg: render("timeline.html", ctx, days=views.timeline_days(ctx.catalog, _filters(arg))),
        shows=lambda c, a: set(),
        help="every dated fact, quote and event, grouped by day, oldest first; <!-- timeline:kind=event --> "
             "or <!-- timeline:claimant=some-id,group=some-id --> shows only those",
        dated=lambda c, a: {i for i, item in c.items.items() if views.matches(item, _filters(a))},
        filters=lambda c, a: _check_filters(c, a),
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


def _filters(arg: str) -> dict[str, set[str]]:
    return views.parse_filters(arg) if arg else {}


FILTER_SECTIONS = {"kind": None, "group": "groups", "claimant": "claimants"}


def _check_filters(catalog: Catalog, arg: str) -> str | None:
    """The problem with a list's filters (`kind=event,claimant=x`), if any: the same words as for ids."""
    try:
        filters = views.parse_filters(arg)
    except ValueError as error:
        return f"'{error}' is not a filter: write key=value, e.g. kind=event (keys: {', '.join(views.FILTER_KEYS)})"
    for key, values in filters.items():
        if key not in FILTER_SECTIONS:
            return f"unknown filter '{key}' (filters: {', '.join(views.FILTER_KEYS)})"
        for value in sorted(values):
            section = FILTER_SECTIONS[key]
            if section is None:
                if value not in ("event", "fact", "quote"):
                    return f"unknown kind '{value}' (kinds: event, fact, quote)"
            elif problem := _unknown_id(section, value, catalog):
                return problem
    return None


def _render_chart(context: PageContext, group_id: str) -> Markup:
    catalog = context.catalog
    return render(
        "chart.html", context,
        group=catalog["groups"][group_id],
        members=catalog.group_members(group_id),
        chart=chart.layout(views.chart_entries(catalog, group_id)),
        description=views.describe_chart(catalog, group_id),
    )


def _render_trend(context: PageContext, group_id: str) -> Markup:
    catalog = context.catalog
    return render(
        "trend.html", context,
        group=catalog["groups"][group_id],
        members=views.trend_members(catalog, group_id),
        chart=views.trend_chart(catalog, group_id),
        description=views.describe_trend(catalog, group_id),
    )


def _render_map(context: PageContext, map_id: str) -> Markup:
    spec = context.catalog["maps"][map_id]
    shown_as = _shown_as(context.basemap)
    try:
        outlines = basemap.load(context.basemap, shown_as)
        region = outlines.region
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ProblemsFound([Problem(shown_as, 0, "", f"the map outlines cannot be read ({error!r}); fix the file, "
                                     "or delete it to draw on the world outlines that come with the package")]) from None
    if not maps.covers(region, spec["region"]):
        raise ProblemsFound([Problem(shown_as, 0, f"maps: {map_id}",
                                     f"the outlines cover only {maps.region_text(region)}; the map shows "
                                     f"{maps.region_text(spec['region'])}: widen the file's region, or delete it to draw "
                                     "on the world outlines that come with the package")])
    drawn = maps.layout(context.catalog, spec,
                        land=lambda frame: basemap.land(frame, spec["region"], outlines, context.cache_dir))
    return render("map.html", context, spec=spec, map=drawn, description=maps.describe(context.catalog, drawn),
                  attribution=outlines.attribution)


def _shown_as(path: Path | None) -> str:
    """The site's basemap file as an editor names it: in the data folder (`data/basemap.json`)."""
    return f"{path.parent.name}/{path.name}" if path is not None else "data/basemap.json"


def _map_items(catalog: Catalog, map_id: str) -> set[str]:
    """Items tied to a map's places and routes: their review dates date the page."""
    spec = catalog["maps"][map_id]
    records = [catalog["places"][p] for p in map_place_ids(catalog, spec)] + [catalog["routes"][r] for r in spec["routes"]]
    return {item for record in records for item in record["items"]}


BUILT_IN = dict(KINDS)
"""The package's own kinds; a site's templates add theirs (`use_site_kinds`)."""
SITE_FOLDER = "shortcodes"
"""In the site's templates folder (custom_templates): `NAME.html` makes a block shortcode <!-- NAME:id -->,
`NAME.inline.html` one that sits inside a sentence."""
BLOCK_KINDS = frozenset(name for name, kind in KINDS.items() if kind.block)


def use_site_kinds(template_dir: Path | None) -> list[str]:
    """Make each template in `template_dir/shortcodes/` a shortcode kind (in place of any from an earlier
    build), and return what is wrong with the templates' names. Such a kind takes one or more ids of any
    records (`<!-- NAME:id -->`, `<!-- NAME:id1,id2 -->`); its template receives them as `records`, the first
    also as `record`. Unknown ids get the same message as for the package's kinds."""
    global BLOCK_KINDS
    KINDS.clear()
    KINDS.update(BUILT_IN)
    warnings = []
    folder = template_dir / SITE_FOLDER if template_dir is not None else None
    for path in sorted(folder.glob("*.html")) if folder is not None and folder.is_dir() else []:
        name, inline = path.name.removesuffix(".html").removesuffix(".inline"), path.name.endswith(".inline.html")
        if not re.fullmatch(r"[a-z][a-z-]*", name):
            warnings.append(f"{path}: a shortcode's name is lower-case letters and hyphens (e.g. key-quote.html); "
                            "this template is not used")
        elif name in KINDS:
            warnings.append(f"{path}: '{name}' is {'a shortcode already' if name in BUILT_IN else 'given twice'}; to change "
                            f"the HTML of a package shortcode, copy its template (e.g. {name}.html) into the templates "
                            "folder itself; this template is not used")
        else:
            KINDS[name] = _site_kind(f"{SITE_FOLDER}/{path.name}", block=not inline)
    BLOCK_KINDS = frozenset(name for name, kind in KINDS.items() if kind.block)
    return warnings


def _site_kind(template: str, block: bool) -> Kind:
    def records(catalog: Catalog, arg: str) -> list[Record]:
        return [record for record_id in arg.split(",") if (record := catalog.find(record_id)) is not None]

    def rendered(ctx: PageContext, arg: str) -> Markup:
        found = records(ctx.catalog, arg)
        return (render if block else render_inline)(template, ctx, records=found, record=found[0])

    def items(catalog: Catalog, arg: str) -> set[str]:
        return {record_id for record_id in arg.split(",") if record_id in catalog.items}

    return Kind("records", block, rendered, shows=items, help=f"the site's own template {template}")


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
    if kind.section is None and arg and kind.filters is not None:
        problem = kind.filters(catalog, arg)
    elif kind.section is None:
        problem = f"'{kind_name}' takes no id; write <!-- {kind_name} -->" if arg else None
    elif not arg:
        return f"'{kind_name}' needs an id: <!-- {kind_name}:some-id -->"
    else:
        problem = _unknown_id(kind.section, arg, catalog)
    if problem is None and kind.block and not (marker.alone and marker.place == "text"):
        return f"'{kind_name}' shows a block; put it on a line of its own"
    return problem


def _unknown_id(section: str, arg: str, catalog: Catalog) -> str | None:
    if section == "records":  # a site's shortcode: one or more ids of any records
        return next(filter(None, (_unknown_record(record_id, catalog) for record_id in arg.split(","))), None)
    pool = catalog.items if section == "items" else catalog[section]
    if arg in pool:
        return None
    label = {"items": "fact, quote or event", "questions": "question", "facts": "fact",
             "quotes": "quote", "groups": "estimate group", "maps": "map",
             "events": "event", "claimants": "claimant", "corrections": "correction"}
    hint = catalog.suggest(arg, section)
    guess = f" Did you mean {' or '.join(repr(h) for h in hint)}?" if hint else ""
    return f"unknown {label.get(section, section)} '{arg}'.{guess}"


def _unknown_record(record_id: str, catalog: Catalog) -> str | None:
    if catalog.find(record_id) is not None:
        return None
    import difflib

    every = [rid for name in catalog.sections for rid in catalog[name]]
    hint = difflib.get_close_matches(record_id, every, n=3, cutoff=0.75)
    guess = f" Did you mean {' or '.join(repr(h) for h in hint)}?" if hint else ""
    return f"unknown id '{record_id}' (no record of any kind has it).{guess}"


def replace(markdown: str, context: PageContext) -> str:
    """Every strict shortcode of `markdown` replaced by its HTML, code or not: for the benchmark's
    typed-HTML variant and for tests of the templates. Pages go through `markdown_ext` instead."""

    def substitute(match: re.Match[str]) -> str:
        html = render_shortcode(context, match.group("kind"), match.group("arg") or "")
        return f"\n\n{html}\n\n" if KINDS[match.group("kind")].block else str(html)

    return SHORTCODE.sub(substitute, markdown)
