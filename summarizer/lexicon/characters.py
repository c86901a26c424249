"""Characters and lines: whitespace, full-width forms, sentence ends, how lines continue."""

from __future__ import annotations

import re

#: Whitespace that scraped pages put where an ASCII space or nothing belongs (zero-width ones included).
SPACE_CHARS = " \t\u00a0\u3000\u2002\u2003\u2009\u200b\u200c\u200d\u2060\ufeff"
#: Full-width forms that mean their ASCII form (８．５％, ＧＤＰ); read as ASCII everywhere. Chinese
#: punctuation (，：；（）) is not among them: it is how Chinese is written.
FULLWIDTH_FORMS = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
    "％": "%", "．": ".", "＋": "+", "－": "-", "﹪": "%",
}
#: The character that decoders put where a byte sequence was damaged.
DAMAGED_CHAR = "\ufffd"
#: Sentence terminators (full-width and the ASCII forms scraped pages often carry).
SENTENCE_END = "。；;！!？?"
#: A line that ends like this ends its sentence (or is a heading's or list's own line): the line
#: break after it is a paragraph's end. Closing quotes and brackets after it count with it.
LINE_END_MARKS = "。！？；：!?;:…"
LINE_CLOSERS = "”’」』）)》】"
#: A line that ends with one of these stops inside a sentence (……制定《⏎条例⏎》……, ……的⏎主要目标).
CONTINUING_LINE_ENDS = "，,、（(《“‘「『的是在为对把将了以并而从向于被由至按同"
#: A line that starts with one of these continues the line before.
CONTINUING_LINE_STARTS = "，,、。；;：:！？）)》」』”’%的了是并而或等"
#: A line that opens like this starts a paragraph of its own.
PARAGRAPH_OPENERS = ("——", "各位代表")
#: Punctuation inside a line that makes it running text rather than a title or a heading.
CLAUSE_MARKS = "，,、；;。：:"
#: In a wrapped text, a line without such punctuation is still running text from this length on
#: (titles, date and speaker lines are shorter), or when the line before ran on into it.
RUNNING_LINE_MIN = 20
#: A text is broken inside its sentences (a page's fixed-width lines) when at least this share of
#: its running-text lines end without a sentence end; its lines are then joined more freely.
WRAPPED_MIN_SHARE = 0.4
WRAPPED_MIN_LINES = 5
#: A line this long is a text that lost its line breaks: it is broken again before each heading
#: marker or paragraph opener that follows a sentence end.
LOST_BREAKS_LINE = 3000
#: What joins two names or figures (城镇、农村居民; 7.7%和6.8%), and 及 too in a longer list.
PAIR_JOINERS = ("、", "和", "与")
LIST_JOINERS = (*PAIR_JOINERS, "及")


def compile_alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal words, longest first, so that 社消零总额 beats 社消零."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
