"""`make check-sources` against a local server: dead links, redirects to another site, renamed pages,
slow and failing servers are reported; good links pass. Nothing leaves 127.0.0.1."""

from __future__ import annotations

import difflib
import http.server
import logging
import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from conftest import dedent
from local_server import serve
from mkdocs_explainer.outputs import linkcheck
from mkdocs_explainer.outputs.linkcheck import Link, check_all, titles_match

TITLE = "North Korean troops near Ukraine's border are expected in combat in days, US says"
SLOW_SECONDS = 2.0
TRICKLE_SECONDS = 0.3
TRICKLE_BYTES = 30
"""A trickle lasts up to 9 s, more than any timeout or deadline below."""


class Handler(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def do_GET(self) -> None:
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        host, port = self.server.server_address[:2]
        if self.path == "/ok":
            self._page(200, f"<html><head><title>{TITLE} | Test News</title></head><body>…</body></html>")
        elif self.path == "/og":
            self._page(200, f'<html><head><meta property="og:title" content="{TITLE}"></head></html>')
        elif self.path == "/moved-here":
            self._redirect(f"http://{host}:{port}/ok")
        elif self.path == "/moved-away":
            self._redirect(f"http://localhost:{port}/ok")  # another host name: another site
        elif self.path == "/missing":
            self._page(404, "<title>Not found</title>")
        elif self.path == "/gone":
            self._page(410, "<title>Gone</title>")
        elif self.path == "/broken":
            self._page(500, "<title>Error</title>")
        elif self.path == "/forbidden":
            self._page(403, "<title>Are you a robot?</title>")
        elif self.path == "/renamed":
            self._page(200, "<html><head><title>Weather: sunny spells over the weekend</title></head></html>")
        elif self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._page(200, f"<title>{TITLE}</title>")
        elif self.path.startswith("/charset/"):
            self._page(200, f"<title>{TITLE}</title>", charset=self.path.removeprefix("/charset/"))
        elif self.path == "/trickle-body":
            self._trickle(headers_first=True)
        elif self.path == "/trickle-headers":
            self._trickle(headers_first=False)
        elif self.path.startswith("/chain/"):
            left = int(self.path.removeprefix("/chain/"))
            self._redirect(f"http://{host}:{port}/chain/{left - 1}" if left else f"http://{host}:{port}/ok")
        elif self.path == "/other-port":
            self._redirect(f"http://{host}:{closed_port()}/ok")
        elif self.path == "/default-port":
            self._redirect(f"http://{host}/ok")  # to port 80: refused by the test machine, but not another service
        else:
            self._page(404, "")

    def _page(self, status: int, body: str, charset: str = "utf-8") -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", f"text/html; charset={charset}")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _trickle(self, headers_first: bool) -> None:
        """One byte every TRICKLE_SECONDS (a bounded number of them): each read gets data before any timeout."""
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
        if headers_first:
            self.wfile.write(head)
            self.wfile.flush()
        try:
            for byte in (b"<title>" if headers_first else head)[:TRICKLE_BYTES]:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(TRICKLE_SECONDS)
        except OSError:
            pass  # the checker gave up, as it should
        self.close_connection = True

    def _redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve(Handler) as address:
        yield address


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def check(server: str, *paths: str, title: str = TITLE, **options) -> dict[str, linkcheck.Result]:
    links = [Link("data/x.yml:1", "src", "url", f"{server}{p}" if p.startswith("/") else p, title) for p in paths]
    options = {"timeout": 0.5, "retries": 1, "allow_private": True, **options}
    return {r.link.url.removeprefix(server): r for r in check_all(links, workers=4, **options)}


def test_a_good_page_passes_even_with_the_site_name_in_its_title(server):
    results = check(server, "/ok", "/og", "/moved-here")
    assert [(r.problem, r.note) for r in results.values()] == [(None, None)] * 3


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/missing", "dead link (404 Not Found)"),
        ("/gone", "dead link (410 Gone)"),
        ("/broken", "server error (500 Internal Server Error)"),
        ("/moved-away", "redirects to another site: http://localhost:"),
        ("/renamed", "the page's title is now “Weather: sunny spells over the weekend”, not “North Korean troops"),
        ("/slow", "no answer after 2 tries (timed out)"),
    ],
)
def test_link_rot_is_a_problem(server, path: str, problem: str):
    result = check(server, path)[path]
    assert result.problem and result.problem.startswith(problem), result.problem
    assert result.line().startswith(f"data/x.yml:1: src.url <{server}{path}>: {problem}")


