"""`make check-sources`, the requests it sends and how it reads the answers, against a local server of its own:
what the server sees, which answers are retried and how, which redirects are followed, how a failure is worded,
and `check_all`'s defaults. Nothing leaves 127.0.0.1."""

from __future__ import annotations

import contextlib
import http.server
import re
import socket
import threading
import time
from collections.abc import Iterator
from typing import ClassVar

import pytest
from local_server import serve
from mkdocs_explainer.outputs import linkcheck
from mkdocs_explainer.outputs.linkcheck import Link, Result, check_all

TITLE = "Troops arrive at the border, officials say"
STALL_SECONDS = 1.5
"""How long the stalling answers keep the checker waiting: more than the tests' read timeout (0.3 s)."""


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hits: ClassVar[dict[str, list[float]]] = {}
    """Per path, when each request arrived (time.monotonic)."""
    headers_seen: ClassVar[dict[str, list[tuple[str, str]]]] = {}
    """Per path, the header lines of the last request, names as sent."""

    def do_GET(self) -> None:
        Handler.hits.setdefault(self.path, []).append(time.monotonic())
        Handler.headers_seen[self.path] = list(self.headers.items())
        port = self.server.server_address[1]
        if self.path == "/ok":
            self._page(200, f"<html><head><title>{TITLE} | Test News</title></head></html>")
        elif self.path.startswith("/status/"):
            self._page(int(self.path.removeprefix("/status/")), "<title>Something</title>")
        elif self.path.startswith("/redirect/"):  # a relative address, as many servers send
            self._page(int(self.path.removeprefix("/redirect/")), "", Location="/ok")
        elif self.path == "/located":  # a page that names another address without redirecting to it
            self._page(200, f"<title>{TITLE}</title>", Location=f"http://localhost:{port}/ok")
        elif self.path == "/busy":
            self._page(429, "<title>Too many requests</title>", **{"Retry-After": "5"})
        elif self.path == "/mixed":  # a server error, then no answer in time, then a server error ...
            if len(Handler.hits[self.path]) % 2:
                self._page(503, "<title>Unavailable</title>")
            else:
                self._stall()
        elif self.path == "/stall-body":  # the headers in time, then nothing
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n")
            self.wfile.flush()
            self._stall()
        else:
            self._page(404, "")

    def _page(self, status: int, body: str, **headers: str) -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _stall(self) -> None:
        time.sleep(STALL_SECONDS)
        self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve(Handler) as address:
        yield address


def link(url: str) -> Link:
    return Link("data/x.yml:1", "src", "url", url, TITLE)


def check(server: str, path: str, **options: object) -> Result:
    """One path of the test server checked, its earlier hits forgotten."""
    Handler.hits.pop(path, None)
    options = {"timeout": 0.3, "retries": 1, "allow_private": True, **options}
    [result] = check_all([link(f"{server}{path}")], workers=1, **options)  # type: ignore[arg-type]
    return result


def test_the_server_sees_who_is_asking_and_that_html_is_wanted(server):
    """A site's log names the checker (its User-Agent), and the checker asks for HTML first: exactly these lines."""
    assert check(server, "/ok").problem is None
    seen = Handler.headers_seen["/ok"]
    assert ("User-Agent", "explainer-check-sources/1 (link rot check of a fact-checked explainer)") in seen
    assert ("Accept", "text/html,*/*") in seen
    assert [name for name, _ in seen if name.lower() in ("user-agent", "accept")] == ["User-Agent", "Accept"]


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_server_error_is_tried_again(status: int, server):
    """The usual passing server errors get the retries (here one) before they are reported."""
    result = check(server, f"/status/{status}")
    assert result.problem is not None and result.problem.startswith(f"server error ({status} ")
    assert len(Handler.hits[f"/status/{status}"]) == 2


def test_a_second_retry_waits_a_little_first(server):
    """Retries back off: none before the first, 0.2 s x 2 before the second (a pause, not a hammering)."""
    check(server, "/status/500", retries=2)
    _, second, third = Handler.hits["/status/500"]
    assert third - second >= 0.35
    assert third - second < 1.5  # 0.4 s, and time for a busy machine; a factor of 1.2 would wait 2.4 s


def test_the_retries_count_all_failures_together(server):
    """`retries` bounds the tries in all, whatever mixture of server errors and silences the server gives:
    with one retry, a 503 then no answer in time is two tries and the end."""
    result = check(server, "/mixed", retries=1)
    assert result.problem == "no answer after 2 tries (timed out)"
    assert len(Handler.hits["/mixed"]) == 2


