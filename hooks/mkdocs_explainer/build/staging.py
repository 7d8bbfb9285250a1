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
        sweep_leftovers(final)
        staged = Path(tempfile.mkdtemp(prefix=f".{final.name}-staging-{os.getpid()}-", dir=final.parent))
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
            retired = Path(tempfile.mkdtemp(prefix=f".{self.final.name}-old-{os.getpid()}-", dir=self.final.parent))
            self.final.rename(retired / self.final.name)
            self.staged.rename(self.final)
            shutil.rmtree(retired)
        else:
            self.staged.rename(self.final)

    def discard(self) -> None:
        shutil.rmtree(self.staged, ignore_errors=True)


def sweep_leftovers(final: Path) -> None:
    """Remove the staging and retired folders of builds that were killed outright (SIGKILL, a power cut): an
    interrupted build cleans up after itself, a killed one cannot. Each folder names its build's process; the
    folders of a build still running (another edition building beside this one) are left alone."""
    for folder in final.parent.glob(f".{final.name}-*-*-*"):
        kind, _, rest = folder.name.removeprefix(f".{final.name}-").partition("-")
        pid = rest.partition("-")[0]
        if kind in ("staging", "old") and pid.isdigit() and not _running(int(pid)) and folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _umask() -> int:
    """The process's umask (it can only be read by setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
