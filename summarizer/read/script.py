"""Traditional script: detected, and read as simplified character for character.

Reports reposted for Hong Kong and Taiwan readers are in traditional characters
(撫州市東鄉區2024年國民經濟和社會發展計劃執行情況). Our lexicon, heading grammar and rules are written
in simplified characters, so such a text is analysed in a simplified copy of exactly the same
length: character i of the copy is character i of the original, converted. Every offset found
in the copy is therefore an offset in the original, and a quote can be read from the original
at the same positions (`document.ParsedDocument.original_quote`).

The conversion is OpenCC's traditional → simplified (its phrase table first, then its
character table), applied paragraph by paragraph. Every entry of those tables maps a string to
one of the same length; the length of each converted paragraph is checked all the same, and a
paragraph whose length would change is converted one character at a time instead. OpenCC's
regional phrase conversions (信息 ↔ 資訊, 软件 ↔ 軟體) change lengths and are not used: a
Taiwan-style word stays as printed, converted character by character.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from functools import lru_cache
from typing import Any

SIMPLIFIED = "simplified"
TRADITIONAL = "traditional"

#: A text is traditional when at least this many of its CJK characters exist only in
#: traditional script ...
MIN_TRADITIONAL_CHARS = 8
#: ... and they outnumber the characters that exist only in simplified script this many times
#: (a simplified report quoting a traditional name stays simplified; so does the reverse).
MIN_RATIO = 3.0

_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LOCK = threading.Lock()


@lru_cache(maxsize=2)
def _converter(config: str) -> Any:
    import opencc  # a core dependency, loaded on the first document (about 80 ms once)

    return opencc.OpenCC(config)


def _convert(config: str, text: str) -> str:
    with _LOCK:  # one converter shared by batch workers
        return _converter(config).convert(text)


@lru_cache(maxsize=65536)
def _char(config: str, ch: str) -> str:
    out = _convert(config, ch)
    return out if len(out) == 1 else ch


def detect_script(text: str) -> str:
    """SIMPLIFIED or TRADITIONAL: which script the text's Chinese characters are written in."""
    counts = Counter(_CJK_RE.findall(text))
    traditional = sum(n for ch, n in counts.items() if _char("t2s", ch) != ch)
    if traditional < MIN_TRADITIONAL_CHARS:
        return SIMPLIFIED
    simplified = sum(n for ch, n in counts.items() if _char("s2t", ch) != ch)
    return TRADITIONAL if traditional >= MIN_RATIO * max(simplified, 1) else SIMPLIFIED


def to_simplified(text: str) -> str:
    """`text` in simplified characters, of exactly the same length (see the module docstring)."""
    out: list[str] = []
    for para in text.splitlines(keepends=True):
        converted = _convert("t2s", para)
        if len(converted) != len(para):
            converted = "".join(_char("t2s", ch) for ch in para)
        out.append(converted)
    result = "".join(out)
    assert len(result) == len(text), "traditional → simplified changed the length"
    return result


def to_traditional(text: str) -> str:
    """`text` in traditional characters (OpenCC's standard simplified → traditional): for tests
    and benchmarks that make traditional versions of our simplified samples."""
    return _convert("s2t", text)
