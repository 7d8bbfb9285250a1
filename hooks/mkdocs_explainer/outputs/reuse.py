"""Generated files kept between builds and copied back while their inputs are unchanged.

Writing the exports and the feed of 10,000 facts takes about half a second, as long as the rest of a
warm build. Like the data cache, a missing, partial or altered copy is simply regenerated: it can
cost time, never change the output.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

MANIFEST = "manifest.json"


def digest_of(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def _place(kept: Path, target: Path, data: bytes) -> None:
    """A hard link to the kept copy where the file system allows one: creating hundreds of small files costs
    more than the rest of a warm build. Should anything later write into the linked file, the kept copy's
    checksum no longer matches and the next build regenerates it."""
    target.unlink(missing_ok=True)  # a file already there (the preview's site folder) is replaced, not written into
    try:
        os.link(kept, target)
    except OSError:  # another file system, or one without links
        target.write_bytes(data)


class KeptFiles:
    """One set of generated files, stored under `folder` with the key of the inputs they came from."""

    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder
        self.key = key

    def restore(self, site_dir: Path) -> bool:
        """Copy the kept files into `site_dir` if they were made from the same inputs and are intact."""
        try:
            manifest = json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
            if manifest["key"] != self.key:
                return False
            contents = {name: (self.folder / name).read_bytes() for name in manifest["files"]}
            if any(hashlib.sha256(data).hexdigest() != manifest["files"][name] for name, data in contents.items()):
                return False
        except (OSError, ValueError, KeyError, TypeError):
            return False
        for folder in sorted({(site_dir / name).parent for name in contents}):
            folder.mkdir(parents=True, exist_ok=True)
        for name, data in contents.items():
            _place(self.folder / name, site_dir / name, data)
        return True

    def keep(self, files: list[Path], root: Path | None = None) -> None:
        """Store freshly generated files (named relative to `root`, the site folder: by their names if
        None); a cache that can't be written is skipped."""
        staged = None
        try:
            self.folder.parent.mkdir(parents=True, exist_ok=True)
            staged = Path(tempfile.mkdtemp(dir=self.folder.parent, prefix=f".{self.folder.name}-"))
            hashes = {}
            for path in files:
                data = path.read_bytes()
                name = path.relative_to(root).as_posix() if root else path.name
                (staged / name).parent.mkdir(parents=True, exist_ok=True)
                (staged / name).write_bytes(data)
                hashes[name] = hashlib.sha256(data).hexdigest()
            (staged / MANIFEST).write_text(json.dumps({"key": self.key, "files": hashes}), encoding="utf-8")
            shutil.rmtree(self.folder, ignore_errors=True)
            staged.rename(self.folder)
        except OSError:
            if staged:
                shutil.rmtree(staged, ignore_errors=True)
