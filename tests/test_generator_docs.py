"""Every code sample in the generator's README (hooks/mkdocs_explainer/README.md) works as written: the YAML
samples pass the schema and, with the Markdown samples and the mkdocs.yml sample, build a site strictly;
the shell samples run in a temporary folder. The tables list every option and every shortcode."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from mkdocs_explainer.data import editor_schema
from mkdocs_explainer.pages.shortcodes import KINDS
from mkdocs_explainer.plugin import ExplainerConfig
from project import ENV, ROOT, mkdocs

README = ROOT / "hooks/mkdocs_explainer/README.md"
FENCE = re.compile(r'^```(?P<lang>\w+)(?: title="(?P<title>[^"]+)")?\n(?P<body>.*?)^```$', re.M | re.S)
NOT_RUN = "# not run by the docs test: "


class _YamlAsEditorsSee(yaml.SafeLoader):
    """YAML 1.2 as editors' YAML tools read it (and the schema expects): dates stay strings."""


_YamlAsEditorsSee.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def samples(lang: str) -> list[tuple[str | None, str]]:
    return [(m["title"], m["body"]) for m in FENCE.finditer(README.read_text(encoding="utf-8")) if m["lang"] == lang]


def test_the_readme_has_samples_of_each_kind() -> None:
    titles = {title for lang in ("yaml", "markdown", "html") for title, _ in samples(lang)}
    assert {"mkdocs.yml", "docs/index.md", "docs/reference.md", "explainer-templates/shortcodes/side-by-side.html"} <= titles
    assert sum(title.startswith("data/") for title in titles if title) >= 2
    assert len(samples("sh")) >= 3
    assert not samples("bash") and not samples("yml")  # a sample in another tag would escape these tests


def test_every_kind_of_record_has_an_example() -> None:
    data = [yaml.safe_load(body) for title, body in samples("yaml") if title and title.startswith("data/")]
    sections = {section for sample in data for section in sample}
    assert sections == {"claimants", "sources", "groups", "facts", "quotes", "events", "corrections", "places", "routes",
                        "maps", "questions"}
    facts = [fact for sample in data for fact in sample.get("facts", [])]
    values = {type(fact["value"]).__name__ for fact in facts}
    assert values == {"int", "dict", "str", "date"}  # a number, a range, a text and a date


@pytest.mark.parametrize("title", [t for t, _ in samples("yaml") if t and t.startswith("data/")])
def test_a_data_sample_passes_the_editor_schema(title: str) -> None:
    body = dict(samples("yaml"))[title]
    errors = list(jsonschema.Draft202012Validator(editor_schema.generate()).iter_errors(yaml.load(body, Loader=_YamlAsEditorsSee)))
    assert errors == []


def test_the_tables_list_every_option_and_every_shortcode() -> None:
    text = README.read_text(encoding="utf-8")
    options = {name for name, _ in ExplainerConfig._schema}
    option_section = text.split("## Plugin options", 1)[1].split("\n## ", 1)[0]
    assert options == set(re.findall(r"^\| `(\w+)` \|", option_section, re.M))
    documented = set(re.findall(r"^\| `<!-- ([a-z-]+)[:\w -]*-->` \|", text, re.M))
    assert documented == set(KINDS)


def test_the_samples_build_a_site_strictly(tmp_path: Path) -> None:
    project = tmp_path / "site-from-readme"
    for title, body in [*samples("yaml"), *samples("markdown"), *samples("html")]:
        assert title, f"a sample without a file name:\n{body}"
        (project / title).parent.mkdir(parents=True, exist_ok=True)
        (project / title).write_text(body, encoding="utf-8")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    story = (project / "site/index.html").read_text(encoding="utf-8")
    assert "43,250 voters" in story and "$1.2–$1.5 million" in story and "fx-chart" in story
    reference = (project / "site/reference/index.html").read_text(encoding="utf-8")
    assert "The Example Desk: " in reference and "Said by one side, not checked by anyone else." in reference
    assert 'rel="license">CC BY 4.0</a>' in reference
    # The map, drawn on the package's world outlines (the sample site has no basemap.json of its own).
    assert 'class="fx-map"' in reference and "Natural Earth" in reference and "fx-map__leg--dash-dot" in reference
    # The site's own shortcode, from the template sample.
    compare = (project / "site/compare/index.html").read_text(encoding="utf-8")
    assert compare.count('<p><strong>') == 2 and '<div class="side-by-side">' in compare and "43,250 voters" in compare


def test_the_shell_samples_run(tmp_path: Path) -> None:
    env = {**ENV, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{ENV['PATH']}"}
    run = [body for _, body in samples("sh") if not body.startswith(NOT_RUN)]
    assert run, "no shell sample to run"
    script = "set -e\n" + "\n".join(run)
    result = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "my-explainer/site/index.html").is_file()
    assert "reviewed within the last" in result.stdout
