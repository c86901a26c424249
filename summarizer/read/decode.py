"""Bytes → text for files that are text: plain reports and web pages.

`decode_text` guesses the encoding in this order: a byte-order mark (UTF-8, UTF-16), UTF-16
without one when the zero bytes say so, strict UTF-8, UTF-8 with a few damaged bytes (kept as
U+FFFD, which the clean stage counts: decoding such a file as GBK would turn every character
into the wrong one), and then the two double-byte Chinese encodings: GB18030 (a superset of GBK
and GB2312, the mainland's) and Big5 (Taiwan's and Hong Kong's; read as Big5-HKSCS, its
superset, or as Windows' cp950). Almost any Big5 file also decodes as GB18030 — into nonsense —
so where both decode, the one whose text is made of common characters wins (`common_share`):
GB2312's level-1 hanzi and Big5's level-1 hanzi (the 3,755 and 5,401 characters each standard
sets apart as frequent), and Chinese punctuation. A report in either script scores near 1;
Big5 read as GB18030 gives private-use characters for its commas and full stops, kana and
Greek for its common hanzi, and scores far lower (bench/encodings.py measures it, against
charset-normalizer). `decode_declared` tries a charset a web page declares first.
"""

from __future__ import annotations

import codecs
from functools import lru_cache
from pathlib import Path
from typing import Optional

from summarizer.errors import InputError
from summarizer.read.extracted import Extracted

#: Share of damaged characters up to which a mostly-UTF-8 file is read as damaged UTF-8.
MAX_DAMAGED_SHARE = 0.01
#: A file that only Big5 decodes is read as Big5 when this share of its characters is common
#: (else it is damaged GB18030, or neither).
MIN_COMMON_SHARE = 0.9
#: How much a damaged character (U+FFFD) counts against a reading, in uncommon characters.
DAMAGE_WEIGHT = 10
#: The Big5 codecs: Windows' cp950 (Big5 as Taiwan writes it, with the ETEN extensions: ①, €,
#: box drawing), then Big5-HKSCS (Hong Kong's characters; ① and kana elsewhere). Where both read
#: a file, the one with more common characters wins.
BIG5_CODECS = ("cp950", "big5hkscs")

#: Names pages declare → the codec that reads them (GB18030 reads GB2312 and GBK; Big5-HKSCS
#: reads Big5 and its Hong Kong extension).
CHARSET_ALIASES = {
    "gb2312": "gb18030", "gb_2312": "gb18030", "gb_2312-80": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
    "cp936": "gb18030", "ms936": "gb18030", "windows-936": "gb18030", "euc-cn": "gb18030", "gb18030": "gb18030",
    "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "x-x-big5": "big5hkscs", "cp950": "big5hkscs",
    "utf8": "utf-8", "utf-8": "utf-8", "unicode": "utf-8",
}


def read(data: bytes, name: str) -> Extracted:
    """The reader of plain text files (.txt, .md): the text in whichever encoding reads it."""
    text, encoding = decode_text(data, name)
    return Extracted(text, encoding, "decode")


