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

import yaml

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
        log.info(f"{len(overdue)} item(s) not reviewed in the last {days} days (run `make stale`):\n  {lines}")
    return overdue


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: its `!ENV` and `!!python/name` tags are read as plain values."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def settings(config_file: Path) -> dict[str, Any]:
    """The explainer's options in mkdocs.yml: under `plugins: - explainer:`, or under `extra: explainer:`."""
    config: Any = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "explainer" in plugin:
            return dict(plugin["explainer"] or {})
    return dict((config.get("extra") or {}).get("explainer") or {})


def configured_days(config_file: Path) -> int:
    """`stale_after_days` from mkdocs.yml, or the default."""
    days = settings(config_file).get("stale_after_days")
    return DEFAULT_DAYS if days is None else int(days)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make stale", description="List facts, quotes and events overdue for review.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (holds mkdocs.yml and data/)")
    parser.add_argument("--days", type=int, help="maximum age of a review in days (default: mkdocs.yml's stale_after_days)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help="check as of this date (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    days = args.days if args.days is not None else configured_days(args.root / "mkdocs.yml")
    data_dir = args.root / settings(args.root / "mkdocs.yml").get("data_dir", "data")
    try:
        catalog = build_catalog(data_dir, args.root)
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
