"""MkDocs hook: load and check `data/` before anything is written, then render fact shortcodes.

MkDocs does not reload hooks on `serve`, so everything is read inside events, on every build.
"""

from __future__ import annotations

import gc
import importlib
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from explainer import preview
from explainer.build import html_fixes
from explainer.build.staging import Staging
from explainer.data.catalog import Catalog, build_catalog
from explainer.outputs import Outputs
from explainer.pages import render, shortcodes
from explainer.pages import scan as pages
from explainer.problems import Problem, ProblemsFound
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.livereload import LiveReloadServer

# Under `mkdocs.plugins.` so that strict mode counts our warnings.
log = logging.getLogger("mkdocs.plugins.explainer")


@dataclass
class BuildState:
    serving: bool = False
    stage: bool = False
    staging: Staging | None = None
    failed: bool = False
    config: MkDocsConfig | None = None
    catalog: Catalog | None = None
    problems: list[Problem] = field(default_factory=list)
    index_page: str | None = None
    outputs: Outputs | None = None
    scan: pages.PageScan | None = None
    list_pages: dict[str, str] = field(default_factory=dict)
    """Pages holding the generated lists that other pages link to, by shortcode kind."""
    stashed: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per page, the shortcodes' HTML that waits for Markdown to finish (see shortcodes.stash)."""


state = BuildState()


def on_startup(command: str, dirty: bool) -> None:
    state.serving = command == "serve"
    # Publishing is always a full, clean build into a fresh folder, `--dirty` or not.
    state.stage = command in ("build", "gh-deploy")
    preview.start(command, dirty)  # `mkdocs serve --dirty`: rebuild only the pages an edit changes


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state.config, state.failed = config, False
    if state.stage:
        state.staging = Staging.start(config.site_dir)
        config.site_dir = str(state.staging.staged)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir)
    state.catalog, state.problems, state.outputs, state.scan = None, [], None, None
    try:
        catalog = build_catalog(root / "data", root)
        scan = pages.scan_pages(docs_dir, root, catalog)
        if scan.problems:
            raise ProblemsFound(scan.problems)
    except ProblemsFound as error:
        if not state.serving:
            raise PluginError(str(error)) from None
        # The preview keeps running and shows the problems in every page instead of a stale site.
        log.error(str(error))
        state.problems = error.problems
        return
    state.catalog, state.index_page, state.scan = catalog, scan.first_page_with("facts"), scan
    state.outputs = Outputs(config, catalog, scan)  # also logs facts overdue for review (INFO)
    state.list_pages = scan.pages_with(("sources", "corrections", "timeline"))
    if not state.serving:
        # A build's process ends with the build, and all there is now (config, catalog) lives until then:
        # spare the garbage collector walking these objects again and again while the pages are built.
        # Not in `mkdocs serve`, where a frozen earlier build could then never be collected.
        gc.freeze()
    if unshown := sorted(set(catalog["facts"]) - scan.shown):
        log.warning(f"Facts shown on no page (use <!-- fact:id --> somewhere): {', '.join(unshown)}")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    dataset_pages = [] if state.outputs is None or state.outputs.downloads_anywhere else ["index.md"]
    preview.choose_pages(files, config, state.catalog, state.scan, dataset_pages)
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if state.serving:
        preview.reuse_compiled_templates(env)
    preview.restore_pages(config, files)
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if state.problems or state.catalog is None:
        return render.render_problems(state.problems)
    index = files.get_file_from_path(state.index_page) if state.index_page else None
    context = render.PageContext(
        catalog=state.catalog,
        fact_index_url=get_relative_url(index.url, page.url) if index else None,
        site_root=get_relative_url(".", page.url).rstrip("/") + "/",  # "../", never ".." (paths are appended)
        links={kind: _url_of(path, page, files) for kind, path in state.list_pages.items()},
        site=state.outputs.site if state.outputs else None,
    )
    if state.outputs:
        state.outputs.note_page(page, markdown)
    try:
        markdown, state.stashed[page.file.src_uri] = shortcodes.stash(markdown, context)
    except ProblemsFound as error:  # a broken template
        if not state.serving:
            raise PluginError(str(error)) from None
        log.error(str(error))
        return render.render_problems(error.problems)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return shortcodes.unstash(html, state.stashed.pop(page.file.src_uri, {}))


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    if state.outputs:
        state.outputs.annotate(page, config)  # JSON-LD, social cards, feed link, "last updated"
    return context


@event_priority(50)  # before the search plugin writes its index
def on_post_build(config: MkDocsConfig) -> None:
    preview.complete_search_index(config)
    if state.outputs:
        state.outputs.pages = preview.complete_page_infos(state.outputs.pages, lambda info: info.url)
        state.outputs.write(Path(config.site_dir))  # facts.json/.csv, changes.xml, social card, sitemap
    preview.finish()


def _url_of(path: str, page: Page, files: Files) -> str:
    target = files.get_file_from_path(path)
    return get_relative_url(target.url, page.url) if target else ""


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return html_fixes.fix_html(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # Theme pages such as 404.html skip on_post_page; sitemap.xml is not HTML.
    return html_fixes.fix_html(output_content) if template_name.endswith(".html") else output_content


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    # A build with unchanged data never imports the validator (see cache.py); import it now, while the
    # editor reads, so that the first data edit does not wait for pydantic to load.
    threading.Thread(target=importlib.import_module, args=("explainer.data.validate",), daemon=True).start()
    return server


def on_build_error(error: Exception) -> None:
    state.failed = True
    preview.failed()


def on_shutdown() -> None:
    if state.staging is None or state.config is None:
        return
    if state.failed:
        state.staging.discard()
    else:
        state.staging.commit()
    state.config.site_dir = str(state.staging.final)  # gh-deploy reads it after the build
