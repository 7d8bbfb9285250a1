"""Lighthouse, as a phone on slow 4G sees each page: accessibility, best practices and SEO score 100.

Performance is left out: on a shared machine its score measures the other processes too, and without it
Lighthouse can skip the pauses a settled load needs (lighthouse_audit.QUICK). `make bench BENCH_ARGS=--perf`
measures it, with the plain theme's.
The audits run in the background from the first browser test on (conftest.lighthouse_run).
"""

from __future__ import annotations

from lighthouse_audit import ASSERTED

from .browser_support import REPORT, LighthouseRun


def test_lighthouse_scores_every_page_100_on_accessibility_best_practices_and_seo(
        lighthouse: str, lighthouse_run: LighthouseRun | None) -> None:
    assert lighthouse_run is not None, "the background Lighthouse run did not start although its tools are there"
    audits = lighthouse_run.pending.collect()
    below = []
    for path in lighthouse_run.pages:
        audit = audits[lighthouse_run.origin + path]
        REPORT.append("lighthouse " + audit.line(path))
        low = {category: audit.scores[category] for category in ASSERTED if audit.scores[category] != 100}
        if low:
            below.append(f"{path}: {low}\n    " + "\n    ".join(audit.failed))
    assert not below, "Lighthouse scores below 100:\n" + "\n".join(below)
