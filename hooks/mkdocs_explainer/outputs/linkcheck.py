"""`make check-sources`: visit every source's address and archived copy, and report link rot.

A problem (exit status 1): a dead link (404, 410), a server error (5xx) or no answer after the retries
(refused, timed out), a redirect to another site, or a page whose title no longer matches the source's.
A note (printed, exit status 0): any other refusal, such as 403 or 429, which news sites give robots
more often than readers; check those by hand. It needs the internet, so it is never part of `make test`.

Each link has a total deadline (`--deadline`), however slowly its server trickles bytes. Addresses that are
not public (loopback, private networks, link-local) are refused, whether written in the data or reached by
a host name or a redirect, unless `--allow-private` (for testing against a local server). A redirect to
another port of the same host (another service) is a problem. Whatever goes wrong with one link is that link's problem:
the report always covers every link.
"""

from __future__ import annotations

import argparse
import difflib
import ipaddress
import logging
import re
import socket
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from ..data.catalog import data_files, link
from ..data.validate import check_path
from ..problems import ProblemsFound

MAX_REDIRECTS = 5
MAX_BYTES = 512 * 1024
"""Enough of a page to find its <title>; the rest is never read."""
TITLE_MATCH = 0.6
"""How alike the page's title and the source's must be (0 to 1): headlines gain a site name or lose a word."""
USER_AGENT = "explainer-check-sources/1 (link rot check of a fact-checked explainer)"
DEAD = {404, 410}
DEFAULT_PORTS = {"http": 80, "https": 443}


class Refused(Exception):
    """An address the checker will not visit (see the module's docstring)."""


@dataclass
class _Visit:
    """One link's check: whether private hosts are allowed, whether its deadline passed, its sockets."""

    allow_private: bool = False
    expired: bool = False
    sockets: list[socket.socket] = field(default_factory=list)


_current = threading.local()
"""`.visit`: the _Visit of the link this thread is checking (the connections below find it here)."""


def _this_visit() -> _Visit:
    visit: _Visit = getattr(_current, "visit", None) or _Visit()
    return visit


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address)  # an IPv6 zone ("fe80::1%eth0") is read too
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _watched(sock: socket.socket) -> socket.socket:
    """Refuse a connection to an address that is not public, and let the deadline close the socket."""
    visit = _this_visit()
    if visit.expired:
        sock.close()
        raise Refused("deadline")
    peer = sock.getpeername()[0]
    if not visit.allow_private and not _public(peer):
        sock.close()
        raise Refused(f"not a public address ({peer}); --allow-private checks it")
    visit.sockets.append(sock)
    return sock


class _HTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        return _watched(super()._new_conn())


class _HTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        return _watched(super()._new_conn())


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


def _pool_manager() -> urllib3.PoolManager:
    """Connections for one link only: a connection kept alive for another link would escape its deadline."""
    http = urllib3.PoolManager(num_pools=2, maxsize=1)
    http.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
    return http


@contextmanager
def _deadline(seconds: float, allow_private: bool) -> Iterator[_Visit]:
    """Within the block, this thread's connections are checked, and closed once `seconds` have passed."""
    visit = _current.visit = _Visit(allow_private)

    def expire() -> None:
        visit.expired = True
        for sock in list(visit.sockets):
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes a read blocked on a trickling server

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield visit
    finally:
        timer.cancel()
        _current.visit = None


@dataclass(frozen=True)
class Link:
    """One address to visit: a source's `url` or its `archived` copy, with where it is written."""

    where: str
    """file:line of the source, e.g. data/sources.yml:12."""
    source_id: str
    field: str
    url: str
    title: str
    """The source's title as recorded; a title in [brackets] was supplied by us and is not compared."""


@dataclass(frozen=True)
class Result:
    link: Link
    problem: str | None = None
    note: str | None = None

    def line(self) -> str:
        message = self.problem or self.note or "ok"
        return f"{self.link.where}: {self.link.source_id}.{self.link.field} <{self.link.url}>: {message}"


