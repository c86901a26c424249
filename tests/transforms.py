"""Meaning-preserving transforms of a report's text, for the robustness suite.

Each transform takes the text of a report (one paragraph per line, as a publisher's source has
it) and gives the same report as another layout or printing would carry it: lines broken inside
sentences, figures in full-width characters, headings without numbers, part titles without
keywords, no title or speaker lines, the year's results paragraph after the five-year review, no
line breaks at all, traditional script, a web page or a PDF around it. A reader finds the same
targets, results and problems in every one; so must the tool (tests/test_robustness.py).

Transforms are deterministic: where one chooses positions, it draws them from a generator seeded
by the text itself.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from typing import Callable

from tests import makers

_CN = "一二三四五六七八九十"
#: Line-start heading markers of the heading grammar (第一部分, 一、, （一）, 1., （1）).
HEADING_MARKER_RE = re.compile(
    rf"^(?:第[{_CN}]{{1,3}}(?:部分|章)|[{_CN}]{{1,3}}\s*[、.．]|[(（]\s*[{_CN}]{{1,3}}\s*[)）]|\d{{1,2}}\s*(?:[、．]|\.(?!\d))|[(（]\s*\d{{1,2}}\s*[)）])\s*"
)
PART_MARKER_RE = re.compile(rf"^(?:第[{_CN}]{{1,3}}(?:部分|章)|[{_CN}]{{1,3}}\s*[、.．])\s*")
SENTENCE_END = "。！？；!?;"
_TRIGGER_RE = re.compile(r"主要(?:预期)?目标|预期目标")


def _rng(text: str, salt: str) -> random.Random:
    return random.Random(int(hashlib.sha256((salt + text).encode("utf-8")).hexdigest()[:16], 16))


def _is_heading_line(line: str) -> bool:
    return bool(HEADING_MARKER_RE.match(line)) and len(line) <= 48 or (len(line) <= 24 and not re.search(r"[，。；：,;:]", line))


# ---------------------------------------------------------------------------------------------
# Line breaks
# ---------------------------------------------------------------------------------------------


def wrap_lines(text: str) -> str:
    """Line breaks inside sentences, every 20–60 characters, as a web page's fixed-width text
    has them (a break never falls right after a sentence end, so each one is inside a sentence),
    and around the targets trigger (今年经济社会发展的⏎主要预期目标⏎是：……). Heading lines stay whole."""
    rng = _rng(text, "wrap")
    out = []
    for line in text.split("\n"):
        if _is_heading_line(line) or len(line) <= 20:
            out.append(line)
            continue
        cuts = set()
        pos = rng.randint(20, 60)
        while pos < len(line) - 1:
            if line[pos - 1] not in SENTENCE_END:
                cuts.add(pos)
            pos += rng.randint(20, 60)
        for m in _TRIGGER_RE.finditer(line):
            for at in (m.start(), m.end()):
                if 0 < at < len(line) and line[at - 1] not in SENTENCE_END:
                    cuts.add(at)
        pieces, last = [], 0
        for c in sorted(cuts):
            pieces.append(line[last:c])
            last = c
        pieces.append(line[last:])
        out.append("\n".join(pieces))
    return "\n".join(out)


def remove_line_breaks(text: str) -> str:
    """Every line break gone: the text as one line (a page whose <p> tags were stripped)."""
    return "".join(line.strip() for line in text.split("\n"))


# ---------------------------------------------------------------------------------------------
# Characters
# ---------------------------------------------------------------------------------------------

_TO_FULL = {c: chr(ord(c) + 0xFEE0) for c in "0123456789%.+-ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"}


def full_width(text: str) -> str:
    """Digits, Latin letters and ％ ． ＋ － in their full-width forms (增长８．５％, ＧＤＰ)."""
    return "".join(_TO_FULL.get(c, c) for c in text)


def traditional(text: str) -> str:
    """The repost in traditional script."""
    return makers.traditional(text)


# ---------------------------------------------------------------------------------------------
# Headings and front matter
# ---------------------------------------------------------------------------------------------


def drop_heading_numbers(text: str) -> str:
    """Heading lines without their numbers (一、 （一） 1. （1） 第一部分 removed)."""
    return "\n".join(HEADING_MARKER_RE.sub("", line, count=1) if _is_heading_line(line) else line for line in text.split("\n"))


#: Part titles without a keyword, as thematic reports print them.
NEUTRAL_TITLES = ("砥砺奋进开新局", "乘势而上谱新篇", "凝心聚力促发展", "勇毅前行担使命", "踔厉奋发向未来", "笃行不怠启新程", "同心协力创佳绩")


def rename_part_titles(text: str) -> str:
    """Every part title (一、……, 第一部分……) replaced by a phrase without a keyword or a year
    ("一、砥砺奋进开新局"): the kind and the year of a part must come from what it says."""
    out, k = [], 0
    for line in text.split("\n"):
        m = PART_MARKER_RE.match(line)
        if m and len(line) <= 48 and "。" not in line:
            out.append(m.group(0) + NEUTRAL_TITLES[k % len(NEUTRAL_TITLES)])
            k += 1
        else:
            out.append(line)
    return "\n".join(out)


def drop_front_matter(text: str) -> str:
    """No title, date or speaker lines: the report opens with its first full paragraph, as
    reposts print it."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if len(line) > 20 and "。" in line or line.startswith("各位代表"):
            return "\n".join(lines[i:])
    return text


