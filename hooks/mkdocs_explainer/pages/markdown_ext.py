"""Shortcodes inside Python-Markdown: the parser, not a regex beside it, decides where a shortcode is.

`<!-- fact:id -->` is an HTML comment, which Python-Markdown stashes as raw HTML wherever it is live:
`html_block` takes one at the start of a line, the `html` inline pattern one in mid-line, and code
(fences, indented blocks, backtick spans) keeps it as text. So:

1. `Tagger` (preprocessor, 27: after `normalize_whitespace` has deleted every STX/ETX typed in the page,
   before `fenced_code` at 25) writes a tag with a random per-page nonce into every comment that looks
   like a shortcode, so it can be found again wherever the parser puts it, and remembers its line.
2. `LineStart` (preprocessor, 22: after fences are stashed, before `html_block` at 20) stashes each
   marker that starts a line itself, inline, so that a marker starting a wrapped line does not split
   its paragraph in three. A block shortcode alone on its line gets blank lines around it.
3. `Resolve` (treeprocessor, 6: after inline patterns, `attr_list` and `abbr`, before `toc` at 5) finds
   each stash entry that is exactly a tagged marker and notes where it is: in text (its rendered HTML
   replaces the stash entry, so Markdown never parses it), in a heading (its plain text goes into the
   tree, so data is never Markdown and the toc's id stays a slug), in code, in a link or an attribute.
4. `Leftovers` (postprocessor, 1: last) notes markers the parser left elsewhere (raw HTML, another
   comment, code blocks) and removes the tags, so the page reads as written.

Rendered HTML goes through Python-Markdown's own stash, whose placeholders (STX…ETX) prose cannot type.
MkDocs builds a new `Markdown` per page, so per-page state lives on the processors (`PageMarkers`).
"""

from __future__ import annotations

import functools
import html
import re
import secrets
import xml.etree.ElementTree as etree
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, HTML_PLACEHOLDER_RE, STX
from markupsafe import Markup

SHORTCODE = re.compile(r"<!--\s*(?P<kind>[a-z][a-z-]*)(?::(?P<arg>\S*))?\s*-->")
"""The one form a shortcode takes: `<!-- kind:id -->`, or `<!-- kind -->` for kinds that take no id."""

_COMMENT = re.compile(r"<!--(?P<body>(?:(?!-->).)*?)-->")
_WORD = re.compile(r"\s*(?P<word>[A-Za-z][A-Za-z_-]*)\s*(?P<colon>:)?")
_TAG = re.compile(r"fx([0-9a-f]{16})n(\d+)e")
"""The tag written into a marker: `fx` + the page's nonce + `n` + the marker's index + `e`."""
_TAGGED = re.compile(r"<!--fx([0-9a-f]{16})n(\d+)e(?:(?!-->).)*-->")
_LINE_START = re.compile(r"( {0,3})" + _TAGGED.pattern)

RESOLVE_PRIORITY = 6
"""After inline patterns (20), `attr_list` (8) and `abbr` (7); before `toc` (5)."""

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

Renderer = Callable[[str, str], "Markup | None"]
"""(kind, id) → the shortcode's HTML, or None to leave it out."""


def looks_like_shortcode(comment: str, kinds: Collection[str]) -> bool:
    """Whether an HTML comment is meant as a shortcode: the strict form, or a near miss of a known kind
    (`<!-- FACT:id -->`, `<!-- fact: id -->`, `<!-- fact:id extra -->`). Other comments are notes."""
    if SHORTCODE.fullmatch(comment):
        return True
    body = comment[4:-3]
    word = _WORD.match(body)
    if not word or word.group("word").lower() not in kinds:
        return False
    return bool(word.group("colon")) or body.strip().lower() == word.group("word").lower()


@dataclass
class Marker:
    """One comment that looks like a shortcode, and where the parser put it."""

    text: str
    """As written, e.g. `<!-- fact:some-fact-id -->`."""
    line: int
    place: str = "dropped"
    """`text` or `heading` (shown), `code` (an example: a code block, or alone between backticks),
    `code-mixed` (inline code holding more than the shortcode: a stray backtick?), `link`, `attribute`,
    `raw` (inside raw HTML or another comment) or `dropped` (Markdown removed it, e.g. in a link definition)."""
    alone: bool = False
    """The only thing in its paragraph, as a block shortcode must be."""


