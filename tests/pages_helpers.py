"""Pages converted the way the site converts them: the scan's check, then Markdown with the shortcode extension."""

from __future__ import annotations

from dataclasses import dataclass

from markdown import Markdown
from mkdocs_explainer.data.catalog import Catalog
from mkdocs_explainer.pages import shortcodes
from mkdocs_explainer.pages.markdown_ext import ShortcodeExtension
from mkdocs_explainer.pages.render import PageContext
from mkdocs_explainer.pages.scan import PageParser
from mkdocs_explainer.problems import Problem

EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "fenced_code", "toc"]
"""mkdocs.yml's extensions, and the three MkDocs always adds."""


@dataclass
class Converted:
    html: str
    problems: list[Problem]
    shown: list[shortcodes.Shortcode]
    md: Markdown


def check(text: str, catalog: Catalog, page: str = "docs/x.md") -> tuple[list[Problem], list[shortcodes.Shortcode]]:
    return shortcodes.check(page, PageParser(EXTENSIONS).markers(text), catalog)


def convert(text: str, context: PageContext | Catalog, extensions: list[str] | None = None) -> Converted:
    """`text` as a page of the built site: checked first (as on_pre_build does), then rendered."""
    context = context if isinstance(context, PageContext) else PageContext(context)
    extensions = EXTENSIONS if extensions is None else extensions
    problems, codes = shortcodes.check("docs/x.md", PageParser(extensions).markers(text), context.catalog)
    rendered = shortcodes.render_page(codes, context)
    extension = ShortcodeExtension(shortcodes.KINDS, shortcodes.BLOCK_KINDS, lambda k, a: rendered.get((k, a)))
    md = Markdown(extensions=[*extensions, extension])
    return Converted(md.convert(text), problems, codes, md)
