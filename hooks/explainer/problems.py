"""Problems found in the data or the pages, each pointing at a file and a line."""

from __future__ import annotations

from dataclasses import dataclass


def printable(text: str) -> str:
    """`text` with every control, bidi, zero-width or other invisible character written as an escape
    (`\\x1b`, `\\u202e`): data quoted in a message must not drive the terminal or reorder the line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an editor must fix, printed as `file:line: where: message`."""

    file: str
    """Path as the editor knows it, relative to the project (`data/deployment.yml`)."""
    line: int
    """1-based line number; 0 when the whole file is concerned."""
    where: str
    """The field path (`facts[2].date`) or the shortcode; empty for file-wide problems."""
    message: str

    def __str__(self) -> str:
        location = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{location}: {self.where}: {self.message}" if self.where else f"{location}: {self.message}"
        return printable(text)


class ProblemsFound(Exception):
    """Raised with every problem of a build at once, so the editor can fix them in one go."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the explainer's facts:"
        super().__init__("\n".join([heading, *(f"  {p}" for p in self.problems)]))
