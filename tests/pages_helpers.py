"""Pages converted the way the site converts them: Markdown with the shortcode extension, which renders and checks."""

from __future__ import annotations

from dataclasses import dataclass

from markdown import Markdown
from mkdocs_explainer.data.catalog import Catalog
from mkdocs_explainer.pages import shortcodes
from mkdocs_explainer.pages.markdown_ext import PageJob, PageParser, ShortcodeExtension
from mkdocs_explainer.pages.render import PageContext
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
    """`text` as a page of the built site (docs/x.md), as a plugin hands it to the extension."""
    context = context if isinstance(context, PageContext) else PageContext(context)
    extensions = EXTENSIONS if extensions is None else extensions
    extension = ShortcodeExtension()
    extension.hosted = True
    job = extension.job = PageJob(name="docs/x.md", context=context, first_line=1)
    md = Markdown(extensions=[*extensions, extension])
    html = md.convert(text)
    return Converted(html, job.problems, job.codes, md)
