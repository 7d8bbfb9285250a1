"""Ids used twice on one page: a link to `#id` reaches only the first, and a map's arrowheads or a chart's
text alternative may belong to another drawing. Found in the finished HTML (whatever produced the ids), and
traced back to the page's lines: the shortcodes that rendered them, and the headings whose anchor they are.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from markdown.extensions.toc import unique

_ID = re.compile(r"""<[A-Za-z][^<>]*?\sid=(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_ATTR_ID = re.compile(r"\{[^}]*#([^\s}]+)[^}]*\}\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


@dataclass(frozen=True)
class RepeatedId:
    id: str
    count: int
    lines: tuple[int, ...]
    """Page lines that produce it (shortcodes, headings), first first; empty if none could be told."""

    def message(self) -> str:
        where = f" (lines {', '.join(map(str, self.lines))})" if len(self.lines) > 1 else ""
        return (f"the id '{self.id}' is used {self.count} times on this page{where}: a link to #{self.id} reaches "
                "only the first. Show a map, chart or list once per page, and give a heading whose anchor is an "
                "item's id another anchor ({#another-id})")


def ids_in(html: str) -> list[str]:
    return [next(group for group in match.groups() if group is not None) for match in _ID.finditer(html)]


def heading_lines(markdown: str, slugify: Callable[[str, str], str], first_line: int = 1) -> list[tuple[int, str]]:
    """(line, anchor) of each ATX heading outside fenced code: its `{#id}`, else the slug of its text, made
    unique among the page's headings as Python-Markdown's toc does (a second "Notes" is `notes_1`)."""
    headings, fenced, used = [], False, set[str]()
    for number, line in enumerate(markdown.splitlines(), first_line):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else _ATX.match(line)
        if match is None:
            continue
        text = match.group(2)
        explicit = _ATTR_ID.search(text)
        anchor = explicit.group(1) if explicit else slugify(re.sub(r"\{[^}]*\}\s*$", "", text).strip(), "-")
        headings.append((number, unique(anchor, used)))
    return headings


def repeated_ids(html: str, produced: Iterable[tuple[int, Iterable[str]]]) -> list[RepeatedId]:
    """Ids that occur more than once in `html`, with the page lines that produced them (`produced`: a line
    and the ids it made: a shortcode's, a heading's anchor). Ids made by the same lines (a map's figure,
    title and arrowhead) are one finding, named by the first."""
    counts = Counter(ids_in(html))
    repeated = [name for name, count in counts.items() if count > 1]
    if not repeated:
        return []
    lines_of: dict[str, list[int]] = {}
    for line, names in produced:
        for name in names:
            lines_of.setdefault(name, []).append(line)
    found: dict[tuple[int, ...], RepeatedId] = {}
    for name in repeated:
        lines = tuple(sorted(lines_of.get(name, [])))
        if not lines or lines not in found:
            found[lines or (-len(found),)] = RepeatedId(name, counts[name], lines)
    return list(found.values())
