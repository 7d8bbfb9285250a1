"""data/schema.json: in sync with the pydantic models, referenced by every data file, and useful."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from mkdocs_explainer.data import editor_schema
from mkdocs_explainer.data.catalog import site_vocabulary
from outputs_helpers import ROOT

SCHEMA_PATH = ROOT / "data" / "schema.json"
DATA_FILES = sorted([*(ROOT / "data").glob("*.yml"), *(ROOT / "data").glob("*.yaml")])


def test_schema_file_matches_the_models():
    on_disk = SCHEMA_PATH.read_text(encoding="utf-8")
    assert on_disk == editor_schema.render(site_vocabulary(ROOT)), "data/schema.json is out of date: run make schema"


def test_schema_carries_the_field_descriptions():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    fact = schema["$defs"]["Fact"]["properties"]
    assert "claims it" in schema["properties"]["facts"]["description"]
    assert fact["reviewed"]["description"] and fact["revisions"]["description"]
    assert schema["$defs"]["Fact"]["additionalProperties"] is False


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_every_data_file_starts_with_the_schema_modeline(path: Path):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == editor_schema.MODELINE, f"{path.name}: first line must be `{editor_schema.MODELINE}`"


class _YamlAsEditorsSee(yaml.SafeLoader):
    """YAML 1.2 as the editor extension reads it: dates stay strings."""


_YamlAsEditorsSee.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_data_files_pass_the_editor_schema(path: Path):
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YamlAsEditorsSee)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _validator().iter_errors(data)]
    assert not errors


def test_editor_schema_flags_the_mistakes_an_editor_makes():
    data = yaml.load(
        "facts:\n  - id: Bad_Id\n    lable: typo\n    status: rumoured\n    date: 31/10/2024\n", Loader=_YamlAsEditorsSee
    )
    messages = " ".join(e.message for e in _validator().iter_errors(data))
    assert "'lable' was unexpected" in messages
    assert "'rumoured' is not one of" in messages
    assert "'Bad_Id' does not match" in messages
    assert "'31/10/2024' is not a 'date'" in messages
    assert "'claimant' is a required property" in messages
