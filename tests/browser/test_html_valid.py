"""The Nu HTML Checker (vnu) finds no error in any built page."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from .browser_support import REPORT
from .exemptions import VNU_ERRORS


def check_html(java: str, vnu_jar: Path, site: Path) -> list[dict[str, object]]:
    """vnu's messages for every HTML file under `site` (one Java start for all of them)."""
    result = subprocess.run(
        [java, "-jar", str(vnu_jar), "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # vnu exits 1 when it found errors and writes its JSON report to stderr.
    return json.loads(result.stderr)["messages"]


def test_vnu_reports_no_error_on_any_page(java: str, vnu_jar: Path, built_site: Path) -> None:
    messages = check_html(java, vnu_jar, built_site)
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    used = set()
    left = []
    for error in errors:
        exemption = next((pattern for pattern, _ in VNU_ERRORS if re.search(pattern, str(error["message"]))), None)
        if exemption is None:
            page = str(error.get("url", "")).split(str(built_site))[-1]
            left.append(f"{page}:{error.get('lastLine', '?')}: {error['message']}")
        else:
            used.add(exemption)
    pages = len(list(built_site.rglob("*.html")))
    exempted, others = len(errors) - len(left), len(messages) - len(errors)
    REPORT.append(f"vnu: {pages} pages, {len(errors)} errors ({exempted} exempted), {others} warnings/info")
    assert not left, "vnu errors:\n" + "\n".join(left)
    assert used == {pattern for pattern, _ in VNU_ERRORS}, f"exemptions no longer needed: {sorted({p for p, _ in VNU_ERRORS} - used)}"


def test_vnu_reports_material_invalid_markup(java: str, vnu_jar: Path, tmp_path: Path) -> None:
    # The checker itself must catch what html_fixes removes, or the test above would prove nothing.
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head><body>'
        '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off"></body></html>'
    )
    messages = check_html(java, vnu_jar, tmp_path)
    assert any(m["type"] == "error" and "autocomplete" in str(m["message"]) for m in messages)
