"""The MkDocs adapter: the pipeline's stages wired to MkDocs' build events.

`ExplainerPlugin` is what `plugins: [explainer]` loads (entry point in pyproject.toml); a site that keeps
a hook file instead (`hooks/facts.py`) drives one instance of it with the settings under `extra: explainer:`.
Everything MkDocs-specific (config, files, URLs, events) lives here; the stages below know nothing of MkDocs.

MkDocs keeps a plugin that has `on_startup` (and a hook module) across the builds of `mkdocs serve`, so
everything read from files is read inside events, on every build.
"""

from __future__ import annotations

import gc
import importlib
import logging
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markdown.extensions.toc import slugify as toc_slugify
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, meta

from . import i18n, preview
from .build import html_fixes
from .build.interrupts import Interrupts
from .build.staging import Staging
from .data.catalog import Catalog, build_catalog
from .outputs import Outputs
from .pages import anchors, render, shortcodes
from .pages import scan as pages
from .pages.markdown_ext import ShortcodeExtension
from .problems import Problem, ProblemsFound, surviving_method
from .siteinfo import STATUS_MEANING, License, SiteInfo, status_meanings

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.utils.templates import TemplateContext

# Under `mkdocs.plugins.` so that strict mode counts our warnings.
log = logging.getLogger("mkdocs.plugins.explainer")

THEME = Path(__file__).resolve().parent / "theme"
"""Theme templates (head tags, "last updated", scripts) and the CSS and scripts the pages use (assets/)."""
STYLESHEETS = ("assets/explainer.css", "assets/a11y.css")
LIST_KINDS = ("sources", "corrections", "timeline", "places")
"""Shortcodes that list everything of a kind: other pages link to the first page holding one."""


# MkDocs' Config.__init_subclass__ has no type hints: mypy --strict flags every subclass of it.
class ExplainerConfig(base.Config):  # type: ignore[no-untyped-call]
    """The plugin's options (`plugins: - explainer: {...}`, or `extra: explainer:` for the hook)."""

    data_dir = c.Type(str, default="data")
    """Folder of the YAML facts, relative to mkdocs.yml."""
    stale_after_days = c.Optional(c.Type(int))
    """Facts not reviewed for this many days are listed by every build (an INFO notice); unset: no notice."""
    cite_as = c.Optional(c.Type(str))
    """The site's name in "Cite this" texts; `site_name` when unset."""
    statuses = c.DictOfItems(c.Type(str), default={})
    """The status legend's wording, by status; a status left out keeps the default wording."""
    custom_templates = c.Type(str, default="explainer-templates")
    """Folder beside mkdocs.yml whose templates replace the package's of the same name (if it exists)."""
    license = c.Optional(c.Type(str))
    """The licence of the site's own data and text (e.g. `CC BY 4.0`), stated in the exports, the feed, the
    Dataset description and the footer; with `license_url`. Unset: no licence is stated."""
    license_url = c.Optional(c.URL())
    """Where the licence's terms are published, e.g. https://creativecommons.org/licenses/by/4.0/."""
    language = c.Optional(c.Type(str))
    """The language readers read (BCP 47: en, ko, de...): the messages' catalogue, numbers and dates.
    Unset: the theme's `language` (Material), else English."""


