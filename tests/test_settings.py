"""The explainer's options read from mkdocs.yml without MkDocs (the `explainer` commands, the stale report): where
they are found, and one clear message for each setting that cannot be used."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs_explainer.data.settings import MAX_STALE_DAYS, SettingsError, check_days, data_folder, read


def settings_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_bytes(text.encode("utf-8"))
    return path


def test_options_under_the_plugin_are_found_among_other_plugins(tmp_path: Path):
    path = settings_file(tmp_path, "site_name: Été à Séoul\nplugins:\n  - search\n  - explainer:\n"
                                   "      data_dir: données\n      stale_after_days: 90\n")
    assert read(path) == {"data_dir": "données", "stale_after_days": 90}  # read as UTF-8 whatever the locale


def test_options_under_extra_are_found_when_the_hook_is_used(tmp_path: Path):
    path = settings_file(tmp_path, "plugins: [search]\nextra:\n  explainer:\n    data_dir: facts\n")
    assert read(path) == {"data_dir": "facts"}


def test_the_plugin_s_options_win_over_extra(tmp_path: Path):
    path = settings_file(tmp_path, "plugins:\n  - explainer:\n      data_dir: a\nextra:\n  explainer:\n    data_dir: b\n")
    assert read(path) == {"data_dir": "a"}


@pytest.mark.parametrize("text", ["site_name: x\n", "", "plugins:\n  - explainer\n", "extra: [1, 2]\n",
                                  "plugins:\n  - search:\n      lang: en\n"])
def test_no_options_is_an_empty_mapping(tmp_path: Path, text: str):
    assert read(settings_file(tmp_path, text)) == {}


def test_mkdocs_tags_are_read_as_plain_values_not_refused(tmp_path: Path):
    path = settings_file(tmp_path, "site_url: !ENV [SITE_URL, 'x']\nplugins:\n  - explainer:\n      data_dir: data\n")
    assert read(path) == {"data_dir": "data"}


@pytest.mark.parametrize(("text", "message"), [
    ("plugins:\n  - explainer: [data]\n", "plugins: explainer: expected options, one per line (e.g. `data_dir: data`), "
     "but found a list"),
    ("extra:\n  explainer: data\n", "extra: explainer: expected options, one per line (e.g. `data_dir: data`), "
     "but found the str 'data'"),
    ("plugins:\n  - explainer: 3\n", "plugins: explainer: expected options, one per line (e.g. `data_dir: data`), "
     "but found the int 3"),
])
def test_options_that_are_not_a_mapping_are_refused_naming_where(tmp_path: Path, text: str, message: str):
    with pytest.raises(SettingsError) as raised:
        read(settings_file(tmp_path, text))
    assert str(raised.value) == message


def test_a_file_that_is_not_yaml_or_not_a_mapping_is_refused_naming_the_file(tmp_path: Path):
    path = settings_file(tmp_path, "plugins: [unclosed\n")
    with pytest.raises(SettingsError) as raised:
        read(path)
    assert str(raised.value).startswith(f"{path}: not valid YAML (")
    path = settings_file(tmp_path, "- just\n- a list\n")
    with pytest.raises(SettingsError) as raised:
        read(path)
    assert str(raised.value) == f"{path}: expected MkDocs settings, one per line"


@pytest.mark.parametrize("days", [1, 180, MAX_STALE_DAYS])
def test_a_review_period_in_range_is_kept(days: int):
    assert check_days(days) == days


@pytest.mark.parametrize("days", [0, -1, MAX_STALE_DAYS + 1, True, 1.5, "180", None])
def test_a_review_period_out_of_range_or_not_whole_is_refused(days: object):
    with pytest.raises(SettingsError) as raised:
        check_days(days, "plugins: explainer: stale_after_days")
    assert str(raised.value) == (f"plugins: explainer: stale_after_days: expected a whole number of days from 1 to "
                                 f"{MAX_STALE_DAYS} (how long a review stays current, e.g. 180), but found {days!r}")


def test_the_review_period_s_message_names_the_setting_by_default():
    with pytest.raises(SettingsError, match=r"^stale_after_days: expected"):
        check_days(0)


def test_the_data_folder_inside_the_project_is_kept_as_written(tmp_path: Path):
    assert data_folder(tmp_path, "data") == tmp_path / "data"
    assert data_folder(tmp_path, "facts/2026") == tmp_path / "facts" / "2026"


@pytest.mark.parametrize("value", ["", "  ", None, 3, ["data"]])
def test_a_data_folder_that_is_no_name_is_refused(tmp_path: Path, value: object):
    with pytest.raises(SettingsError) as raised:
        data_folder(tmp_path, value)
    assert str(raised.value) == ("data_dir: expected a folder name relative to mkdocs.yml (e.g. `data`), but found "
                                 f"{value!r}")


@pytest.mark.parametrize("value", ["..", "../data", "/etc", "data/../../x"])
def test_a_data_folder_outside_the_project_is_refused(tmp_path: Path, value: str):
    project = tmp_path / "project"
    project.mkdir()
    with pytest.raises(SettingsError) as raised:
        data_folder(project, value, "extra: explainer: data_dir")
    assert str(raised.value) == (f"extra: explainer: data_dir: {value!r} is outside the project; keep the data in a "
                                 "folder beside mkdocs.yml (e.g. `data`), so that a build reads only the project's "
                                 "own files")
