"""PDF lines → paragraphs: a line of a page with its geometry, and the rules that join lines.

A line continues the paragraph above when that one reached the right margin (or stopped short by
less than this line's first word, as ragged text does) and this one is neither indented, nor in
another font size, nor after a larger gap, nor a heading after a full stop in a text without
indents. Lines of a title centred in a larger size are one line. Lines are joined with nothing
between two Chinese characters and a space between two Latin words or numbers; nothing is
de-hyphenated. `summarizer.read.pdf` reads the lines.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from summarizer import lexicon as lx

_PARAGRAPH_END = "。！？!?；;：:"
#: Punctuation a line may not begin with, nor (the opening kind) end with.
_NO_LINE_START = "，。、；：？！,.;:?!”’」』）)》〉%％"
_NO_LINE_END = "“‘「『（(《〈"


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    y: float  # baseline, from the bottom of the page
    size: float  # font size in points
    page: int
    page_height: float = 0.0
    #: Width of the line's first unbreakable piece (a Latin word or number, or a Chinese
    #: character with the punctuation that may not begin a line): what did not fit above.
    first_width: float = 0.0
    #: Read back with pypdf: PDFium left it out (see `_dropped_objects`).
    recovered: bool = False


def first_piece(text: str) -> int:
    """How many characters the first piece of `text` has that a line break cannot split (see
    `Line.first_width`): a Latin word or number, or a Chinese character, with the punctuation
    that may not end a line before it and that may not begin one after it."""
    n = 0
    while n < len(text) and text[n] in _NO_LINE_END:
        n += 1
    if n < len(text) and text[n].isascii() and text[n].isalnum():
        while n < len(text) and text[n].isascii() and (text[n].isalnum() or text[n] in ".,%-/+:"):
            n += 1
    else:
        n += 1
    while n < len(text) and text[n] in _NO_LINE_START:
        n += 1
    return max(1, min(n, len(text)))


@dataclass(frozen=True)
class _Layout:
    """The body text's geometry: its size, margins and line spacing."""

    body_size: int
    left: float
    right: float
    leading: float
    indents: bool  # paragraphs start with an indented first line

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2

    def centred(self, ln: Line, size: float) -> bool:
        return ln.x0 > self.left + size and abs((ln.x0 + ln.x1) / 2 - self.centre) < 1.5 * size

    @classmethod
    def of(cls, lines: list[Line]) -> "_Layout":
        body_size = Counter(round(ln.size) for ln in lines).most_common(1)[0][0] or 12
        body = [ln for ln in lines if round(ln.size) == body_size]
        lefts = sorted(ln.x0 for ln in body)
        left = lefts[int(0.05 * (len(lefts) - 1))]  # indented and centred lines stand to its right
        rights = sorted(ln.x1 for ln in body)
        right = rights[int(0.95 * (len(rights) - 1))]
        gaps = [a.y - b.y for a, b in zip(body, body[1:]) if a.page == b.page and a.y > b.y]
        leading = statistics.median(gaps) if gaps else 1.5 * body_size
        indented = sum(1 for ln in body if left + 1.2 * body_size < ln.x0 < left + 3.5 * body_size)
        return cls(body_size, left, right, leading, indented >= max(2, 0.03 * len(body)))


def paragraphs(lines: list[Line]) -> list[str]:
    """The lines, top to bottom, joined into paragraphs (see the module docstring)."""
    if not lines:
        return []
    layout = _Layout.of(lines)
    out: list[str] = []
    current = ""
    prev: Line | None = None
    for ln in lines:
        if prev is None or _starts_paragraph(prev, ln, layout):
            if current:
                out.append(current)
            current = ln.text
        else:
            current = join_lines(current, ln.text)
        prev = ln
    if current:
        out.append(current)
    return out


def _starts_paragraph(prev: Line, ln: Line, layout: "_Layout") -> bool:
    """Whether `ln` starts a new paragraph rather than continuing `prev`'s."""
    size = max(ln.size, 1.0)
    if abs(prev.size - ln.size) >= 0.5:
        return True  # a heading in another size, or back to the body after one
    if ln.page == prev.page and prev.y - ln.y > 1.6 * max(layout.leading, size):
        return True  # a blank line's gap
    if size > layout.body_size + 0.5 and layout.centred(ln, size) and abs((prev.x0 + prev.x1) / 2 - layout.centre) < 1.5 * size:
        # a title set over centred lines in a larger size; a subtitle or date line is its own
        return ln.text[:1] in "—(（" or prev.text[-1:] in _PARAGRAPH_END
    if ln.x0 > layout.left + 1.2 * size:
        return True  # an indented first line, or a centred heading
    if prev.text[-1:] in _NO_LINE_END:
        return False  # an opening quote or bracket never ends a paragraph
    gap = layout.right - prev.x1
    if gap > max(1.5 * size, ln.first_width + 0.5 * size):
        # the line above ended before the margin with room for this one's first word: the end
        # of a paragraph, or a heading; a line of ragged text ends a little short without a stop
        return prev.text[-1:] in _PARAGRAPH_END or gap > 4 * size
    if not layout.indents and lx.PDF_HEADING_RE.match(ln.text) and prev.text[-1:] in _PARAGRAPH_END:
        return True  # a heading in a text whose paragraphs are not indented
    return False


def join_lines(a: str, b: str) -> str:
    """Two lines of one paragraph: nothing between Chinese, a space between Latin words or numbers."""
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return a + " " + b
    return a + b
