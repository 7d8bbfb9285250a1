"""Each data file's checked form, remembered between builds in `.cache/explainer/`.

An unchanged file then needs neither the YAML parse nor pydantic, whose import alone costs more than
reading every cached file. An entry is used only if it was written for the same file name, the same
bytes and the same checking code (our modules, Python, pydantic, PyYAML); anything else about it
(missing, truncated, corrupt, stale) makes it a miss. So the cache can make a build faster, never
different: problems are cached too, and an unchanged broken file reports them again.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.metadata
import json
import os
import sys
import tempfile
from pathlib import Path

import yaml

from .records import FileResult

FOLDER = Path(".cache") / "explainer"
"""Where entries live, relative to the project root (git-ignored, removed by `make clean`)."""

CODE = ("data/balance.py", "data/cache.py", "data/catalog.py", "data/evidence.py", "data/evidence_settings.py",
        "data/figures.py", "data/files.py", "data/languages.py", "data/load.py", "data/numbers.py", "data/records.py",
        "data/schema.py", "data/validate.py", "data/vocabulary.py", "problems.py")
"""Our modules that decide what a file's checked form is: editing any of them invalidates every entry."""

DISTRIBUTIONS = ("pydantic", "pydantic_core", "babel")
"""Libraries whose version changes validation; read from their metadata, never imported here."""


@functools.cache
def fingerprint() -> str:
    """The code fingerprint of this process: computed once, as hook modules are not reloaded either."""
    return code_fingerprint(Path(__file__).resolve().parent.parent)


def code_fingerprint(package: Path) -> str:
    """A digest of everything besides a file's bytes that decides its checked form."""
    digest = hashlib.sha256(f"python {sys.version}\n".encode())
    digest.update(f"pyyaml {yaml.__version__} libyaml={yaml.__with_libyaml__}\n".encode())
    for name in DISTRIBUTIONS:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{name} {version}\n".encode())
    for module in CODE:
        digest.update(module.encode() + b"\0" + (package / module).read_bytes() + b"\0")
    return digest.hexdigest()


class FileCache:
    """Checked files by name, one entry file each: `<key>\\n<sha256 of payload>\\n<payload JSON>`."""

    def __init__(self, folder: Path, code: str | None = None, settings: str = "") -> None:
        self.folder = folder
        # The site's evidence settings (language, hedge tables) decide a file's problems as much as our code does.
        self.code = (fingerprint() if code is None else code) + settings

    def key(self, name: str, raw: bytes) -> str:
        # Today's date too: which review dates are allowed (up to tomorrow) moves with it.
        return hashlib.sha256(f"{self.code}\0{dt.date.today()}\0{name}\0".encode() + raw).hexdigest()

    def entry(self, name: str) -> Path:
        # One entry per data file, so an edit replaces its old entry instead of piling up new ones.
        return self.folder / f"{hashlib.sha256(name.encode()).hexdigest()[:32]}.entry"

    def get(self, name: str, raw: bytes) -> FileResult | None:
        """The checked form of this exact file, or None when there is no sound entry for it."""
        try:
            key, checksum, payload = self.entry(name).read_bytes().split(b"\n", 2)
            if key.decode() != self.key(name, raw) or checksum.decode() != hashlib.sha256(payload).hexdigest():
                return None
            result = FileResult.from_json(json.loads(payload))
        except Exception:  # whatever is wrong with an entry, the file is simply checked again
            return None
        return result if result.name == name else None

    def put(self, name: str, raw: bytes, result: FileResult) -> None:
        """Store a checked file; a cache that can't be written (read-only checkout, full disk) is skipped."""
        temporary = None
        try:
            payload = json.dumps(result.to_json(), ensure_ascii=False, separators=(",", ":")).encode()
            header = f"{self.key(name, raw)}\n{hashlib.sha256(payload).hexdigest()}\n".encode()
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".writing-")
            with os.fdopen(handle, "wb") as out:
                out.write(header + payload)
            # Readers see the old entry or the new one, never half of one.
            os.replace(temporary, self.entry(name))
        except (OSError, TypeError, ValueError):
            if temporary:
                Path(temporary).unlink(missing_ok=True)

    def keep_only(self, names: list[str]) -> None:
        """Remove entries of data files that no longer exist."""
        wanted = {self.entry(name).name for name in names}
        try:
            for path in self.folder.glob("*.entry"):
                if path.name not in wanted:
                    path.unlink(missing_ok=True)
        except OSError:
            pass
