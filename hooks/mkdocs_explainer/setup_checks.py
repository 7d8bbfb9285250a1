"""Checks of a site's MkDocs setup that would otherwise fail silently: the explainer's pages losing their head
tags, templates or Markdown features, or readers' browsers contacting a third party. Each is a warning, which
fails a `--strict` build, with what to change."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


def warnings(config: MkDocsConfig, plugin_main: Path, custom_templates: Path, templates_configured: bool) -> list[str]:
    """What in the site's setup would silently break the explainer's pages or its no-third-party promise."""
    found = []
    theme = config.theme
    if theme.name != "material":
        found.append(f"theme '{theme.name}' is not Material for MkDocs (`theme: name: material`): the explainer's "
                        "theme templates (head tags, \"Last updated\", scripts) and styles are made for Material, so "
                        "pages will lack them or look broken")
    own_main = Path(theme.custom_dir) / "main.html" if theme.custom_dir else None
    if own_main is not None and own_main.is_file():
        text = own_main.read_text(encoding="utf-8", errors="replace")
        if "fx_head" not in text or "fx_updated" not in text:
            found.append(f"{own_main.name} in the theme's custom_dir ({theme.custom_dir}) replaces the explainer's "
                            "main.html: pages lose their head tags (description, structured data, feed, social card) "
                            f"and the \"Last updated\" line. Copy the blocks of {plugin_main} into yours, "
                            "or change a partial (partials/*.html) instead of main.html")
    if templates_configured and not custom_templates.is_dir():
        found.append(f"explainer.custom_templates: the folder {custom_templates} does not exist, so the package's "
                        "templates are used; create it, or correct the name")
    extensions = {str(name).rsplit(".", 1)[-1] for name in config.markdown_extensions}
    if "md_in_html" not in extensions:
        found.append("markdown_extensions lacks md_in_html: a shortcode inside <div markdown> (as the key-figure "
                        "cards are laid out) is then left as raw HTML and reported as not shown; add `- md_in_html`")
    if theme.name == "material" and theme.get("font") is not False:
        found.append("theme.font is not false: Material then loads its fonts from Google Fonts, so every reader's "
                        "browser contacts a third party; set `font: false` under `theme:` (the system fonts are used)")
    for name in ("extra_css", "extra_javascript"):
        for entry in config[name]:
            url = str(getattr(entry, "path", entry))
            if url.startswith(("http://", "https://", "//")):
                found.append(f"{name} loads {url} from another site: every reader's browser contacts a third party; "
                                "copy the file into docs/ and list it by its path")
    return found
