"""The terminal chart of a series, and the scale it shares with the matplotlib charts.

One line per year in ASCII (one display width in a CJK terminal): the target's band (=), its
number (|), an open side (---> for 以上, <--- for 以内) and the result (* met, o within band,
X missed, . a figure without a verdict), on a scale as wide as the console allows (any width
from 40 columns), then the result's figure and the year's status. A figure printed in another
measure or unit than the series' is not drawn; its place says "?".

The chart holds numbers and labels of our own only, never report text: the report's words are in
the table under it (render/series.py).
"""

from __future__ import annotations

import math
from typing import Callable, Optional

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from schemas.series import SERIES_STATUS_LABELS, IndicatorSeries, SeriesYear

STATUS_STYLES = {
    "met": "green", "within_band": "yellow", "missed": "red", "no_result": "dim", "not_comparable": "dim", "undecided": "dim",
    "no_target": "dim", "no_report": "dim", "no_next_report": "dim",
}
#: The result's mark in the terminal chart, by the year's status; a figure without a verdict is "."
RESULT_MARKS = {"met": "*", "within_band": "o", "missed": "X"}
LEGEND = (
    "target: = the band of 左右   | its number   |---> 以上   <---| 以内",
    "result: * met   o within band   X missed   . a figure without a verdict",
)


def fmt(x: Optional[float]) -> str:
    return "" if x is None else f"{x:g}"


# ---------------------------------------------------------------------------------------------
# Scale, shared by the terminal and the matplotlib charts
# ---------------------------------------------------------------------------------------------


def charted(s: IndicatorSeries, y: SeriesYear) -> bool:
    """Whether the year's numbers are in the series' measure and unit (else not drawn)."""
    return y.measure == s.measure and y.unit == s.unit and (y.target_low is not None or y.result_number is not None)


def value_range(s: IndicatorSeries) -> Optional[tuple[float, float]]:
    """The values a chart of the series must show: every target's number and band, every result."""
    values: list[float] = []
    for y in s.years:
        if not charted(s, y):
            continue
        for v in (y.target_low, y.target_high, y.result_number):
            if v is not None:
                values.append(v)
        if y.band is not None and y.target_low is not None and y.target_high is not None:
            values += [y.target_low - y.band, y.target_high + y.band]
        if y.comparator == "positive":
            values.append(0.0)
    if not values:
        return None
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.06 or max(abs(hi) * 0.1, 1.0)
    return lo - pad, hi + pad


def nice_ticks(lo: float, hi: float, most: int = 5) -> list[float]:
    """Round values (1, 2, 2.5, 5 x 10^k steps) between lo and hi, at most `most` of them."""
    span = hi - lo
    if span <= 0:
        return [lo]
    for step_mult in (1, 2, 2.5, 5, 10, 20, 25, 50, 100):
        step = 10 ** math.floor(math.log10(span / most)) * step_mult
        first = math.ceil(lo / step) * step
        ticks = [round(first + i * step, 10) for i in range(int((hi - first) / step) + 1)]
        if len(ticks) <= most:
            return ticks
    return [lo, hi]


# ---------------------------------------------------------------------------------------------
# The strip chart
# ---------------------------------------------------------------------------------------------


class StripChart:
    """One line per year: the year, the target and result on a scale as wide as the console
    allows, the result's figure and the year's status. ASCII only (one cell per character)."""

    LABEL = max(len(label) for label in SERIES_STATUS_LABELS.values())  # "no result printed"
    NARROWEST = 40

    def __init__(self, s: IndicatorSeries) -> None:
        self.s = s

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.NARROWEST, options.max_width)

    def _figure(self, y: SeriesYear) -> str:
        """The result's number as drawn, "?" for a figure in another measure or unit, "-" for none."""
        if y.result_number is None or not charted(self.s, y):
            return "?" if y.result is not None else "-"
        return {"at_least": ">", "at_most": "<"}.get(y.result_bound or "", "") + fmt(y.result_number)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width, self.NARROWEST)
        figures = max([7] + [len(self._figure(y)) for y in self.s.years])
        w = max(width - 5 - 2 - (figures + 2) - self.LABEL, 10)  # year + space, the two edges, the figure, the label

        def right(y: SeriesYear) -> Text:
            return Text.assemble(f" {self._figure(y):>{figures}} ", (SERIES_STATUS_LABELS[y.status], STATUS_STYLES[y.status]))

        rng = value_range(self.s)
        if rng is None:
            for y in self.s.years:
                yield Text.assemble(f"{y.year} ", "|" + " " * w + "|", right(y))
            return
        lo, hi = rng

        def pos(v: float) -> int:
            return max(0, min(w - 1, round((v - lo) / (hi - lo) * (w - 1))))

        yield from self._axis(lo, hi, w, pos)
        for y in self.s.years:
            cells = [" "] * w
            styles = [""] * w
            if charted(self.s, y) and y.target_low is not None and y.target_high is not None:
                self._draw_target(y, cells, styles, pos, w)
            if charted(self.s, y) and y.result_number is not None:
                p = pos(y.result_number)
                cells[p] = RESULT_MARKS.get(y.status, ".")
                styles[p] = "bold " + STATUS_STYLES[y.status] if y.status in RESULT_MARKS else ""
            line = Text(f"{y.year} |" + "".join(cells) + "|")
            start = 0
            for i in range(1, w + 1):  # a span per run of one style (not a span per cell)
                if i == w or styles[i] != styles[start]:
                    if styles[start]:
                        line.stylize(styles[start], 6 + start, 6 + i)
                    start = i
            line.append_text(right(y))
            yield line

    def _axis(self, lo: float, hi: float, w: int, pos: Callable[[float], int]) -> RenderResult:
        """The tick labels and the axis above the years."""
        ticks = [t for t in nice_ticks(lo, hi) if lo <= t <= hi]
        axis, labels = [" "] * w, [" "] * w
        for t in ticks:
            p = pos(t)
            axis[p] = "+"
            label = fmt(t)
            start = min(max(0, p - len(label) // 2), w - len(label))
            if all(c == " " for c in labels[max(0, start - 1) : start + len(label) + 1]):
                labels[start : start + len(label)] = list(label)
        unit = "pt" if self.s.measure == "rate" and self.s.unit == "个百分点" else (self.s.unit or "")
        yield Text(" " * 6 + "".join(labels) + f"  {unit}", style="dim")
        yield Text(" " * 5 + "+" + "".join("-" if c == " " else c for c in axis) + "+", style="dim")

    @staticmethod
    def _draw_target(y: SeriesYear, cells: list[str], styles: list[str], pos: Callable[[float], int], w: int) -> None:
        low, high, c = y.target_low, y.target_high, y.comparator
        band_style, mark_style = "cyan", "bold cyan"

        def fill(a: int, b: int, ch: str) -> None:
            for i in range(min(a, b), max(a, b) + 1):
                cells[i], styles[i] = ch, band_style

        if c == "about" and y.band is not None:
            fill(pos(low - y.band), pos(high + y.band), "=")
        elif c == "range":
            fill(pos(low), pos(high), "=")
        elif c in ("at_least", "above", "positive"):
            start = pos(0.0 if c == "positive" else low)
            fill(start, w - 1, "-")
            cells[w - 1] = ">"
        elif c in ("at_most", "below"):
            end = pos(high)
            fill(0, end, "-")
            cells[0] = "<"
        if c != "range":
            p = pos(0.0 if c == "positive" else low)
            cells[p], styles[p] = "|", mark_style
