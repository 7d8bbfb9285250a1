"""`data/schema.json`: the fact schema as JSON Schema, so editors' YAML tools complete and check fields.

Generated from the pydantic models (with their field descriptions) by `explainer schema` (`make schema`); a test
regenerates it in memory and fails when the file is out of date. Each data file points at it with
`# yaml-language-server: $schema=schema.json` on its first line.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from . import schema
from .vocabulary import DEFAULT, Vocabulary

MODELINE = "# yaml-language-server: $schema=schema.json"
"""The first line of every data file: where the YAML extension finds the schema."""


def generate(vocabulary: Vocabulary = DEFAULT) -> dict[str, Any]:
    """The schema, with the site's kinds of places and claimants and modes of routes as the allowed values."""
    generated = schema.DataFile.model_json_schema()
    defs = generated["$defs"]
    defs["Place"]["properties"]["kind"]["enum"] = list(vocabulary.place_kinds)
    defs["Claimant"]["properties"]["kind"]["enum"] = list(vocabulary.claimant_kinds)
    defs["Route"]["properties"]["modes"]["items"]["enum"] = list(vocabulary.route_modes)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": "Generated from the explainer package's models by `explainer schema`. Do not edit by hand.",
        **generated,
        "title": "Explainer data file",
        "description": "One file in data/: any of these sections, each a list. " + (generated.get("description") or ""),
    }


def render(vocabulary: Vocabulary = DEFAULT) -> str:
    return json.dumps(generate(vocabulary), ensure_ascii=False, indent=2) + "\n"


def write(data_dir: Path, vocabulary: Vocabulary = DEFAULT) -> Path:
    """Write `schema.json` as a new file put in place by a rename: a symbolic link found there is replaced
    by the file, never followed, so nothing outside the data folder is overwritten."""
    path = data_dir / "schema.json"
    handle, temporary = tempfile.mkstemp(dir=data_dir, prefix=".schema-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(render(vocabulary))
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp's 0600 would hide it from the team's other users
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def main(argv: list[str] | None = None) -> int:
    """`python -m mkdocs_explainer.data.editor_schema [DATA_DIR]` (default: ./data)."""
    args = sys.argv[1:] if argv is None else argv
    print(f"wrote {write(Path(args[0] if args else 'data'))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
