"""The `explainer` command: `explainer new DIR` starts an explainer; `schema` and `stale` help maintain one;
`export SITE_DIR` writes what the MkDocs plugin writes after the pages, for a generator without plugins (Zensical)."""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
import sys
from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from . import __version__
from .data import editor_schema
from .data import settings as project_settings
from .data.catalog import site_vocabulary
from .outputs import stale
from .problems import ProblemsFound

STARTER = "starter"
"""The package folder copied by `explainer new`."""
STARTER_REVIEWED = b"reviewed: 2025-01-20"
"""The starter's review dates, which `new` sets to the day it runs: a new explainer starts with nothing overdue."""


def starter_files(folder: Traversable | None = None, prefix: str = "") -> Iterator[tuple[str, Traversable]]:
    """Every file of the starter tree, as (path relative to the new explainer, resource)."""
    folder = folder or resources.files("mkdocs_explainer") / STARTER
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        if entry.is_dir():
            yield from starter_files(entry, f"{prefix}{entry.name}/")
        else:
            yield prefix + entry.name, entry


def new(target: Path, today: dt.date | None = None) -> list[Path]:
    """Copy the starter tree into `target` (created; it must be empty) and write the editor schema."""
    reviewed = f"reviewed: {(today or dt.date.today()).isoformat()}".encode()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise SystemExit(f"explainer new: {target} is not an empty folder; choose a new or empty one (nothing was written)")
    written = []
    for name, resource in starter_files():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(resource.read_bytes().replace(STARTER_REVIEWED, reviewed))
        written.append(path)
    written.append(editor_schema.write(target / "data"))
    return written


def export_site(site_dir: Path, config_file: Path) -> list[str]:
    """The exports (facts.json, facts.csv, their schema and data package), the changes feed, the social card and
    the sitemap with each page's last change from the data, written into a site another generator built."""
    from mkdocs.utils.yaml import yaml_load  # reads `!ENV` as MkDocs does

    from .outputs import Outputs, editions, items_shown_by, seo
    from .pages import history, shortcodes, standalone
    from .pages.figures import FIGURE_KINDS
    from .pages.scan import scan_pages

    with config_file.open(encoding="utf-8") as handle:
        config = yaml_load(handle) or {}
    root = config_file.resolve().parent
    extra = config.get("extra") or {}
    options = extra.get("explainer") if isinstance(extra, dict) else None
    settings = standalone.Settings.read(options)
    data_dir = root / _data_dir(config, options)
    catalog = standalone.load_catalog(data_dir, root)
    scan = scan_pages(root / str(config.get("docs_dir") or "docs"), root, catalog)
    directory_urls = bool(config.get("use_directory_urls", True))
    site = standalone.site_info(str(config.get("site_name") or ""), str(config.get("site_description") or ""),
                                str(config.get("site_url") or ""), settings, catalog, scan, directory_urls)
    template_dir = root / settings.custom_templates
    outputs = Outputs(site, catalog, scan, root / ".cache", template_dir=template_dir if template_dir.is_dir() else None)
    # The site's language editions, as the plugin lists each page's own in the others (sitemap hreflang).
    theme = config.get("theme") or {}
    language = settings.language or (theme.get("language") if isinstance(theme, dict) else None) or "en"
    listed = options.get("editions") if isinstance(options, dict) else None
    all_editions = editions.parse(listed if isinstance(listed, list) else [], root)
    edition = next((e for e in all_editions if e.lang == language), None)
    for page, codes in sorted(scan.codes.items(), key=lambda entry: (standalone.page_url(entry[0]) != "", entry[0])):
        page_url = standalone.page_url(page, directory_urls)
        alternates = editions.sitemap_alternates(all_editions, edition, page, page_url, site.url) if edition else ()
        outputs.pages.append(seo.PageInfo("", "", page_url, standalone.relative_url("", page_url), page_url == "",
                                          history.page_dates(items_shown_by(codes, catalog)), False,
                                          alternates=alternates))
        # Charts and maps, drawn as on their page: their CSV, SVG and embed page (as the plugin notes them).
        context = standalone.page_context(catalog, scan, site, page_url, directory_urls, outputs.template_dir, data_dir, root)
        outputs.note_figures(page_url, {(code.kind, code.arg): shortcodes.render_shortcode(context, code.kind, code.arg)
                                        for code in codes if code.kind in FIGURE_KINDS})
    site_dir.mkdir(parents=True, exist_ok=True)
    before = {p for p in site_dir.rglob("*") if p.is_file()}
    outputs.write(site_dir)
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if (p.is_file() and p not in before)
                  or p.name.startswith(("facts.", "changes.", "sitemap.")))


