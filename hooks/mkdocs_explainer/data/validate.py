"""Check one data file against the schema and turn it into plain, JSON-ready records.

The records (and the references between files, with their lines) are all the rest of the pipeline
needs, so a cached file never has to import pydantic again.
"""

from __future__ import annotations

import datetime as dt
import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from ..problems import Problem
from . import evidence, figures, schema
from .evidence_settings import EvidenceSettings
from .load import LoadedFile, Path, format_path, load_text
from .records import FileResult, Reference, Typed
from .vocabulary import DEFAULT, Vocabulary

_KIND = {"facts": "fact", "quotes": "quote", "events": "event"}


def check_file(name: str, raw: bytes, settings: EvidenceSettings | None = None,
               vocabulary: Vocabulary = DEFAULT) -> FileResult:
    """Parse and validate one file's bytes; every problem is collected in the result. `settings`: the site's
    language and hedge tables for the evidence checks (default: English, the shipped tables). The kinds of places
    and claimants and the modes of routes are the site's (`vocabulary`)."""
    settings = settings or evidence.DEFAULT
    loaded = load_text(name, raw)
    result = FileResult(name=name, problems=list(loaded.problems))
    if loaded.data is None:  # not readable as YAML at all
        _note_unchecked_ids(result, loaded.data)
        return result
    # Values the loader refused (a tag, a control character) are still checked against the schema,
    # so one pass reports every mistake; only the schema's echo of the refused value is dropped.
    bad_paths = set(loaded.refused)
    data_file = None
    try:
        data_file = schema.DataFile.model_validate(loaded.data, context={"vocabulary": vocabulary})
    except ValidationError as error:
        for issue in error.errors():
            loc = tuple(issue["loc"])
            if not any(loc[:len(path)] == path for path in loaded.refused):
                result.problems.append(_problem(loaded, issue))
                bad_paths.add(loc)
    if data_file is not None:
        result.problems += _chart_problems(loaded, data_file)
    if result.problems or data_file is None:
        _note_unchecked_ids(result, loaded.data)
        result.refs = _written_references(loaded, bad_paths)
        return result
    dumped = data_file.model_dump(mode="json")  # one call for the whole file: far cheaper than one per record
    for section in schema.SECTIONS:
        kind = _KIND.get(section)
        for index, (model, record) in enumerate(zip(getattr(data_file, section), dumped[section], strict=True)):
            path: Path = (section, index)
            if kind:
                record["kind"] = kind
            if isinstance(model, schema.Fact):
                record["value_kind"] = _value_kind(model.value)
            if kind or section == "corrections":
                _split_citations(record)
            if kind:
                result.problems += _evidence_problems(loaded, path, record, evidence.check_item(record, settings=settings))
                result.warnings += _unsupported_confirmation(loaded, path, record)
            if isinstance(model, schema.Place):
                result.problems += _evidence_problems(loaded, path, record, evidence.check_place(record))
            _note_marks(result, loaded, path, section, record)
            result.records.setdefault(section, []).append(record)
            result.ids.append(Reference(section, model.id, loaded.line_of((*path, "id")), format_path(path)))
            result.refs += _references(loaded, path, model)
            if isinstance(model, schema.Place):
                where = (*path, "lat")
                result.positions.append(Reference(section, model.id, loaded.line_of(where), format_path(where)))
    return result


TYPED_FIELDS = frozenset({"label", "title", "note", "summary", "record", "topic", "caption", "what",
                          "why_approximate", "unverified_reason", "date_inferred", "occasion", "not_drawn"})
"""Text in the site's own words, where a figure a fact holds must not be typed again. Left out: a quotation's
words and excerpts (the source's own), a correction's `article` (the article's own), a source's title (as
published), and revisions (which name the figures they replaced)."""


def _note_marks(result: FileResult, loaded: LoadedFile, path: Path, section: str, record: dict[str, Any]) -> None:
    """What the checks across files need from this record, with its lines: addresses, statuses, old ids, typed figures."""
    def mark(kind: str, value: str, field_path: Path) -> None:
        result.marks.append(Reference(kind, value, loaded.line_of(field_path), f"{format_path(field_path)} ({record['id']})"))

    if section == "sources":
        mark("url", record["url"], (*path, "url"))
        return
    if section in _KIND:
        mark("status", record["id"], (*path, "status"))
        for index, old in enumerate(record.get("formerly") or []):
            mark("formerly", old, (*path, "formerly", index))
    if section == "claimants":
        return
    for field_path, text in _texts(record, path):
        for figure in figures.find(text):
            where = f"{format_path(field_path)} ({record['id']})"
            result.typed.append(Typed(figure.written, figure.after, loaded.line_of(field_path), where))