def links_in(root: Path, data_dir: Path) -> list[Link]:
    """Every source's address and archived copy in the data files, in file order. Raises ProblemsFound."""
    results = [check_path(path.relative_to(root).as_posix(), str(path)) for path in data_files(data_dir)]
    link(results)  # the data must be valid before it is worth checking
    links = []
    for result in results:
        lines = {ref.id: ref.line for ref in result.ids if ref.section == "sources"}
        for source in result.records.get("sources", []):
            where = f"{result.name}:{lines[source['id']]}"
            for name in ("url", "archived"):
                if source.get(name):
                    links.append(Link(where, source["id"], name, source[name], source["title"]))
    return links


class _TitleParser(HTMLParser):
    """The page's <title> and its og:title, whichever it has."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.titles: list[str] = []
        self._in_title = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "title":
            self._in_title, self._text = True, []
        elif tag == "meta" and values.get("property") in ("og:title", "twitter:title") and values.get("content"):
            self.titles.append(values["content"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in_title:
            self._in_title = False
            self.titles.append("".join(self._text))

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._text.append(data)


def page_titles(html: str) -> list[str]:
    parser = _TitleParser()
    parser.feed(html)
    return [" ".join(t.split()) for t in parser.titles if t.strip()]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def titles_match(recorded: str, page: str) -> bool:
    """Fuzzy: the page's title may add the site's name ("… | AP News") or change a word or two."""
    want, have = _words(recorded), _words(page)
    if not want:
        return True
    shared = sum(1 for word in set(want) if word in set(have)) / len(set(want))
    similar = difflib.SequenceMatcher(None, " ".join(want), " ".join(have)).ratio()
    return shared >= TITLE_MATCH + 0.1 or similar >= TITLE_MATCH


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _same_site(a: str, b: str) -> bool:
    return _host(a) == _host(b)


def _port(url: str) -> int | None:
    parts = urlsplit(url)
    return parts.port or DEFAULT_PORTS.get(parts.scheme)


def _same_port(a: str, b: str) -> bool:
    """A redirect may keep the port or go to its scheme's usual one (http -> https), not to another service."""
    return _port(a) == _port(b) or urlsplit(b).port is None


def _literal_address(url: str) -> str | None:
    try:
        return str(ipaddress.ip_address(urlsplit(url).hostname or ""))
    except ValueError:
        return None


def check_link(item: Link, http: urllib3.PoolManager, timeout: float, retries: int,
               deadline: float = 60, allow_private: bool = False) -> Result:
    """Visit one address within `deadline` seconds; never raises (a failure is this link's problem)."""
    started = time.monotonic()
    try:
        with _deadline(deadline, allow_private) as visit:
            result = _visit_link(item, http, timeout, retries, allow_private)
        if visit.expired:
            return Result(item, problem=f"no complete answer within {deadline:g} s")
        return result
    except Refused as error:
        if str(error) == "deadline":
            return Result(item, problem=f"no complete answer within {deadline:g} s")
        return Result(item, problem=f"refused: {error}")
    except Exception as error:  # one link's failure must not lose the report on the others
        elapsed = time.monotonic() - started
        return Result(item, problem=f"could not be checked ({type(error).__name__} after {elapsed:.1f} s: {error})")


