"""Items nobody has checked for a while: a notice in every build, and `make stale` for a report.

`stale_after_days` in mkdocs.yml (the plugin's option, or `extra: explainer:` for a hook) sets how old a review may get. An ageing fact is
news for editors, not a broken site: the build logs it at INFO level, which strict mode does not
count, while `make stale` (this module run as a script) exits 1 when any item is overdue.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path
from typing import Any

from ..data import settings as project_settings
from ..data.catalog import Catalog, Record, build_catalog
from ..pages import formatting, history
from ..problems import ProblemsFound

log = logging.getLogger("mkdocs.plugins.explainer")
DEFAULT_DAYS = 180


def describe(item: Record, today: dt.date) -> str:
    age = (today - dt.date.fromisoformat(item["reviewed"])).days
    return f"{item['id']} ({item['kind']}): last reviewed {formatting.format_date(item['reviewed'])}, {age} days ago"


def log_notice(catalog: Catalog, today: dt.date, days: int) -> list[Record]:
    overdue = history.stale_items(catalog, today, days)
    if overdue:
        lines = "\n  ".join(describe(item, today) for item in overdue)
        log.info(f"{len(overdue)} item(s) not reviewed in the last {days} days (run `explainer stale`):\n  {lines}")
    return overdue


def settings(config_file: Path) -> dict[str, Any]:
    """The explainer's options in mkdocs.yml (see data/settings.py)."""
    return project_settings.read(config_file)


def configured_days(config_file: Path) -> int:
    """`stale_after_days` from mkdocs.yml, or the default."""
    days = settings(config_file).get("stale_after_days")
    return DEFAULT_DAYS if days is None else project_settings.check_days(days)


def main(argv: list[str] | None = None, prog: str = "make stale") -> int:
    parser = argparse.ArgumentParser(prog=prog, description="List facts, quotes and events overdue for review.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (holds mkdocs.yml and data/)")
    parser.add_argument("--days", type=int, help="maximum age of a review in days (default: mkdocs.yml's stale_after_days)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help="check as of this date (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    config_file = args.root / "mkdocs.yml"
    if not config_file.is_file():
        parser.exit(2, f"{parser.prog}: {args.root} holds no mkdocs.yml: give an explainer's folder "
                       "(one made by `explainer new`)\n")
    try:
        days = project_settings.check_days(args.days, "--days") if args.days is not None else configured_days(config_file)
        data_dir = project_settings.data_folder(args.root, settings(config_file).get("data_dir", "data"))
        catalog = build_catalog(data_dir, args.root)
    except project_settings.SettingsError as error:
        parser.exit(2, f"{parser.prog}: {error}\n")
    except ProblemsFound as error:
        print(error, file=sys.stderr)
        return 2
    overdue = history.stale_items(catalog, args.today, days)
    for item in overdue:
        print(describe(item, args.today))
    total = len(catalog.items)
    if overdue:
        print(f"{len(overdue)} of {total} items not reviewed in the last {days} days: check them against their sources, "
              "then set `reviewed:` to the day you did.", file=sys.stderr)
        return 1
    print(f"All {total} items reviewed within the last {days} days.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
