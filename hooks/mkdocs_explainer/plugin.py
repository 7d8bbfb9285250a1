"""The MkDocs adapter: the pipeline's stages wired to MkDocs' build events.

`ExplainerPlugin` is what `plugins: [explainer]` loads (entry point in pyproject.toml); a site that keeps
a hook file instead (`hooks/facts.py`) drives one instance of it with the settings under `extra: explainer:`.
Everything MkDocs-specific (config, files, URLs, events) lives here; the stages below know nothing of MkDocs.

MkDocs keeps a plugin that has `on_startup` (and a hook module) across the builds of `mkdocs serve`, so
everything read from files is read inside events, on every build.
"""

from __future__ import annotations

import dataclasses
import gc
import html
import importlib
import logging
import sys
import threading
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
from mkdocs.utils import get_relative_url, is_error_template, meta

from . import i18n, preview, setup_checks
from .build import html_fixes
from .build.interrupts import Interrupts
from .build.staging import Staging
from .data import settings as project_settings
from .data import translations, vocabulary
from .data.catalog import Catalog, build_catalog
from .data.evidence_settings import EvidenceSettings, check_language, check_settings
from .outputs import Outputs, editions
from .pages import anchors, basemap, fairness, render, shortcodes, views
from .pages import scan as pages
from .pages.markdown_ext import PageJob, ShortcodeExtension
from .pages.shortcodes import Shortcode
from .pages.standalone import LIST_KINDS
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
EXTENSION_NAMES = ("explainer", "mkdocs_explainer.pages.markdown_ext")
"""How `markdown_extensions:` names the shortcode extension (entry point, module): the plugin drives it."""


class _ReviewDays(c.Type[int]):
    """A review period in whole days: `true`, -1 and a million years are errors, not numbers."""

    def __init__(self) -> None:
        super().__init__(int)

    def run_validation(self, value: object) -> int:
        try:
            return project_settings.check_days(value, "expected")
        except project_settings.SettingsError as error:
            raise base.ValidationError(str(error).removeprefix("expected: ")) from None


CUSTOM_TEMPLATES = "explainer-templates"


