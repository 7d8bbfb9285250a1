"""'Cite this' in a real browser: the reader's access date, the page's address, and a copy button
that works offline (clipboard API, and select + execCommand where the API is missing)."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import socket
import threading
from pathlib import Path

import pytest
from ci import ci_enabled
from outputs_helpers import build, copy_project

CHROMIUM = Path("/usr/bin/chromium")
CARD_PAGE = "facts/events/"
"""Where the test data's cards are: the page of <!-- facts --> (the items no topic page lists)."""
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-gpu"]
PORTS = range(8300, 8400)


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    if ci_enabled():
        pytest.fail("Chromium is missing (/usr/bin/chromium): .ci/run installs Debian's chromium package")
    pytest.skip("Chromium is missing (/usr/bin/chromium); install Debian's chromium package")


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port in 8300-8399")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _require_chromium()
    project = copy_project(tmp_path_factory.mktemp("cite"))
    result = build(project, site_url=None)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_QuietHandler, directory=str(project / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", _free_port()), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield browser
        browser.close()


def _open_card(browser, server, item_id="zz-revised", **context_options):
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.goto(f"{server}{CARD_PAGE}#{item_id}")
    card = page.locator(f"#{item_id}")
    return context, page, card


def test_citation_names_the_readers_day_and_the_page_address(browser, server):
    context, _page, card = _open_card(browser, server)
    today = dt.date.today()
    card.locator(".fx-cite summary").click()  # filled in when opened, not for every card as the page loads
    assert card.locator("[data-fx-today]").inner_text() == f"{today.day} {today:%B %Y}"
    assert card.locator(".fx-cite__url").inner_text() == f"{server}{CARD_PAGE}#zz-revised"
    context.close()


def test_copy_button_copies_the_citation_with_the_clipboard_api(browser, server):
    context, page, card = _open_card(browser, server, permissions=["clipboard-read", "clipboard-write"])
    card.locator(".fx-cite summary").click()
    button = card.get_by_role("button", name="Copy citation for zz-revised")
    button.click()
    status = card.locator(".fx-cite__status")
    status.filter(has_text="Copied.").wait_for(timeout=5000)
    copied = page.evaluate("navigator.clipboard.readText()")
    shown = " ".join(card.locator(".fx-cite__text").inner_text().split())
    assert copied == shown
    assert "Tests run in the test period: 400–500 tests" in copied and "(accessed " in copied
    context.close()


def test_copy_button_falls_back_to_selection_without_the_clipboard_api(browser, server):
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});")
    page = context.new_page()
    page.goto(f"{server}{CARD_PAGE}#zz-revised")
    card = page.locator("#zz-revised")
    card.locator(".fx-cite summary").click()
    card.get_by_role("button", name="Copy citation for zz-revised").click()
    message = card.locator(".fx-cite__status").inner_text()
    assert message in ("Copied.", "Selected: press Ctrl+C (or ⌘C) to copy.")
    selected = " ".join(page.evaluate("window.getSelection().toString()").split())
    assert selected == " ".join(card.locator(".fx-cite__text").inner_text().split())
    context.close()


def test_copy_button_is_reachable_by_keyboard_with_a_visible_focus(browser, server):
    context, page, card = _open_card(browser, server)
    card.locator(".fx-cite summary").focus()
    page.keyboard.press("Enter")  # opens the details
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('data-fx-copy')")
    assert focused == "cite-zz-revised"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    context.close()


def test_without_scripts_the_citation_reads_sensibly_and_no_dead_button_shows(browser, server):
    context, _page, card = _open_card(browser, server, java_script_enabled=False)
    card.locator(".fx-cite summary").click()
    assert card.locator("[data-fx-today]").inner_text() == "[date you read it]"
    assert not card.locator("button[data-fx-copy]").is_visible()
    context.close()


def test_cite_this_links_the_citation_files_for_reference_managers(browser, server):
    context, page, card = _open_card(browser, server)
    # Set up as each is opened: a long page does not rewrite every card while it loads (its longest task).
    assert page.locator(".fx-cite__files a").count() == 0
    card.locator(".fx-cite summary").click()
    links = card.locator(".fx-cite__files a")
    assert page.locator(".fx-cite__files a").count() == 3
    assert links.all_inner_texts() == ["CSL-JSON", "BibTeX", "RIS"]
    for href in links.evaluate_all("links => links.map(link => link.href)"):
        assert href.startswith(f"{server}cite/zz-revised.")
        assert page.request.get(href).ok, href
    context.close()
