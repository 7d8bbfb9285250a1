"""Two checks of what pages show, beyond their shortcodes: every side of an open question, and no figure
typed by hand where a fact holds it. Both are warnings: the preview shows the page, a strict build fails."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from ..data import balance, figures
from ..data.catalog import Catalog
from ..problems import Problem
from . import shortcodes

QUESTION_KINDS = ("question", "questions")


def one_sided(page: str, codes: list[shortcodes.Shortcode], catalog: Catalog) -> list[Problem]:
    """A page showing items of one side of a question, while the data holds another side's position and the
    page does not show the question itself (`<!-- question:id -->` or `<!-- questions -->`)."""
    if any(code.kind == "questions" for code in codes):
        return []
    asked = {code.arg for code in codes if code.kind == "question"}
    shown = shortcodes.items_shown(codes, catalog)
    problems = []
    for question in catalog["questions"].values():
        if question["id"] in asked:
            continue
        missing = balance.one_sided(question, shown)
        if missing is None:
            continue
        line = min((c.line for c in codes if shortcodes.KINDS[c.kind].shows(catalog, c.arg) & balance.question_items(question)),
                   default=0)
        left_out = "; ".join(
            f"{catalog['claimants'][p['claimant']]['name']} ({p['date']}, {p['stance']}: {', '.join(p['items'])})"
            for p in missing)
        problems.append(Problem(
            page, line, f"question '{question['id']}'",
            f"this page shows only one side of \"{question['title']}\"; the record also holds: {left_out}. "
            f"Show those too, or add <!-- question:{question['id']} --> to the page"))
    return problems


_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,}).*?^\1\2[`~]*[ \t]*$", re.MULTILINE | re.DOTALL)
_HIDDEN = re.compile(
    r"<!--.*?-->"                   # comments, shortcodes among them
    r"|`+[^`\n]*`+"                 # inline code
    r"|\]\([^)\n]*\)"               # a link's address
    r"|<[A-Za-z/][^>\n]*>"          # an HTML tag and its attributes
    r"|\{:?[^}\n]*\}"               # attribute lists
    r"|^\*\[[^\]\n]*\]:.*$"         # abbreviations
    r"|^\[[^\]\n]*\]:.*$",          # link definitions
    re.DOTALL | re.MULTILINE)


def prose(text: str) -> str:
    """`text` with code, comments, tags, addresses and front matter blanked out, lines kept where they were."""
    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group())

    if text.startswith("---\n") and (end := text.find("\n---", 4)) > 0:
        text = re.sub(r"[^\n]", " ", text[:end + 4]) + text[end + 4:]
    return _HIDDEN.sub(blank, _FENCE.sub(blank, text))


def typed_figures(page: str, text: str, catalog: Catalog, held: dict[float, list[figures.Held]] | None = None) -> list[Problem]:
    """Figures a fact holds, typed by hand in a page's prose: each names the line and the shortcode to write."""
    held = figures.held_figures(catalog["facts"].values()) if held is None else held
    problems = []
    for number, figure in _figures_in(text):
        if fact_ids := figures.holders(figure, held):
            problems.append(Problem(page, number, figure.written,
                                    f"typed by hand; {figures.advice(fact_ids, in_page=True)}"))
    return problems


@functools.lru_cache(maxsize=2048)
def _figures_in(text: str) -> tuple[tuple[int, figures.Figure], ...]:
    """Every number in a page's prose, with its line. A page's text alone decides them, so a preview's data
    edit, which checks every page against the new facts, reads only the pages that changed."""
    return tuple((number, figure) for number, line in enumerate(prose(text).splitlines(), start=1)
                 for figure in figures.find(line))


def page_warnings(pages: Iterable[tuple[str, str, list[shortcodes.Shortcode]]], catalog: Catalog) -> list[Problem]:
    """Both checks over every page: (page name, its text, its shortcodes)."""
    held = figures.held_figures(catalog["facts"].values())
    found = []
    for name, text, codes in pages:
        found += one_sided(name, codes, catalog)
        found += typed_figures(name, text, catalog, held)
    return found