class ExplainerPlugin(BasePlugin[ExplainerConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.serving = False
        self.stage = False
        self.staging: Staging | None = None
        self.interrupts = Interrupts()
        self.failed = False
        self.built = False
        """Set once this build's outputs are written: only then may the staged folder replace the site."""
        self.mkdocs_config: MkDocsConfig | None = None
        self.catalog: Catalog | None = None
        self.problems: list[Problem] = []
        self.index_page: str | None = None
        self.outputs: Outputs | None = None
        self.scan: pages.PageScan | None = None
        self.template_dir: Path | None = None
        self.language = i18n.current()
        self.list_pages: dict[str, str] = {}
        """Pages holding the generated lists that other pages link to, by shortcode kind."""
        self.shortcodes = ShortcodeExtension(shortcodes.KINDS, shortcodes.BLOCK_KINDS)
        """Renders the shortcodes inside Python-Markdown; told each page's HTML in on_page_markdown."""
        self.page_ids: dict[str, list[tuple[int, list[str]]]] = {}
        """By page: each shortcode's line and the HTML ids it renders, to trace an id used twice to its lines."""
        self.page_markers: tuple[str, dict[str, list[Any]]] = ("", {})
        """The page scan's findings by page text, for the Markdown settings named first (kept across previews)."""

    def load_settings(self, options: Mapping[str, Any], config_file_path: str | None, where: str) -> None:
        """Check options the way MkDocs checks a plugin's (for a hook reading them from `extra`)."""
        errors, warnings = self.load_config(dict(options), config_file_path)
        for key, warning in warnings:
            log.warning(f"{where}.{key}: {warning}")
        if errors:
            raise PluginError("\n".join(f"{where}.{key}: {error}" for key, error in errors))

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        # Publishing is always a full, clean build into a fresh folder, `--dirty` or not.
        self.stage = command in ("build", "gh-deploy")
        if self.stage:
            self.interrupts.install()  # Ctrl-C or `kill` must leave site/ alone and no staging folder behind
        preview.start(command, dirty)  # `mkdocs serve --dirty`: rebuild only the pages an edit changes

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if any(isinstance(ext, ShortcodeExtension) for ext in config.markdown_extensions):
            # Two instances would stage the site twice and publish an empty folder.
            raise PluginError("The explainer is loaded twice: as `plugins: [explainer]` and through a hook file "
                              "under `hooks:` (such as hooks/facts.py) that drives it. Keep one of the two.")
        if unknown := sorted(set(self.config.statuses) - set(STATUS_MEANING)):
            raise PluginError(f"explainer.statuses: unknown status {', '.join(unknown)} "
                              f"(the statuses are {', '.join(STATUS_MEANING)})")
        if (self.config.license is None) != (self.config.license_url is None):
            raise PluginError("explainer.license and explainer.license_url go together: give both, or neither")
        self.mkdocs_config, self.failed, self.built = config, False, False
        # Like Material's custom_dir: the site's own theme folder first, then ours, then the theme's.
        dirs = config.theme.dirs
        if str(THEME) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        config.extra_css[:0] = [sheet for sheet in STYLESHEETS if sheet not in config.extra_css]
        # The theme's footer (theme/partials/copyright.html) states the licence; it reads it from here.
        license = self._license()
        config.extra["fx_license"] = license.to_json() if license else None
        custom = Path(config.config_file_path).parent / self.config.custom_templates
        self.template_dir = custom if custom.is_dir() else None
        # Every message and number from here on is in the edition's language (a site's own catalogues first).
        code = self.config.language or config.theme.get("language") or i18n.SOURCE_LANGUAGE
        try:
            self.language = i18n.activate(i18n.Language.load(code, [custom / "locales"] if self.template_dir else []))
        except ValueError as error:
            raise PluginError(f"explainer.language: {error}") from None
        # `mkdocs serve` rebuilds when the facts or the templates change, as when a page does.
        data_dir = Path(config.config_file_path).parent / self.config.data_dir
        for folder in (data_dir, self.template_dir, render.TEMPLATES):
            if folder is not None and folder.is_dir() and str(folder) not in config.watch:
                config.watch.append(str(folder))
        if self.stage:
            with self.interrupts.held():
                self.staging = Staging.start(config.site_dir)
                self.interrupts.at_exit(self.staging.discard)
            config.site_dir = str(self.staging.staged)
        config.markdown_extensions.append(self.shortcodes)  # type: ignore[arg-type]  # MkDocs takes Extension objects too
        return config

    # Under `mkdocs serve`, an exception escaping an event stalls every request of the live-reload server:
    # each event below turns any exception into problems shown in the page (tracebacks: `mkdocs serve -v`).

    def _show_problems(self, problems: list[Problem], *args: Any, **kwargs: Any) -> None:
        self.problems, self.catalog = problems, None

    def _problems_page(self, problems: list[Problem], *args: Any, **kwargs: Any) -> str:
        return render.render_problems(problems, self.template_dir)

    def _problems_in_site(self, problems: list[Problem], *, config: MkDocsConfig) -> None:
        render.show_problems_in_site(Path(config.site_dir), problems, self.template_dir)

    @surviving_method("_show_problems", PluginError)
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        root = Path(config.config_file_path).parent
        docs_dir = Path(config.docs_dir)
        self.catalog, self.problems, self.outputs, self.shortcodes.render, self.scan = None, [], None, None, None
        self.page_ids = {}
        try:
            catalog = build_catalog(root / self.config.data_dir, root)
            key = pages.settings_key(config.markdown_extensions, config.mdx_configs)
            if key != self.page_markers[0]:
                self.page_markers = (key, {})
            parser = pages.PageParser(config.markdown_extensions, config.mdx_configs, meta.get_data,
                                      memo=self.page_markers[1])
            scan = pages.scan_pages(docs_dir, root, catalog, parser)
            self.page_markers = (key, parser.used)
            if scan.problems:
                raise ProblemsFound(scan.problems)
        except ProblemsFound as error:
            if not self.serving:
                raise PluginError(str(error)) from None
            # The preview keeps running and shows the problems in every page instead of a stale site.
            log.error(str(error))
            self.problems = error.problems
            return
        self.catalog, self.index_page, self.scan = catalog, scan.first_page_with("facts"), scan
        index_url = None
        if self.index_page is not None:
            index_url = File(self.index_page, config.docs_dir, config.site_dir, config.use_directory_urls).url
        site = SiteInfo.from_config(config, index_url, self.config.stale_after_days, self.config.cite_as,
                                    status_meanings(self.config.statuses), self._license(), self.language.code)
        # Also logs facts overdue for review (INFO).
        self.outputs = Outputs(site, catalog, scan, root / ".cache", template_dir=self.template_dir)
        self.list_pages = scan.pages_with(LIST_KINDS)
        if not self.serving:
            # A build's process ends with the build, and all there is now (config, catalog) lives until then:
            # spare the garbage collector walking these objects again and again while the pages are built.
            # Not in `mkdocs serve`, where a frozen earlier build could then never be collected.
            gc.freeze()
        if unshown := sorted(set(catalog["facts"]) - scan.shown):
            log.warning(f"Facts shown on no page (use <!-- fact:id --> somewhere): {', '.join(unshown)}")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        dataset_pages = [] if self.outputs is None or self.outputs.downloads_anywhere else ["index.md"]
        data_dir = Path(config.config_file_path).parent / self.config.data_dir
        preview.choose_pages(files, config, data_dir, self.catalog, self.scan, dataset_pages)
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # The theme's own additions (theme/main.html...) take their words from the same catalogue.
        env.globals["fx_"] = lambda message, **values: i18n.current().gettext(message, **values)
        if self.serving:
            preview.reuse_compiled_templates(env)
        preview.restore_pages(config, files)
        return env

    def _license(self) -> License | None:
        if self.config.license is None or self.config.license_url is None:
            return None
        return License(self.config.license, self.config.license_url)

    @surviving_method("_problems_page", PluginError)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.shortcodes.render = None
        if self.problems or self.catalog is None:
            return render.render_problems(self.problems, self.template_dir)
        index = files.get_file_from_path(self.index_page) if self.index_page else None
        context = render.PageContext(
            catalog=self.catalog,
            fact_index_url=get_relative_url(index.url, page.url) if index else None,
            site_root=_site_root(page),
            links={kind: _url_of(path, page, files) for kind, path in self.list_pages.items()},
            site=self.outputs.site if self.outputs else None,
            template_dir=self.template_dir,
            basemap=Path(config.config_file_path).parent / self.config.data_dir / "basemap.json",
        )
        if self.outputs:
            self.outputs.note_page(page)
        codes = self.scan.codes.get(page.file.src_uri, []) if self.scan else []
        rendered = shortcodes.render_page(codes, context)  # a broken template raises ProblemsFound here
        self.page_ids[page.file.src_uri] = [
            (code.line, anchors.ids_in(str(rendered.get((code.kind, code.arg), "")))) for code in codes]
        self.shortcodes.render = lambda kind, arg: rendered.get((kind, arg))
        return markdown

    @surviving_method(build_error=PluginError)
    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        if self.outputs:
            self.outputs.annotate(page, _site_root(page))  # JSON-LD, social cards, feed link, "last updated"
        return context

    @surviving_method(build_error=PluginError)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        output = html_fixes.fix_html(output)
        self._report_repeated_ids(output, page, config)
        return output

    def _report_repeated_ids(self, html: str, page: Page, config: MkDocsConfig) -> None:
        codes = self.page_ids.pop(page.file.src_uri, [])
        if self.catalog is None or not anchors.repeated_ids(html, codes):
            return
        text = page.file.content_string
        body, _ = meta.get_data(text)
        toc = config.mdx_configs.get("toc") or {}
        slugify = toc.get("slugify") or toc_slugify
        headings = anchors.heading_lines(body, slugify, 1 + len(text.splitlines()) - len(body.splitlines()))
        name = Path(page.file.abs_src_path or page.file.src_uri)
        root = Path(config.config_file_path).parent
        shown = name.relative_to(root).as_posix() if name.is_relative_to(root) else name.as_posix()
        produced = [*codes, *((line, [anchor]) for line, anchor in headings)]
        for repeated in anchors.repeated_ids(html, produced):
            line = repeated.lines[-1] if repeated.lines else 0
            log.warning(f"{shown}:{line}: {repeated.message()}")

    @surviving_method(build_error=PluginError)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        # Theme pages such as 404.html skip on_post_page; sitemap.xml is not HTML.
        return html_fixes.fix_html(output_content) if template_name.endswith(".html") else output_content

    @event_priority(50)  # before the search plugin writes its index
    @surviving_method("_problems_in_site", PluginError)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        preview.complete_search_index(config)
        if self.outputs:
            self.outputs.pages = preview.complete_page_infos(self.outputs.pages, lambda info: info.url)
            self.outputs.write(Path(config.site_dir))  # facts.json/.csv, changes.xml, social card, sitemap
        if missing := self.language.missing:  # shown in English: a notice for the translators, not a failure
            log.info(f"{len(missing)} message(s) shown in English for want of a '{self.language.code}' translation "
                     f"(add them to {self.language.code}/LC_MESSAGES/{i18n.DOMAIN}.po): {'; '.join(missing)}")
        preview.finish()
        self.built = True

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        # A build with unchanged data never imports the validator (see cache.py); import it now, while the
        # editor reads, so that the first data edit does not wait for pydantic to load.
        threading.Thread(target=importlib.import_module, args=("mkdocs_explainer.data.validate",), daemon=True).start()
        return server

    def on_build_error(self, *, error: Exception) -> None:
        self.failed = True
        preview.failed()

    def on_shutdown(self) -> None:
        staging, self.staging = self.staging, None
        if staging is None or self.mkdocs_config is None:
            self.interrupts.uninstall()
            return
        self.mkdocs_config.site_dir = str(staging.final)  # gh-deploy reads it after the build
        # MkDocs calls this from a `finally`: an exception on its way out (KeyboardInterrupt is not reported
        # to on_build_error) means the staged folder is unfinished.
        interrupted = self.interrupts.received is not None or sys.exc_info()[0] is not None
        try:
            if self.failed or interrupted or not self.built:
                staging.discard()
            else:
                with self.interrupts.held():  # a swap is never left half done
                    staging.commit()
        finally:
            self.interrupts.uninstall()


def _site_root(page: Page) -> str:
    """Relative URL from the page to the site root: "../", never ".." (paths are appended)."""
    return get_relative_url(".", page.url).rstrip("/") + "/"


def _url_of(path: str, page: Page, files: Files) -> str:
    target = files.get_file_from_path(path)
    return get_relative_url(target.url, page.url) if target else ""
