"""A progress bar on stderr for long runs (tqdm).

It shows only when stderr is a terminal, never with ``--quiet``, and only once a run has lasted
a moment, so short runs and piped or logged output stay clean.
"""
from __future__ import annotations

import sys

# Seconds before the bar appears: a run shorter than this prints nothing.
DELAY = 1.0


class Progress:
    def __init__(self, label: str, total: int | None = None, quiet: bool = False, stream=None,
                 delay: float = DELAY):
        stream = stream or sys.stderr
        self._bar = None
        if quiet or not _is_terminal(stream):
            return
        from tqdm import tqdm

        self._bar = tqdm(total=total, desc=label, unit=" doc", file=stream, delay=delay, dynamic_ncols=True,
                         leave=False, smoothing=0.1)

    @property
    def enabled(self) -> bool:
        return self._bar is not None

    def update(self, n: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
