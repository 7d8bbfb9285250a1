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
from collections.abc import Iterable
from pathlib import Path

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


def write_if_changed(path: Path, text: str) -> None:
    """Write `text` (UTF-8, line ends as given) unless the file already holds it: a preview's data edit then
    rewrites the few files it changes, not one per item. A changed file is replaced, never written into, so a
    kept copy linked to it stays as it was."""
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