def _texts(value: Any, path: Path) -> list[tuple[Path, str]]:
    """The fields of TYPED_FIELDS inside a record (and its nested entries, such as a question's positions)."""
    found = []
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in TYPED_FIELDS and isinstance(inner, str):
                found.append(((*path, key), inner))
            elif isinstance(inner, list) and key not in ("revisions", "sources", "citations"):
                for index, entry in enumerate(inner):
                    found += _texts(entry, (*path, key, index))
    return found


def _unsupported_confirmation(loaded: LoadedFile, path: Path, record: dict[str, Any]) -> list[Problem]:
    """`confirmed` says the record shows it: at least one source's own words must be there to see."""
    if record["status"] != "confirmed" or any(c["excerpt"] for c in record["citations"]):
        return []
    where = (*path, "status")
    return [Problem(loaded.name, loaded.line_of(where), f"{format_path(where)} ({record['id']})",
                    "a confirmed item needs the source's own words: give at least one source as "
                    "{source: id, excerpt: \"the source's words\"}, or choose another status")]


def _split_citations(record: dict[str, Any]) -> None:
    """`sources` becomes the list of source ids the rest of the pipeline reads; `citations` keeps, for each
    of them in the same order, the source's words and where they are (both None for a bare id)."""
    record["citations"] = [
        entry if isinstance(entry, dict)
        else {"source": entry, "excerpt": None, "locator": None, "lang": None, "translation": None, "translation_by": None}
        for entry in record["sources"]
    ]
    record["sources"] = [citation["source"] for citation in record["citations"]]


def _evidence_problems(loaded: LoadedFile, path: Path, record: dict[str, Any],
                       findings: list[evidence.Finding]) -> list[Problem]:
    """Where an item and its sources' own words disagree, pointed at the item's field."""
    return [
        Problem(loaded.name, loaded.line_of((*path, finding.field)),
                f"{format_path((*path, finding.field))} ({record['id']})", finding.message)
        for finding in findings
    ]


def _note_unchecked_ids(result: FileResult, data: Any) -> None:
    """Keep the ids a failing file writes, so one mistake gives one message, not one more per reference to it."""
    if not isinstance(data, dict):
        result.unreadable = True
        return
    for entries in data.values():
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                result.unchecked_ids.append(entry["id"])


def _chart_problems(loaded: LoadedFile, data_file: schema.DataFile) -> list[Problem]:
    """A fact in an estimate group is drawn as a bar: its value must be a number (or span) of zero or more."""
    problems = []
    for index, fact in enumerate(data_file.facts):
        if fact.group is None:
            continue
        value = fact.value
        numbers = [value.min, value.max] if isinstance(value, schema.Range) else [value] if isinstance(value, int | float) else []
        if isinstance(value, str | dt.date) or any(number < 0 for number in numbers):
            path: Path = ("facts", index, "value")
            problems.append(Problem(
                loaded.name, loaded.line_of(path), f"{format_path(path)} ({fact.id})",
                f"{schema.shown(value if not isinstance(value, schema.Range) else value.model_dump())} can't be charted: "
                f"a fact in the estimate group '{fact.group}' needs a number, or min/max, of zero or more"))
    return problems


_REFERENCE_FIELDS = (("claimant", "claimants"), ("sources", "sources"), ("group", "groups"), ("items", "items"))


def _written_references(loaded: LoadedFile, bad_paths: set[Path]) -> list[Reference]:
    """The references a file that failed its checks writes, except in fields already reported, so that a
    misspelled id is reported in the same pass as the file's other mistakes."""
    refs = []
    data = loaded.data if isinstance(loaded.data, dict) else {}
    for section in (*_KIND, "corrections"):
        entries = data.get(section)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if not isinstance(entry, dict):
                continue
            for key, target in _REFERENCE_FIELDS:
                written = entry.get(key)
                values = list(enumerate(written)) if isinstance(written, list) else [(None, written)]
                for position, value in values:
                    where: Path = (section, index, key) if position is None else (section, index, key, position)
                    reported = any(where[:len(bad)] == bad for bad in bad_paths if len(bad) >= 3)
                    if isinstance(value, str) and not reported:
                        refs.append(Reference(target, value, loaded.line_of(where), format_path(where)))
    return refs