@dataclass
class PageMarkers:
    """Per-page state of one conversion."""

    nonce: str = field(default_factory=lambda: secrets.token_hex(8))
    markers: list[Marker] = field(default_factory=list)

    def tag(self, index: int) -> str:
        return f"fx{self.nonce}n{index}e"

    def index(self, match: re.Match[str] | None) -> int | None:
        """The marker a match of `_TAG`, `_TAGGED` or `_LINE_START` names, if it is this page's."""
        if match is None or match.group(match.re.groups - 1) != self.nonce:
            return None
        return int(match.group(match.re.groups))


class ShortcodeExtension(Extension):
    """Register once (MkDocs: append to `config.markdown_extensions`); set `render` before each page."""

    def __init__(self, kinds: Collection[str], block_kinds: Collection[str], render: Renderer | None = None) -> None:
        super().__init__()
        self.kinds, self.block_kinds = set(kinds), set(block_kinds)
        self.render = render
        """Renders the page being converted; None only finds the markers (the page scan)."""
        self.first_line = 1
        """The file line the Markdown text starts on (after front matter)."""
        self.page = PageMarkers()
        """The markers of the page converted last."""

    def extendMarkdown(self, md: Markdown) -> None:
        page = self.page = PageMarkers()
        md.preprocessors.register(Tagger(md, self, page), "fx_tag", 27)
        md.preprocessors.register(LineStart(md, self, page), "fx_line_start", 22)
        md.treeprocessors.register(Resolve(md, self, page), "fx_resolve", RESOLVE_PRIORITY)
        md.postprocessors.register(Leftovers(md, page), "fx_leftovers", 1)


class Tagger(Preprocessor):
    def __init__(self, md: Markdown, extension: ShortcodeExtension, page: PageMarkers) -> None:
        super().__init__(md)
        self.extension, self.page = extension, page

    def run(self, lines: list[str]) -> list[str]:
        page, kinds = self.page, self.extension.kinds
        page.markers.clear()
        page.nonce = secrets.token_hex(8)  # a Markdown instance may be reused (md.reset)

        def tag(match: re.Match[str], line: int) -> str:
            if not looks_like_shortcode(match.group(0), kinds):
                return match.group(0)
            page.markers.append(Marker(match.group(0), line))
            return f"<!--{page.tag(len(page.markers) - 1)}{match.group('body')}-->"

        first = self.extension.first_line
        return [
            _COMMENT.sub(functools.partial(tag, line=first + n), line) if "<!--" in line else line
            for n, line in enumerate(lines)
        ]


class LineStart(Preprocessor):
    def __init__(self, md: Markdown, extension: ShortcodeExtension, page: PageMarkers) -> None:
        super().__init__(md)
        self.extension, self.page = extension, page

    def run(self, lines: list[str]) -> list[str]:
        if not self.page.markers:
            return lines
        result: list[str] = []
        for line in lines:
            match = _LINE_START.match(line) if "<!--fx" in line else None
            index = self.page.index(match)
            if match is None or index is None:  # html_block takes a comment only within the first 3 columns
                result.append(line)
                continue
            indent, comment = match.group(1), match.group(0)[len(match.group(1)):]
            placeholder = self.md.htmlStash.store(comment)
            strict = SHORTCODE.fullmatch(self.page.markers[index].text)
            if line.strip() == comment and strict and strict.group("kind") in self.extension.block_kinds:
                result += ["", indent + placeholder, ""]  # a block of its own, as html_block would make it
            else:
                result.append(indent + placeholder + line[match.end():])
        return result