def _visit_link(item: Link, http: urllib3.PoolManager, timeout: float, retries: int, allow_private: bool) -> Result:
    """Follow redirects within the link's site, then judge the answer and the title."""
    url = item.url
    if not allow_private and (address := _literal_address(url)) is not None and not _public(address):
        return Result(item, problem=f"refused: not a public address ({address}); --allow-private checks it")
    retry = urllib3.Retry(total=retries, connect=retries, read=retries, status=retries, redirect=False,
                          backoff_factor=0.2, status_forcelist=(500, 502, 503, 504), raise_on_status=False,
                          respect_retry_after_header=False)  # a Retry-After sleep would outlast the deadline
    try:
        for _ in range(MAX_REDIRECTS + 1):
            response = http.request("GET", url, redirect=False, retries=retry, preload_content=False,
                                    timeout=urllib3.Timeout(connect=timeout, read=timeout),
                                    headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*"})
            try:
                location = response.headers.get("Location")
                if response.status in (301, 302, 303, 307, 308) and location:
                    target = urljoin(url, location)
                    if not _same_site(item.url, target):
                        return Result(item, problem=f"redirects to another site: {target}")
                    if not _same_port(url, target):
                        return Result(item, problem=f"redirects to another port: {target}")
                    response.drain_conn()  # the connection is used again: its answer must be read out first
                    url = target
                    continue
                return _judge(item, response)
            finally:
                response.release_conn()
        return Result(item, problem=f"more than {MAX_REDIRECTS} redirects")
    except urllib3.exceptions.MaxRetryError as error:
        if isinstance(error.reason, Refused):
            raise error.reason from None
        tries = f"{retries + 1} tries" if retries else "1 try"
        return Result(item, problem=f"no answer after {tries} ({_reason(error.reason)})")
    except urllib3.exceptions.HTTPError as error:
        return Result(item, problem=f"no answer ({_reason(error)})")


def _reason(error: BaseException | None) -> str:
    if isinstance(error, urllib3.exceptions.NewConnectionError):  # first: urllib3 counts it as a timeout too
        return "connection refused or host not found"
    if isinstance(error, urllib3.exceptions.TimeoutError):
        return "timed out"
    return type(error).__name__ if error else "unknown error"


def _judge(item: Link, response: urllib3.BaseHTTPResponse) -> Result:
    status = response.status
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else ""
    if status in DEAD:
        return Result(item, problem=f"dead link ({status} {phrase})")
    if status >= 500:
        return Result(item, problem=f"server error ({status} {phrase})")
    if status >= 300:
        return Result(item, note=f"answered {status} {phrase}; check it in a browser")
    content_type = response.headers.get("Content-Type") or "text/html"
    if "html" not in content_type or item.title.startswith("["):
        return Result(item)
    charset = re.search(r"charset=[\"']?([\w-]+)", content_type)
    html = _decode(response.read(MAX_BYTES, decode_content=True), charset.group(1) if charset else "utf-8")
    titles = page_titles(html)
    if titles and not any(titles_match(item.title, t) for t in titles):
        return Result(item, problem=f"the page's title is now “{titles[0]}”, not “{item.title}”")
    return Result(item)


def _decode(body: bytes, charset: str) -> str:
    """The page's text in its declared charset if that is a text encoding Python can read, else UTF-8.

    A server declares what it likes: an unknown name, or a codec that is not a text encoding
    (`base64`, `rot13`: LookupError) or refuses `errors="replace"` (`idna`: UnicodeError).
    """
    try:
        return body.decode(charset, "replace")
    except (LookupError, UnicodeError, ValueError, TypeError):
        return body.decode("utf-8", "replace")


def check_all(links: Iterable[Link], workers: int = 8, timeout: float = 15, retries: int = 2,
              deadline: float = 60, allow_private: bool = False) -> list[Result]:
    """Check links with at most `workers` at a time; results in the order given."""
    def check(item: Link) -> Result:
        http = _pool_manager()
        try:
            return check_link(item, http, timeout, retries, deadline, allow_private)
        finally:
            http.clear()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(check, list(links)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make check-sources", description="Check every source link for link rot.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (holds data/)")
    parser.add_argument("--data", type=Path, default=Path("data"), help="data folder, relative to --root")
    parser.add_argument("--workers", type=int, default=8, help="links checked at the same time")
    parser.add_argument("--timeout", type=float, default=15, help="seconds to wait for a connection or for data")
    parser.add_argument("--retries", type=int, default=2, help="tries after the first, on no answer or a 5xx")
    parser.add_argument("--deadline", type=float, default=60,
                        help="seconds for one link in all (tries, redirects, reading), however slow the server")
    parser.add_argument("--allow-private", action="store_true",
                        help="also visit loopback and private addresses (a local test server)")
    args = parser.parse_args(argv)
    logging.getLogger("urllib3").setLevel(logging.ERROR)  # its "Retrying..." lines would bury the report
    try:
        links = links_in(args.root, args.root / args.data)
    except ProblemsFound as error:
        print(error, file=sys.stderr)
        return 2
    results = check_all(links, args.workers, args.timeout, args.retries, args.deadline, args.allow_private)
    problems = [r for r in results if r.problem]
    for result in results:
        if result.problem or result.note:
            print(result.line(), file=sys.stderr if result.problem else sys.stdout)
    notes = sum(1 for r in results if r.note)
    print(f"{len(results)} links checked: {len(problems)} problem(s), {notes} to check by hand.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
