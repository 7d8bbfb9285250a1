"""The message catalogues' upkeep: every message in the package's code and templates, extracted with Babel,
written to `locales/explainer.pot`, and merged into each language's `.po` (new messages untranslated,
changed ones marked fuzzy: both show in English until a translator fills them in).

    python -m mkdocs_explainer.i18n.messages          # or `make messages`
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from . import DOMAIN, LOCALES, catalogue_path

PACKAGE = Path(__file__).resolve().parent.parent
TEMPLATE = LOCALES / f"{DOMAIN}.pot"
KEYWORDS = {**DEFAULT_KEYWORDS, "NP_": ((1, "c"), 2), "fx_": None}
"""`N_`/`NP_` mark messages translated later; `fx_` is the theme templates' gettext (plugin.on_env)."""
METHODS = [
    ("**/starter/**", "ignore"),
    ("**.py", "python"),
    ("templates/**.html", "jinja2"),
    ("theme/**.html", "jinja2"),
]
OPTIONS = {
    # As the package's environment renders them (pages/render.py): newstyle, so `%%` is a literal `%`.
    "templates/**.html": {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true", "silent": "false",
                          "trim_blocks": "true", "lstrip_blocks": "true"},
    "theme/**.html": {"extensions": "jinja2.ext.i18n", "silent": "false"},
}


def extract() -> Catalog:
    catalog = Catalog(domain=DOMAIN, project="mkdocs-explainer", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE, METHODS, OPTIONS, KEYWORDS, strip_comment_tags=True,
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def languages() -> Iterator[str]:
    """The languages the package has a catalogue for (folder names under locales/)."""
    return (folder.name for folder in sorted(LOCALES.iterdir()) if catalogue_path(LOCALES, folder.name).is_file())


def update() -> list[str]:
    """Rewrite the template and merge it into every language's catalogue; returns what it wrote."""
    template = extract()
    with TEMPLATE.open("wb") as handle:
        write_po(handle, template, width=120, omit_header=False, sort_output=True)
    written = [str(TEMPLATE)]
    for code in languages():
        path = catalogue_path(LOCALES, code)
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=code, domain=DOMAIN)
        catalog.update(template, update_header_comment=False)
        with path.open("wb") as handle:
            write_po(handle, catalog, width=120, sort_output=True, ignore_obsolete=True)
        written.append(str(path))
    return written


def main() -> int:
    for path in update():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
