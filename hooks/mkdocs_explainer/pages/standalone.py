"""The shortcode extension without a plugin: it finds the page, the data and the site's settings itself.

Zensical runs Markdown extensions but no plugins. It puts a `ContextPreprocessor` in every `Markdown` it
builds, holding the page (source path, URL) and the whole configuration (`mkdocs.yml` read its way), found
here by class name so that nothing imports Zensical. Without it (plain Python-Markdown), the page is unknown:
links between pages are left relative to the site root.

Every page of a build shares one process: the catalog (through the data layer's own cache) and the scan of
the pages' text are kept at module level, and read again only when a file's size or time changes.
"""

from __future__ import annotations

import os
import posixpath
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import i18n
from ..data.catalog import Catalog, build_catalog, data_files
from ..problems import Problem, ProblemsFound
from ..siteinfo import STATUS_MEANING, License, SiteInfo, status_meanings
from . import basemap, views
from .page_job import PageJob
from .render import PageContext
from .scan import PageScan, scan_pages

if TYPE_CHECKING:
    from markdown import Markdown

LIST_KINDS = ("sources", "corrections", "timeline", "places")
"""Shortcodes that list everything of a kind: other pages link to the first page holding one."""

_catalogs: dict[Path, tuple[tuple[Any, ...], Catalog | ProblemsFound]] = {}
_scans: dict[Path, tuple[tuple[Any, ...], PageScan]] = {}


def _stamp(paths: list[Path]) -> tuple[Any, ...]:
    stamp: list[tuple[str, int | None, int | None]] = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            stamp.append((str(path), None, None))
            continue
        stamp.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(stamp)


def load_catalog(data_dir: Path, root: Path) -> Catalog:
    """The checked catalog of `data_dir` (raises ProblemsFound), loaded again only after a data file changed."""
    data_dir = data_dir.resolve()
    stamp = _stamp([*data_files(data_dir), data_dir / "basemap.json"]) if data_dir.is_dir() else ()
    kept = _catalogs.get(data_dir)
    if kept is None or kept[0] != stamp:
        try:
            result: Catalog | ProblemsFound = build_catalog(data_dir, root.resolve())
        except ProblemsFound as error:
            result = error
        kept = _catalogs[data_dir] = (stamp, result)
    if isinstance(kept[1], ProblemsFound):
        raise kept[1]
    return kept[1]


def scan(docs_dir: Path, root: Path) -> PageScan:
    docs_dir = docs_dir.resolve()
    stamp = _stamp(sorted(docs_dir.rglob("*.md")))
    kept = _scans.get(docs_dir)
    if kept is None or kept[0] != stamp:
        kept = _scans[docs_dir] = (stamp, scan_pages(docs_dir, root.resolve()))
    return kept[1]


def page_url(src: str, use_directory_urls: bool = True) -> str:
    """The URL a page gets, as MkDocs and Zensical give it: `facts.md` → `facts/`, `index.md` → `` ."""
    stem, _ = posixpath.splitext(src)
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        if use_directory_urls:
            return f"{folder}/" if folder else ""
        stem = posixpath.join(folder, "index")  # a folder's page is its index.html
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


def relative_url(url: str, base: str) -> str:
    """`url` relative to the page at `base` (both relative to the site root), as MkDocs' get_relative_url."""
    relative = posixpath.relpath(url or ".", posixpath.dirname(base) or ".")  # `a/` and `a/b.html` are both in a/
    if relative == ".":
        return "./"
    return relative + "/" if url.endswith("/") else relative


@dataclass(frozen=True)
class Settings:
    """`extra: explainer:` as the plugin reads it, from a host's plain configuration."""

    statuses: Mapping[str, str]
    """The site's own wording, by status (the rest: the package's, in the edition's language)."""
    license: License | None
    cite_as: str | None
    stale_after_days: int | None
    custom_templates: str
    language: str | None

    @classmethod
    def read(cls, options: Any) -> Settings:
        options = options if isinstance(options, Mapping) else {}
        statuses = options.get("statuses") or {}
        if not isinstance(statuses, Mapping) or set(statuses) - set(STATUS_MEANING):
            raise ProblemsFound([Problem("mkdocs.yml", 0, "extra.explainer.statuses",
                                         f"the statuses are {', '.join(STATUS_MEANING)}")])
        name, url = options.get("license"), options.get("license_url")
        license = License(str(name), str(url)) if name and url else None
        stale = options.get("stale_after_days")
        language = options.get("language")
        return cls({str(k): str(v) for k, v in statuses.items()}, license,
                   options.get("cite_as"), stale if isinstance(stale, int) else None,
                   str(options.get("custom_templates") or "explainer-templates"),
                   str(language) if language else None)


def serving() -> bool:
    """`zensical serve`: a problem is shown in the page, as an exception would stop the server."""
    return Path(sys.argv[0]).name.startswith("zensical") and sys.argv[1:2] == ["serve"]


def _context_of(md: Markdown) -> Any:
    return next((p for p in md.preprocessors if type(p).__name__ == "ContextPreprocessor"), None)


