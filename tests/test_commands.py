"""The `explainer` command and the plugin's settings: a mistake is one clear message (never a traceback), and
the defaults are the ones the README states."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from mkdocs_explainer import __version__
from mkdocs_explainer.outputs import stale
from mkdocs_explainer.plugin import ExplainerPlugin
from project import ENV, ROOT

PACKAGE_ENV = {**ENV, "PYTHONPATH": str(ROOT / "hooks")}
README = (ROOT / "hooks/mkdocs_explainer/README.md").read_text(encoding="utf-8")


def explainer(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs_explainer", *args], cwd=cwd, env=PACKAGE_ENV,
                          capture_output=True, text=True, timeout=120)


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr


def test_version_is_the_packages(tmp_path: Path) -> None:
    result = explainer("--version", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == f"explainer {__version__}"
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    assert f"## {__version__}" in (ROOT / "hooks/mkdocs_explainer/CHANGELOG.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [["--frobnicate"], ["stale", "--days"], ["new"], ["publish"], []])
def test_a_bad_option_is_a_usage_error(tmp_path: Path, args: list[str]) -> None:
    result = explainer(*args, cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 2 and result.stderr.startswith("usage: explainer")


def test_stale_on_a_missing_folder_says_so(tmp_path: Path) -> None:
    result = explainer("stale", "nowhere", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 2
    assert "explainer stale: nowhere holds no mkdocs.yml" in result.stderr and "explainer new" in result.stderr


def test_the_stale_default_is_the_one_the_readme_states(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    assert stale.configured_days(tmp_path / "mkdocs.yml") == stale.DEFAULT_DAYS
    row = next(line for line in README.splitlines() if line.startswith("| `stale_after_days` |"))
    assert f"`explainer stale` counts {stale.DEFAULT_DAYS} days" in row


@pytest.fixture
def story(tmp_path: Path) -> Path:
    assert explainer("new", "my story", cwd=tmp_path).returncode == 0
    return tmp_path / "my story"


def test_the_cd_advice_is_shell_quoted(tmp_path: Path) -> None:
    result = explainer("new", "it's mine", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    line = next(line.strip() for line in result.stdout.splitlines() if line.strip().startswith("cd "))
    assert line == "cd 'it'\"'\"'s mine'"
    # The shell reads it back as the folder's name.
    assert subprocess.run(["sh", "-c", f"{line} && pwd"], cwd=tmp_path, capture_output=True, text=True).stdout.strip() \
        == str(tmp_path / "it's mine")


def _set_options(story: Path, text: str) -> None:
    config = story / "mkdocs.yml"
    head, tail = config.read_text().split("  - explainer:\n", 1)
    rest = tail.split("\n", 1)[1]
    while rest.startswith("      "):
        rest = rest.split("\n", 1)[1]
    config.write_text(head + "  - explainer:\n" + text + rest)


def test_schema_writes_into_the_configured_data_dir(story: Path) -> None:
    (story / "data").rename(story / "facts")
    (story / "facts/schema.json").unlink()
    _set_options(story, "      data_dir: facts\n")
    result = explainer("schema", str(story), cwd=story.parent)
    assert result.returncode == 0, result.stderr
    assert (story / "facts/schema.json").is_file() and not (story / "data").exists()


def test_schema_replaces_a_link_instead_of_writing_through_it(story: Path, tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n")
    (story / "data/schema.json").unlink()
    os.symlink(precious, story / "data/schema.json")
    result = explainer("schema", str(story), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert precious.read_text() == "keep me\n"
    assert not (story / "data/schema.json").is_symlink() and '"$schema"' in (story / "data/schema.json").read_text()


def test_schema_refuses_a_data_dir_outside_the_project(story: Path) -> None:
    _set_options(story, "      data_dir: ../elsewhere\n")
    (story.parent / "elsewhere").mkdir()
    result = explainer("schema", str(story), cwd=story.parent)
    no_traceback(result)
    assert result.returncode == 2 and "'../elsewhere' is outside the project" in result.stderr
    assert not (story.parent / "elsewhere/schema.json").exists()


@pytest.mark.parametrize(("value", "shown"), [("-1", "-1"), ("true", "True"), ("0", "0"),
                                              ("99999999999999999999", "99999999999999999999")])
def test_stale_refuses_a_review_period_that_is_not_one(story: Path, value: str, shown: str) -> None:
    _set_options(story, f"      stale_after_days: {value}\n")
    result = explainer("stale", str(story), cwd=story.parent)
    no_traceback(result)
    assert result.returncode == 2
    assert f"stale_after_days: expected a whole number of days from 1 to 36525 (how long a review stays current, " \
           f"e.g. 180), but found {shown}" in result.stderr


@pytest.mark.parametrize("value", [-1, True, 0, 10**20])
def test_the_plugin_refuses_a_review_period_that_is_not_one(value: object) -> None:
    errors, _ = ExplainerPlugin().load_config({"stale_after_days": value})
    assert [key for key, _ in errors] == ["stale_after_days"]
    assert f"expected a whole number of days from 1 to 36525 (how long a review stays current, e.g. 180), but found {value!r}" \
        == str(errors[0][1])


@pytest.mark.parametrize(("options", "found"), [("a string", "the str 'a string'"), (["data_dir"], "a list"), (3, "the int 3")])
def test_hook_options_that_are_not_options_are_one_clear_error(options: object, found: str) -> None:
    with pytest.raises(PluginError) as caught:
        ExplainerPlugin().load_settings(options, None, "extra.explainer")
    assert str(caught.value) == f"extra: explainer: expected options, one per line (e.g. `data_dir: data`), but found {found}"


@pytest.mark.parametrize("config", ["extra:\n  explainer: just words\n", "extra:\n  explainer:\n    - data_dir\n",
                                    "- a list\n", "extra: [unclosed\n"])
def test_stale_reads_any_mkdocs_yml_without_a_traceback(tmp_path: Path, config: str) -> None:
    (tmp_path / "mkdocs.yml").write_text(config)
    result = explainer("stale", ".", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 2 and result.stderr.startswith("explainer stale: ")


def test_a_build_refuses_a_data_dir_outside_the_project(story: Path) -> None:
    from project import mkdocs

    (story.parent / "elsewhere").mkdir()
    (story / "data").rename(story.parent / "elsewhere/data")
    _set_options(story, "      data_dir: ../elsewhere/data\n")
    result = mkdocs(story, "build", "--strict")
    no_traceback(result)
    assert result.returncode != 0
    assert "explainer.data_dir: '../elsewhere/data' is outside the project" in result.stderr
    assert not (story / "site").exists()