def test_a_failing_server_is_retried_and_a_refusal_is_a_problem(server):
    Handler.hits.pop("/broken", None)
    check(server, "/broken", retries=2)
    assert Handler.hits["/broken"] == 3
    refused = f"http://127.0.0.1:{closed_port()}/"
    result = check(server, refused)[refused]
    assert result.problem == "no answer after 2 tries (connection refused or host not found)"


def test_a_robot_refusal_is_a_note_to_check_by_hand(server):
    result = check(server, "/forbidden")["/forbidden"]
    assert result.problem is None and result.note == "answered 403 Forbidden; check it in a browser"


def test_links_are_checked_at_the_same_time_within_the_bound(server):
    started = time.monotonic()
    results = check(server, *["/slow"] * 4, timeout=SLOW_SECONDS + 2, retries=0)
    assert all(r.problem is None for r in results.values())
    assert time.monotonic() - started < 3 * SLOW_SECONDS  # four slow pages, four at a time: not one after another


def test_a_supplied_title_in_brackets_is_not_compared(server):
    assert check(server, "/renamed", title="[Weekend forecast, headline not shown]")["/renamed"].problem is None


@pytest.mark.parametrize(
    ("recorded", "page", "same"),
    [
        (TITLE, f"{TITLE} - AP News", True),
        ("Putin signs into law mutual defence treaty with North Korea",
         "Putin signs into law mutual defense treaty with North Korea | The Star", True),
        ("North Korea says it fired intercontinental ballistic missile, KCNA says",
         "North Korea says it fired intercontinental ballistic missile", True),
        (TITLE, "Page not found", False),
        (TITLE, "Home | Test News", False),
    ],
)
def test_titles_match_fuzzily(recorded: str, page: str, same: bool):
    assert titles_match(recorded, page) is same


def test_the_command_lists_problems_with_file_and_line_and_fails(server, tmp_path: Path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (data / "sources.yml").write_text(dedent(f"""
        sources:
          - id: good
            publisher: Test News
            title: "{TITLE}"
            url: {server}/ok
            archived: {server}/moved-here
            published: 2024-10-31
          - id: rotten
            publisher: Test News
            title: "{TITLE}"
            url: {server}/gone
            archived: {server}/moved-away
            published: 2024-10-31
    """))
    status = linkcheck.main(["--root", str(tmp_path), "--timeout", "1", "--retries", "0", "--allow-private"])
    out, err = capsys.readouterr()
    assert status == 1
    assert err.splitlines() == [
        f"data/sources.yml:8: rotten.url <{server}/gone>: dead link (410 Gone)",
        f"data/sources.yml:8: rotten.archived <{server}/moved-away>: redirects to another site: "
        f"http://localhost:{server.rsplit(':', 1)[1]}/ok",
    ]
    assert "4 links checked: 2 problem(s), 0 to check by hand." in out
    (data / "sources.yml").write_text((data / "sources.yml").read_text().split("  - id: rotten")[0])
    assert linkcheck.main(["--root", str(tmp_path), "--timeout", "1", "--retries", "0", "--allow-private"]) == 0
    capsys.readouterr()
    # Without --allow-private the local server is never contacted.
    Handler.hits.pop("/ok", None)
    assert linkcheck.main(["--root", str(tmp_path), "--timeout", "1", "--retries", "0"]) == 1
    assert "refused: not a public address (127.0.0.1)" in capsys.readouterr().err
    assert "/ok" not in Handler.hits


@pytest.mark.parametrize("charset", ["idna", "base64", "rot13", "hex", "x-no-such-charset", "utf-16", "punycode"])
def test_any_declared_charset_is_that_links_business_never_the_reports(server, charset):
    results = check(server, f"/charset/{charset}", "/missing")
    assert results[f"/charset/{charset}"].problem is None  # read as UTF-8: the title is found and matches
    assert results["/missing"].problem == "dead link (404 Not Found)"


def test_an_unexpected_failure_is_reported_for_its_link_and_the_others_are_still_checked(server, monkeypatch):
    def broken(html: str) -> list[str]:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(linkcheck, "page_titles", broken)
    results = check(server, "/ok", "/missing")
    assert results["/ok"].problem.startswith("could not be checked (RuntimeError after ")
    assert results["/missing"].problem == "dead link (404 Not Found)"


@pytest.mark.parametrize("path", ["/trickle-body", "/trickle-headers"])
def test_a_trickling_server_is_given_up_at_the_deadline(server, path):
    started = time.monotonic()
    result = check(server, path, timeout=1, retries=2, deadline=1.5)[path]
    elapsed = time.monotonic() - started
    assert result.problem == "no complete answer within 1.5 s"
    assert elapsed < 4, elapsed  # without the deadline: TRICKLE_BYTES x TRICKLE_SECONDS, per try


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:9/", "http://10.1.2.3/", "http://192.168.0.1/", "http://169.254.169.254/latest/",
    "http://[::1]:9/", "http://[::ffff:127.0.0.1]:9/", "http://0.0.0.0:9/",
])
def test_addresses_that_are_not_public_are_refused_unless_allowed(url):
    result = check("", url, allow_private=False)[url]
    assert result.problem.startswith("refused: not a public address"), result.problem


