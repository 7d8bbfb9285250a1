"""Read one YAML data file safely, keeping the line of every node.

PyYAML's own loaders lose line numbers, keep the last of two duplicate keys without a word and
expand aliases without limit. So we let PyYAML compose the node tree (which constructs nothing,
whatever the tags say) and build plain values from it ourselves.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
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
_KEY = re.compile(r" *(?:- +)?([A-Za-z_][\w-]*) *:")
"""The key a line starts with, to name the field a raw control character is in."""
_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DECIMAL_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_YAML12_NUMBER = re.compile(r"[-+]?(?:0o[0-7]+|0x[0-9a-fA-F]+|(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)"
                            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
"""What YAML 1.2 reads as a number: `0o17`, `1e3`. PyYAML (YAML 1.1) reads them as text, other tools don't."""
MAX_DIGITS = 30
"""Longer numbers are not figures anyone quotes; past 4,300 digits Python can't even read them."""
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 forbids, plus CR (XML readers turn it into LF), DEL and C1 controls (terminal
escapes, NEL). The reader refuses them raw, but YAML escapes such as `\\v`, `\\0`, `\\e` or `\\uFFFE`
write them, and no reader of the site or its exports should ever get one."""


class Suspect(str):
    """A plain (unquoted) scalar YAML would silently turn into something else than what was written:
    `1:10` (70), `0x3E8` (1000), `NO` (false), `.nan`. Kept as its text; the schema refuses it, saying
    what was read (a time field takes `07:10` back as the time it is)."""

    reading: str
    is_boolean: bool

    def __new__(cls, text: str, reading: str, is_boolean: bool = False) -> Suspect:
        suspect = super().__new__(cls, text)
        suspect.reading, suspect.is_boolean = reading, is_boolean
        return suspect

    def explain(self) -> str:
        written = shorten(str(self))
        if len(self) > MAX_DIGITS:
            return f"`{written}` is too long for a number; a value has at most {MAX_DIGITS} digits"
        if self.is_boolean:
            return (f"`{written}` is read by YAML as {self.reading} (yes/no, on/off and true/false are YAML's "
                    f"true and false); to mean the text, put it in quotes: \"{written}\"")
        return (f"`{written}` is not a plain decimal number (YAML reads it as {self.reading}); write the number "
                f"in plain digits (like 1000 or 2.5), or put text in quotes: \"{written}\"")


def shorten(text: str, limit: int = 40) -> str:
    """`text` as a message may show it: at most `limit` characters (a 5,000-digit number is not printed)."""
    return text if len(text) <= limit else f"{text[:limit - 10]}…{text[-5:]} ({len(text):,} characters)"


@dataclass
class LoadedFile:
    """A data file's plain values and the line each one starts on."""

    name: str
    data: Any = None
    lines: dict[Path, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    refused: set[Path] = field(default_factory=set)
    """Values refused while reading (a forbidden character, a tag): the schema need not repeat it."""

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
    except yaml.reader.ReaderError as error:  # a raw control character: PyYAML gives only a position
        line = text.count("\n", 0, error.position) + 1
        start = text.rfind("\n", 0, error.position) + 1
        key = _KEY.match(text, start, error.position)
        loaded.problems.append(Problem(name, line, key.group(1) if key else "",
                                       f"the control character U+{error.character:04X} at column "
                                       f"{error.position - start + 1} is not allowed (a word processor's soft line "
                                       "break?); remove it"))
        return loaded
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        loaded.problems.append(Problem(name, line, "", f"not valid YAML: {error.problem}"))
        return loaded
    except (yaml.YAMLError, RecursionError) as error:  # nothing else is known to reach here; still no traceback
        loaded.problems.append(Problem(name, 0, "", f"not valid YAML: {shorten(str(error), 200)}"))
        return loaded
    if root is None:
        loaded.problems.append(
            Problem(name, 0, "", "the file is empty; it should hold `facts:`, `sources:` or another section")
        )
        return loaded
    # A file without aliases has fewer values than characters: only alias expansion can pass this limit.
    builder = _Builder(loaded, limit=MAX_NODES + len(text), escapes="\\" in text)
    try:
        loaded.lines[()] = root.start_mark.line + 1
        loaded.data = builder.build(root, ())
    except RecursionError:
        loaded.data = None
        loaded.problems.append(Problem(name, root.start_mark.line + 1, "", "the values are nested too deeply"))
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

    def __init__(self, loaded: LoadedFile, limit: int, escapes: bool) -> None:
        self.loaded = loaded
        self.constructor = SafeConstructor()
        self.count = 0
        self.limit = limit
        self.escapes = escapes
        """Whether the file has a backslash: only escapes can put forbidden characters in a value
        (the reader refuses them raw), so files without one skip that check."""

    def problem(self, node: yaml.Node, path: Path, message: str) -> None:
        self.loaded.problems.append(
            Problem(self.loaded.name, node.start_mark.line + 1, format_path(path), message)
        )
        self.loaded.refused.add(path)

    def text(self, node: yaml.ScalarNode, path: Path) -> str:
        value: str = node.value
        if self.escapes and (bad := FORBIDDEN_CHARACTERS.search(value)):
            self.problem(node, path, f"contains the control character U+{ord(bad.group()):04X} (written as a "
                         "YAML escape such as \\v, \\0 or \\e?); remove it")
        return value

    def build(self, node: yaml.Node, path: Path) -> Any:
        """The plain value of `node`; the caller has recorded the line of `path` (it may be a key's line)."""
        if isinstance(node, yaml.ScalarNode):
            return self.build_scalar(node, path)
        self.count += len(node.value)  # every value is counted before it is built, aliases included
        if self.count > self.limit:
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
            if not node.style and _YAML12_NUMBER.fullmatch(node.value):  # plain: None, or '' from libyaml
                return Suspect(node.value, "text here, and as a number in YAML 1.2")
            return self.text(node, path)
        if node.tag not in _PLAIN_TAGS:
            self.problem(node, path, f"the tag {_short_tag(node.tag)} is not allowed; write a plain value")
            return None
        if node.tag == _TIMESTAMP_TAG and len(node.value) == 10:
            with contextlib.suppress(ValueError):  # not YYYY-MM-DD exactly: PyYAML reads it (or says why not)
                return dt.date.fromisoformat(node.value)  # the usual date, several times faster than PyYAML
        if node.tag == "tag:yaml.org,2002:int" and _DECIMAL_INT.fullmatch(node.value) and len(node.value) <= MAX_DIGITS:
            return int(node.value)
        if node.tag == "tag:yaml.org,2002:float" and _DECIMAL_FLOAT.fullmatch(node.value) and len(node.value) <= MAX_DIGITS:
            number = float(node.value)
            if math.isfinite(number):
                return number
        if node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool"):
            return self.suspect(node)
        try:
            return self.constructor.yaml_constructors[node.tag](self.constructor, node)
        except (ConstructorError, ValueError) as error:
            self.problem(node, path, f"{shorten(node.value)!r} can't be read: {shorten(str(error), 200)}")
            return None

    def suspect(self, node: yaml.ScalarNode) -> Suspect:
        """A number YAML 1.1 reads in another base or notation, a yes/no word, or a number too long or infinite."""
        if len(node.value) > MAX_DIGITS:
            return Suspect(node.value, "a number too long to read")
        value = self.constructor.yaml_constructors[node.tag](self.constructor, node)
        if isinstance(value, bool):
            return Suspect(node.value, str(value).lower(), is_boolean=True)
        if isinstance(value, float) and not math.isfinite(value):
            return Suspect(node.value, "not a number" if math.isnan(value) else "infinity")
        return Suspect(node.value, f"the number {value:g}" if isinstance(value, float) else f"the number {value}")

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
            if value_node.tag == _STR_TAG and isinstance(value_node, yaml.ScalarNode):
                text = value_node.value  # most values are plain text: no call needed, unless it looks odd
                suspect = not value_node.style and _YAML12_NUMBER.fullmatch(text)
                result[key] = self.build_scalar(value_node, field_path) if suspect or self.escapes else text
            else:
                result[key] = self.build(value_node, field_path)
        return result


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")
