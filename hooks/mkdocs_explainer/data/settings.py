"""The explainer's options as `mkdocs.yml` states them, and the checks the plugin and the commands share.

The `explainer` commands read `mkdocs.yml` without MkDocs (its `!ENV` and `!!python/name` tags are read as
plain values); the plugin gets the same options from MkDocs. Either way a bad value is one clear message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

MAX_STALE_DAYS = 36_525
"""A hundred years: a longer review period is a typo, and dates that far back do not exist."""


class SettingsError(ValueError):
    """A setting that cannot be used; the message names it and says what to write instead."""


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: its `!ENV` and `!!python/name` tags are read as plain values."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def options_mapping(value: Any, where: str) -> dict[str, Any]:
    """The options under `where`: a mapping, or nothing at all."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        kind = "a list" if isinstance(value, list) else f"the {type(value).__name__} {value!r}"
        raise SettingsError(f"{where}: expected options, one per line (e.g. `data_dir: data`), but found {kind}")
    return dict(value)


def read(config_file: Path) -> dict[str, Any]:
    """The explainer's options in mkdocs.yml: under `plugins: - explainer:`, or under `extra: explainer:`."""
    try:
        config: Any = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except yaml.YAMLError as error:
        raise SettingsError(f"{config_file}: not valid YAML ({error})") from None
    if not isinstance(config, dict):
        raise SettingsError(f"{config_file}: expected MkDocs settings, one per line")
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "explainer" in plugin:
            return options_mapping(plugin["explainer"], "plugins: explainer")
    extra = config.get("extra")
    return options_mapping(extra.get("explainer") if isinstance(extra, dict) else None, "extra: explainer")


def check_days(value: Any, where: str = "stale_after_days") -> int:
    """A review period in whole days, 1 to a hundred years (`true` and -1 are refused, not read as 1 and -1)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_STALE_DAYS:
        raise SettingsError(f"{where}: expected a whole number of days from 1 to {MAX_STALE_DAYS} "
                            f"(how long a review stays current, e.g. 180), but found {value!r}")
    return value


def data_folder(root: Path, data_dir: Any, where: str = "data_dir") -> Path:
    """The data folder, which must lie inside the project (beside or below mkdocs.yml)."""
    if not isinstance(data_dir, str) or not data_dir.strip():
        raise SettingsError(f"{where}: expected a folder name relative to mkdocs.yml (e.g. `data`), but found {data_dir!r}")
    folder = (root / data_dir).resolve()
    if not folder.is_relative_to(root.resolve()):
        raise SettingsError(f"{where}: {data_dir!r} is outside the project; keep the data in a folder beside mkdocs.yml "
                            "(e.g. `data`), so that a build reads only the project's own files")
    return root / data_dir