class Resolve(Treeprocessor):
    def __init__(self, md: Markdown, extension: ShortcodeExtension, page: PageMarkers) -> None:
        super().__init__(md)
        self.extension, self.page = extension, page

    def run(self, root: etree.Element) -> None:
        if not self.page.markers:
            return
        stash = self.md.htmlStash.rawHtmlBlocks

        def marker_of(key: int) -> int | None:
            entry = stash[key] if key < len(stash) else None
            return self.page.index(_TAGGED.fullmatch(entry) if isinstance(entry, str) else None)

        def resolve(text: str, lineage: list[etree.Element], whole: bool) -> str:
            def substitute(match: re.Match[str]) -> str:
                index = marker_of(int(match.group(1)))
                if index is None:
                    return match.group(0)
                return self._place(index, int(match.group(1)), lineage, whole and text.strip() == match.group(0))
            return HTML_PLACEHOLDER_RE.sub(substitute, text)

        def walk(element: etree.Element, lineage: list[etree.Element]) -> None:
            lineage = [*lineage, element]
            for name, value in element.attrib.items():
                if STX in value:
                    element.set(name, self._in_attribute(value, marker_of))
            if element.text and STX in element.text:
                element.text = resolve(element.text, lineage, whole=len(element) == 0)
            for child in element:
                walk(child, lineage)
                if child.tail and STX in child.tail:
                    child.tail = resolve(child.tail, lineage, whole=False)

        walk(root, [])

    def _place(self, index: int, key: int, lineage: list[etree.Element], alone: bool) -> str:
        marker, placeholder = self.page.markers[index], self.md.htmlStash.get_placeholder(key)
        tags = {element.tag for element in lineage}
        if "code" in tags or "pre" in tags:
            marker.place = "code" if "pre" in tags or alone else "code-mixed"
            return marker.text  # an example: shown as written (the serializer escapes it)
        if "a" in tags:
            marker.place = "link"
            return placeholder
        marker.place = "heading" if tags & HEADINGS else "text"
        marker.alone = alone and lineage[-1].tag == "p"
        strict = SHORTCODE.fullmatch(marker.text)
        html = self.extension.render(strict.group("kind"), strict.group("arg") or "") if strict and self.extension.render else None
        if html is None:
            return placeholder
        if marker.place == "heading":  # data in a heading is text, never Markdown or HTML
            # The serializer escapes "<" but leaves "&amp;" as an entity (for Markdown's authors): data
            # that reads "&amp;" must show as written, so every "&" goes in escaped.
            return _without_placeholders(Markup(html).striptags()).replace("&", "&amp;")
        self.md.htmlStash.rawHtmlBlocks[key] = _without_placeholders(str(html))
        return placeholder

    def _in_attribute(self, value: str, marker_of: Callable[[int], int | None]) -> str:
        def substitute(match: re.Match[str]) -> str:
            index = marker_of(int(match.group(1)))
            if index is None:
                return match.group(0)
            self.page.markers[index].place = "attribute"
            return self.page.markers[index].text
        return HTML_PLACEHOLDER_RE.sub(substitute, value)


class Leftovers(Postprocessor):
    def __init__(self, md: Markdown, page: PageMarkers) -> None:
        super().__init__(md)
        self.page = page

    def run(self, text: str) -> str:
        if not self.page.markers:
            return text
        if f"fx{self.page.nonce}n" not in text:
            return text
        code = [m.span() for m in _CODE_ELEMENT.finditer(text)]
        for match in _TAG.finditer(text):
            index = self.page.index(match)
            if index is not None and self.page.markers[index].place == "dropped":
                marker = self.page.markers[index]
                marker.place = _place_in_html(text, match.start(), code, marker.text, self.strip)
        return self.strip(text)

    def strip(self, text: str) -> str:
        """The text without this page's tags: as written."""
        return _TAG.sub(lambda m: "" if self.page.index(m) is not None else m.group(0), text)


_CODE_ELEMENT = re.compile(r"<code\b[^>]*>.*?</code>", re.S)
_TAGS = re.compile(r"<[^>]*>")
"""Code in the HTML the parser wrote (fenced and indented blocks, highlighted or not)."""


def _place_in_html(text: str, position: int, code: list[tuple[int, int]], marker: str,
                   strip: Callable[[str], str]) -> str:
    for start, end in code:
        if start <= position < end:
            if text.rfind("<pre", 0, start) > text.rfind("</pre>", 0, start):
                return "code"  # a code block
            inner = html.unescape(strip(_TAGS.sub("", text[start:end])))
            return "code" if inner.strip() == marker else "code-mixed"
    if text.endswith("<!--", 0, position):
        return "raw"  # still a comment: inside raw HTML or another comment
    return "attribute" if text.rfind("<", 0, position) > text.rfind(">", 0, position) else "raw"


def _without_placeholders(text: str) -> str:
    """STX/ETX from data would let the stash substitute HTML of its choosing: they never pass."""
    return text.replace(STX, "").replace(ETX, "")
