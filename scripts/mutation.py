"""`make mutation`: mutmut over the package's data/, pages/ and outputs/, in a working copy of the project.

mutmut derives module names from file paths and strips only `src.`, so the copy gets a `src` link to `hooks/`
(the package stays where the README says it is). The tests run inside `mutants/` with the mutated package first
on sys.path; pytest's own `pythonpath = hooks` is overridden there (pyproject.toml, [tool.mutmut]), or the
unmutated copy would shadow it. The score and the surviving mutants are printed and written to
benchmarks/MUTATION.md. Not part of `make test`: a full run takes far longer than the test suite.

    python scripts/mutation.py [--max-children N] [--only GLOB ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"
REPORT = ROOT / "benchmarks" / "MUTATION.md"
GOAL = 0.85


def project_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT,
                            check=True, capture_output=True, text=True).stdout
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def make_working_copy(only: list[str]) -> None:
    if WORK.exists():
        shutil.rmtree(WORK)
    for name in project_files():
        target = WORK / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    (WORK / "src").symlink_to("hooks", target_is_directory=True)
    # Tests that run `make build` in the project find the real environment instead of creating one.
    (WORK / "mutants").mkdir()
    for environment in (".venv", ".venv-properdocs", "node_modules"):
        if (ROOT / environment).is_dir():
            (WORK / "mutants" / environment).symlink_to(ROOT / environment, target_is_directory=True)
    if only:
        # Narrow the run (e.g. to one module while killing its survivors): only_mutate is a list of globs.
        text = (WORK / "pyproject.toml").read_text(encoding="utf-8")
        start = text.index("only_mutate = [")
        end = text.index("]", start) + 1
        globs = ", ".join(json.dumps(f"src/mkdocs_explainer/{pattern}") for pattern in only)
        (WORK / "pyproject.toml").write_text(text[:start] + f"only_mutate = [{globs}]" + text[end:], encoding="utf-8")


def mutmut(*args: str, capture: bool = False) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mutmut", *args]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "EXPLAINER_MUTATION": "1"}  # tests/conftest.py
    return subprocess.run(command, cwd=WORK, env=env, text=True, capture_output=capture, check=False)


def survivors() -> list[str]:
    listed = mutmut("results", capture=True).stdout.splitlines()
    return [line.split(":")[0].strip() for line in listed if line.strip().endswith("survived")]


def report(stats: dict[str, int], survived: list[str], only: list[str]) -> str:
    tested = stats["killed"] + stats["survived"] + stats["timeout"] + stats["suspicious"] + stats["segfault"]
    killed = stats["killed"] + stats["timeout"] + stats["segfault"]
    score = killed / tested if tested else 0.0
    lines = [
        "# Mutation testing (`make mutation`)",
        "",
        f"Run on {dt.date.today().isoformat()} with mutmut over "
        f"{', '.join(only) if only else 'data/, pages/ and outputs/'} of hooks/mkdocs_explainer/.",
        "",
        f"- mutants: {stats['total']} (no test reaches {stats['no_tests']}, skipped {stats['skipped']})",
        f"- killed: {killed} of {tested} tested ({score:.1%}; goal {GOAL:.0%}: {'met' if score >= GOAL else 'missed'})",
        f"- survived: {stats['survived']}",
        "",
        "## Survivors",
        "",
        *(f"- `{name}`" for name in survived),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--only", nargs="*", default=[], help="globs under the package, e.g. outputs/safecsv.py")
    options = parser.parse_args()
    make_working_copy(options.only)
    run = mutmut("run", "--max-children", str(options.max_children))
    mutmut("export-cicd-stats", capture=True)
    stats = json.loads((WORK / "mutants" / "mutmut-cicd-stats.json").read_text(encoding="utf-8"))
    if stats["killed"] + stats["survived"] == 0:
        print(f"mutmut tested no mutant (exit code {run.returncode}); see its output above", file=sys.stderr)
        return run.returncode or 1
    text = report(stats, survivors(), options.only)
    if not options.only:
        REPORT.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
