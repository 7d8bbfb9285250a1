"""The MkDocs adapter's options: checked by MkDocs' own config options, and each one changes the site."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from mkdocs_explainer.outputs import stale
from mkdocs_explainer.plugin import ExplainerPlugin
from project import copy_project, digest, mkdocs


def test_options_are_checked_the_way_mkdocs_checks_a_plugin() -> None:
    errors, warnings = ExplainerPlugin().load_config({"stale_after_days": "soon", "data_dri": "facts"})
    assert [key for key, _ in errors] == ["stale_after_days"]
    assert "expected a whole number of days from 1 to 36525" in str(errors[0][1]) and "'soon'" in str(errors[0][1])
    assert warnings == [("data_dri", "Unrecognised configuration name: data_dri")]


def test_defaults_fit_a_new_site() -> None:
    plugin = ExplainerPlugin()
    assert plugin.load_config({}) == ([], [])
    assert plugin.config.data_dir == "data" and plugin.config.stale_after_days is None
    assert plugin.config.statuses == {} and plugin.config.cite_as is None


def _configure(project: Path, **settings: object) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text()
    head, tail = text.split("  explainer:\n", 1)
    tail = tail.split("\nhooks:", 1)[1]
    # This story's place kinds stay: its data uses them.
    settings = {"place_kinds": stale.settings(project / "mkdocs.yml")["place_kinds"], **settings}
    block = yaml.safe_dump({"explainer": settings}, allow_unicode=True, sort_keys=False)
    tail = tail.replace("watch:\n  - data\n", "watch:\n")  # the plugin watches the data folder itself
    if "data_dir" in settings:  # the shortcode extension's own option (read by hosts without plugins) follows
        tail = tail.replace("      data_dir: data\n", f"      data_dir: {settings['data_dir']}\n")
    config.write_text(head + "\n".join("  " + line for line in block.splitlines()) + "\n\nhooks:" + tail)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_a_bad_setting_under_extra_fails_the_build_naming_it(project: Path) -> None:
    _configure(project, stale_after_days="soon")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    assert "extra.explainer.stale_after_days: expected a whole number of days" in result.stderr


def test_an_unknown_status_in_the_wording_fails_the_build(project: Path) -> None:
    _configure(project, statuses={"rumoured": "Heard somewhere."})
    result = mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    assert "explainer.statuses: unknown status rumoured" in result.stderr


def test_wording_citation_name_data_folder_and_templates_come_from_the_settings(project: Path) -> None:
    (project / "data").rename(project / "facts-data")
    (project / "explainer-templates").mkdir()
    (project / "explainer-templates/_status.html").write_text(
        '<span class="fx-status fx-status--{{ status }} own-badge" title="{{ status_meaning[status] }}">{{ status }}</span>\n')
    _configure(project, data_dir="facts-data", cite_as="The Test Desk",
               statuses={"disputed": "Somebody says otherwise."})
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    method = (project / "site/method/index.html").read_text()
    assert "<dd>Somebody says otherwise.</dd>" in method
    assert "Asserted by one interested party; treat with caution." in method  # a default wording kept
    assert "own-badge" in method
    facts = (project / "site/facts/deployment/index.html").read_text()  # a page of cards
    assert 'class="fx-cite__text"' in facts and ">The Test Desk: " in facts


def test_the_site_built_through_the_plugin_is_the_site_built_through_the_hook(tmp_path: Path) -> None:
    hooked = copy_project(tmp_path / "hooked")
    plugged = copy_project(tmp_path / "plugged")
    settings = stale.settings(plugged / "mkdocs.yml")  # extra.explainer
    text = (plugged / "mkdocs.yml").read_text()
    text = text.replace("hooks:\n  - hooks/facts.py\n", "").replace("plugins:\n  - search\n", "plugins:\n  - search\n  - explainer:\n"
                        + "".join(f"      {line}\n" for line in yaml.safe_dump(settings, sort_keys=False).splitlines()))
    (plugged / "mkdocs.yml").write_text(text)
    assert "hooks/facts.py" not in text and "  - explainer:\n" in text
    for project in (hooked, plugged):
        result = mkdocs(project, "build", "--strict")
        assert result.returncode == 0, result.stderr
    assert digest(hooked / "site") == digest(plugged / "site")


def test_a_licence_needs_its_address(project: Path) -> None:
    _configure(project, license="CC BY 4.0")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    assert "explainer.license and explainer.license_url go together" in result.stderr
    errors, _ = ExplainerPlugin().load_config({"license": "CC BY 4.0", "license_url": "creative commons"})
    assert [key for key, _ in errors] == ["license_url"]


def test_without_a_licence_none_is_claimed(project: Path) -> None:
    _configure(project)
    assert mkdocs(project, "build", "--strict").returncode == 0
    assert '"license": null' in (project / "site/facts.json").read_text()
    assert not (project / "site/LICENSE.txt").exists()
    assert "fx-license" not in (project / "site/index.html").read_text()


def test_the_extension_and_the_plugin_must_name_the_same_data_folder(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("      data_dir: data\n", "      data_dir: elsewhere\n"))
    result = mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    assert "data_dir is 'elsewhere' but the explainer's data_dir is 'data'" in result.stderr


def test_a_list_the_page_scan_reads_but_the_page_does_not_show_stops_the_build(project: Path) -> None:
    # The page scan reads text (no second conversion); the conversion of each page is the judge, and where the
    # two disagree on the page every item's link points to, the build stops instead of linking to the wrong page.
    (project / "docs" / "aa-example.md").write_text("# Example\n\nWrite this:\n\n    <!-- facts -->\n", encoding="utf-8")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    assert "docs/aa-example.md: <!-- facts -->: other pages would link to this list here" in result.stderr
