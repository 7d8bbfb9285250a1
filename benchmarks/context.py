"""What a benchmark report says about its own run: the machine, versions, the load, and the age of the code measured."""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.metadata
import os
import platform
import statistics
import subprocess
import threading
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
MEASURED = ("hooks", "benchmarks")
"""The code whose speed the benchmark measures (hooks/) and the code that measures it (benchmarks/)."""


def machine() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "0")
    return [f"{os.cpu_count()} CPUs ({len(os.sched_getaffinity(0))} usable), {cpu}",
            f"{int(memory) / 1024 / 1024:.1f} GiB memory, {platform.platform()}"]


def versions() -> str:
    import yaml

    names = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "pydantic", "pydantic_core", "PyYAML", "Jinja2",
             "Markdown", "pymdown-extensions")
    parts = [f"Python {platform.python_version()}"]
    parts += [f"{name} {importlib.metadata.version(name)}" for name in names]
    libyaml = yaml.__with_libyaml__ and importlib.import_module("yaml._yaml").get_version_string()
    parts.append(f"libyaml {libyaml or 'absent'}")
    return ", ".join(parts)


def git(*args: str) -> str:
    result = subprocess.run(["git", *args], cwd=PROJECT, capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else ""


def code_age(run_at: dt.datetime) -> list[str]:
    """When each measured folder last changed in git, against the run; and whether it had uncommitted changes."""
    lines = []
    for folder in MEASURED:
        last = git("log", "-1", "--format=%h %cI %s", "--", folder)
        if not last:
            lines.append(f"- {folder}/: no git history found")
            continue
        commit, when, subject = last.split(" ", 2)
        changed = dt.datetime.fromisoformat(when)
        age = run_at - changed
        dirty = git("status", "--porcelain", "--", folder)
        lines.append(f"- {folder}/ last committed {changed.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC ({commit}, “{subject}”), "
                     f"{age.total_seconds() / 3600:.1f} hours before this run"
                     + ("; **uncommitted changes were present and measured**" if dirty else "; no uncommitted changes"))
    head = git("rev-parse", "--short", "HEAD")
    lines.append(f"- measured at commit {head or 'unknown'}; a later change to hooks/ makes these figures stale")
    return lines


class LoadSampler:
    """The 1-minute load average every `every` seconds while the benchmark runs (other processes included)."""

    def __init__(self, every: float = 10.0) -> None:
        self.samples: list[float] = [os.getloadavg()[0]]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)
        self._thread.start()

    def _run(self, every: float) -> None:
        while not self._stop.wait(every):
            self.samples.append(os.getloadavg()[0])

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self.samples.append(os.getloadavg()[0])

    def summary(self) -> str:
        cpus = len(os.sched_getaffinity(0))
        busy = sum(sample > cpus for sample in self.samples)
        return (f"1-minute load average sampled {len(self.samples)} times: min {min(self.samples):.2f}, median "
                f"{statistics.median(self.samples):.2f}, max {max(self.samples):.2f}; above the {cpus} usable CPUs in "
                f"{busy} of {len(self.samples)} samples. The load counts this benchmark's own processes too; above "
                f"{cpus}, processes were waiting for a core.")
