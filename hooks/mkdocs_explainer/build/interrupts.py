"""Ctrl-C and `kill` during a build: the published folder stays as it was and no staging folder is left.

Python turns SIGINT into KeyboardInterrupt, which is not an `Exception`: a host that reports failures only
for `Exception`s (MkDocs' `on_build_error`) never hears of it and may publish a half-built folder in its
`finally`. SIGTERM, by default, ends the process at once, with no `finally` and no cleanup. `Interrupts`
records either signal and raises KeyboardInterrupt for both, so cleanup code runs and can ask whether the
build was interrupted; `held()` postpones them while the site is swapped in, so a swap is never half done.
Installed only for one-shot builds, and only from the main thread (Python's rule for signal handlers).
"""

from __future__ import annotations

import atexit
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupts:
    def __init__(self) -> None:
        self.received: int | None = None
        self._previous: dict[int, Any] = {}
        self._holding = False
        self._cleanups: list[Callable[[], None]] = []
        self._at_exit_registered = False

    def install(self) -> None:
        """Start listening (a no-op outside the main thread, where Python refuses handlers)."""
        if threading.current_thread() is not threading.main_thread() or self._previous:
            return
        self.received = None
        for number in SIGNALS:
            self._previous[number] = signal.signal(number, self._handle)
        if not self._at_exit_registered:
            atexit.register(self._run_cleanups)
            self._at_exit_registered = True

    def uninstall(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        self._previous = {}

    def at_exit(self, cleanup: Callable[[], None]) -> None:
        """Run `cleanup` when the interpreter exits, if nobody ran it before (`cleanup` must be idempotent)."""
        self._cleanups.append(cleanup)

    def _run_cleanups(self) -> None:
        while self._cleanups:
            self._cleanups.pop()()

    def _handle(self, number: int, frame: FrameType | None) -> None:
        self.received = number
        if not self._holding:
            raise KeyboardInterrupt(signal.Signals(number).name)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Record signals without raising until the block ends (then raise, if one came)."""
        self._holding = True
        try:
            yield
        finally:
            self._holding = False
        if self.received is not None and self._previous:
            raise KeyboardInterrupt(signal.Signals(self.received).name)
