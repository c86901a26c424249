"""clean: the decoded text of a page → the text of the report, mapped back character by character.

Takes the original text; gives a `CleanText` whose `text` holds the report's lines (one per
paragraph, joined by "\\n") without site navigation, widgets, publication lines, link-sharing
chrome and footers, with indentation and stray whitespace removed. Cleaning only deletes
characters or replaces a whitespace character by one ASCII space, so every cleaned character
has exactly one original character: `offsets[i]` is the index in the original text of
`text[i]`. Any span we output can therefore be shown in the original file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarizer import lexicon as lx

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_SPACES = set(lx.SPACE_CHARS)
_TITLE_WORDS = tuple(w for _, words in lx.DOC_TYPES for w in words)
_TOP_HEADING_RES = [rx for name, rank, rx in lx.HEADING_STYLES if rank <= 2]


@dataclass(frozen=True)
class RemovedLine:
    """A line the cleaner dropped, by why and where (original offsets)."""

    reason: str  # "chrome" | "nav" | "footer"
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CleanText:
    original: str
    text: str
    offsets: tuple[int, ...]
    removed: tuple[RemovedLine, ...] = ()
    damaged_chars: int = 0
    warnings: tuple[str, ...] = field(default=())

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned span [start, end) to the original span that holds it."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside cleaned text of length {len(self.text)}")
        if start == end:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def original_slice(self, start: int, end: int) -> str:
        a, b = self.to_original(start, end)
        return self.original[a:b]


@dataclass
class _Line:
    start: int  # original offset of the first content character
    end: int  # original offset after the last content character
    newline: int | None  # original offset of the line break after it, if any
    content: str


def _lines(original: str) -> list[_Line]:
    out: list[_Line] = []
    for m in _LINE_RE.finditer(original):
        raw = m.group(0)
        if not raw:
            continue
        body = raw.rstrip("\r\n")
        newline = m.start() + len(body) if len(body) < len(raw) else None
        lstripped = body.lstrip(lx.SPACE_CHARS)
        content = lstripped.rstrip(lx.SPACE_CHARS)
        start = m.start() + (len(body) - len(lstripped))
        out.append(_Line(start, start + len(content), newline, content))
    return out


def is_chrome_line(content: str) -> bool:
    if not content or len(content) > lx.CHROME_MAX_LINE:
        return False
    return any(rx.search(content) for rx in lx.CHROME_LINE_RES)


def _is_top_anchor(content: str) -> bool:
    """The report's title or first heading: the page's top chrome ends before it."""
    if len(content) <= 80 and any(w in content for w in _TITLE_WORDS):
        return True
    return any(rx.match(content) for rx in _TOP_HEADING_RES)


def _footer_start(lines: list[_Line]) -> int | None:
    tail = 0
    has_heading_after = False
    for i in range(len(lines) - 1, -1, -1):
        content = lines[i].content
        if any(rx.match(content) for rx in _TOP_HEADING_RES):
            has_heading_after = True
        if any(rx.match(content) for rx in lx.FOOTER_START_RES):
            if tail <= lx.FOOTER_MAX_TAIL and not has_heading_after:
                start = i
                # keep looking upward: the footer starts at its first marker
                for j in range(i - 1, -1, -1):
                    if not lines[j].content:
                        continue
                    if any(rx.match(lines[j].content) for rx in lx.FOOTER_START_RES) or is_chrome_line(lines[j].content):
                        start = j
                    else:
                        break
                return start
        tail += len(content)
    return None


def clean_text(original: str) -> CleanText:
    lines = _lines(original)
    anchor = next((i for i, ln in enumerate(lines) if _is_top_anchor(ln.content)), None)
    if anchor is None:  # no title or heading: the top block ends at the first long paragraph
        anchor = next((i for i, ln in enumerate(lines) if len(ln.content) > 60), 0)
    footer = _footer_start(lines)

    removed: list[RemovedLine] = []
    kept: list[_Line] = []
    for i, ln in enumerate(lines):
        if not ln.content:
            continue
        reason = None
        if footer is not None and i >= footer:
            reason = "footer"
        elif is_chrome_line(ln.content):
            reason = "chrome"
        elif i < anchor and lx.NAV_LABEL_RE.match(ln.content):
            reason = "nav"
        if reason:
            removed.append(RemovedLine(reason, ln.start, ln.end, ln.content))
        else:
            kept.append(ln)

    chars: list[str] = []
    offsets: list[int] = []
    for k, ln in enumerate(kept):
        if k:
            prev = kept[k - 1]
            chars.append("\n")
            offsets.append(prev.newline if prev.newline is not None else prev.end)
        _emit_line(original, ln, chars, offsets)

    text = "".join(chars)
    damaged = text.count(lx.DAMAGED_CHAR)
    warnings = []
    if damaged:
        warnings.append(f"{damaged} damaged character(s) (U+FFFD) in the text: some words are missing")
    return CleanText(
        original=original,
        text=text,
        offsets=tuple(offsets),
        removed=tuple(removed),
        damaged_chars=damaged,
        warnings=tuple(warnings),
    )


def _emit_line(original: str, ln: _Line, chars: list[str], offsets: list[int]) -> None:
    """Copy one line, dropping whitespace between CJK characters and squeezing the rest."""
    i = ln.start
    end = ln.end
    while i < end:
        ch = original[i]
        if ch in _SPACES:
            j = i
            while j < end and original[j] in _SPACES:
                j += 1
            before = chars[-1] if chars else ""
            after = original[j] if j < end else ""
            if _is_ascii_word(before) and _is_ascii_word(after):
                chars.append(" ")
                offsets.append(i)
            i = j
            continue
        chars.append(ch)
        offsets.append(i)
        i += 1


def _is_ascii_word(ch: str) -> bool:
    return bool(ch) and ch.isascii() and (ch.isalnum() or ch in ".%+-/")
