"""The one CSV writer: RFC 4180 quoting, and no cell a spreadsheet would run as a formula.

OWASP's CSV injection rule: a cell that starts with `=`, `+`, `-`, `@`, tab, CR or LF (ASVS adds NUL;
defusedcsv adds `|` and `%`) is evaluated by Excel and LibreOffice, so it gets a leading `'`, which
spreadsheets show as text. Numbers (`-1.5`) stay numbers. The data itself is not changed: only what
is written to the file.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import IO, Any

FORMULA_TRIGGERS = frozenset("=+-@\t\r\n\0|%\uff1d\uff0b\uff0d\uff20")
"""Besides OWASP's list, the full-width ＝ ＋ － ＠, which Excel converts to formulas when typed in East Asian input."""
_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


def neutralise(cell: str) -> str:
    """`cell` as a spreadsheet may open it: itself, or `'` + itself when it would start a formula."""
    first = cell[:1]
    if first == " ":  # a leading space does not stop every spreadsheet: the first character after the spaces counts
        first = cell.lstrip(" ")[:1]
    if first in FORMULA_TRIGGERS and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


class SafeWriter:
    """A `csv.writer` whose every cell goes through `neutralise`."""

    def __init__(self, stream: IO[str]) -> None:
        self._writer = csv.writer(stream, lineterminator="\r\n")  # RFC 4180 line ends

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow(neutralise(str(cell)) for cell in row)

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_line(row: Iterable[Any]) -> str:
    """One row as SafeWriter writes it, line end included: for a row rendered once and joined many times."""
    buffer = io.StringIO()
    SafeWriter(buffer).writerow(row)
    return buffer.getvalue()
