"""The first screen at once: `summarize` shows the rules' brief (metadata, headline metrics,
problems, targets) as soon as the report is parsed, and each area's picks as the model's
answers arrive.

On a terminal a rich live view redraws the brief with a line saying how many areas are still
asked about, and prints the whole brief when the run ends. Elsewhere (a pipe, a file) the
output is plain and only grows: the rules' brief first, then each area's items as they arrive,
then the warnings and the usage line.
"""

from __future__ import annotations

from typing import Optional

from rich.console import Console, Group, RenderableType
from rich.live import Live
from rich.text import Text

from schemas.summary import DocumentSummary

from summarizer.render.common import print_view
from summarizer.render.summary import area_items, brief, usage_table, usage_text


def _without_usage(summary: DocumentSummary) -> RenderableType:
    group = brief(summary)
    return Group(*group.renderables[:-1]) if isinstance(group, Group) else group  # the usage line says 0 calls yet


class LiveBrief:
    """A pipeline progress callback that shows the brief while it fills in."""

    def __init__(self, console: Console, *, live: Optional[bool] = None) -> None:
        self.console = console
        self.live = console.is_terminal if live is None else live
        self.summary: Optional[DocumentSummary] = None
        self.total = 0
        self.done = 0
        self._live: Optional[Live] = None
        self._shown_warnings: set[str] = set()

    def __call__(self, event: str, **info) -> None:
        if event == "plan":
            self.summary = info["summary"].model_copy(deep=True)
            self.total = info["units"]
            self._start()
        elif event == "unit_done" and self.summary is not None:
            items = info["items"]
            self.summary.achievements.extend(items.achievements)
            self.summary.tasks.extend(items.tasks)
            self.done += 1
            self._update(items)

    def _status(self) -> Text:
        left = self.total - self.done
        return Text(f"asking the model about {left} more part(s) of the report …" if left else "", style="dim")

    def _start(self) -> None:
        assert self.summary is not None
        self._shown_warnings = set(self.summary.warnings)
        if self.live:
            self._live = Live(Group(_without_usage(self.summary), self._status()), console=self.console, transient=True, auto_refresh=False, vertical_overflow="crop")
            self._live.start(refresh=True)
        else:
            print_view(self.console, _without_usage(self.summary))

    def _update(self, items) -> None:
        assert self.summary is not None
        if self._live is not None:
            self._live.update(Group(_without_usage(self.summary), self._status()), refresh=True)
            return
        new = self.summary.model_copy(update={"achievements": items.achievements, "tasks": items.tasks})
        for title, rows in area_items(new):
            for area, line, subs in rows:
                print_view(self.console, Text(f"{title} · {area}" + (f": {line}" if line else "")), *(Text(f"    - {sub}") for sub in subs))

    def finish(self, summary: DocumentSummary, *, usage: bool = False) -> None:
        """The run ended: the whole brief on a terminal; elsewhere what is not shown yet."""
        if self._live is not None:
            self._live.stop()
            self._live = None
        if self.live or self.summary is None:
            print_view(self.console, brief(summary))
        else:
            print_view(self.console, *(Text(f"warning: {w}") for w in summary.warnings if w not in self._shown_warnings), usage_text(summary))
        if usage:
            print_view(self.console, usage_table(summary))

    def abort(self) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None