def test_a_host_name_that_resolves_to_loopback_is_refused_before_anything_is_sent(server):
    port = server.rsplit(":", 1)[1]
    Handler.hits.pop("/ok", None)
    url = f"http://localhost:{port}/ok"
    result = check("", url, allow_private=False, retries=0)[url]
    assert result.problem.startswith("refused: not a public address ("), result.problem
    assert "/ok" not in Handler.hits


def test_a_redirect_to_another_port_of_the_same_host_is_a_problem(server):
    result = check(server, "/other-port")["/other-port"]
    assert result.problem.startswith("redirects to another port: http://127.0.0.1:"), result.problem
    # To the scheme's usual port it is followed (here nothing listens on port 80: no answer, not "another port").
    default = check(server, "/default-port", retries=0)["/default-port"]
    assert not default.problem.startswith("redirects to"), default.problem


def test_redirects_are_followed_up_to_the_limit_and_no_further(server):
    limit = linkcheck.MAX_REDIRECTS
    within = f"/chain/{limit - 1}"  # limit - 1 hops down the chain, then one to /ok: `limit` redirects
    beyond = f"/chain/{limit}"
    results = check(server, within, beyond)
    assert results[within].problem is None
    assert results[beyond].problem == f"more than {limit} redirects"


@pytest.mark.parametrize(("have", "same"), [(7, True), (6, False)])
def test_the_share_of_shared_words_has_its_threshold(have, same):
    """Ten distinct words recorded; the page shares `have` of them, in an order that defeats the similarity."""
    recorded = "alpha bravo charlie delta echo foxtrot golf hotel india juliet"
    words = recorded.split()[:have]
    page = " ".join(reversed(words)) + " zulu yankee xray whiskey victor uniform tango sierra"
    assert difflib.SequenceMatcher(None, recorded, page).ratio() < 0.6  # the other test cannot pass it
    assert titles_match(recorded, page) is same



