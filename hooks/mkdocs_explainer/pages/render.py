"""Turn catalog records into HTML through the Jinja templates in `templates/` of this package.

Autoescaping is on, so text from `data/` (even `<script>`) reaches readers as text, never as markup.
"""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .. import i18n
from ..data.catalog import Catalog, Record
from ..data.vocabulary import LINES
from ..problems import Problem, ProblemsFound
from ..siteinfo import STATUS_MEANING, SiteInfo
from . import citation, figures, formatting, history, maps, views

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once, then used again: in memory by the process's later builds (`mkdocs serve` makes a
    new Jinja environment for each), and in a folder (`keep_in`) by the next build's process. Compiling the
    templates, Material's and ours, costs more than rendering every card with them. Jinja stores each with its
    source's checksum and compiles an edited template again; a file that can't be read or written costs time,
    never output."""

    def __init__(self) -> None:
        self.folder: jinja2.FileSystemBytecodeCache | None = None
        self.compiled: dict[str, tuple[str, Any]] = {}

    def keep_in(self, folder: Path | None) -> None:
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError:
                folder = None
        self.folder = jinja2.FileSystemBytecodeCache(str(folder)) if folder else None

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        found = self.compiled.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]
        elif self.folder is not None:
            self.folder.load_bytecode(bucket)
            if bucket.code is not None:
                self.compiled[bucket.key] = (bucket.checksum, bucket.code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = (bucket.checksum, bucket.code)
        if self.folder is not None:
            with contextlib.suppress(OSError):  # a read-only or full disk: compiled again next time
                self.folder.dump_bytecode(bucket)


COMPILED = CompiledTemplates()


@dataclass
class PageContext:
    """What a shortcode needs to know about the page it is rendered on."""

    catalog: Catalog
    fact_index_url: str | None = None
    """Relative URL of the page that holds every fact's card (its permalink), if there is one."""
    site_root: str = "./"
    """Relative URL from this page to the site root, for links to other generated pages."""
    site: SiteInfo | None = None
    """The site's name and address, for citations and permalinks."""
    links: dict[str, str] = field(default_factory=dict)
    """Relative URLs of the pages holding a generated list, by shortcode kind (`sources`, `corrections`)."""
    template_dir: Path | None = None
    """The site's own templates, each replacing the package's of the same name."""
    basemap: Path | None = None
    """The site's own country outlines for maps (`basemap.json` in its data folder), if it has them; else
    maps are drawn on the package's world outlines (basemap.py)."""
    cache_dir: Path | None = None
    """Where drawn map outlines are kept between builds (`.cache/explainer-maps/`); None: not kept."""
    homes: dict[str, str] = field(default_factory=dict)
    """Item id → relative URL of the page holding its card, where the cards are split over several pages
    (`<!-- facts:file=... -->`); items not in it have theirs on `fact_index_url`."""

    listed: frozenset[str] = frozenset()
    """Items whose card is on a page of `<!-- facts:FILTER -->`: a plain `<!-- facts -->` lists the others."""

    def card_url(self, item_id: str) -> str | None:
        """Where an item's card is, from this page: its permanent link."""
        page = self.homes.get(item_id, self.fact_index_url)
        return None if page is None else f"{page}#{item_id}"


@functools.cache
def environment(template_dir: Path | None = None) -> jinja2.Environment:
    """Templates are looked up in the site's folder first, then in the package (like a theme's custom_dir)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([template_dir, TEMPLATES] if template_dir else TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
        bytecode_cache=COMPILED,
    )
    # Every word in the templates is a message: `{{ _("Cite this") }}`, looked up in the active language
    # when the page is rendered (so one cached environment serves every language).
    env.install_gettext_callables(  # type: ignore[attr-defined]  # added by the i18n extension
        gettext=lambda message: i18n.current().translations.gettext(message),
        ngettext=lambda singular, plural, n: i18n.current().translations.ngettext(singular, plural, n),
        pgettext=lambda context, message: i18n.current().translations.pgettext(context, message),
        npgettext=lambda context, singular, plural, n: i18n.current().translations.npgettext(context, singular, plural, n),
        newstyle=True,
    )
    env.filters.update(
        value=formatting.format_value,
        date=formatting.format_date,
        published=formatting.format_published,
        moment=formatting.format_moment,
        number=formatting.format_number,
        summary=views.item_summary,
        status_name=formatting.status_name,
        place_kind=formatting.place_kind,
        travel_mode=formatting.travel_mode,
        item_kind=formatting.item_kind,
    )
    env.globals.update(dates=formatting.format_dates, intl_locale=formatting.intl_locale, lang_attr=lang_attr)
    env.globals["status_meaning"] = STATUS_MEANING
    env.globals.update(glyph=maps.glyph, marker_shape=maps.marker_shape, line_style=maps.line_style, line_names=LINES,
                       position=maps.position, describe_route=maps.describe_route)
    env.globals.update(embed_snippet=figures.embed_snippet)
    env.globals.update(updated=history.updated, citation=citation.citation, accessed_placeholder=citation.ACCESSED_PLACEHOLDER)
    return env


def lang_attr(lang: str | None = None) -> Markup:
    """` lang="en"` on an element holding words in another language than the page's (a quotation, the data's
    untranslated words); nothing when they are the page's language."""
    code = i18n.foreign(lang)
    return Markup(' lang="{}"').format(code) if code else Markup("")


def render(template: str, context: PageContext, **values: Any) -> Markup:
    """Render a template as HTML that Markdown passes through untouched (no blank lines inside).

    Editors may change the templates while previewing, so a template mistake is a Problem too.
    """
    try:
        html = environment(context.template_dir).get_template(template).render(
            catalog=context.catalog, fact_index_url=context.fact_index_url, site_root=context.site_root,
            links=context.links, site=context.site, card_url=context.card_url,
            status_meaning=context.site.statuses if context.site else STATUS_MEANING, **values,
        )
    except jinja2.TemplateSyntaxError as error:
        raise ProblemsFound([Problem(_template_name(error.filename, template), error.lineno, "", error.message or "")]) from None
    except jinja2.TemplateError as error:
        raise ProblemsFound([Problem(_template_name(None, template), 0, "", str(error))]) from None
    # Autoescaped template output: safe as it is.
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))


def _template_name(filename: str | None, template: str) -> str:
    path = Path(filename) if filename else TEMPLATES / template
    try:  # as the editor sees it: relative to the project, where MkDocs runs
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def render_inline(template: str, context: PageContext, **values: Any) -> Markup:
    """Render a template to one line, to sit inside a paragraph."""
    return Markup(" ".join(line.strip() for line in render(template, context, **values).splitlines()))


def render_problems(problems: list[Problem], template_dir: Path | None = None) -> str:
    """The box the preview shows in place of a page while the data has errors."""
    return environment(template_dir).get_template("problems.html").render(problems=problems)


def claimant_name(record: Record, catalog: Catalog) -> str:
    claimant = catalog.claimant_of(record)
    return f"{claimant['name']}, {claimant['role']}" if claimant.get("role") else claimant["name"]


def show_problems_in_site(site_dir: Path, problems: list[Problem], template_dir: Path | None = None) -> None:
    """The preview's pages are written when a step after them fails (the sitemap, the exports): put the
    problems box at the top of each page, so the editor sees them where they look."""
    box = render_problems(problems, template_dir)
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        at = text.find(">", text.find("<body")) + 1
        if at > 0:
            page.write_text(text[:at] + box + text[at:], encoding="utf-8")
