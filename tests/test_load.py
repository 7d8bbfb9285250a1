"""The safe YAML loader: values with their lines, and every unsafe or broken input refused clearly."""

from __future__ import annotations

import time

from mkdocs_explainer.data.load import MAX_NODES, format_path, load_text


def load(text: str | bytes):
    return load_text("data/x.yml", text.encode() if isinstance(text, str) else text)


def test_values_keep_the_line_of_their_key():
    loaded = load("facts:\n  - id: a\n    value:\n      min: 1\n      max: 2\n")
    assert loaded.problems == []
    assert loaded.data == {"facts": [{"id": "a", "value": {"min": 1, "max": 2}}]}
    assert loaded.lines[("facts", 0, "id")] == 2
    assert loaded.lines[("facts", 0, "value")] == 3
    assert loaded.lines[("facts", 0, "value", "max")] == 5


def test_missing_field_points_at_its_parent():
    loaded = load("facts:\n  - id: a\n")
    assert loaded.line_of(("facts", 0, "claimant")) == 2


def test_duplicate_key_is_refused_naming_both_lines():
    loaded = load("facts:\n  - id: a\n    value: 1\n    value: 2\n")
    [problem] = loaded.problems
    assert str(problem) == "data/x.yml:4: facts[0].value: duplicate key (first given on line 3)"


def test_tab_indentation_is_named_as_such():
    loaded = load("facts:\n\t- id: a\n")
    assert [str(p) for p in loaded.problems] == ["data/x.yml:2: a tab is used for indentation; YAML needs spaces"]


def test_non_utf8_bytes_are_reported_with_line_and_column():
    loaded = load(b"facts:\n  - id: caf\xe9\n")
    [problem] = loaded.problems
    assert (problem.line, problem.message) == (2, "byte 0xe9 at column 12 is not UTF-8; save the file as UTF-8")


def test_python_tags_are_refused_without_running(tmp_path):
    marker = tmp_path / "ran"
    loaded = load(f"facts: !!python/object/apply:os.system ['touch {marker}']\n")
    assert not marker.exists()
    [problem] = loaded.problems
    assert problem.line == 1
    assert problem.message.startswith("the tag !!python/object/apply:os.system is not allowed")


def test_alias_bomb_stops_quickly_with_a_clear_message():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    lines.append("facts: *i")
    start = time.monotonic()
    loaded = load("\n".join(lines) + "\n")
    # A hang guard, not a speed goal: unguarded, the 9^9 values take many minutes and gigabytes; guarded, well
    # under a second (5.5 s under mutmut's tracer, hence the margin).
    assert time.monotonic() - start < 30
    [problem] = loaded.problems
    assert f"expands to more than {MAX_NODES:,} values" in problem.message
    assert loaded.data is None


def test_syntax_error_names_the_line():
    loaded = load("facts:\n  - id: a\n    label: [unclosed\n")
    [problem] = loaded.problems
    assert problem.message.startswith("not valid YAML")
    assert problem.line in (3, 4)


def test_empty_file_is_a_problem():
    [problem] = load("# nothing here\n").problems
    assert "the file is empty" in problem.message


def test_format_path_reads_like_the_yaml():
    assert format_path(("facts", 2, "sources", 0)) == "facts[2].sources[0]"
