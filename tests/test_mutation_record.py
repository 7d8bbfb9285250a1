"""`make mutation --recheck`: how the record changes when the survivors on record are run again.

The mutmut runs themselves are not repeated here (they take minutes); `settle` is the part that decides what a
rerun means for the score, and `report` what a reader of benchmarks/MUTATION.md sees.
"""

from __future__ import annotations

import importlib.util
from types import ModuleType
from typing import Any

from project import ROOT


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutation_script", ROOT / "scripts" / "mutation.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


mutation = _script()
SWAPPED = ("m.py", "f", "`a` → `b`")
DROPPED = ("m.py", "f", "`c` → `d`")
CHANGED_LINE = ("m.py", "g", "`e` → `f`")
ARGUED = ("m.py", "h", "`\"UTF-8\"` → `\"utf-8\"`")


def _old_run() -> dict[str, Any]:
    """A run recorded before mutant names were kept: two survivors share one change (two lines alike)."""
    return {"date": "2026-12-05", "modules": ["m.py"], "tests": [],
            "stats": {"total": 20, "killed": 14, "survived": 5, "timeout": 0, "suspicious": 0, "segfault": 0,
                      "no_tests": 1, "skipped": 0},
            "survivors": [[*SWAPPED, ""], [*SWAPPED, ""], [*DROPPED, ""], [*CHANGED_LINE, ""], [*ARGUED, ""]]}


def test_killed_survivors_leave_the_record_and_count_as_killed() -> None:
    runs = [_old_run()]
    names = {SWAPPED: ["x_f__mutmut_1", "x_f__mutmut_9"], DROPPED: ["x_f__mutmut_4"]}
    now = {"x_f__mutmut_1": "killed", "x_f__mutmut_9": "survived", "x_f__mutmut_4": "timeout"}
    mutation.settle(runs, names, now, [], {ARGUED: "the same codec"})
    run = runs[0]
    # one of the two look-alikes still survives, now under today's name; the argued one is untouched
    assert run["survivors"] == [[*SWAPPED, "", "x_f__mutmut_9"], [*ARGUED, ""]]
    # 2 killed (one look-alike, the timeout); the changed line's mutant is no longer made: out of the total
    assert run["stats"]["killed"] == 16 and run["stats"]["survived"] == 2 and run["stats"]["total"] == 19
    assert "2 of the 4 open survivors killed" in run["note"] and "1 no longer generated" in run["note"]
    killed, tested = mutation.score(mutation.totals(run))
    assert (killed, tested) == (16, 18)


def test_a_run_with_counts_per_module_is_settled_per_module() -> None:
    run = _old_run() | {"by_module": {"m.py": {"killed": 14, "survived": 5, "no_tests": 1}, "n.py": {"killed": 3}}}
    del run["stats"]
    names = {SWAPPED: ["x_f__mutmut_1", "x_f__mutmut_9"], DROPPED: ["x_f__mutmut_4"], CHANGED_LINE: ["x_g__mutmut_2"]}
    now = dict.fromkeys(["x_f__mutmut_1", "x_f__mutmut_9", "x_f__mutmut_4", "x_g__mutmut_2"], "killed")
    mutation.settle([run], names, now, [], {})
    # four killed; the fifth (not argued here) is no longer generated: it leaves the count
    assert run["by_module"]["m.py"] == {"killed": 18, "survived": 0, "no_tests": 1}
    assert run["by_module"]["n.py"] == {"killed": 3}
    assert run["survivors"] == []


def test_a_recheck_of_one_module_leaves_the_others_alone() -> None:
    run = _old_run()
    other = ("other.py", "f", "`a` → `b`")
    run["survivors"].append([*other, ""])
    names = {SWAPPED: ["x_f__mutmut_1"], other: ["y_f__mutmut_1"]}
    mutation.settle([run], names, {"x_f__mutmut_1": "killed", "y_f__mutmut_1": "killed"}, ["other.py"], {})
    assert run["survivors"] == _old_run()["survivors"]  # m.py's, untouched though its mutant was killed
    assert run["stats"]["killed"] == 15 and "1 of the 1 open survivors killed" in run["note"]


def test_a_survivor_not_run_again_stays_open() -> None:
    run = _old_run()
    mutation.settle([run], {DROPPED: ["x_f__mutmut_4"]}, {"x_f__mutmut_4": "not checked"}, ["m.py"], {})
    assert [*DROPPED, "", "x_f__mutmut_4"] in run["survivors"]


def test_the_report_shows_an_argument_kept_by_change() -> None:
    text = mutation.report([_old_run()])
    row = next(line for line in text.splitlines() if line.startswith("| m.py | `h` |"))
    assert row.endswith("|  |")  # not argued yet: an open gap
    reason = "\"UTF-8\" and \"utf-8\" name the same codec"
    original = mutation.arguments
    mutation.arguments = lambda: {ARGUED: reason}
    try:
        text = mutation.report([_old_run()])
    finally:
        mutation.arguments = original
    row = next(line for line in text.splitlines() if line.startswith("| m.py | `h` |"))
    assert row.endswith(f"| {reason} |")
    assert "argued equivalent or run only at import: 1" in text


def test_every_argument_kept_by_change_names_a_survivor_on_record() -> None:
    """An argument whose survivor is not on record (mistyped, or its line changed) would argue nothing."""
    recorded = {tuple(s[:3]) for run in mutation.recorded() for s in run["survivors"]}
    stray = [key for key in mutation.arguments() if key not in recorded]
    assert not stray, stray
