"""A language's layer over the data: the words of labels, titles, names and notes, keyed by section and id
(`data/i18n/<lang>.yml`). Figures, dates, ids and sources come from the one data set, so a translation
can never change a figure; a quotation keeps its original words. A text left untranslated shows in
English and is listed, so translators know what is left.

    facts:
      turnout-2024:
        label: 2024년 투표율
        unit: 퍼센트
    questions:
      turnout-counted:
        title: 모든 표를 셌나?
        positions:
          election-board 2024-05-02: 선관위는 모든 표를 셌다고 밝혔습니다.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..problems import Problem, ProblemsFound
from .catalog import Catalog

TRANSLATABLE: dict[str, tuple[str, ...]] = {
    "facts": ("label", "unit", "note", "unverified_reason"),
    "events": ("title", "note", "unverified_reason"),
    "quotes": ("occasion", "note", "unverified_reason", "translation"),
    "groups": ("title", "note"),
    "claimants": ("name", "short", "role"),
    "places": ("name", "what", "why_approximate"),
    "routes": ("title", "note"),
    "maps": ("title", "caption", "not_drawn"),
    "corrections": ("topic", "record"),
    "questions": ("title", "note", "positions"),
}
"""What a language may translate. Not the figures, dates, ids or sources; not a quotation's words, nor the
article's words a correction quotes: those stay as they were said."""
POSITIONS = "positions"
"""A question's positions are a list: each summary is translated under `positions:`, keyed by its claimant and
date (`mayor 2024-10-24: ...`), which stay stable when positions are added or reordered."""
ADDABLE = frozenset({"translation"})
"""Texts a language may add: a quotation's translation into it (the quotation itself stays as said)."""
TRANSLATOR = "translation_by"
"""The layer's own top-level key: who made its quotations' translations (`translation_by: 이 사이트`). A record
the layer translates is credited to them, not to whoever translated the recorded words into English."""
FOLDER = "i18n"
"""Inside the data folder; a file per language (`ko.yml`), not read as data itself."""


@dataclass
class Translated:
    catalog: Catalog
    missing: list[str] = field(default_factory=list)
    """`section.id.field` of every text shown in English for want of a translation."""


def path_for(data_dir: Path, code: str) -> Path:
    return data_dir / FOLDER / f"{code}.yml"


def translate(catalog: Catalog, path: Path, root: Path) -> Translated:
    """The catalog with the language's words over the English ones. Raises ProblemsFound for an unknown
    section, id or field (a typo would otherwise silently leave English)."""
    import yaml  # only an edition in another language reads it

    name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    layer: Any = {}
    if path.is_file():
        try:
            layer = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            raise ProblemsFound([Problem(name, mark.line + 1 if mark else 0, "", f"not valid YAML: {error}")]) from None
    problems: list[Problem] = []
    if not isinstance(layer, dict):
        raise ProblemsFound([Problem(name, 1, "", "expected sections (facts:, events:...) of ids and their words")])
    sections = {section: dict(records) for section, records in catalog.sections.items()}
    translator = layer.get(TRANSLATOR)
    if translator is not None and (not isinstance(translator, str) or not translator.strip()):
        problems.append(Problem(name, 0, TRANSLATOR, "expected who made this language's translations"))
    for section, records in layer.items():
        if section == TRANSLATOR:
            continue
        fields = TRANSLATABLE.get(section)
        if fields is None or not isinstance(records, dict):
            problems.append(Problem(name, 0, str(section), f"not a section with words to translate ({', '.join(TRANSLATABLE)})"))
            continue
        for record_id, words in records.items():
            original = catalog[section].get(record_id)
            if original is None:
                hint = catalog.suggest(str(record_id), section)
                guess = f" Did you mean {' or '.join(repr(h) for h in hint)}?" if hint else ""
                problems.append(Problem(name, 0, f"{section}.{record_id}", f"no {section.rstrip('s')} has this id.{guess}"))
                continue
            if not isinstance(words, dict):
                problems.append(Problem(name, 0, f"{section}.{record_id}", f"expected fields ({', '.join(fields)})"))
                continue
            record = copy.copy(original)
            for key, text in words.items():
                if key not in fields:
                    problems.append(Problem(name, 0, f"{section}.{record_id}.{key}",
                                            f"not translatable here (only {', '.join(fields)}: "
                                            "figures, dates and quotations stay as recorded)"))
                elif key != POSITIONS and (not isinstance(text, str) or not text.strip()):
                    problems.append(Problem(name, 0, f"{section}.{record_id}.{key}", "expected the translated text"))
                elif key == POSITIONS:
                    positions, wrong = _positions(original, text)
                    problems += [Problem(name, 0, f"{section}.{record_id}.{key}.{w}", message) for w, message in wrong]
                    record[key] = positions
                    continue
                elif original.get(key) is None and key not in ADDABLE:
                    problems.append(Problem(name, 0, f"{section}.{record_id}.{key}", "the record has no such text to translate"))
                else:
                    record[key] = text.strip()
                    if key in ADDABLE:
                        if not isinstance(translator, str) or not translator.strip():
                            problems.append(Problem(name, 0, f"{section}.{record_id}.{key}",
                                                    f"a translation needs `{TRANSLATOR}:` at the top of the file: "
                                                    "who translated"))
                        else:
                            record[TRANSLATOR] = translator.strip()
            sections[section][record_id] = record
    if problems:
        raise ProblemsFound(problems)
    translated = Catalog(sections)
    translated.origin = catalog.origin  # which data file each item comes from (the facts:file= pages)
    translated.warnings = catalog.warnings  # what a strict build refuses in the data, whatever its language
    # Exports reused across builds must change with the words too.
    translated.fingerprint = hashlib.sha256((catalog.fingerprint + repr(layer)).encode()).hexdigest() if catalog.fingerprint else ""
    missing = [
        f"{section}.{record_id}.{key}"
        for section, fields in TRANSLATABLE.items()
        for record_id, record in catalog[section].items()
        for key in fields
        if key != POSITIONS
        and (record.get(key) or key in ADDABLE) and not (layer.get(section) or {}).get(record_id, {}).get(key)
    ]
    for question_id, question in catalog["questions"].items():
        done = ((layer.get("questions") or {}).get(question_id) or {}).get(POSITIONS) or {}
        missing += [f"questions.{question_id}.{POSITIONS}.{_position_key(p)}"
                    for p in question.get(POSITIONS) or [] if not done.get(_position_key(p))]
    return Translated(translated, missing)


def _position_key(position: dict[str, Any]) -> str:
    return f"{position['claimant']} {position['date']}"


def _positions(question: dict[str, Any], words: Any) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """The question's positions with their translated summaries, and (key, message) for every wrong entry."""
    positions = question.get(POSITIONS) or []
    if not isinstance(words, dict):
        return positions, [("", "expected each position's summary by its claimant and date "
                                "('mayor 2024-10-24: ...')")]
    by_key = {_position_key(p): p for p in positions}
    wrong = []
    for key, text in words.items():
        if str(key) not in by_key:
            known = ", ".join(sorted(by_key)) or "none"
            wrong.append((str(key), f"no position of this claimant and date (the question's positions: {known})"))
        elif not isinstance(text, str) or not text.strip():
            wrong.append((str(key), "expected the translated summary"))
    translated = []
    for position in positions:
        text = words.get(_position_key(position))
        translated.append({**position, "summary": text.strip()} if isinstance(text, str) and text.strip() else position)
    return translated, wrong