def test_the_commands_help_names_every_option(capsys):
    with pytest.raises(SystemExit) as exited:
        linkcheck.main(["--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert exited.value.code == 0 and shown.startswith("usage: make check-sources")
    for option, words in [("--root", "project folder (holds data/)"), ("--data", "data folder, relative to --root"),
                          ("--workers", "links checked at the same time"),
                          ("--timeout", "seconds to wait for a connection or for data"),
                          ("--retries", "tries after the first, on no answer or a 5xx"),
                          ("--deadline", "seconds for one link in all (tries, redirects, reading), however slow the server"),
                          ("--allow-private", "also visit loopback and private addresses (a local test server)")]:
        assert re.search(rf"{option}\b.*?(?<!\S){re.escape(words)}(?!\S)", shown), option
    assert re.search(r"(?<!\S)Check every source link for link rot\.(?!\S)", shown)


def test_the_commands_options_reach_the_checks_with_their_defaults(tmp_path: Path, monkeypatch, capsys):
    """What `make check-sources` passes on: each option's default, each option given, the data folder under the
    project; a note goes to the report's standard output, a problem to its errors, and each is counted."""
    seen: dict = {}

    def links_in(root, data):
        seen["folders"] = (root, data)
        return ["a", "b", "c"]

    def check_all(links, *settings):
        seen["settings"] = settings
        def link(line: int, source: str, url: str) -> linkcheck.Link:
            return linkcheck.Link(f"data/s.yml:{line}", source, "url", url, "A title")

        return [linkcheck.Result(link(3, "x", "https://a.example/"), note="answered 403 Forbidden"),
                linkcheck.Result(link(4, "y", "https://b.example/"), problem="dead link (404)"),
                linkcheck.Result(link(5, "z", "https://c.example/"))]

    monkeypatch.setattr(linkcheck, "links_in", links_in)
    monkeypatch.setattr(linkcheck, "check_all", check_all)
    monkeypatch.chdir(tmp_path)
    logging.getLogger("urllib3").setLevel(logging.NOTSET)
    assert linkcheck.main([]) == 1
    assert seen == {"folders": (tmp_path, tmp_path / "data"), "settings": (8, 15.0, 2, 60.0, False)}
    out, err = capsys.readouterr()
    assert out.splitlines() == ["data/s.yml:3: x.url <https://a.example/>: answered 403 Forbidden",
                                "3 links checked: 1 problem(s), 1 to check by hand."]
    assert err.splitlines() == ["data/s.yml:4: y.url <https://b.example/>: dead link (404)"]
    assert logging.getLogger("urllib3").level == logging.ERROR  # its retry lines would bury the report
    linkcheck.main(["--root", "elsewhere", "--data", "facts", "--workers", "3", "--timeout", "2.5", "--retries", "0",
                    "--deadline", "9.5", "--allow-private"])
    assert seen == {"folders": (Path("elsewhere"), Path("elsewhere") / "facts"), "settings": (3, 2.5, 0, 9.5, True)}
    assert all(type(value) is kind for value, kind in zip(seen["settings"], (int, float, int, float, bool), strict=True))


def test_the_command_names_a_broken_data_file_and_checks_nothing(tmp_path: Path, capsys):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "sources.yml").write_text("sources: [", encoding="utf-8")
    assert linkcheck.main(["--root", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "data/sources.yml" in err


def test_a_pages_titles_are_read_by_hand():
    """Its <title> and its og:title or twitter:title, entities decoded; nothing else, and no end without a start."""
    html = ('<head><meta property="og:title" content="OG &amp; title"><meta property="description" content="Not one">'
            '<meta property="twitter:title" content=""><meta content="No property"><title>Page &amp; title</title>'
            '</head><body><p>Body text</p></body>')
    assert linkcheck.page_titles(html) == ["OG & title", "Page & title"]
    assert linkcheck.page_titles('<meta property="twitter:title" content="Tw">') == ["Tw"]
    assert linkcheck.page_titles("</title><p>Text</p>") == []
    assert linkcheck.page_titles("<title>A</title>junk</title>") == ["A"]
    assert linkcheck.page_titles("<title>A<!-- a comment -->B</title>") == ["AB"]


def test_public_addresses_and_the_rest_by_hand():
    assert linkcheck._public("93.184.216.34") and linkcheck._public("2606:4700::1111")
    assert not linkcheck._public("fe80::1%eth0")  # link-local, with its zone
    assert not linkcheck._public("ff0e::1") and not linkcheck._public("::ffff:127.0.0.1")
    assert linkcheck._host("https://www.example.org/a") == "example.org" == linkcheck._host("http://example.org")
    assert linkcheck._host("https://example.org.www./") == "example.org.www."


def test_titles_with_their_words_run_together_still_match_and_a_title_of_no_words_is_not_compared():
    assert linkcheck.titles_match("North Korean troops", "NorthKorean troops")  # one word of three shared
    assert linkcheck.titles_match("—", "Anything at all")
    # No word shared: the letters alike, as they run (6 of 11 characters, then 6 of 8).
    assert linkcheck.titles_match("a b c d e f", "abcdef") and linkcheck.titles_match("abcdef", "ab cd ef")
    assert not linkcheck.titles_match("North Korean troops", "Weather today")


def test_a_checked_link_reads_ok_and_a_data_file_without_sources_has_none(tmp_path: Path):
    link = linkcheck.Link("data/s.yml:3", "x", "url", "https://a.example/", "A title")
    assert linkcheck.Result(link).line() == "data/s.yml:3: x.url <https://a.example/>: ok"
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "claimants.yml").write_text("claimants:\n  - id: a\n    name: A\n    kind: agency\n")
    assert linkcheck.links_in(tmp_path, tmp_path / "data") == []


def test_an_https_address_on_loopback_is_refused_too(server):
    port = server.rsplit(":", 1)[1]
    url = f"https://localhost:{port}/ok"
    result = check("", url, allow_private=False, retries=0)[url]
    assert result.problem.startswith("refused: not a public address ("), result.problem


class _Answer:
    """A server's answer as the checker reads it: status, headers, and a body read at most `amt` bytes at a time,
    sent gzipped (decoded only when asked)."""

    def __init__(self, status: int, headers: dict[str, str], body: bytes = b"") -> None:
        self.status, self.headers, self._body = status, headers, body

    def read(self, amt: int | None = None, decode_content: bool = False) -> bytes:
        import gzip

        body = self._body[:amt] if amt is not None else self._body
        return body if decode_content else gzip.compress(body)


def test_each_answer_judged_by_hand():
    link = Link("data/x.yml:1", "src", "url", "https://a.example/", "Новости дня")
    judged = {status: linkcheck._judge(link, _Answer(status, {})) for status in (404, 410, 503, 599, 300, 301)}
    assert {status: (r.problem, r.note) for status, r in judged.items()} == {
        404: ("dead link (404 Not Found)", None), 410: ("dead link (410 Gone)", None),
        503: ("server error (503 Service Unavailable)", None), 599: ("server error (599 )", None),
        300: (None, "answered 300 Multiple Choices; check it in a browser"),
        301: (None, "answered 301 Moved Permanently; check it in a browser")}
    page = "<title>Новости дня</title>".encode("windows-1251")
    assert linkcheck._judge(link, _Answer(200, {"Content-Type": "text/html; charset=windows-1251"}, page)).problem is None
    # No content type: taken for HTML, so its title is compared (here read as UTF-8, which it is not).
    assert "title is now" in linkcheck._judge(link, _Answer(200, {}, page)).problem
    assert linkcheck._judge(link, _Answer(200, {"Content-Type": "application/pdf"}, page)).problem is None
    # Only the first MAX_BYTES are read: a title past them is not seen.
    late = b" " * linkcheck.MAX_BYTES + b"<title>Another page</title>"
    assert linkcheck._judge(link, _Answer(200, {"Content-Type": "text/html"}, late)).problem is None
    assert linkcheck._reason(None) == "unknown error" and linkcheck._reason(ValueError("x")) == "ValueError"


def test_ports_by_hand_and_a_link_checked_without_options_refuses_private_addresses(server):
    assert (linkcheck._port("https://a.example/"), linkcheck._port("http://a.example/")) == (443, 80)
    assert linkcheck._port("http://a.example:8080/") == 8080
    url = f"{server}/ok"
    http = linkcheck._pool_manager()
    try:
        result = linkcheck.check_link(Link("data/x.yml:1", "src", "url", url, TITLE), http, 0.5, 0)
    finally:
        http.clear()
    assert result.problem.startswith("refused: not a public address ("), result.problem
