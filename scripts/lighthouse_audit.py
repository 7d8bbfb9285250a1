"""Lighthouse on a built site, as a phone on a slow network sees it; shared by the browser tests and `make bench`.

The site is served from 127.0.0.1 gzip-compressed, as any static host serves HTML, CSS and JavaScript:
an uncompressed local server would make Lighthouse simulate a slow 4G download of three times the bytes.
Lighthouse (from npm, pinned in package-lock.json) runs in one Node process and one Debian Chromium, the
pages one after another, with its default mobile profile and simulated throttling (slow 4G, 4× CPU).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import os
import subprocess
import tempfile
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

PROJECT = Path(__file__).resolve().parents[1]
RUNNER = PROJECT / "scripts" / "lighthouse.mjs"
PACKAGE = PROJECT / "node_modules" / "lighthouse" / "package.json"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Chromium's own background traffic (updates, sync, field trials) must not mix with the page's requests.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
ASSERTED = ("accessibility", "best-practices", "seo")
"""Scores that must be 100; performance depends on the machine's load and is only reported."""
QUICK = {"pauseAfterFcpMs": 0, "pauseAfterLoadMs": 0, "networkQuietThresholdMs": 250, "cpuQuietThresholdMs": 250,
         "disableFullPageScreenshot": True, "skipAboutBlank": True}
"""Lighthouse settings for audits that leave out performance."""
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """A static host: text files gzip-compressed (level 6, nginx's and Apache's default) when the browser accepts it."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the folder's URL
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)


class _Body:
    """What send_head returns: a file-like object SimpleHTTPRequestHandler copies to the client."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextlib.contextmanager
def serve(root: Path, ports: Iterable[int]) -> Iterator[str]:
    """The folder `root` served compressed on the first free port; yields the origin (http://127.0.0.1:port)."""
    handler = functools.partial(StaticHandler, directory=str(root))
    for port in ports:
        try:
            server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
            break
        except OSError:
            continue
    else:
        raise RuntimeError("no free port in the range")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass(frozen=True)
class Audit:
    """One page's Lighthouse result: category scores (0-100), metrics, and the audits that cost points."""

    url: str
    scores: dict[str, int | None]
    failed: list[str]
    lcp_s: float | None
    cls: float | None
    tbt_ms: float | None
    fcp_s: float | None
    """The load metrics; None when the audit left out performance."""

    def line(self, name: str) -> str:
        s = self.scores
        speed = (f"performance {s.get('performance')}, LCP {self.lcp_s:.1f} s, TBT {self.tbt_ms:.0f} ms, "
                 f"CLS {self.cls:.3f}, FCP {self.fcp_s:.1f} s; "
                 if None not in (self.lcp_s, self.cls, self.tbt_ms, self.fcp_s) else "")
        return (f"{name}: {speed}accessibility {s.get('accessibility')}, "
                f"best practices {s.get('best-practices')}, SEO {s.get('seo')}")


class Pending:
    """A Lighthouse run started in the background (its own Node and Chromium); `collect` waits for its audits.
    Lighthouse mostly waits on the pages it loads, so the browser tests start it first and survey meanwhile."""

    def __init__(self, urls: list[str], node: str, categories: tuple[str, ...]) -> None:
        request: dict[str, object] = {"chrome": str(CHROMIUM), "flags": CHROMIUM_ARGS, "urls": urls,
                                      "categories": list(categories)}
        if "performance" not in categories:
            # No load is timed, so the pauses Lighthouse takes for a settled load metric are not needed: 10.5 s a
            # page becomes 7.3 s (five pages, quiet machine), with the same audits and scores.
            request["settings"] = QUICK
        # Files, not pipes: nobody reads a pipe while the run goes on, and a full one would stall Lighthouse.
        self.stdout = tempfile.TemporaryFile("w+")  # noqa: SIM115 - closed by collect() or cancel()
        self.stderr = tempfile.TemporaryFile("w+")  # noqa: SIM115
        self.process = subprocess.Popen([node, str(RUNNER), json.dumps(request)], stdout=self.stdout,
                                        stderr=self.stderr, text=True, cwd=PROJECT)

    def collect(self, timeout: float = 900) -> dict[str, Audit]:
        """Each URL's audit; raises with Lighthouse's message if a page could not be audited."""
        try:
            returncode = self.process.wait(timeout)
            self.stdout.seek(0)
            self.stderr.seek(0)
            output, errors = self.stdout.read(), self.stderr.read()
        finally:
            self.close()
        if returncode:
            raise RuntimeError(f"lighthouse failed ({returncode}):\n{errors[-3000:]}")
        audits = {}
        for url, page in json.loads(output).items():
            if "error" in page:
                raise RuntimeError(f"lighthouse could not audit {url}: {page['error']}")
            m = page["metrics"]
            seconds = {key: None if m.get(key) is None else m[key] / 1000 for key in ("lcp_ms", "fcp_ms")}
            audits[url] = Audit(url, page["scores"], page["failed"], seconds["lcp_ms"], m.get("cls"),
                                m.get("tbt_ms"), seconds["fcp_ms"])
        return audits

    def cancel(self) -> None:
        """Stops the run if it is still going (a timeout, or tests that ended first)."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def close(self) -> None:
        self.cancel()
        self.stdout.close()
        self.stderr.close()


def run(urls: list[str], node: str, *, timeout: float = 900,
        categories: tuple[str, ...] = CATEGORIES) -> dict[str, Audit]:
    """Lighthouse's mobile audit of each URL, one after another; raises if a page could not be audited."""
    return Pending(urls, node, categories).collect(timeout)
