"""Read one YAML data file safely, keeping the line of every node.

PyYAML's own loaders lose line numbers, keep the last of two duplicate keys without a word and
expand aliases without limit. So we let PyYAML compose the node tree (which constructs nothing,
whatever the tags say) and build plain values from it ourselves.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from ..problems import Problem

try:  # libyaml's composer is several times faster; fall back where it is not built.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was installed
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]
"""Where a value sits in a file: keys and list indexes from the top (`("facts", 2, "date")`)."""

MAX_NODES = 200_000
"""How many values one file may expand to. A real file has a few thousand per 100 facts; an alias
bomb (anchors that reference anchors) would otherwise expand to billions and never finish."""

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_STR_TAG = "tag:yaml.org,2002:str"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)


@dataclass
class LoadedFile:
    """A data file's plain values and the line each one starts on."""

    name: str
    data: Any = None
    lines: dict[Path, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, path: Path) -> int:
        """The line of `path`, or of its nearest ancestor that exists (a missing field's parent)."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 0


class _TooLarge(Exception):
    pass


def format_path(path: Path) -> str:
    """`("facts", 2, "date")` → `facts[2].date`, the way editors read it."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def load_text(name: str, raw: bytes) -> LoadedFile:
    """Parse `raw` (a file's bytes) into a LoadedFile; problems are collected, never raised."""
    loaded = LoadedFile(name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        loaded.problems.append(
            Problem(name, line, "", f"byte 0x{raw[error.start]:02x} at column {column} is not UTF-8; "
                    "save the file as UTF-8")
        )
        return loaded
    if tab := _TAB_INDENT.search(text):
        line = text.count("\n", 0, tab.start()) + 1
        loaded.problems.append(
            Problem(name, line, "", "a tab is used for indentation; YAML needs spaces")
        )
        return loaded
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        loaded.problems.append(Problem(name, line, "", f"not valid YAML: {error.problem}"))
        return loaded
    if root is None:
        loaded.problems.append(
            Problem(name, 0, "", "the file is empty; it should hold `facts:`, `sources:` or another section")
        )
        return loaded
    builder = _Builder(loaded)
    try:
        loaded.lines[()] = root.start_mark.line + 1
        loaded.data = builder.build(root, ())
    except _TooLarge:
        loaded.data = None
        loaded.problems.append(
            Problem(name, root.start_mark.line + 1, "",
                    f"the file expands to more than {MAX_NODES:,} values (aliases referencing aliases?); "
                    "write the values out instead")
        )
    return loaded


class _Builder:
    """Turns composed nodes into dicts, lists and scalars, recording lines and problems."""

    def __init__(self, loaded: LoadedFile) -> None:
        self.loaded = loaded
        self.constructor = SafeConstructor()
        self.count = 0

    def problem(self, node: yaml.Node, path: Path, message: str) -> None:
        self.loaded.problems.append(
            Problem(self.loaded.name, node.start_mark.line + 1, format_path(path), message)
        )

    def build(self, node: yaml.Node, path: Path) -> Any:
        """The plain value of `node`; the caller has recorded the line of `path` (it may be a key's line)."""
        if isinstance(node, yaml.ScalarNode):
            return self.build_scalar(node, path)
        self.count += len(node.value)  # every value is counted before it is built, aliases included
        if self.count > MAX_NODES:
            raise _TooLarge
        if isinstance(node, yaml.MappingNode):
            return self.build_mapping(node, path)
        if node.tag != "tag:yaml.org,2002:seq":
            self.problem(node, path, f"the tag {_short_tag(node.tag)} is not allowed; write a plain list")
            return None
        items = []
        for index, item in enumerate(node.value):
            item_path = (*path, index)
            self.loaded.lines[item_path] = item.start_mark.line + 1
            items.append(self.build(item, item_path))
        return items

    def build_scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        if node.tag == _STR_TAG:  # most values: the text as written, nothing to convert
            return node.value
        if node.tag not in _PLAIN_TAGS:
            self.problem(node, path, f"the tag {_short_tag(node.tag)} is not allowed; write a plain value")
            return None
        if node.tag == _TIMESTAMP_TAG and len(node.value) == 10:
            with contextlib.suppress(ValueError):  # not YYYY-MM-DD exactly: PyYAML reads it (or says why not)
                return dt.date.fromisoformat(node.value)  # the usual date, several times faster than PyYAML
        try:
            return self.constructor.yaml_constructors[node.tag](self.constructor, node)
        except (ConstructorError, ValueError) as error:
            self.problem(node, path, f"{node.value!r} can't be read: {error}")
            return None

    def build_mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any] | None:
        if node.tag != "tag:yaml.org,2002:map":
            self.problem(node, path, f"the tag {_short_tag(node.tag)} is not allowed; write a plain mapping")
            return None
        result: dict[str, Any] = {}
        lines = self.loaded.lines
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, path, "merge keys (`<<`) are not supported; write the fields out")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, path, "a key must be a plain word")
                continue
            key = key_node.value
            field_path = (*path, key)
            if key in result:
                self.problem(key_node, field_path, f"duplicate key (first given on line {lines.get(field_path, 0)})")
                continue
            # A field's line is its key's line, even when its value starts on the next one.
            lines[field_path] = key_node.start_mark.line + 1
            if isinstance(value_node, yaml.ScalarNode) and value_node.tag == _STR_TAG:
                result[key] = value_node.value  # most values are plain text: no call needed
            else:
                result[key] = self.build(value_node, field_path)
        return result


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")