# ---------------------------------------------------------------------------------------------
# The year's results paragraph
# ---------------------------------------------------------------------------------------------

_GDP_FIGURE_RE = re.compile(r"(?:地区生产总值|国内生产总值|生产总值|GDP|经济总量)[^。；]{0,24}?(?:增长|达到|突破|超过|迈上)\s*[\d０-９]")
_YEAR_OPENING_RE = re.compile(r"^(?:各位代表[！!，,：:]\s*)?(?:过去(?:的)?一年|刚刚过去的|一年来|这一年|去年|(?:19|20)\d{2}年)")


def move_year_paragraph(text: str) -> str:
    """The review year's results paragraph (the first paragraph after the opening with a GDP
    figure) moved to the end of its part, after the rest of the review (as reports that close a
    plan period print it: the five years first, then "刚刚过去的一年，……"). A paragraph that does
    not open on the year is given "过去一年，" so that it still says which year it speaks of."""
    lines = text.split("\n")
    parts = [i for i, line in enumerate(lines) if PART_MARKER_RE.match(line) and len(line) <= 48]
    if len(parts) < 2:
        return text
    for a, b in zip(parts, parts[1:]):
        for i in range(a + 1, b):
            if _GDP_FIGURE_RE.search(lines[i]) and not HEADING_MARKER_RE.match(lines[i]):
                para = lines[i] if _YEAR_OPENING_RE.match(lines[i]) else "过去一年，" + lines[i]
                return "\n".join(lines[:i] + lines[i + 1 : b] + [para] + lines[b:])
    return text


# ---------------------------------------------------------------------------------------------
# Wrappers
# ---------------------------------------------------------------------------------------------


def html_wrapper(text: str) -> bytes:
    """A government site's page around the report (UTF-8)."""
    return makers.html_page(text.split("\n"), charset="utf-8")


def pdf_wrapper(text: str) -> bytes:
    """The report printed as a PDF (several pages, running headers, page numbers)."""
    return makers.pdf_bytes([ln for ln in text.split("\n") if ln.strip()])


@dataclass(frozen=True)
class Transform:
    name: str
    apply: Callable[[str], str | bytes]
    suffix: str = ".txt"


TRANSFORMS = [
    Transform("wrap_lines", wrap_lines),
    Transform("full_width", full_width),
    Transform("drop_heading_numbers", drop_heading_numbers),
    Transform("rename_part_titles", rename_part_titles),
    Transform("drop_front_matter", drop_front_matter),
    Transform("move_year_paragraph", move_year_paragraph),
    Transform("remove_line_breaks", remove_line_breaks),
    Transform("traditional", traditional),
    Transform("html_wrapper", html_wrapper, ".html"),
    Transform("pdf_wrapper", pdf_wrapper, ".pdf"),
]
