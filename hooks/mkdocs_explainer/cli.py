"""The `explainer` command: `explainer new DIR` starts an explainer; `schema` and `stale` help maintain one."""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
import sys
from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from . import __version__
from .data import editor_schema
from .data import settings as project_settings
from .data.catalog import site_vocabulary
from .outputs import stale
from .problems import ProblemsFound

STARTER = "starter"
"""The package folder copied by `explainer new`."""
STARTER_REVIEWED = b"reviewed: 2025-01-20"
"""The starter's review dates, which `new` sets to the day it runs: a new explainer starts with nothing overdue."""


def starter_files(folder: Traversable | None = None, prefix: str = "") -> Iterator[tuple[str, Traversable]]:
    """Every file of the starter tree, as (path relative to the new explainer, resource)."""
    folder = folder or resources.files("mkdocs_explainer") / STARTER
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        if entry.is_dir():
            yield from starter_files(entry, f"{prefix}{entry.name}/")
        else:
            yield prefix + entry.name, entry


def new(target: Path, today: dt.date | None = None) -> list[Path]:
    """Copy the starter tree into `target` (created; it must be empty) and write the editor schema."""
    reviewed = f"reviewed: {(today or dt.date.today()).isoformat()}".encode()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise SystemExit(f"explainer new: {target} is not an empty folder; choose a new or empty one (nothing was written)")
    written = []
    for name, resource in starter_files():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(resource.read_bytes().replace(STARTER_REVIEWED, reviewed))
        written.append(path)
    written.append(editor_schema.write(target / "data"))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="explainer", description="Sourced explainers from curated YAML facts.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    start = commands.add_parser("new", help="create a new explainer in DIR (a new or empty folder)")
    start.add_argument("dir", type=Path)
    schema = commands.add_parser("schema", help="write schema.json into DIR's data folder (mkdocs.yml's data_dir), "
                                                "the schema editors' YAML tools read")
    schema.add_argument("dir", type=Path, nargs="?", default=Path("."))
    review = commands.add_parser("stale", help=f"list facts overdue for review in DIR (exits 1 if any); the limit is "
                                                f"mkdocs.yml's stale_after_days, else {stale.DEFAULT_DAYS} days")
    review.add_argument("dir", type=Path, nargs="?", default=Path("."))
    args = parser.parse_args(argv)
    if args.command == "new":
        new(args.dir)
        print(f"Created an explainer in {args.dir}. Next:\n  cd {shlex.quote(str(args.dir))}\n  make serve")
        return 0
    if args.command == "schema":
        return write_schema(args.dir, schema)
    return stale.main(["--root", str(args.dir)], prog="explainer stale")


def write_schema(root: Path, parser: argparse.ArgumentParser) -> int:
    """`explainer schema DIR`: schema.json in the project's data folder (mkdocs.yml's data_dir, else data/)."""
    config_file = root / "mkdocs.yml"
    try:
        options = project_settings.read(config_file) if config_file.is_file() else {}
        data_dir = project_settings.data_folder(root, options.get("data_dir", "data"))
    except project_settings.SettingsError as error:
        parser.error(str(error))
    if not data_dir.is_dir():
        parser.error(f"{data_dir} is not a folder: give an explainer's folder (one made by `explainer new`)")
    try:
        words = site_vocabulary(root)
    except ProblemsFound as error:
        parser.error(str(error.problems[0]))
    print(f"wrote {editor_schema.write(data_dir, words)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
