"""Repair markup that Material writes on every page and that the Nu HTML Checker rejects.

Run on each finished page (from `on_post_page` and `on_post_template`), so no Material template needs
copying: the browser tests (vnu) fail if a fix stops matching after an upgrade. Only real start tags are
touched; markup shown as code in a page is escaped (`&lt;input`) and never matches.
"""

from __future__ import annotations

import re

# Material puts autocomplete="off" on its drawer and search checkboxes to stop browsers restoring their
# checked state; HTML allows the attribute only on text-like inputs, so vnu reports an error on every page.
# theme/partials/explainer-scripts.html closes the two checkboxes instead.
_CHECKBOX = re.compile(r"<input\b[^<>]*\btype=\"checkbox\"[^<>]*>")
_AUTOCOMPLETE = re.compile(r"\s+autocomplete=\"off\"")

# Material's navigation writes tabindex="" on section labels it keeps out of the tab order; an empty
# tabindex is invalid and browsers ignore it, so dropping it changes nothing for readers.
# The lookahead keeps it to attributes inside a tag; the literal start keeps it fast on large pages.
_EMPTY_TABINDEX = re.compile(r" tabindex=\"\"(?=[^<>]*>)")


def fix_html(html: str) -> str:
    """Return `html` with the invalid markup Material generates made valid."""
    html = _CHECKBOX.sub(lambda tag: _AUTOCOMPLETE.sub("", tag.group(0)), html)
    return _EMPTY_TABINDEX.sub("", html)
