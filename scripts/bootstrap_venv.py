"""Create a virtual environment with pip where `python3 -m venv` can't (Debian without python3-venv).

Debian's python3 lacks ensurepip unless python3-venv is installed, and a fresh machine may have only
python3 and make. So: create the environment without pip, then install pip from its wheel on PyPI.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import urllib.request
import venv
from pathlib import Path
from urllib.parse import urljoin

PIP_RELEASE = "https://pypi.org/pypi/pip/json"


def fetch_pip_wheel(folder: Path) -> Path:
    with urllib.request.urlopen(PIP_RELEASE, timeout=60) as response:
        release = json.load(response)
    wheel = next(f for f in release["urls"] if f["packagetype"] == "bdist_wheel")
    target = folder / wheel["filename"]
    urllib.request.urlretrieve(urljoin(PIP_RELEASE, wheel["url"]), target)
    return target


def main(target: str) -> None:
    venv.create(target, with_pip=False, clear=True)
    python = Path(target) / "bin" / "python"
    with tempfile.TemporaryDirectory() as folder:
        wheel = fetch_pip_wheel(Path(folder))
        # A pip wheel can run itself: <wheel>/pip is an importable path.
        subprocess.run([str(python), f"{wheel}/pip", "install", "--quiet", str(wheel)], check=True)
    print(f"created {target} with pip from PyPI (python3-venv is not installed)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".venv")