def _data_dir(config: dict[str, object], options: object) -> str:
    """The data folder: `extra: explainer: data_dir`, else the shortcode extension's option, else `data`."""
    if isinstance(options, dict) and options.get("data_dir"):
        return str(options["data_dir"])
    extensions = config.get("markdown_extensions") or []
    for entry in extensions if isinstance(extensions, list) else [extensions]:
        if isinstance(entry, dict):
            for name, values in entry.items():
                if name in ("explainer", "mkdocs_explainer.pages.markdown_ext") and isinstance(values, dict):
                    return str(values.get("data_dir") or "data")
    return "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="explainer", description="Sourced explainers from curated YAML facts.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    start = commands.add_parser("new", help="create a new explainer in DIR (a new or empty folder)")
    start.add_argument("dir", type=Path)
    schema = commands.add_parser("schema", help="write schema.json into DIR's data folder (mkdocs.yml's data_dir), "
                                                "the schema editors' YAML tools read")
    schema.add_argument("dir", type=Path, nargs="?", default=Path("."))
    review = commands.add_parser("stale", help=f"list facts overdue for review in DIR (exits 1 if any); the limit is "
                                                f"mkdocs.yml's stale_after_days, else {stale.DEFAULT_DAYS} days")
    review.add_argument("dir", type=Path, nargs="?", default=Path("."))
    written = commands.add_parser(
        "export", help="write the exports, the changes feed and the sitemap into SITE_DIR, a site built by a "
                       "generator that runs no plugins (e.g. after `zensical build`)")
    written.add_argument("site_dir", type=Path)
    written.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    if args.command == "new":
        new(args.dir)
        print(f"Created an explainer in {args.dir}. Next:\n  cd {shlex.quote(str(args.dir))}\n  make serve")
        return 0
    if args.command == "export":
        from .problems import ProblemsFound

        if not args.config_file.is_file():
            print(f"explainer export: {args.config_file} not found; run it in the project folder or give -f", file=sys.stderr)
            return 2
        try:
            files = export_site(args.site_dir, args.config_file)
        except ProblemsFound as error:
            print(error, file=sys.stderr)
            return 1
        print(f"wrote {', '.join(files)} in {args.site_dir}")
        return 0
    if args.command == "schema":
        return write_schema(args.dir, schema)
    return stale.main(["--root", str(args.dir)], prog="explainer stale")


def write_schema(root: Path, parser: argparse.ArgumentParser) -> int:
    """`explainer schema DIR`: schema.json in the project's data folder (mkdocs.yml's data_dir, else data/)."""
    config_file = root / "mkdocs.yml"
    try:
        options = project_settings.read(config_file) if config_file.is_file() else {}
        data_dir = project_settings.data_folder(root, options.get("data_dir", "data"))
    except project_settings.SettingsError as error:
        parser.error(str(error))
    if not data_dir.is_dir():
        parser.error(f"{data_dir} is not a folder: give an explainer's folder (one made by `explainer new`)")
    try:
        words = site_vocabulary(root)
    except ProblemsFound as error:
        parser.error(str(error.problems[0]))
    print(f"wrote {editor_schema.write(data_dir, words)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
