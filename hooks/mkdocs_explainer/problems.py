"""Problems found in the data or the pages, each pointing at a file and a line."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


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


def unexpected(error: BaseException) -> Problem:
    """A Problem for an error nobody foresaw: what it says, without the traceback (that goes to the debug log)."""
    text = " ".join(str(error).split())[:500] or "no message"
    return Problem("(the build)", 0, "", f"stopped on an unexpected error: {type(error).__name__}: {text}. "
                   "Run `mkdocs serve -v` for the details.")


def survive_preview(
    serving: Callable[[], bool], log: logging.Logger, fallback: Callable[..., Any] | None = None,
    build_error: Callable[[str], Exception] = RuntimeError,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a build event so that no exception escapes it in the preview.

    MkDocs' live-reload server answers no request until a rebuild succeeds ("The server will appear stuck
    until build errors are resolved"), so under `mkdocs serve` every exception becomes problems, logged and
    handed to `fallback(problems, *args, **kwargs)` (default: the event's first argument comes back
    unchanged). In a build, an unforeseen error becomes `build_error` with a one-line message; the
    traceback goes to the debug log (`-v`) either way.
    """

    def decorate(event: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(event)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                return event(*args, **kwargs)
            except Exception as error:
                module = type(error).__module__
                own = module == "mkdocs" or module.startswith("mkdocs.")  # PluginError and friends: clean already
                foreseen = own or isinstance(error, ProblemsFound)
                if not foreseen:
                    log.debug(f"{getattr(event, '__name__', 'a build event')} failed", exc_info=error)
                if not serving():
                    if own:
                        raise
                    raise build_error(str(error) if foreseen else str(unexpected(error))) from None
                if isinstance(error, ProblemsFound):
                    problems = error.problems
                else:
                    problems = [unexpected(error) if not foreseen else Problem("(the build)", 0, "", str(error))]
                log.error("\n".join(str(problem) for problem in problems))
                if fallback is not None:
                    return fallback(problems, *args, **kwargs)
                return args[0] if args else None
        return guarded

    return decorate


def surviving_method(
    fallback: str | None = None, build_error: Callable[[str], Exception] = RuntimeError,
    log: logging.Logger | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """`survive_preview` for a plugin's event methods: the instance's `serving` flag, and its method named
    `fallback` (called with the problems and the event's arguments)."""

    def decorate(method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def guarded(self: Any, *args: Any, **kwargs: Any) -> Any:
            handler = getattr(self, fallback) if fallback else None
            event = functools.partial(method, self)
            logger = log or logging.getLogger("mkdocs.plugins.explainer")
            return survive_preview(lambda: self.serving, logger, handler, build_error)(event)(*args, **kwargs)
        return guarded

    return decorate
