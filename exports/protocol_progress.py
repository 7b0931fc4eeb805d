"""Progress of an export told in percent: each stage of the work takes its share of 100."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
ALL = 100


class Percent:
    """Tells ``progress(done, 100)``, only when the percentage grows, and ``(100, 100)`` at the end."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress
        self._told = -1

    def _tell(self, percent: int) -> None:
        if self._progress is not None and percent > self._told:
            self._told = percent
            self._progress(percent, ALL)

    def stage(self, start: int, end: int) -> Progress:
        """A callback for one stage's own ``(done, total)``, spread over ``start`` to ``end`` percent."""

        def told(done: int, total: int) -> None:
            share = min(max(done, 0), total) / total if total > 0 else 1.0
            self._tell(start + int((end - start) * share))

        return told

    def finished(self) -> None:
        self._tell(ALL)
