"""clean: the decoded text of a page → the text of the report, mapped back character by character.

Takes the original text; gives a `CleanText` whose `text` holds the report's lines (one per
paragraph, joined by "\\n") without site navigation, widgets, publication lines, link-sharing
chrome and footers, with indentation and stray whitespace removed. What does not change meaning
is normalised here, once, so that no rule downstream sees a second form:
- full-width digits, letters, ％ ． ＋ － as ASCII (８．５％ → 8.5%), zero-width characters dropped;
- a line break inside a sentence (a line that does not end a sentence, followed by one that
  continues it, as fixed-width web pages and broken links print them) removed; headings stay
  headings;
- a text that lost its line breaks broken again before each heading marker after a sentence end.

Cleaning deletes characters, replaces a whitespace character by one ASCII space or a full-width
form by its ASCII form, and inserts a line break only where a text lost its own. So every cleaned
character has exactly one original character (an inserted break: the one before it):
`offsets[i]` is the index in the original text of `text[i]`. Any span we output can therefore be
shown in the original file.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from summarizer import lexicon as lx

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_SPACES = set(lx.SPACE_CHARS)
_TITLE_WORDS = tuple(w for _, words in lx.DOC_TYPES for w in words)
_TOP_HEADING_RES = [rx for name, rank, rx in lx.HEADING_STYLES if rank <= 2]
_HEADING_RES = [rx for name, rank, rx in lx.HEADING_STYLES]
_FULLWIDTH = lx.FULLWIDTH_FORMS
_CLAUSE_MARK_RE = re.compile(f"[{re.escape(lx.CLAUSE_MARKS)}]")
_INNER_STOP_RE = re.compile("[。！？!?]")
_SENTENCE_END_RE = re.compile(f"[{re.escape(lx.LINE_END_MARKS)}][{re.escape(lx.LINE_CLOSERS)}]*")
_PLAIN_FORBIDDEN_RE = re.compile(f"[{re.escape(lx.PLAIN_HEADING_FORBIDDEN)}]")


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

    def to_clean(self, start: int, end: int) -> tuple[int, int]:
        """Map an original span [start, end) to the cleaned span of the characters it holds."""
        return bisect_left(self.offsets, start), bisect_left(self.offsets, end)

    def original_slice(self, start: int, end: int) -> str:
        a, b = self.to_original(start, end)
        return self.original[a:b]


@dataclass
class _Line:
    start: int  # original offset of the first content character
    end: int  # original offset after the last content character
    newline: int | None  # original offset of the line break after it, if any
    content: str
    index: int  # the line's number in the original (blank lines count)


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
        out.append(_Line(start, start + len(content), newline, content, len(out)))
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


def normalised(content: str) -> str:
    """A line as the rules read it: full-width forms as ASCII."""
    return "".join(_FULLWIDTH.get(ch, ch) for ch in content)


def ends_sentence(line: str, colon: bool = True) -> bool:
    """Whether a line ends its sentence (a colon counts unless `colon` is False: in a wrapped
    text a line may break after one as anywhere else)."""
    line = line.rstrip(lx.LINE_CLOSERS)
    return not line or (line[-1] in lx.LINE_END_MARKS and (colon or line[-1] not in "：:"))


def _heading_like(line: str, ran_on: bool = False) -> bool:
    """A heading's own line (一、……, （一）……, a plain part title), or a title-like line: short,
    without running-text punctuation and not the continuation of the line before (a title, a
    date line, a speaker line)."""
    if any(rx.match(line) for rx in _HEADING_RES):
        return len(line) <= lx.TITLE_MAX and not _INNER_STOP_RE.search(line)
    if len(line) <= lx.PLAIN_HEADING_MAX and not _PLAIN_FORBIDDEN_RE.search(line) and lx.PLAIN_HEADING_RE.search(line):
        return True
    return not (_CLAUSE_MARK_RE.search(line) or ran_on or len(line) >= lx.RUNNING_LINE_MIN)


def _starts_paragraph(line: str) -> bool:
    return line.startswith(lx.PARAGRAPH_OPENERS) or any(rx.match(line) for rx in _HEADING_RES)


def is_wrapped(lines: list[str]) -> bool:
    """Whether a text is broken into lines inside its sentences: most of its lines of running text
    end without a sentence end (one paragraph per line ends nearly all of them with one)."""
    running = [ln for ln in lines if len(ln) >= 10 and _CLAUSE_MARK_RE.search(ln) and not any(rx.match(ln) for rx in _HEADING_RES)]
    open_lines = sum(1 for ln in running if not ends_sentence(ln))
    return len(running) >= lx.WRAPPED_MIN_LINES and open_lines >= lx.WRAPPED_MIN_SHARE * len(running)


def continues(prev: str, nxt: str, wrapped: bool, ran_on: bool = False) -> bool:
    """Whether line `nxt` continues the sentence of line `prev` (both normalised; `ran_on`: the
    line before prev continued into it). Always where one side says so (prev ends in 的/，/《, nxt
    opens with ，/》/是); in a wrapped text also where prev is running text that stops without a
    sentence end. Never after a sentence end, a heading or a title line, and never before a
    heading or a paragraph opener."""
    if ends_sentence(prev, colon=not wrapped) or _starts_paragraph(nxt):
        return False
    if prev[-1] in lx.CONTINUING_LINE_ENDS or nxt[0] in lx.CONTINUING_LINE_STARTS:
        return not (any(rx.match(prev) for rx in _HEADING_RES) and len(prev) <= lx.TITLE_MAX and prev[-1] not in "，,、（(《“")
    return wrapped and not _heading_like(prev, ran_on)


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

    contents = [normalised(ln.content) for ln in kept]
    wrapped = is_wrapped(contents)
    chars: list[str] = []
    offsets: list[int] = []
    ran_on = False
    for k, ln in enumerate(kept):
        joined = k > 0 and ln.index == kept[k - 1].index + 1 and continues(contents[k - 1], contents[k], wrapped, ran_on)
        if k and not joined:
            prev = kept[k - 1]
            chars.append("\n")
            offsets.append(prev.newline if prev.newline is not None else prev.end)
        ran_on = joined
        _emit_line(original, ln, chars, offsets)
    _restore_breaks(chars, offsets)

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


def _restore_breaks(chars: list[str], offsets: list[int]) -> None:
    """In a line longer than LOST_BREAKS_LINE (a text without its line breaks), a break before each
    heading marker or paragraph opener that follows a sentence end; the break maps to the
    character before it."""
    text = "".join(chars)
    at: list[int] = []
    pos = 0
    for line in text.split("\n"):
        if len(line) > lx.LOST_BREAKS_LINE:
            for m in _SENTENCE_END_RE.finditer(line):
                head = line[m.end() : m.end() + 24]
                if head and _starts_paragraph(head):
                    at.append(pos + m.end())
        pos += len(line) + 1
    for p in reversed(at):
        chars.insert(p, "\n")
        offsets.insert(p, offsets[p - 1])


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
        chars.append(_FULLWIDTH.get(ch, ch))
        offsets.append(i)
        i += 1


def _is_ascii_word(ch: str) -> bool:
    return bool(ch) and ch.isascii() and (ch.isalnum() or ch in ".%+-/")
