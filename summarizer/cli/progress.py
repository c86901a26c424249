"""Progress on stderr while documents and sections are processed (stdout stays clean for --json)."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Optional

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn


class SectionProgress:
    """Adapts pipeline progress events to a rich progress bar (one bar per document)."""

    def __init__(self, progress: Progress, overall: Optional[TaskID] = None) -> None:
        self.progress = progress
        self.overall = overall
        self.task: Optional[TaskID] = None

    def __call__(self, event: str, **info) -> None:
        if event == "plan":
            name = str(info.get("path", "")).rsplit("/", 1)[-1]
            if self.task is not None:
                self.progress.remove_task(self.task)
            self.task = self.progress.add_task(f"  {name}", total=max(1, info["units"]))
            if info["units"] == 0:
                self.progress.update(self.task, completed=1)
        elif event == "unit_start" and self.task is not None:
            paths = ", ".join(info["unit"].paths)
            self.progress.update(self.task, description=f"  {paths}")
        elif event == "unit_done" and self.task is not None:
            self.progress.advance(self.task)

    def finish(self) -> None:
        if self.task is not None:
            self.progress.remove_task(self.task)
            self.task = None


@contextmanager
def progress_display(console: Optional[Console] = None, *, enabled: bool = True) -> Iterator[Progress]:
    console = console or Console(stderr=True)
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(bar_width=24),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not enabled,
    )
    with progress:
        yield progress
