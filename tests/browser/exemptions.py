"""The one place for Nu HTML Checker messages the project cannot fix, each with its reason.

Each entry is (regular expression matched against the message, why it cannot be fixed). An entry that no
longer matches any message fails the test, so the list only ever shrinks.
"""

from __future__ import annotations

VNU_ERRORS: list[tuple[str, str]] = []
