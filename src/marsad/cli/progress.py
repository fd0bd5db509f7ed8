"""Progress bars on stderr (count, rate, errors) for long work."""

from __future__ import annotations

import sys
from types import TracebackType

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from marsad.cli.output import stderr


class RateColumn(TextColumn):
    def __init__(self) -> None:
        super().__init__("{task.fields[rate]}")


class CliProgress:
    """Implements :class:`marsad.pipeline.ingest.Progress` with a Rich bar on stderr."""

    def __init__(self, label: str, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._bar = Progress(
            TextColumn("{task.description}", markup=False, style="bold"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("errors: {task.fields[errors]}"),
            TimeElapsedColumn(),
            console=stderr,
            disable=not self.enabled,
            transient=False,
        )
        self._task: TaskID | None = None
        self._label = label
        self._done = 0

    def __enter__(self) -> CliProgress:
        self._bar.start()
        self._task = self._bar.add_task(self._label, total=None, rate="", errors=0)
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._bar.stop()

    def total(self, n: int) -> None:
        if self._task is not None:
            self._bar.update(self._task, total=n)

    def advance(self, n: int, errors: int) -> None:
        if self._task is None:
            return
        self._done += n
        task = self._bar.tasks[0]
        elapsed = task.elapsed or 0.0
        rate = f"{self._done / elapsed:,.0f}/s" if elapsed > 0 else ""
        self._bar.update(self._task, advance=n, rate=rate, errors=errors)
