"""The package's import structure: stages in layers (checked by import-linter) and no import cycle."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import grimp

PROJECT = Path(__file__).resolve().parent.parent


def test_no_module_imports_another_in_a_cycle() -> None:
    graph = grimp.build_graph("mkdocs_explainer", exclude_type_checking_imports=True)  # annotations only: no import at run time
    cycles = [
        (a, b)
        for a, b in itertools.combinations(sorted(graph.modules), 2)
        if graph.find_shortest_chain(importer=a, imported=b) and graph.find_shortest_chain(importer=b, imported=a)
    ]
    assert cycles == []


def test_the_layer_contracts_hold() -> None:
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "hooks")}
    result = subprocess.run(
        [Path(sys.executable).with_name("lint-imports"), "--config", "pyproject.toml"],
        cwd=PROJECT, capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
