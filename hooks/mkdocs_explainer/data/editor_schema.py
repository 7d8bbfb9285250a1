"""`data/schema.json`: the fact schema as JSON Schema, so editors' YAML tools complete and check fields.

Generated from the pydantic models (with their field descriptions) by `explainer schema` (`make schema`); a test
regenerates it in memory and fails when the file is out of date. Each data file points at it with
`# yaml-language-server: $schema=schema.json` on its first line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from . import schema

MODELINE = "# yaml-language-server: $schema=schema.json"
"""The first line of every data file: where the YAML extension finds the schema."""


def generate() -> dict[str, Any]:
    generated = schema.DataFile.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": "Generated from the explainer package's models by `explainer schema`. Do not edit by hand.",
        **generated,
        "title": "Explainer data file",
        "description": "One file in data/: any of these sections, each a list. " + (generated.get("description") or ""),
    }


def render() -> str:
    return json.dumps(generate(), ensure_ascii=False, indent=2) + "\n"


def write(data_dir: Path) -> Path:
    path = data_dir / "schema.json"
    path.write_text(render(), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    """`python -m mkdocs_explainer.data.editor_schema [DATA_DIR]` (default: ./data)."""
    args = sys.argv[1:] if argv is None else argv
    print(f"wrote {write(Path(args[0] if args else 'data'))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