# MkDocs' Config.__init_subclass__ has no type hints: mypy --strict flags every subclass of it.
class ExplainerConfig(base.Config):  # type: ignore[no-untyped-call]
    """The plugin's options (`plugins: - explainer: {...}`, or `extra: explainer:` for the hook)."""

    data_dir = c.Type(str, default="data")
    """Folder of the YAML facts, relative to mkdocs.yml."""
    stale_after_days = c.Optional(_ReviewDays())
    """Facts not reviewed for this many days are listed by every build (an INFO notice); unset: no notice."""
    cite_as = c.Optional(c.Type(str))
    """The site's name in "Cite this" texts; `site_name` when unset."""
    statuses = c.DictOfItems(c.Type(str), default={})
    """The status legend's wording, by status; a status left out keeps the default wording."""
    custom_templates = c.Type(str, default=CUSTOM_TEMPLATES)
    """Folder beside mkdocs.yml whose templates replace the package's of the same name (if it exists)."""
    license = c.Optional(c.Type(str))
    """The licence of the site's own data and text (e.g. `CC BY 4.0`), stated in the exports, the feed, the
    Dataset description and the footer; with `license_url`. Unset: no licence is stated."""
    license_url = c.Optional(c.URL())
    """Where the licence's terms are published, e.g. https://creativecommons.org/licenses/by/4.0/."""
    editions = c.ListOfItems(c.Type(dict), default=[])
    """The site's language editions, each `{lang: ko, root: ko/, docs_dir: docs-ko}` (root inside the published
    site); the same list in every edition's config. Each page links to itself in the others (hreflang) and
    Material's language switcher lists them. Empty: one language."""
    place_kinds = c.Optional(c.DictOfItems(c.Choice(tuple(vocabulary.SHAPES))))
    """The kinds of places, each with its marker's shape (circle, square, triangle, diamond); unset: neutral defaults."""
    claimant_kinds = c.Optional(c.ListOfItems(c.Type(str)))
    """The kinds of claimants; unset: neutral defaults (government, agency, official, person, media...)."""
    route_modes = c.Optional(c.DictOfItems(c.Choice(tuple(vocabulary.LINES))))
    """How a route's legs were travelled, each with its line (solid, dashed, dash-dot, dotted); unset: road, rail, ship, air, foot."""
    language = c.Optional(c.Type(str))
    """The language readers read (BCP 47: en, ko, de...): the messages' catalogue, numbers and dates; also the
    language of the sources' excerpts that give no `lang:`. Unset: the theme's `language` (Material), else English."""
    hedges = c.Type(dict, default={})
    """Hedge words to add to the evidence checks' tables, by language and qualifier: {de: {about: [rund, etwa]}}."""


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
        self.homes: dict[str, str] = {}
        """Item id → the page (relative to docs/) holding its card, when cards are split over pages."""
        self.listed: frozenset[str] = frozenset()
        """Items on pages of <!-- facts:FILTER -->: a plain <!-- facts --> lists the others."""
        self.language = i18n.current()
        self.editions: list[editions.Edition] = []
        self.edition: editions.Edition | None = None
        self.untranslated: list[str] = []
        """Texts of the data shown in English in this edition (see data/translations.py)."""
        self.list_pages: dict[str, str] = {}
        """Pages holding the generated lists that other pages link to, by shortcode kind."""
        self.shortcodes = ShortcodeExtension()
        """Renders and checks the shortcodes inside Python-Markdown; handed each page in on_page_markdown."""
        self.shortcodes.hosted = True
        self.evidence = EvidenceSettings()
        """The evidence checks' default language and the site's hedge tables (from on_config)."""
        self.page_problems: dict[str, list[Problem]] = {}
        """Each converted page's shortcode problems, by src_uri: checked together in on_env, before any write."""
        self.scanned: dict[str, list[Shortcode]] = {}
        """The shortcodes the page scan read from each page's text, to compare with what the conversions found."""
        self.page_ids: dict[str, list[tuple[int, list[str]]]] = {}
        """By page: each shortcode's line and the HTML ids it renders, to trace an id used twice to its lines."""

    def load_settings(self, options: Any, config_file_path: str | None, where: str) -> None:
        """Check options the way MkDocs checks a plugin's (for a hook reading them from `extra`)."""
        try:
            options = project_settings.options_mapping(options, where.replace(".", ": "))
        except project_settings.SettingsError as error:
            raise PluginError(str(error)) from None
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
        language = self.config.language or config.theme.get("language") or "en"
        if mistakes := check_language(language) + check_settings(self.config.hedges):
            raise PluginError("\n".join(f"explainer.{mistake}" for mistake in mistakes))
        try:
            project_settings.data_folder(Path(config.config_file_path).parent, self.config.data_dir, "explainer.data_dir")
        except project_settings.SettingsError as error:
            raise PluginError(str(error)) from None
        # Material prints these settings unescaped in every page's header and navigation: they must be text
        # that reads the same as HTML (our own head tags escape them).
        for key in ("site_name", "site_author"):
            text = str(config[key] or "")
            if "<" in text or ">" in text or html.unescape(text) != text:  # markup, or an entity read as one
                raise PluginError(f"{key}: write it as plain text, without <, > or an HTML entity such as &amp; "
                                  f"(got {config[key]!r})")
        self.mkdocs_config, self.failed, self.built = config, False, False
        # Like Material's custom_dir: the site's own theme folder first, then ours, then the theme's.
        dirs = config.theme.dirs
        if str(THEME) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        config.extra_css[:0] = [sheet for sheet in STYLESHEETS if sheet not in config.extra_css]
        custom = Path(config.config_file_path).parent / self.config.custom_templates
        self.template_dir = custom if custom.is_dir() else None
        for warning in setup_checks.warnings(config, THEME / "main.html", custom, self.config.custom_templates != CUSTOM_TEMPLATES):
            log.warning(warning)
        # The site's own shortcodes: custom_templates/shortcodes/NAME.html is <!-- NAME:id -->.
        for warning in shortcodes.use_site_kinds(self.template_dir):
            log.warning(warning)
        self.shortcodes.kinds, self.shortcodes.block_kinds = set(shortcodes.KINDS), set(shortcodes.BLOCK_KINDS)
        # Every message and number from here on is in the edition's language (a site's own catalogues first).
        code = self.config.language or config.theme.get("language") or i18n.SOURCE_LANGUAGE
        try:
            self.language = i18n.activate(i18n.Language.load(code, [custom / "locales"] if self.template_dir else []))
        except ValueError as error:
            raise PluginError(f"explainer.language: {error}") from None
        # The theme's footer (theme/partials/copyright.html) states the licence; it reads it from here.
        license = self._license()
        config.extra["fx_license"] = license.to_json() if license else None
        self._set_up_editions(config)
        i18n.set_data_language(self.editions[0].lang if self.editions else None)
        # Excerpts with no `lang:` are in the data's language, which a translated edition does not change.
        self.evidence = EvidenceSettings(i18n.data_language(), self.config.hedges)
        # `mkdocs serve` rebuilds when the facts or the templates change, as when a page does.
        data_dir = Path(config.config_file_path).parent / self.config.data_dir
        snippets = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", [])
        snippet_dirs = [Path(config.config_file_path).parent / p for p in ([snippets] if isinstance(snippets, str) else snippets)]
        for folder in (data_dir, self.template_dir, render.TEMPLATES, *snippet_dirs):  # snippets: pages include them
            if folder is not None and folder.is_dir() and str(folder) not in config.watch:
                config.watch.append(str(folder))
        if self.stage:
            with self.interrupts.held():
                self.staging = Staging.start(config.site_dir)
                self.interrupts.at_exit(self.staging.discard)
            if self.edition:  # a build of this edition keeps the others published inside its folder (ko/)
                self.staging.keep = [e.root.split("/")[0] for e in self.editions
                                     if e != self.edition and e.root.startswith(self.edition.root)]
            config.site_dir = str(self.staging.staged)
        self._drive_extension(config)
        return config

    def _drive_extension(self, config: MkDocsConfig) -> None:
        """One instance of the shortcode extension, handed each page with the catalog this build loaded: a
        `markdown_extensions:` entry naming it (for hosts without plugins, like Zensical) is taken over."""
        for name in EXTENSION_NAMES:
            if name not in config.markdown_extensions:
                continue
            config.markdown_extensions.remove(name)
            options = config.mdx_configs.pop(name, None) or {}
            wanted = Path(config.config_file_path).parent / self.config.data_dir
            given = Path(config.config_file_path).parent / str(options.get("data_dir", "data"))
            if given.resolve() != wanted.resolve():
                raise PluginError(f"markdown_extensions: {name}: data_dir is {options.get('data_dir', 'data')!r} but the "
                                  f"explainer's data_dir is {self.config.data_dir!r}; give both the same folder")
        if self.shortcodes not in config.markdown_extensions:  # type: ignore[comparison-overlap]
            config.markdown_extensions.append(self.shortcodes)  # type: ignore[arg-type]  # MkDocs takes Extension objects too

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
        self.catalog, self.problems, self.outputs, self.shortcodes.job, self.scan = None, [], None, None, None
        self.page_problems, self.page_ids = {}, {}
        render.COMPILED.keep_in(root / ".cache" / "explainer-templates")
        try:
            catalog = build_catalog(root / self.config.data_dir, root, self.evidence, self._vocabulary())
            self.untranslated = []
            if self.language.code != i18n.data_language():  # this edition's words over the data's (figures stay the data's)
                translated = translations.translate(
                    catalog, translations.path_for(root / self.config.data_dir, self.language.code), root)
                catalog, self.untranslated = translated.catalog, translated.missing
            # The pages' text, read without converting it: what links between pages need. Each page's
            # conversion checks its own shortcodes (on_page_content); on_env sees them all before any write.
            scan = pages.scan_pages(docs_dir, root, catalog)
            self.scanned = dict(scan.codes)
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
        self.homes = views.card_homes(scan.codes, catalog)
        self.listed = views.listed_by_filters(scan.codes, catalog)
        page_urls = {page: File(page, config.docs_dir, config.site_dir, config.use_directory_urls).url
                     for page in set(self.homes.values())}
        site = dataclasses.replace(site, homes={item: page_urls[page] for item, page in self.homes.items()})
        # Also logs facts overdue for review (INFO).
        self.outputs = Outputs(site, catalog, scan, root / ".cache", template_dir=self.template_dir)
        self.list_pages = scan.pages_with(LIST_KINDS)
        if not self.serving:
            # A build's process ends with the build, and all there is now (config, catalog) lives until then:
            # spare the garbage collector walking these objects again and again while the pages are built.
            # Not in `mkdocs serve`, where a frozen earlier build could then never be collected.
            gc.freeze()

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        dataset_pages = [] if self.outputs is None or self.outputs.downloads_anywhere else ["index.md"]
        data_dir = Path(config.config_file_path).parent / self.config.data_dir
        preview.choose_pages(files, config, data_dir, self.catalog, self.scan, dataset_pages)
        return files

    @surviving_method(build_error=PluginError)
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self._check_pages(config, files)
        # The theme's own additions (theme/main.html...) take their words from the same catalogue.
        env.globals["fx_"] = lambda message, **values: i18n.current().gettext(message, **values)
        # The theme's templates too: MkDocs compiles them afresh in every build.
        env.bytecode_cache = render.COMPILED
        preview.restore_pages(config, files)
        return env

    def _set_up_editions(self, config: MkDocsConfig) -> None:
        base = Path(config.config_file_path).parent
        try:
            self.editions = editions.parse(self.config.editions, base)
        except (KeyError, ValueError) as error:
            raise PluginError(f"explainer.editions: each edition needs lang, root and docs_dir ({error})") from None
        self.edition = next((e for e in self.editions if e.lang == self.language.code), None)
        if self.editions and self.edition is None:
            raise PluginError(f"explainer.editions: none is in this build's language '{self.language.code}'")
        if self.edition:  # for pages without their own (404.html): each edition's home
            config.extra["alternate"] = editions.switcher(self.editions, self.edition, site_url=config.site_url or "")

    def _vocabulary(self) -> vocabulary.Vocabulary:
        try:
            return vocabulary.from_options(self.config.place_kinds, self.config.claimant_kinds, self.config.route_modes)
        except project_settings.SettingsError as error:
            raise ProblemsFound([Problem("mkdocs.yml", 0, "", f"explainer.{error}")]) from None

    def _license(self) -> License | None:
        if self.config.license is None or self.config.license_url is None:
            return None
        return License(self.config.license, self.config.license_url)

    def _check_pages(self, config: MkDocsConfig, files: Files) -> None:
        """Every page is converted, none written: the shortcode problems of all pages stop the build here."""
        if self.catalog is None or self.scan is None:
            return
        problems = [problem for found in self.page_problems.values() for problem in found]
        docs = Path(config.docs_dir)
        scanned = pages.PageScan(codes=self.scanned)
        for kind in ("facts", *LIST_KINDS):
            home, read = self.scan.first_page_with(kind), scanned.first_page_with(kind)
            if read is not None and read != home:
                problems.append(Problem(_name(docs / read, config), 0, f"<!-- {kind} -->",
                                        "other pages would link to this list here, but the page shows it as code "
                                        "(an indented block?); put the example in a fenced block or backticks"))
            elif home is not None and home != read:
                problems.append(Problem(_name(docs / home, config), 0, f"<!-- {kind} -->",
                                        "other pages link to this list, so write it in the page itself on a line "
                                        "of its own, not through a snippet"))
        if problems:
            error = ProblemsFound(problems)
            if not self.serving:
                raise PluginError(str(error))
            log.error(str(error))
            preview.failed()  # the next build is a full one
            box = render.render_problems(error.problems, self.template_dir)
            for file in files.documentation_pages():
                if file.page is not None:
                    file.page.content = box
            return
        shown = pages.items_shown([code for codes in self.scan.codes.values() for code in codes], self.catalog)
        # A translated edition may lag behind the source language's pages: listed, not a failure.
        notice = log.warning if self.language.code == i18n.data_language() else log.info
        if unshown := sorted(set(self.catalog["facts"]) - shown):
            notice(f"Facts shown on no page (use <!-- fact:id --> somewhere): {', '.join(unshown)}")
        if self.homes and (homeless := sorted(set(self.catalog.items) - set(self.homes))):
            notice(f"Items with no card (no <!-- facts --> shortcode lists them): {', '.join(homeless)}")
        # Unfair or stale-prone, not broken: the preview goes on. Read from what each page's conversion found.
        pages_read = [(*self.scan.texts[page], codes) for page, codes in sorted(self.scan.codes.items()) if page in self.scan.texts]
        for warning in [*self.catalog.warnings, *fairness.page_warnings(pages_read, self.catalog)]:
            log.warning(str(warning))

    @surviving_method("_problems_page", PluginError)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.shortcodes.job = None
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
            homes=_card_urls(self.homes, page, files),
            listed=self.listed,
            cache_dir=Path(config.config_file_path).parent / basemap.FOLDER,
        )
        snippets = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["."])
        root = Path(config.config_file_path).parent
        self.shortcodes.job = PageJob(
            name=_name(Path(page.file.abs_src_path or page.file.src_uri), config), context=context,
            source=Path(page.file.abs_src_path) if page.file.abs_src_path else None, root=root,
            snippet_dirs=tuple(root / p for p in ([snippets] if isinstance(snippets, str) else snippets)),
        )
        return markdown

    @surviving_method(build_error=PluginError)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        job, self.shortcodes.job = self.shortcodes.job, None
        if job is None or self.scan is None:
            return html
        self.page_problems[page.file.src_uri] = job.problems
        self.scan.set_codes(page.file.src_uri, job.codes)  # what the page really shows, code examples left out
        self.page_ids[page.file.src_uri] = [
            (code.line, anchors.ids_in(str(job.rendered.get((code.kind, code.arg), "")))) for code in job.codes]
        if self.outputs:
            self.outputs.note_page(page)
            self.outputs.note_figures(page.url, job.rendered)  # charts and maps: their embed pages
        return html

    @surviving_method(build_error=PluginError)
    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        alternates: tuple[tuple[str, str], ...] = ()
        if self.edition:  # the language switcher and the sitemap's hreflang lead to this page in each edition
            config.extra["alternate"] = editions.switcher(self.editions, self.edition, page.file.src_path, page.url,
                                                          _site_root(page), config.site_url or "")
            alternates = editions.sitemap_alternates(self.editions, self.edition, page.file.src_path, page.url,
                                                     config.site_url or "")
        if self.outputs:  # <title>, description, JSON-LD, social cards, citation tags, feed link, "last updated", sitemap
            self.outputs.annotate(page, _site_root(page), _title_text(page), lambda: _source_text(page), alternates)
        return context

    @surviving_method(build_error=PluginError)
    def on_template_context(self, context: TemplateContext, *, template_name: str, config: MkDocsConfig) -> TemplateContext:
        # Without a site_url MkDocs gives an error page the server root as its base, so /ko/404.html would load the
        # English edition's search index; and its language switcher would keep the last page's links.
        if self.edition and is_error_template(template_name):
            if not config.site_url:
                context["base_url"] = "/" + self.edition.root
            config.extra["alternate"] = editions.switcher(self.editions, self.edition, None, "", "/" + self.edition.root,
                                                          config.site_url or "")
        return context

    @surviving_method(build_error=PluginError)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.edition:
            output = editions.without_head_alternates(output)
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
        if not template_name.endswith(".html"):
            return output_content
        return html_fixes.fix_html(editions.without_head_alternates(output_content) if self.edition else output_content)

    @event_priority(50)  # before the search plugin writes its index
    @surviving_method("_problems_in_site", PluginError)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        preview.complete_search_index(config)
        if self.outputs:
            self.outputs.pages = preview.complete_page_infos(self.outputs.pages, lambda info: info.url)
            self.outputs.write(Path(config.site_dir))  # facts.json/.csv, changes.xml, social card, sitemap
        # Shown in English: a notice for the translators, not a failure.
        if missing := self.language.missing:
            log.info(f"{len(missing)} message(s) shown in English for want of a '{self.language.code}' translation "
                     f"(add them to {self.language.code}/LC_MESSAGES/{i18n.DOMAIN}.po): {'; '.join(missing)}")
        if self.untranslated:
            log.info(f"{len(self.untranslated)} text(s) of the data shown in English for want of a '{self.language.code}' "
                     f"translation (add them to {self.config.data_dir}/{translations.FOLDER}/{self.language.code}.yml): "
                     f"{', '.join(self.untranslated)}")
        preview.finish()
        self.built = True

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        # A build with unchanged data never imports the validator (see cache.py); import it now, while the
        # editor reads, so that the first data edit does not wait for pydantic to load.
        threading.Thread(target=importlib.import_module, args=("mkdocs_explainer.data.validate",), daemon=True).start()
        preview.watch_often(server)
        return server

    def on_build_error(self, *, error: Exception) -> None:
        self.failed = True
        preview.failed()

    def on_shutdown(self) -> None:
        preview.stop()
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


