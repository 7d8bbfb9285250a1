"""Fact references in Markdown: `<!-- fact:turnout-2024 -->` and friends.

One regex finds them; a table says, per kind, which section its id must be in, whether it stands
on a line of its own, and how it renders. Unknown kinds and ids are errors naming page and line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..data.catalog import Catalog, map_place_ids
from ..problems import Problem, ProblemsFound
from . import chart, formatting, history, maps, views
from .render import PageContext, render, render_inline

SHORTCODE = re.compile(r"<!--\s*(?P<kind>[a-z][a-z-]*)(?::(?P<arg>\S*))?\s*-->")
"""`<!-- kind:id -->`, or `<!-- kind -->` for kinds that take no id. Other comments are left alone."""

_PLAIN_COMMENT = re.compile(r"<!--\s*[a-z][a-z-]*\s*-->")

_CODE = re.compile(r"^(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^[ \t]*(?P=fence)[ \t]*$|(?P<ticks>`+)[^`\n].*?(?P=ticks)", re.M | re.S)
"""Fenced code blocks and inline code: shortcodes shown there as examples are left as written."""


def _code_spans(markdown: str) -> list[tuple[int, int]]:
    return [match.span() for match in _CODE.finditer(markdown)]


def _in_code(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


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
    render: Callable[[PageContext, str], str]
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
        lambda ctx, arg: formatting.format_moment(ctx.catalog.item(arg)),
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


def _render_chart(context: PageContext, group_id: str) -> str:
    catalog = context.catalog
    return render(
        "chart.html", context,
        group=catalog["groups"][group_id],
        members=catalog.group_members(group_id),
        chart=chart.layout(views.chart_entries(catalog, group_id)),
        description=views.describe_chart(catalog, group_id),
    )


def _render_map(context: PageContext, map_id: str) -> str:
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


@dataclass(frozen=True)
class Shortcode:
    kind: str
    arg: str
    line: int
    alone: bool
    """True when the shortcode is the only thing on its line."""
    text: str


def find(markdown: str, first_line: int = 1) -> Iterator[Shortcode]:
    """Every shortcode in `markdown`; `first_line` is the file line the text starts on."""
    code = _code_spans(markdown)
    for match in SHORTCODE.finditer(markdown):
        if not match.group("arg") and not _PLAIN_COMMENT.fullmatch(match.group(0)):
            continue
        if _in_code(match.start(), code):
            continue
        line_start = markdown.rfind("\n", 0, match.start()) + 1
        line_end = markdown.find("\n", match.end())
        line_text = markdown[line_start : None if line_end < 0 else line_end]
        yield Shortcode(
            kind=match.group("kind"),
            arg=match.group("arg") or "",
            line=first_line + markdown.count("\n", 0, match.start()),
            alone=line_text.strip() == match.group(0),
            text=match.group(0),
        )


def check(page: str, markdown: str, catalog: Catalog, first_line: int = 1,
          found: Iterable[Shortcode] | None = None) -> tuple[list[Problem], set[str]]:
    """Problems with every shortcode of one page, and the ids of the items it shows (`found`: its shortcodes,
    if already found)."""
    problems, shown = [], set()
    for code in find(markdown, first_line) if found is None else found:
        message = _problem_with(code, catalog)
        if message:
            problems.append(Problem(page, code.line, code.text, message))
        else:
            shown |= KINDS[code.kind].shows(catalog, code.arg)
    return problems, shown


def _problem_with(code: Shortcode, catalog: Catalog) -> str | None:
    kind = KINDS.get(code.kind)
    if kind is None:
        return f"unknown shortcode '{code.kind}'. Available: {', '.join(sorted(KINDS))}"
    if kind.section is None:
        return f"'{code.kind}' takes no id; write <!-- {code.kind} -->" if code.arg else None
    if not code.arg:
        return f"'{code.kind}' needs an id: <!-- {code.kind}:some-id -->"
    pool = catalog.items if kind.section == "items" else catalog[kind.section]
    if code.arg not in pool:
        label = {"items": "fact, quote or event", "facts": "fact", "quotes": "quote", "groups": "estimate group", "maps": "map",
                 "events": "event", "claimants": "claimant", "corrections": "correction"}
        hint = catalog.suggest(code.arg, kind.section)
        guess = f" Did you mean {' or '.join(repr(h) for h in hint)}?" if hint else ""
        return f"unknown {label.get(kind.section, kind.section)} '{code.arg}'.{guess}"
    if kind.block and not code.alone:
        return f"'{code.kind}' shows a block; put it on a line of its own"
    return None


def replace(markdown: str, context: PageContext) -> str:
    """Render every shortcode (already checked) into HTML."""

    code = _code_spans(markdown)

    def substitute(match: re.Match[str]) -> str:
        kind, arg = match.group("kind"), match.group("arg") or ""
        if not arg and not _PLAIN_COMMENT.fullmatch(match.group(0)):
            return match.group(0)
        if _in_code(match.start(), code):
            return match.group(0)
        html = KINDS[kind].render(context, arg)
        # Blank lines around a block keep Markdown from wrapping it in a paragraph.
        return f"\n\n{html}\n\n" if KINDS[kind].block else html

    return SHORTCODE.sub(substitute, markdown)


_HEADING = re.compile(r"^ {0,3}#.*$", re.MULTILINE)
_STASHED = re.compile(r"<p>(fxblock\d+z)</p>|(fx(?:block|inline)\d+z)")


def stash(markdown: str, context: PageContext) -> tuple[str, dict[str, str]]:
    """Like `replace`, but the HTML waits outside the page, behind a placeholder word, until `unstash`
    puts it into the page's HTML once Markdown is done.

    Markdown then never parses our HTML, which cost more than rendering it (every tag goes through
    Python-Markdown's HTML parser), and text from `data/` is never read as Markdown (a `*` stays a `*`).
    Shortcodes in headings are rendered in place, so the table of contents shows their text.
    """
    html: dict[str, str] = {}
    headings = [(m.start(), m.end()) for m in _HEADING.finditer(markdown)]
    code = _code_spans(markdown)

    def substitute(match: re.Match[str]) -> str:
        if _in_code(match.start(), code):
            return match.group(0)
        if any(start <= match.start() < end for start, end in headings):
            return replace(match.group(0), context)
        kind, arg = match.group("kind"), match.group("arg") or ""
        if not arg and not _PLAIN_COMMENT.fullmatch(match.group(0)):
            return match.group(0)
        block = KINDS[kind].block
        token = f"fx{'block' if block else 'inline'}{len(html)}z"
        html[token] = KINDS[kind].render(context, arg)
        return f"\n\n{token}\n\n" if block else token

    return SHORTCODE.sub(substitute, markdown), html


def unstash(page_html: str, html: dict[str, str]) -> str:
    """Put the stashed HTML in place of its placeholders (a block's placeholder became a paragraph of its own)."""
    if not html:
        return page_html
    return _STASHED.sub(lambda m: html.get(m.group(1) or m.group(2), m.group(0)), page_html)
