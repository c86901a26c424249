"""Bytes → text for files that are text: plain reports and web pages.

`decode_text` guesses the encoding in this order: a byte-order mark (UTF-8, UTF-16), UTF-16
without one when the zero bytes say so, strict UTF-8, UTF-8 with a few damaged bytes (kept as
U+FFFD, which the clean stage counts: decoding such a file as GBK would turn every character
into the wrong one), and GB18030 (a superset of GBK and GB2312). `decode_declared` tries a
charset a web page declares first.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Optional

from summarizer.errors import InputError
from summarizer.read.extracted import Extracted

#: Share of damaged characters up to which a mostly-UTF-8 file is read as damaged UTF-8.
MAX_DAMAGED_SHARE = 0.01

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
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise InputError(
            path,
            "cannot be decoded as UTF-8, UTF-16 or GB18030/GBK",
            hint="convert it to UTF-8 first (e.g. with iconv)",
        ) from None


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
