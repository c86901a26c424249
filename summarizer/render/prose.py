"""Line breaking for the terminal: Chinese text breaks between characters, never inside a figure.

rich breaks lines at spaces only. Chinese has none, so rich sees a sentence as one long word and
folds it at whatever cell the width ends on: "达到9" / ".2万元", a line that is only "。", a
list marker left alone on its line. `Prose` is rich `Text` that breaks as Chinese typesetting
does: between any two Chinese characters and at spaces, but never inside a figure as
`rules.numbers.quantities` reads one, with the change word before it and the comparator after it
(9.2万元, 增长4.5%左右, 1.2个百分点, a range 5%—5.5%), inside a run of Latin letters and digits
(GDP, 2026.txt, 460-480), before closing punctuation or after opening punctuation. `Parts` is a line of fields joined by " · " that breaks only between the fields
where it can ("… · 3.3 s", never "3.3" / "s"). Only a piece wider than the whole line is folded.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions
from rich.containers import Lines
from rich.measure import Measurement
from rich.text import Text

from summarizer.lexicon import CHANGE_WORDS, COMPARATORS_AFTER
from summarizer.rules.numbers import quantities

#: No line starts with these (they close what comes before them).
CLOSING = set("。，、；：？！）》」』】〕〉”’％%‰…,.;:!?)]}")
#: No line ends with these (they open what comes after them).
OPENING = set("（《「『【〔〈“‘([{")
#: Printed in pairs that must stay together (——, ……).
DOUBLED = set("—…")
#: Between two figures these make one range (5%—5.5%, 4.5-5%).
RANGE_DASHES = set("-—–～~")
_WORD = re.compile(r"[A-Za-z0-9\uff10-\uff19_.%/\\\-+:#@'&=]+")
_CHANGE_WORDS = sorted(CHANGE_WORDS, key=len, reverse=True)
#: The separator of `Parts`.
SEPARATOR = " · "


@lru_cache(maxsize=4096)
def _glued(text: str) -> frozenset[int]:
    """Positions i (0 < i < len) where a line must not break before text[i] (besides spaces)."""
    glued: set[int] = set()
    spans = []
    for q in quantities(text):  # a figure with its change word and comparator: 增长5%左右
        before = next((w for w in _CHANGE_WORDS if text.endswith(w, 0, q.start)), "")
        after = next((w for w in COMPARATORS_AFTER if text.startswith(w, q.end)), "")
        spans.append((q.start - len(before), q.end + len(after)))
    for (a, b), (c, d) in zip(spans, spans[1:]):  # a range: 5%—5.5%
        if b < c and set(text[b:c]) <= RANGE_DASHES:
            spans.append((b, c + 1))
    spans += [m.span() for m in _WORD.finditer(text)]
    for a, b in spans:
        glued.update(range(a + 1, b))
    for i in range(1, len(text)):
        if text[i] in CLOSING or text[i - 1] in OPENING or (text[i] == text[i - 1] and text[i] in DOUBLED):
            glued.add(i)
        elif text[i].isdigit() and text[i - 1] == "," and i > 1 and text[i - 2].isdigit():  # 12,345
            glued.add(i)
    return frozenset(glued)


def pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces a line may break between, each with its trailing spaces."""
    glued = _glued(text)
    out: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(text)):
        breakable = text[i - 1].isspace() and not text[i].isspace() or (
            not text[i].isspace() and not text[i - 1].isspace() and i not in glued
        )
        if breakable:
            out.append((start, i))
            start = i
    if text:
        out.append((start, len(text)))
    return out


def divide(text: str, width: int, spans: Iterable[tuple[int, int]], fold: bool = True) -> list[int]:
    """Offsets to break `text` at so that each line fits `width` cells, breaking only between
    `spans` (the way rich's `divide_line` does between words); a span wider than `width` folds."""
    breaks: list[int] = []
    offset = 0
    for start, end in spans:
        piece = text[start:end]
        length = cell_len(piece.rstrip())
        if width - offset >= length:
            offset += cell_len(piece)
        elif length > width and fold:
            folded = chop_cells(piece, width)
            for n, line in enumerate(folded):
                if start and (offset or n):
                    breaks.append(start)
                start += len(line)
                offset = cell_len(line)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(piece)
        else:
            offset = cell_len(piece)
    return breaks


class Prose(Text):
    """rich `Text` that breaks lines as Chinese text is broken (see the module docstring)."""

    def spans_of(self, line: str) -> list[tuple[int, int]]:
        return pieces(line)

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify=None,
        overflow=None,
        tab_size: int = 8,
        no_wrap: Optional[bool] = None,
    ) -> Lines:
        """rich's `Text.wrap`, breaking between our pieces instead of at spaces only."""
        wrap_justify = justify or self.justify or "default"
        wrap_overflow = overflow or self.overflow or "fold"
        no_wrap = bool(no_wrap if no_wrap is not None else self.no_wrap) or overflow == "ignore"
        lines = Lines()
        for line in self.split(allow_blank=True):
            if "\t" in line:
                line.expand_tabs(tab_size)
            if no_wrap:
                if overflow == "ignore":
                    lines.append(line)
                    continue
                new_lines = Lines([line])
            else:
                plain = line.plain
                new_lines = line.divide(divide(plain, width, self.spans_of(plain), fold=wrap_overflow == "fold"))
                for part in new_lines:
                    part.rstrip_end(width)
            if wrap_justify:
                new_lines.justify(console, width, justify=wrap_justify, overflow=wrap_overflow)
            for part in new_lines:
                part.truncate(width, overflow=wrap_overflow)
            lines.extend(new_lines)
        return lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        lines = self.plain.split("\n")
        widest = max((cell_len(line) for line in lines), default=0)
        narrowest = max((cell_len(line[a:b].rstrip()) for line in lines for a, b in self.spans_of(line)), default=widest)
        return Measurement(narrowest, widest)


class Parts(Prose):
    """A line of fields joined by " · ": it breaks between fields, and inside a field only where
    the field alone is wider than the line."""

    def spans_of(self, line: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        start = 0
        for m in re.finditer(re.escape(SEPARATOR), line):
            out.append((start, m.end()))  # the field with its " · "; the next line starts with a field
            start = m.end()
        out.append((start, len(line)))
        return [(a, b) for a, b in out if a < b]

    def wrap(self, console: Console, width: int, **kwargs) -> Lines:
        plain = self.plain
        if all(cell_len(plain[a:b].strip()) <= width for line in plain.split("\n") for a, b in self.spans_of(line)):
            return super().wrap(console, width, **kwargs)
        return Prose.wrap(as_prose(self, exact=True), console, width, **kwargs)  # a field wider than the line


def as_prose(text: Text, *, exact: bool = False) -> Prose:
    """`text` as Prose, with its styles (itself where it is Prose already, unless `exact`)."""
    if type(text) is Prose or (isinstance(text, Prose) and not exact):
        return text
    p = Prose(text.plain, style=text.style, justify=text.justify, overflow=text.overflow, no_wrap=text.no_wrap, end=text.end)
    p._spans = list(text._spans)
    return p


def parts(fields: Iterable[str], style: str = "") -> Parts:
    return Parts(SEPARATOR.join(f for f in fields if f), style=style)
