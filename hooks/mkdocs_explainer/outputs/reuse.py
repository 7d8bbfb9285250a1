"""Generated files kept between builds and linked back while their inputs are unchanged.

Writing the exports, the feed and the citation files of 10,000 facts (30,000 files) takes seconds, longer
than the rest of a warm build. Like the data cache, a missing, partial or altered copy is simply
regenerated: it can cost time, never change the output.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

MANIFEST = "manifest.json"


def digest_of(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def _place(source: str, target: str) -> None:
    """`target` made a hard link to `source` where the file system allows one (the site's file and its kept
    copy), else a copy: creating thousands of small files costs more than the rest of a warm build. Should
    anything later write into a linked file, the kept copy no longer matches its manifest and the next build
    regenerates it. (Paths as text: at 30,000 files, pathlib's objects cost more than the links.)"""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(target)  # a file already there (the preview's site folder) is replaced, not written into
    try:
        os.link(source, target)
    except OSError:  # another file system, or one without links
        shutil.copyfile(source, target)


class Remembered:
    """Rendered pieces kept between the builds of one process (the preview), each with the inputs it was
    rendered from: a piece whose inputs compare equal to last time's is used again, not rendered again, so a
    data edit re-renders the records it changed, not all of them. The inputs are the records themselves
    (compared by value, like the preview's diff), so a reused piece is always the one they would render.

    Off until the adapter turns it on for a preview: a one-off build renders each piece once, and keeping
    them would only hold memory."""

    def __init__(self) -> None:
        self.enabled = False
        self._key = ""
        self._last: dict[Hashable, tuple[object, Any]] = {}
        self._next: dict[Hashable, tuple[object, Any]] = {}
        self._written: dict[str, tuple[str, tuple[int, int, int]]] = {}
        """Per file this process wrote: the text and the file's (inode, size, mtime) just after."""
        self._keep: tuple[KeptFiles, list[Path], Path] | None = None

    def begin(self, key: str) -> None:
        """A build's pieces start; `key` stands for everything besides the inputs they all read (settings,
        code). Another key forgets every piece."""
        if key != self._key:
            self._last, self._written, self._key = {}, {}, key
        self._next, self._keep = {}, None

    def get(self, name: Hashable, inputs: object, render: Callable[[], T]) -> T:
        if not self.enabled:
            return render()
        kept = self._last.get(name)
        value = kept[1] if kept is not None and kept[0] == inputs else render()
        self._next[name] = (inputs, value)
        return value

    def end(self) -> None:
        """The build's pieces are complete: they are what the next build starts from (a piece no longer
        asked for, such as a deleted record's, is forgotten)."""
        if self.enabled:
            self._last, self._next = self._next, {}

    def keep_later(self, kept: KeptFiles, files: list[Path], root: Path) -> None:
        """Store generated files for the next process, now, or (in a preview) when it stops: storing
        thousands of files after each data edit would cost the editor more than rendering the changed ones."""
        if self.enabled:
            self._keep = (kept, files, root)
        else:
            kept.keep(files, root)

    def keep_now(self) -> None:
        """The preview stops: store what its last build generated (its site folder is still there)."""
        pending, self._keep = self._keep, None
        if pending is not None:
            kept, files, root = pending
            kept.keep(files, root)

    def keep_nothing(self) -> None:
        """The site folder no longer holds what the pending files were (exports restored from the cache for other
        data, a failed build): storing them under their key would file one data's exports under another's."""
        self._keep = None

    def still_written(self, path: str, text: str) -> bool:
        """`path` holds `text` as this process wrote it and nothing has touched it since (same inode, size and
        time): no need to read it back. A full preview build empties the site folder, which this notices."""
        written = self._written.get(path)
        if written is None or written[0] != text:  # the same text object (a reused piece): no comparison
            return False
        try:
            stat = os.stat(path)
        except OSError:
            return False
        return written[1] == (stat.st_ino, stat.st_size, stat.st_mtime_ns)

    def wrote(self, path: str, text: str) -> None:
        if self.enabled:
            with contextlib.suppress(OSError):
                stat = os.stat(path)
                self._written[path] = (text, (stat.st_ino, stat.st_size, stat.st_mtime_ns))


REMEMBERED = Remembered()


def write_if_changed(path: str | Path, text: str) -> None:
    """Write `text` (UTF-8, line ends as given) unless the file already holds it: a preview's data edit then
    rewrites the few files it changes, not one per item. A changed file is replaced, never written into, so a
    kept copy linked to it stays as it was."""
    name = os.fspath(path)
    if REMEMBERED.enabled and REMEMBERED.still_written(name, text):
        return
    _write_if_changed(name, text)
    REMEMBERED.wrote(name, text)


def _write_if_changed(path: str, text: str) -> None:
    data = text.encode("utf-8")
    try:
        with open(path, "rb") as stream:
            if stream.read() == data:
                return
        os.unlink(path)
    except FileNotFoundError:
        pass
    with open(path, "wb") as stream:
        stream.write(data)


def _same_file(one: str, other: str) -> bool:
    """Already linked (the preview's site folder holds the last build's links): nothing to redo."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _make_folders(root: str, names: Iterable[str]) -> None:
    for folder in sorted({os.path.dirname(name) for name in names}):
        os.makedirs(os.path.join(root, folder), exist_ok=True)


class KeptFiles:
    """One set of generated files, stored under `folder` with the key of the inputs they came from."""

    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder
        self.key = key

    def restore(self, site_dir: Path) -> bool:
        """Link (or copy) the kept files into `site_dir` if they were made from the same inputs and are intact."""
        kept, site = os.fspath(self.folder), os.fspath(site_dir)
        try:
            manifest = json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
            if manifest["key"] != self.key:
                return False
            names = manifest["files"]
            for name, digest in names.items():
                # The content's checksum, not its size and time: a write into a site file linked to its kept
                # copy in the same clock tick, at the same length, would pass those.
                with open(os.path.join(kept, name), "rb") as stream:
                    if hashlib.sha256(stream.read()).hexdigest() != digest:
                        return False
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return False
        _make_folders(site, names)
        try:
            for name in names:
                if not _same_file(os.path.join(kept, name), os.path.join(site, name)):
                    _place(os.path.join(kept, name), os.path.join(site, name))
        except OSError:
            return False  # the caller writes them all anew
        return True

    def keep(self, files: list[Path], root: Path | None = None) -> None:
        """Store freshly generated files (named relative to `root`, the site folder: by their names if
        None); a cache that can't be written is skipped."""
        staged = None
        try:
            self.folder.parent.mkdir(parents=True, exist_ok=True)
            staged = Path(tempfile.mkdtemp(dir=self.folder.parent, prefix=f".{self.folder.name}-"))
            names = {os.fspath(path): path.relative_to(root).as_posix() if root else path.name for path in files}
            _make_folders(os.fspath(staged), names.values())
            hashes = {}
            for path, name in names.items():
                _place(path, os.path.join(staged, name))
                with open(path, "rb") as stream:
                    hashes[name] = hashlib.sha256(stream.read()).hexdigest()
            (staged / MANIFEST).write_text(json.dumps({"key": self.key, "files": hashes}), encoding="utf-8")
            shutil.rmtree(self.folder, ignore_errors=True)
            staged.rename(self.folder)
        except OSError:
            if staged:
                shutil.rmtree(staged, ignore_errors=True)
