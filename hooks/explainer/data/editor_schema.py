"""`data/schema.json`: the fact schema as JSON Schema, so editors' YAML tools complete and check fields.

Generated from the pydantic models (with their field descriptions) by `make schema`; a test
regenerates it in memory and fails when the file is out of date. Each data file points at it with
`# yaml-language-server: $schema=schema.json` on its first line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from . import schema

SCHEMA_PATH = Path(__file__).resolve().parents[3] / "data" / "schema.json"
MODELINE = "# yaml-language-server: $schema=schema.json"
"""The first line of every data file: where the YAML extension finds the schema."""


def generate() -> dict[str, Any]:
    generated = schema.DataFile.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": "Generated from hooks/explainer/schema.py by `make schema`. Do not edit by hand.",
        **generated,
        "title": "Explainer data file",
        "description": "One file in data/: any of these sections, each a list. " + (generated.get("description") or ""),
    }


def render() -> str:
    return json.dumps(generate(), ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    SCHEMA_PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
