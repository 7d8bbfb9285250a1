"""Everything a build writes besides the pages, and the per-page metadata, for the hook to call.

One `Outputs` lives for one build: the hook creates it once the data is valid, tells it about each
page, and asks it to write the generated files at the end.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from ..data.catalog import Catalog, Record
from ..i18n import N_, _
from ..pages import formatting, history, shortcodes
from ..pages.figures import FIGURE_KINDS
from ..pages.scan import PageScan
from ..siteinfo import SOCIAL_CARD, SiteInfo
from . import citations, datapackage, export, feed, figures, seo, social_card, stale
from .reuse import REMEMBERED, KeptFiles, digest_of

log = logging.getLogger("mkdocs.plugins.explainer")

DOWNLOADS_KIND = "downloads"
EXPORT_CODE = (
    "outputs/export.py", "outputs/feed.py", "outputs/citations.py", "outputs/datapackage.py", "pages/citation.py",
    "outputs/safecsv.py", "outputs/safexml.py",
    "pages/formatting.py", "pages/history.py", "siteinfo.py",
    "outputs/facts.schema.json",
)
"""What the exports and the feed are made by, besides the catalog and the site's settings."""
CARD_FOOTER = N_("Every figure with who claims it, how sure we are, and its sources")


class Outputs:
    def __init__(self, site: SiteInfo, catalog: Catalog, scan: PageScan, cache_dir: Path, *,
                 template_dir: Path | None = None, today: dt.date | None = None) -> None:
        self.site = site
        self.template_dir = template_dir
        self.catalog = catalog
        self.scan = scan
        self.cache_dir = cache_dir
        self.pages: list[seo.PageInfo] = []
        self.notes: dict[str, tuple[history.PageDates | None, bool]] = {}
        self.figures: dict[tuple[str, str], figures.Shown] = {}
        self.downloads_anywhere = scan.first_page_with(DOWNLOADS_KIND) is not None
        if self.site.stale_after_days is not None:
            stale.log_notice(catalog, today or dt.date.today(), self.site.stale_after_days)

    def note_page(self, page: Any) -> None:
        """Before rendering: which items the page shows (its dates) and whether it offers the downloads."""
        codes = self.scan.codes.get(page.file.src_uri, [])
        dates = history.page_dates(items_shown_by(codes, self.catalog))
        offers = any(code.kind == DOWNLOADS_KIND for code in codes)
        self.notes[page.file.src_uri] = (dates, offers)

    def note_figures(self, page_url: str, rendered: dict[tuple[str, str], Markup]) -> None:
        """A page's rendered shortcodes: the first page showing a chart or map is where its embed links back."""
        for (kind, arg), html in rendered.items():
            if kind in FIGURE_KINDS and (kind, arg) not in self.figures:
                self.figures[(kind, arg)] = figures.Shown(page_url, str(html))

    def annotate(self, page: Any, root: str, title: str | None = None, source: Callable[[], str] = str,
                 alternates: tuple[tuple[str, str], ...] = ()) -> None:
        """After rendering (the title is final): the head tags and 'last updated' line the theme shows.

        `root` is the relative URL from the page to the site root ("../"); `title` the page's title as plain
        text (MkDocs keeps a title taken from the page's H1 as HTML); `source` the page file's text, to name
        the line of a front matter mistake.
        """
        dates, offers = self.notes.get(page.file.src_uri, (None, False))
        name = page.file.src_uri
        own_title = seo.front_matter_text(page.meta, "title", name, source)
        own_description = seo.front_matter_text(page.meta, "description", name, source)
        info = seo.PageInfo(
            title=self.site.name if page.is_homepage else (own_title or title or page.title or self.site.name),
            description=seo.description(own_description, page.content or "", self.site.description,
                                        page.is_homepage),
            url=page.url,
            root=root,
            is_home=page.is_homepage,
            dates=dates,
            dataset=offers or (page.is_homepage and not self.downloads_anywhere),
            alternates=alternates,
            author=seo.front_matter_text(page.meta, "author", name, source) or "",
        )
        self.pages.append(info)
        # Read by other plugins; the theme's own head tags are replaced by ours (theme/main.html), which
        # escape the plain text once.
        page.meta["description"] = escape(info.description)
        page.meta["fx_head"] = seo.head(info, self.site, self.catalog, self.template_dir)
        if dates:
            page.meta["fx_updated"] = {"iso": dates.modified, "text": formatting.format_date(dates.modified)}

    def write(self, site_dir: Path) -> None:
        # Unchanged data and settings: the exports of the last build are copied instead of regenerated.
        code_key = self._code_key()
        kept = KeptFiles(self.cache_dir / "explainer-exports", digest_of(self.catalog.fingerprint, code_key))
        reusable = bool(self.catalog.fingerprint)
        if reusable and kept.restore(site_dir):
            REMEMBERED.keep_nothing()
        else:
            REMEMBERED.begin(code_key)  # in a preview: re-render only the records a data edit changed
            written = [*export.write(site_dir, self.catalog, self.site), feed.write(site_dir, self.catalog, self.site),
                       *citations.write(site_dir, self.catalog, self.site),
                       *datapackage.write(site_dir, self.catalog, self.site)]
            REMEMBERED.end()
            if reusable:
                REMEMBERED.keep_later(kept, written, site_dir)
        figures.write(site_dir, self.catalog, self.site, self.figures, self.template_dir)
        card = (self.site.name, self.site.description, _(CARD_FOOTER))
        if missing := social_card.write(site_dir / SOCIAL_CARD, *card, self.cache_dir):
            log.warning(f"The social card's font has no glyph for {' '.join(missing)} "
                        f"(U+{', U+'.join(f'{ord(c):04X}' for c in missing)}): left out of {SOCIAL_CARD}")
        sitemap = seo.sitemap(self.pages, self.site)
        (site_dir / "sitemap.xml").write_text(sitemap, encoding="utf-8")
        (site_dir / "sitemap.xml.gz").write_bytes(seo.gzipped(sitemap, history.newest(self.catalog)))

    def _code_key(self) -> str:
        """What the exports are made by besides the catalog: the site's settings and the code."""
        code = Path(__file__).resolve().parent.parent
        return digest_of(repr(self.site), *((code / name).read_bytes() for name in EXPORT_CODE))




def items_shown_by(codes: Iterable[shortcodes.Shortcode], catalog: Catalog) -> list[Record]:
    """Items a page displays through its shortcodes (each kind's `dated`, else its `shows`)."""
    ids: set[str] = set()
    for code in codes:
        kind = shortcodes.KINDS.get(code.kind)
        if kind is None:
            continue
        ids |= (kind.dated or kind.shows)(catalog, code.arg)
    return [catalog.items[item_id] for item_id in sorted(ids) if item_id in catalog.items]
