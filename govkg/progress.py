"""Progress of long CLI runs on stderr: a live line on a terminal, plain periodic lines otherwise.

The ETA comes from the overall rate (items done / time elapsed), not from the last few
steps: loads finish reports in batches (many at once after a long transaction), which
made a step-based estimate swing from seconds to twenty minutes.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

TERMINAL_INTERVAL = 0.2
"""Seconds between redraws of the live line on a terminal."""

PLAIN_INTERVAL = 10.0
"""Seconds between plain lines when stderr is a file or a pipe (logs, CI)."""


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """Counts items done out of ``total`` and reports them on ``stream``; a context manager.

    Args:
        total: How many items there are; with one or none nothing is printed.
        label: What is being done ("loading").
        stream: Where to write (stderr by default).
        interval: Seconds between reports (default: by whether ``stream`` is a terminal).
        clock: A monotonic clock, in seconds.
    """

    def __init__(self, total: int, label: str, stream: TextIO | None = None, interval: float | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total, self.label, self.done = total, label, 0
        self.stream = stream or sys.stderr
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval if interval is not None else (TERMINAL_INTERVAL if self.live else PLAIN_INTERVAL)
        self.clock = clock
        self.enabled = total > 1
        self.started = self.last = clock()

    def __enter__(self) -> Progress:
        if self.enabled and not self.live:
            self._write(f"{self.label}: 0/{self.total}")
        return self

    def __exit__(self, *_: object) -> None:
        if self.enabled:
            self._report()
            if self.live:
                self.stream.write("\n")
                self.stream.flush()

    def line(self) -> str:
        """The current report: count, share, rate and ETA."""
        elapsed = max(self.clock() - self.started, 1e-9)
        share = 100 * self.done // self.total if self.total else 100
        text = f"{self.label}: {self.done}/{self.total} ({share}%) in {_duration(elapsed)}"
        if 0 < self.done < self.total:
            rate = self.done / elapsed
            text += f", {rate:.2f}/s, ETA {_duration((self.total - self.done) / rate)}"
        return text

    def update(self, steps: int = 1) -> None:
        """Count ``steps`` more items done; report if the interval has passed."""
        self.done += steps
        if self.enabled and self.clock() - self.last >= self.interval and self.done < self.total:
            self._report()

    def _report(self) -> None:
        self.last = self.clock()
        self._write(self.line())

    def _write(self, text: str) -> None:
        if self.live:
            self.stream.write("\r" + text + "\x1b[K")
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