def _references(loaded: LoadedFile, path: Path, model: BaseModel) -> list[Reference]:
    """Every id this record points at in another section, with the line it is written on."""
    wanted: list[tuple[str, str, Path]] = []
    if isinstance(model, schema.Item):
        wanted.append(("claimants", model.claimant, (*path, "claimant")))
    if isinstance(model, schema.Item | schema.Correction):
        wanted += [("sources", schema.source_id(entry), (*path, "sources", i)) for i, entry in enumerate(model.sources)]
    if isinstance(model, schema.Place | schema.Route):
        wanted += [
            ("sources", entry.source, (*path, "sources", i, "source")) if isinstance(entry, schema.Citation)
            else ("sources", entry, (*path, "sources", i))
            for i, entry in enumerate(model.sources)
        ]
        wanted += [("items", iid, (*path, "items", i)) for i, iid in enumerate(model.items)]
    if isinstance(model, schema.Route):
        wanted.append(("claimants", model.claimant, (*path, "claimant")))
    if isinstance(model, schema.Route | schema.MapSpec):
        wanted += [("places", pid, (*path, "places", i)) for i, pid in enumerate(model.places)]
    if isinstance(model, schema.MapSpec):
        wanted += [("routes", rid, (*path, "routes", i)) for i, rid in enumerate(model.routes)]
    if isinstance(model, schema.Fact) and model.group:
        wanted.append(("groups", model.group, (*path, "group")))
    if isinstance(model, schema.Correction):
        wanted += [("items", iid, (*path, "items", i)) for i, iid in enumerate(model.items)]
    if isinstance(model, schema.Question):
        for i, position in enumerate(model.positions):
            wanted.append(("claimants", position.claimant, (*path, "positions", i, "claimant")))
            wanted += [("items", iid, (*path, "positions", i, "items", j)) for j, iid in enumerate(position.items)]
    return [Reference(section, target, loaded.line_of(where), format_path(where)) for section, target, where in wanted]


def _value_kind(value: Any) -> str:
    if isinstance(value, schema.Range):
        return "range"
    if isinstance(value, dt.date):
        return "date"
    return "text" if isinstance(value, str) else "number"


def _problem(loaded: LoadedFile, issue: Any) -> Problem:
    """Map one pydantic error (whose location is list indexes) back to file, line, field and id."""
    loc = _editor_path(tuple(issue["loc"]))
    where = format_path(loc) or "(top level)"
    record = _record_at(loaded.data, loc)
    if record is not None and isinstance(record.get("id"), str):
        where += f" ({record['id']})"
    return Problem(loaded.name, loaded.line_of(loc), where, _message(loc, issue))


def _editor_path(loc: Path) -> Path:
    """Drop the names pydantic gives the two ways of writing a `sources:` entry: editors never write them."""
    return tuple(part for i, part in enumerate(loc)
                 if not (part in (schema.BARE, schema.CITED) and i and isinstance(loc[i - 1], int)))


def _record_at(data: Any, loc: Path) -> dict[str, Any] | None:
    """The section entry (`facts[2]`) an error belongs to, to name its id."""
    if len(loc) >= 2 and isinstance(data, dict) and isinstance(loc[1], int):
        entries = data.get(loc[0])
        if isinstance(entries, list) and loc[1] < len(entries) and isinstance(entries[loc[1]], dict):
            entry: dict[str, Any] = entries[loc[1]]
            return entry
    return None


def _message(loc: Path, issue: Any) -> str:
    kind, ctx = issue["type"], issue.get("ctx") or {}
    if kind == "extra_forbidden":
        allowed = list(_model_at(loc[:-1]).model_fields)
        guess = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        return f"unknown field; {hint}allowed: {', '.join(allowed)}"
    if kind == "missing":
        return "required field is missing"
    if kind in ("list_type", "model_type", "dict_type") and issue["input"] is None:
        return "is empty; give a value or remove the key"
    if kind == "model_type" and not loc:
        sections = ", ".join(f"`{name}:`" for name in schema.SECTIONS)
        return f"the file should hold sections ({sections}), each a list; it holds a {type(issue['input']).__name__}"
    if kind == "literal_error":
        return f"{schema.shown(issue['input'])} is not one of {ctx.get('expected', '')}"
    message: str = issue["msg"]
    return message.removeprefix("Value error, ")


def _model_at(loc: Path) -> type[BaseModel]:
    """The model class that holds the field at `loc`, following lists and nested models."""
    model: type[BaseModel] = schema.DataFile
    for part in loc:
        if isinstance(part, int):
            continue
        model = next(_models_in(model.model_fields[str(part)].annotation), model)
    return model


def _models_in(annotation: Any) -> typing.Iterator[type[BaseModel]]:
    """The models a field's type can hold, looking inside list[...], unions and Annotated[...]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _models_in(argument)


def check_path(name: str, path: str, settings: EvidenceSettings | None = None) -> FileResult:
    """Read a file from disk and check it."""
    with open(path, "rb") as handle:
        return check_file(name, handle.read(), settings)