def _name(path: Path, config: MkDocsConfig) -> str:
    """A file as the editor knows it: relative to the project (`docs/deployment.md`)."""
    try:
        return path.resolve().relative_to(Path(config.config_file_path).parent.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _site_root(page: Page) -> str:
    """Relative URL from the page to the site root: "../", never ".." (paths are appended)."""
    return get_relative_url(".", page.url).rstrip("/") + "/"


def _card_urls(homes: dict[str, str], page: Page, files: Files) -> dict[str, str]:
    """Item id → relative URL from `page` to the page holding its card."""
    urls = {home: _url_of(home, page, files) for home in set(homes.values())}
    return {item: urls[home] for item, home in homes.items()}


def _title_text(page: Page) -> str:
    """The page's title as plain text. MkDocs keeps a title taken from the page's first heading as HTML
    (tags stripped, entities such as `&lt;` kept); one from `nav:`, front matter or the file name as written."""
    from_heading = page._title_from_render
    if "title" in vars(page) or "title" in page.meta or not from_heading:
        return str(page.title or "")
    return html.unescape(from_heading)


def _source_text(page: Page) -> str:
    try:
        return Path(page.file.abs_src_path or "").read_text(encoding="utf-8-sig")
    except (OSError, ValueError):
        return ""


def _url_of(path: str, page: Page, files: Files) -> str:
    target = files.get_file_from_path(path)
    return get_relative_url(target.url, page.url) if target else ""
