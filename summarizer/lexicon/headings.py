"""Headings: the heading grammar of reports (split)."""

from __future__ import annotations

import re

from summarizer.lexicon.numbers import CN_DIGITS

_CN = rf"[{CN_DIGITS}]{{1,3}}"
#: Line-start heading styles, outermost first. The rank orders nesting: a heading nests under
#: the nearest open heading of a smaller rank.
HEADING_STYLES = [
    # (name, rank, regex matched at the start of a line; group "n" is the ordinal)
    ("part", 0, re.compile(rf"^第(?P<n>{_CN})(部分|章)\s*")),
    ("cn", 1, re.compile(rf"^(?P<n>{_CN})\s*[、.．]\s*")),
    ("paren_cn", 2, re.compile(rf"^[(（]\s*(?P<n>{_CN})\s*[)）]\s*")),
    ("num", 3, re.compile(r"^(?P<n>\d{1,2})\s*(?:[、．]|\.(?!\d))\s*")),
    ("paren_num", 4, re.compile(r"^[(（]\s*(?P<n>\d{1,2})\s*[)）]\s*")),
]
#: Names of the sections the split derives (their labels and paths): the front matter, an annex,
#: closing words, the whole of a report without headings, the glossary; and the rest of a section
#: after a passage carved out of it (三续).
FRONT, ANNEX, CLOSING, WHOLE, GLOSSARY = "卷首", "附件", "结语", "全文", "名词解释"
CONTINUED = "续"
#: (label, title) of the passages that a phrase, not a heading, sets apart.
PROBLEMS_PASSAGE = ("问题", "存在的问题")
TARGETS_PASSAGE = ("目标", "主要目标")
REQUIREMENTS_PASSAGE = ("要求", "总体要求")
#: The label of a part heading (第二部分).
PART_LABEL = "第{}部分"
#: A line that opens with a heading's marker (二、, （三）, 第二部分): a list above it is over.
HEADING_MARKER_RE = re.compile(rf"(?:{_CN}\s*[、.．]|[(（]\s*{_CN}\s*[)）]|第{_CN}部分)")
#: A PDF line that opens like a heading (一、, (一), 1., (1), 第一章): in a text whose paragraphs are
#: not indented, it starts a paragraph after a full stop.
PDF_HEADING_RE = re.compile(
    rf"^(?:[{CN_DIGITS}]+[、.．]|[(（][{CN_DIGITS}]+[)）]|\d{{1,2}}[.．、](?!\d)|[(（]\d{{1,2}}[)）]|第[{CN_DIGITS}]+[章节部分])"
)
#: Unnumbered part headings ("2024年工作回顾", "2025年工作安排建议", "加强政府自身建设"): short lines
#: without sentence punctuation that say what part of a report they open.
PLAIN_HEADING_MAX = 24
PLAIN_HEADING_FORBIDDEN = "。，,；;：:！!？?、"
PLAIN_HEADING_RE = re.compile(
    r"(\d{4}年.{0,8}(工作|计划|安排|任务|目标|要求|回顾|总结|部署)|工作回顾|回顾|工作安排|工作建议|主要任务|重点工作|重点任务|"
    r"目标任务|总体要求|自身建设|政府建设|十[四五六]五)"
)
#: Unnumbered headings stand above numbered parts only when the first comes this far before them.
PLAIN_PART_MIN_LEAD = 1500
#: Short lines that are no part heading even when they match (title, source, salutation).
PLAIN_HEADING_NOT = ("政府工作报告", "计划执行情况", "各位代表", "来源", "名词解释", "注释")
#: Inline enumerations inside a paragraph: (name, rank, regex for one marker, ordinal kind).
#: A marker counts only after a sentence boundary and only as part of a run 一是, 二是, ...
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
INLINE_STYLES = [
    ("paren_num", 4, r"[(（]\s*(?P<n>\d{1,2})\s*[)）]", "num"),
    ("circled", 5, rf"(?P<n>[{CIRCLED}])", "circled"),
    ("shi", 6, rf"(?P<n>[{CN_DIGITS}]{{1,2}})\s*是", "cn"),
]
#: What may stand right before an inline marker: the start of the text or a boundary.
INLINE_BOUNDARY = "。；;：:！!？?，,\n "
#: An inline item alone on its line and at most this long is a heading in all but name.
INLINE_HEADING_MAX = 40
#: A heading line longer than this is a heading with its body on the same line.
TITLE_MAX = 48
#: A short title taken from a heading that shares its line with the body stops at one of these.
TITLE_STOPS = "。；;：:！!？?"
