"""MkDocs hook: this site's entry point to the explainer package (listed under `hooks:` in mkdocs.yml).

One `ExplainerPlugin` does the work (mkdocs_explainer/plugin.py); its options come from `extra: explainer:`, checked
by the plugin's own config options. MkDocs keeps a hook module across the builds of `mkdocs serve`, as it
keeps the plugin.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs_explainer.plugin import ExplainerPlugin

plugin = ExplainerPlugin()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin.load_settings(config.extra.get("explainer") or {}, config.config_file_path, "extra.explainer")
    return plugin.on_config(config)


def on_startup(command: str, dirty: bool) -> None:
    plugin.on_startup(command=command, dirty=dirty)


def on_pre_build(config: MkDocsConfig) -> None:
    plugin.on_pre_build(config=config)


def on_files(files: Any, config: MkDocsConfig) -> Any:
    return plugin.on_files(files, config=config)


def on_env(env: Any, config: MkDocsConfig, files: Any) -> Any:
    return plugin.on_env(env, config=config, files=files)


def on_page_markdown(markdown: str, page: Any, config: MkDocsConfig, files: Any) -> str:
    return plugin.on_page_markdown(markdown, page=page, config=config, files=files)


def on_page_content(html: str, page: Any, config: MkDocsConfig, files: Any) -> str:
    return plugin.on_page_content(html, page=page, config=config, files=files)


def on_page_context(context: dict[str, Any], page: Any, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    return plugin.on_page_context(context, page=page, config=config, nav=nav)


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    return plugin.on_template_context(context, template_name=template_name, config=config)


def on_post_page(output: str, page: Any, config: MkDocsConfig) -> str:
    return plugin.on_post_page(output, page=page, config=config)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return plugin.on_post_template(output_content, template_name=template_name, config=config)


@event_priority(50)  # before the search plugin writes its index (see mkdocs_explainer/preview.py)
def on_post_build(config: MkDocsConfig) -> None:
    plugin.on_post_build(config=config)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    return plugin.on_serve(server, config=config, builder=builder)


def on_build_error(error: Exception) -> None:
    plugin.on_build_error(error=error)


def on_shutdown() -> None:
    plugin.on_shutdown()
