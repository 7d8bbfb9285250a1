"""Repair markup that Material writes on every page and that the Nu HTML Checker rejects.

Run on each finished page (from `on_post_page`), so a Material upgrade needs no copied templates:
the browser tests (vnu) fail if a fix stops matching.
"""

from __future__ import annotations

import re

# Material puts autocomplete="off" on its drawer and search checkboxes to stop browsers restoring their
# checked state after a reload; HTML allows the attribute only on text-like inputs, so vnu reports an
# error on every page. The state restore is handled by a script instead (see overrides/main.html).
_CHECKBOX = re.compile(r"<input\b[^>]*\btype=\"checkbox\"[^>]*>")
_AUTOCOMPLETE = re.compile(r"\s+autocomplete=\"off\"")


def fix_html(html: str) -> str:
    """Return `html` with the invalid markup Material generates made valid."""
    return _CHECKBOX.sub(lambda tag: _AUTOCOMPLETE.sub("", tag.group(0)), html)