def test_a_servers_request_to_come_back_later_does_not_hold_up_the_check(server):
    """A 429 asking to wait (Retry-After) is a note to check by hand, at once: waiting as asked (seconds, or an
    hour) would run past the link's deadline, which a timer cannot interrupt while the checker sleeps."""
    started = time.monotonic()
    result = check(server, "/busy", retries=2, deadline=2)
    elapsed = time.monotonic() - started
    assert (result.problem, result.note) == (None, "answered 429 Too Many Requests; check it in a browser")
    assert elapsed < 2, elapsed
    assert len(Handler.hits["/busy"]) == 1


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_every_kind_of_redirect_is_followed_even_to_a_relative_address(status: int, server):
    """Moved permanently or for now, with or without keeping the method: the link's page is where it leads, asked
    for once, on the connection the server keeps open (its redirect read out first), even with no retries."""
    for retries in (1, 0):
        Handler.hits.pop("/ok", None)
        result = check(server, f"/redirect/{status}", retries=retries)
        assert (result.problem, result.note) == (None, None)
        assert len(Handler.hits["/ok"]) == 1


def test_a_location_on_a_page_that_is_no_redirect_is_not_followed(server):
    """Only a redirect's Location leads elsewhere: a 200 page that happens to carry one is judged itself."""
    result = check(server, "/located")
    assert (result.problem, result.note) == (None, None)


def test_one_try_is_worded_in_the_singular(server):
    refused = f"http://127.0.0.1:{closed_port()}/"
    [result] = check_all([link(refused)], timeout=0.3, retries=0, allow_private=True)
    assert result.problem == "no answer after 1 try (connection refused or host not found)"


def test_a_page_that_stops_sending_is_no_answer(server):
    """The headers arrive, the page does not: not a crash, not a pass, but 'no answer', saying why."""
    result = check(server, "/stall-body")
    assert result.link.url == f"{server}/stall-body"
    assert result.problem == "no answer (timed out)"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def unanswered_port() -> Iterator[int]:
    """A port whose connections are never accepted (the listening queue is full): a host that does not answer."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    queued = []
    for _ in range(3):
        sock = socket.socket()
        sock.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            sock.connect(("127.0.0.1", port))
        queued.append(sock)
    time.sleep(0.2)
    try:
        yield port
    finally:
        for sock in [*queued, listener]:
            sock.close()


def test_a_host_that_does_not_answer_is_given_up_after_the_timeout(unanswered_port: int):
    """The timeout covers connecting too: a silent host is 'timed out' within it, not waited for to the deadline."""
    url = f"http://127.0.0.1:{unanswered_port}/"
    started = time.monotonic()
    [result] = check_all([link(url)], timeout=0.3, retries=0, deadline=5, allow_private=True)
    assert result.problem == "no answer after 1 try (timed out)"
    assert time.monotonic() - started < 3


def test_an_unexpected_failure_says_how_long_the_check_had_taken(server, monkeypatch):
    def broken(html: str) -> list[str]:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(linkcheck, "page_titles", broken)
    problem = check(server, "/ok").problem or ""
    seconds = re.fullmatch(r"could not be checked \(RuntimeError after (\d+\.\d) s: parser exploded\)", problem)
    assert seconds is not None, problem
    assert float(seconds.group(1)) < 3


def test_check_all_defaults_eight_at_a_time_and_the_documented_settings(monkeypatch):
    """Called with links alone: each link checked with a 15 s timeout, 2 retries, a 60 s deadline, private
    addresses refused, and at most 8 links at the same time."""
    settings: list[tuple[object, ...]] = []
    lock = threading.Condition()
    running = peak = started = 0
    links = [link(f"https://example.org/{n}") for n in range(9)]

    def check_link(item: Link, http: object, *rest: object) -> Result:
        nonlocal running, peak, started
        with lock:
            running, started = running + 1, started + 1
            peak = max(peak, running)
            settings.append(rest)
            lock.notify_all()
            lock.wait_for(lambda: started == len(links), timeout=1)  # all at once, if they may
            running -= 1
        return Result(item)

    monkeypatch.setattr(linkcheck, "check_link", check_link)
    results = check_all(links)
    assert [r.link for r in results] == links
    assert settings == [(15, 2, 60, False)] * 9
    assert peak == 8
