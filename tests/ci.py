"""One reading of the CI flag for every test that decides between skipping and failing."""

from __future__ import annotations

import os

TRUE_WORDS = frozenset({"true", "1", "yes"})


def ci_enabled(environ: dict[str, str] | None = None) -> bool:
    """Whether this run is CI, where a missing tool fails a test instead of skipping it: CI=true, 1 or yes,
    in any case (GitHub, GitLab and others set CI=true; some set 1)."""
    value = (os.environ if environ is None else environ).get("CI", "")
    return value.strip().lower() in TRUE_WORDS