def decode_text(data: bytes, path: str | Path) -> tuple[str, str]:
    """(text, encoding name) of a text file; `InputError` when no encoding reads it."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), "utf-16"
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    if b"\x00" in data:
        raise InputError(path, "looks like a binary file, not a text report")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = data.decode("utf-8", errors="replace")
    if damaged.count("\ufffd") <= MAX_DAMAGED_SHARE * len(damaged):
        return damaged, "utf-8"
    decoded = _double_byte(data)
    if decoded is None:
        raise InputError(
            path,
            "cannot be decoded as UTF-8, UTF-16, GB18030/GBK or Big5",
            hint="convert it to UTF-8 first (e.g. with iconv)",
        )
    return decoded


def _double_byte(data: bytes) -> Optional[tuple[str, str]]:
    """(text, encoding) as GB18030 or Big5, whichever reads `data` into common characters (a tie
    goes to GB18030, then to the first Big5 codec). As for UTF-8, a few damaged bytes are kept
    as U+FFFD (which is no common character)."""
    decoded = [d for d in (_tolerant(data, codec) for codec in ("gb18030", *BIG5_CODECS)) if d is not None]
    if not decoded:
        return None
    # a damaged character is evidence against the reading: one U+FFFD outweighs ten uncommon
    # characters (Big5-HKSCS's 衞 read as cp950 is damage, and garbles its neighbours into
    # characters that may happen to be common)
    shares = [common_share(text) - DAMAGE_WEIGHT * text.count("\ufffd") / max(len(text), 1) for text, _codec in decoded]
    best = max(range(len(decoded)), key=lambda i: (shares[i], -i))
    if decoded[best][1] != "gb18030" and decoded[0][1] != "gb18030" and shares[best] < MIN_COMMON_SHARE:
        return None  # only Big5 reads it, into uncommon characters: neither
    return decoded[best]


def _tolerant(data: bytes, codec: str) -> Optional[tuple[str, str]]:
    """The text in `codec`, with at most MAX_DAMAGED_SHARE of it damaged, or None."""
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError:
        pass
    text = data.decode(codec, errors="replace")
    return (text, codec) if text.count("\ufffd") <= MAX_DAMAGED_SHARE * len(text) else None


def common_share(text: str) -> float:
    """Share of the text's characters beyond ASCII that are common in Chinese text of either
    script: level-1 hanzi of GB2312 or of Big5, and Chinese punctuation (1.0 for pure ASCII)."""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return 1.0
    return sum(map(_common, wide)) / len(wide)


#: Signs common in reports besides hanzi: CJK and full-width punctuation, dashes, quotes and
#: ellipsis, ℃, Roman numerals (Ⅰ), circled numbers (①), parenthesized hanzi (㈠).
_COMMON_SIGNS = ((0x3000, 0x303F), (0xFF00, 0xFFEF), (0x2010, 0x206F), (0x2100, 0x214F), (0x2160, 0x217F), (0x2460, 0x24FF), (0x3200, 0x32FF))


@lru_cache(maxsize=65536)
def _common(ch: str) -> bool:
    code = ord(ch)
    if any(low <= code <= high for low, high in _COMMON_SIGNS) or code in (0xA0, 0xB0, 0xB1, 0xB7, 0xD7):
        return True
    try:
        gb = ch.encode("gb2312")
        if len(gb) == 2 and 0xB0 <= gb[0] <= 0xD7:  # level 1: B0A1–D7F9
            return True
    except UnicodeEncodeError:
        pass
    try:
        big5 = ch.encode("big5")
        return len(big5) == 2 and 0xA440 <= int.from_bytes(big5, "big") <= 0xC67E  # level 1: A440–C67E
    except UnicodeEncodeError:
        return False


def codec_for(charset: Optional[str]) -> Optional[str]:
    """The Python codec for a declared charset name, or None when Python has none."""
    if not charset:
        return None
    name = charset.strip().strip("\"'").lower()
    name = CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_declared(data: bytes, charset: Optional[str], path: str | Path) -> tuple[str, str]:
    """Decode with a declared charset when it reads the bytes (a few damaged bytes allowed),
    else as `decode_text` would. A BOM wins over any declaration, as in browsers."""
    codec = codec_for(charset)
    if codec and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            damaged = data.decode(codec, errors="replace")
            if damaged.count("\ufffd") <= MAX_DAMAGED_SHARE * len(damaged):
                return damaged, codec
    return decode_text(data, path)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of Chinese or ASCII has a zero byte in most ASCII positions of one parity."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    # Newlines, ASCII punctuation and digits put zeros at one parity; CJK characters such as
    # 一 (U+4E00) put a few at the other. Binary data has zeros at both alike.
    if odd_zeros > 0.02 * half and odd_zeros > 5 * even_zeros:
        name = "utf-16-le"
    elif even_zeros > 0.02 * half and even_zeros > 5 * odd_zeros:
        name = "utf-16-be"
    else:
        return None
    try:
        data.decode(name)
    except UnicodeDecodeError:
        return None
    return name
