"""Build into a fresh folder and swap it in only when the build succeeded.

MkDocs empties `site_dir` right after `on_pre_build`, and a strict build fails only after every page
is written. Staging keeps the published `site/` byte-identical whenever a build fails, whatever failed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Staging:
    """A build folder beside the real site folder (same file system, so the swap is two renames)."""

    final: Path
    staged: Path
    keep: list[str] = field(default_factory=list)
    """Folders of the published site another build writes (another language's edition, `ko`): carried over."""

    @classmethod
    def start(cls, final_dir: str) -> Staging:
        final = Path(final_dir).resolve()
        final.parent.mkdir(parents=True, exist_ok=True)
        staged = Path(tempfile.mkdtemp(prefix=f".{final.name}-staging-", dir=final.parent))
        # mkdtemp makes a private (0700) folder; the published site is read by a web server as another
        # user, so it gets the mode `mkdir` would give it, as MkDocs' own site/ does (0755 under umask 022).
        staged.chmod(0o777 & ~_umask())
        return cls(final, staged)

    def commit(self) -> None:
        """Put the staged build in place of the old site; the old one is removed only afterwards."""
        for name in self.keep:
            if (self.final / name).is_dir() and not (self.staged / name).exists():
                (self.final / name).rename(self.staged / name)
        if self.final.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{self.final.name}-old-", dir=self.final.parent))
            self.final.rename(retired / self.final.name)
            self.staged.rename(self.final)
            shutil.rmtree(retired)
        else:
            self.staged.rename(self.final)

    def discard(self) -> None:
        shutil.rmtree(self.staged, ignore_errors=True)


def _umask() -> int:
    """The process's umask (it can only be read by setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
