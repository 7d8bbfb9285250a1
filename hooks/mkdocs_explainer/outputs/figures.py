"""Every chart and map to take away: `figures/<id>.csv` (the plotted values), `figures/<id>.svg` (the drawing,
styled inside) and `embed/<id>/index.html` (a light page for an <iframe>: the figure with its table or list,
its sources, the licence and a link back; no script, nothing from another site).

Generic over figure kinds: the rows come from `pages.figures.figure_table`, the drawing is the HTML the
kind's shortcode rendered on its page, with the page's relative links made relative to the embed page.
"""

from __future__ import annotations

import io
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..data.catalog import Catalog, Record
from ..pages import figures, shortcodes
from ..pages.render import TEMPLATES, environment
from ..siteinfo import SiteInfo
from .safecsv import SafeWriter

FIGURES_DIR = "figures"
EMBED_ROOT = "../../"
"""From embed/<id>/ back to the site root."""
_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


@dataclass(frozen=True)
class Shown:
    """Where a figure is first shown: the page's site-relative URL, and the HTML its shortcode rendered there."""

    page_url: str
    html: str


_LINK = re.compile(r'(\shref=")([^"]*)(")')


def rebase(link: str | None, page_url: str) -> str | None:
    """A link relative to a page, made relative to an embed page (embed/<id>/) instead."""
    if link is None or link.startswith(("#", "/")) or re.match(r"[a-z][a-z0-9+.-]*:", link):
        return link
    path, hash_mark, fragment = link.partition("#")
    joined = posixpath.normpath(posixpath.join(page_url, path)) if path else page_url.rstrip("/")
    joined = "" if joined == "." else joined
    slash = "/" if (path.endswith("/") or not path) and joined else ""
    return EMBED_ROOT + joined + slash + hash_mark + fragment


def rebase_links(html: str, page_url: str) -> str:
    """Every href of a page's HTML (our templates quote them with ") made relative to an embed page."""
    return _LINK.sub(lambda m: m.group(1) + (rebase(m.group(2), page_url) or "") + m.group(3), html)


def title_of(catalog: Catalog, kind: str, arg: str) -> str:
    for section in ("maps", "groups") if kind == "map" else ("groups", "maps"):
        if arg in catalog[section]:
            return str(catalog[section][arg]["title"])
    return arg


def render_csv(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = SafeWriter(buffer)  # no cell starts a formula
    writer.writerow(columns)
    writer.writerows([_cell(row.get(column)) for column in columns] for row in rows)
    return buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def standalone_svg(html: str, template_dir: Path | None) -> str:
    """The figure's drawing as an SVG file: its own <style>, since no page stylesheet reaches it."""
    match = _SVG.search(html)
    if match is None:
        raise ValueError("the figure has no drawing")
    css_file = (template_dir / "figure.svg.css") if template_dir and (template_dir / "figure.svg.css").exists() \
        else TEMPLATES / "figure.svg.css"
    css = css_file.read_text(encoding="utf-8").replace("]]>", "]]&gt;")
    svg = match.group(0)
    width = re.search(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"', svg)
    size = f' width="{width.group(1)}" height="{width.group(2)}"' if width else ""
    opening = svg.index(">") + 1
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + svg[:opening - 1] + size + ">"
            + f"<style><![CDATA[\n{css}]]></style>" + svg[opening:] + "\n")


def sources_of(catalog: Catalog, rows: list[dict[str, Any]]) -> list[Record]:
    """The sources behind a figure's rows, once each, in the order they first appear."""
    by_url = {source["url"]: source for source in catalog["sources"].values()}
    urls = dict.fromkeys(url for row in rows for url in (row.get("source_urls") or "").split(figures.JOINER) if url)
    return [by_url[url] for url in urls if url in by_url]


def write(site_dir: Path, catalog: Catalog, site: SiteInfo, shown: dict[tuple[str, str], Shown],
          template_dir: Path | None = None) -> list[Path]:
    """The CSV, SVG and embed page of every figure shown on a page."""
    written: list[Path] = []
    folder = site_dir / FIGURES_DIR
    for (kind, arg), where in sorted(shown.items()):
        kind_spec = shortcodes.KINDS.get(kind)
        if kind_spec is None:
            continue
        name = figures.figure_id(kind, arg)
        columns, rows = figures.figure_table(catalog, kind, arg, kind_spec.shows, site)
        html = rebase_links(where.html, where.page_url)
        folder.mkdir(parents=True, exist_ok=True)
        outputs = {
            folder / f"{name}.csv": render_csv(columns, rows),
            folder / f"{name}.svg": standalone_svg(str(html), template_dir),
            site_dir / figures.embed_path(name) / "index.html": environment(template_dir).get_template(
                "embed.html").render(
                site=site, title=title_of(catalog, kind, arg), figure=Markup(html), id=name, root=EMBED_ROOT,
                back=(site.address(where.page_url) if site.url else EMBED_ROOT + where.page_url) + "#" + name,
                sources=sources_of(catalog, rows)),
        }
        for path, text in outputs.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
            written.append(path)
    return written
