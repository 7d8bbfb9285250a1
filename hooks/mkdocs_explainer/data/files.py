"""Which files in `data/` are data files, and reading them without following them anywhere unsafe.

Only regular files inside the project are read, up to a size cap: a link out of the project (to
`/etc/shadow`, to `/dev/zero`), a FIFO, a folder named `x.yml` or a dangling link is a problem with
the file's name, never a hang, a crash or someone else's file in the build log.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

SUFFIXES = (".yml", ".yaml")
"""Data file endings, in any case (`reports.YML` is a data file too)."""
MAX_FILE_BYTES = 10 * 1024 * 1024
"""The largest data file read: ten times a 10,000-fact file; anything bigger is a mistake or an attack."""


def data_files(data_dir: Path) -> list[Path]:
    """The YAML files an editor may add to `data/`, in a stable order. Hidden names (`.#facts.yml`, an
    editor's lock file) are not data."""
    if not data_dir.is_dir():
        return []
    return sorted(
        (path for path in data_dir.iterdir() if path.suffix.lower() in SUFFIXES and not path.name.startswith(".")),
        key=lambda path: path.name,
    )


def read_data_file(path: Path, root: Path) -> bytes | str:
    """The file's bytes, or why it is not read (a sentence for the editor). Inside the project means under
    `root` or under the data folder itself (a site may keep its data folder elsewhere on purpose)."""
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return f"is a link to {os.readlink(path)}, which does not exist" if path.is_symlink() else "has disappeared"
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError for a loop, later versions OSError
        return "is a link that leads back to itself (a symbolic link loop)"
    if not (target.is_relative_to(root.resolve()) or target.is_relative_to(path.parent.resolve())):
        return f"is a link to {target}, outside the project; a data file must be inside the project"
    try:
        info = target.stat()
        if stat.S_ISDIR(info.st_mode):
            return "is a folder, not a data file; rename it or move its files into data/"
        if not stat.S_ISREG(info.st_mode):
            return "is not a regular file (a pipe, socket or device?); a data file must be a plain file"
        if info.st_size > MAX_FILE_BYTES:
            return _too_large(info.st_size)
        # O_NONBLOCK: should the file turn into a FIFO meanwhile, opening it does not wait for a writer.
        descriptor = os.open(target, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return "is not a regular file (a pipe, socket or device?); a data file must be a plain file"
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return f"can't be read: {error.strerror or error}"
    return _too_large(len(raw)) if len(raw) > MAX_FILE_BYTES else raw


def _too_large(size: int) -> str:
    return (f"is {size / 1024 / 1024:.1f} MB; a data file may hold at most {MAX_FILE_BYTES // 1024 // 1024} MB, "
            "so split it into several files")