def job_for(md: Markdown, data_option: Path) -> PageJob:
    """The page being converted, with all it needs, found without a plugin."""
    host = _context_of(md)
    config: Mapping[str, Any] = getattr(host, "config", None) or {}
    root = Path(config.get("root_dir") or Path.cwd())  # Zensical: the folder of its configuration file
    docs_dir = Path(config.get("docs_dir") or root / "docs")
    docs_dir = docs_dir if docs_dir.is_absolute() else root / docs_dir
    page = getattr(host, "page", None)
    src = str(getattr(page, "path", "") or "")
    # Zensical rewrites every relative link in the page's HTML as if it were written in the source file
    # (`facts/` in `deployment.md` becomes `../facts/`): links are made relative to the source's folder.
    url = posixpath.dirname(src) + "/" if host is not None and posixpath.dirname(src) else ""
    source = docs_dir / src if src else None
    name = _relative(source, root) if source else "page"
    data_dir = data_option if data_option.is_absolute() else root / data_option
    snippets = (config.get("mdx_configs") or {}).get("pymdownx.snippets", {}).get("base_path", ["."])
    snippet_dirs = tuple(root / p for p in ([snippets] if isinstance(snippets, str) else snippets))
    if host is not None:
        _require_watched(config, data_dir, root)
    catalog = load_catalog(data_dir, root)
    extra = config.get("extra") or {}
    settings = Settings.read(extra.get("explainer") if isinstance(extra, Mapping) else None)
    use_directory_urls = bool(config.get("use_directory_urls", True))
    template_dir = root / settings.custom_templates
    theme = config.get("theme") or {}
    code = settings.language or (theme.get("language") if isinstance(theme, Mapping) else None) or i18n.SOURCE_LANGUAGE
    if i18n.current().code != code:  # as the plugin does in on_config: messages, numbers and dates
        try:
            i18n.activate(i18n.Language.load(str(code), [template_dir / "locales"] if template_dir.is_dir() else []))
        except ValueError as error:
            raise ProblemsFound([Problem("mkdocs.yml", 0, "extra.explainer.language", str(error))]) from None
    pages = scan(docs_dir, root)
    site_url = str(config.get("site_url") or "")
    site = site_info(str(config.get("site_name") or ""), str(config.get("site_description") or ""), site_url,
                     settings, catalog, pages, use_directory_urls)
    context = page_context(catalog, pages, site, url, use_directory_urls,
                           template_dir if template_dir.is_dir() else None, data_dir, root)
    return PageJob(name=name, context=context, source=source, snippet_dirs=snippet_dirs, root=root)


def site_info(name: str, description: str, site_url: str, settings: Settings, catalog: Catalog, pages: PageScan,
              use_directory_urls: bool) -> SiteInfo:
    """The site as the plugin describes it: its fact index, and each item's card page where cards are split."""
    index = pages.first_page_with("facts")
    homes = views.card_homes(pages.codes, catalog)
    return SiteInfo(name, description, site_url if not site_url or site_url.endswith("/") else site_url + "/",
                    page_url(index, use_directory_urls) if index else None, settings.stale_after_days,
                    settings.cite_as, status_meanings(settings.statuses), settings.license, i18n.current().code,
                    homes={item: page_url(home, use_directory_urls) for item, home in homes.items()})


def page_context(catalog: Catalog, pages: PageScan, site: SiteInfo, url: str, use_directory_urls: bool,
                 template_dir: Path | None, data_dir: Path, root: Path) -> PageContext:
    """What rendering the shortcodes of the page at `url` needs: links relative to it, as the plugin makes them."""
    return PageContext(
        catalog=catalog,
        fact_index_url=relative_url(site.index_path, url) if site.index_path is not None else None,
        site_root=relative_url("./", url),
        site=site,
        links={kind: relative_url(page_url(path, use_directory_urls), url)
               for kind, path in pages.pages_with(LIST_KINDS).items()},
        template_dir=template_dir,
        basemap=data_dir / "basemap.json",
        cache_dir=root / basemap.FOLDER,
        homes={item: relative_url(home, url) for item, home in site.homes.items()},
        listed=views.listed_by_filters(pages.codes, catalog),
    )


def _require_watched(config: Mapping[str, Any], data_dir: Path, root: Path) -> None:
    """Zensical keeps each page's HTML under a key made of its configuration, text and URL, and a page whose key
    is unchanged never reaches this extension. The configuration holds the times of the files under `watch:`,
    so with the data folder there a data edit renders every page again; without it, the next build would
    publish the old figures, so the build stops and says why."""
    watched = {Path(str(entry[0])).resolve() for entry in config.get("watched_files") or []}
    missing = [path for path in [*data_files(data_dir), data_dir / "basemap.json"]
               if path.exists() and path.resolve() not in watched]
    if missing:
        folder = _relative(data_dir, root)
        raise ProblemsFound([Problem(config.get("config_file_path") or "mkdocs.yml", 0, "watch",
                                     f"add `- {folder}` under `watch:` so that a data edit renders the pages "
                                     f"again (Zensical reuses a page's HTML while its text is unchanged, "
                                     f"and would publish old figures)")])


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return os.fspath(path)
