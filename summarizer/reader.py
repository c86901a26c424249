"""read: a path → the decoded text of a report.

Takes a file path, gives a `RawDocument` (text, encoding, sha256 of the bytes). Detects UTF-8
(with or without BOM), UTF-16 (with BOM, or without one when the zero bytes say so) and
GB18030/GBK; Word .docx files are read as the text Word shows (`docx`). A UTF-8 file with a few damaged bytes stays UTF-8, with U+FFFD where the damage
is (the clean stage counts and reports them); decoding it as GBK would turn every character
into the wrong one. Anything that is not a report fails with one `InputError` naming the file.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from .docx import ZIP_MAGIC, docx_text
from .errors import InputError

#: Default size limit: a 25k-character report is ~75 kB in UTF-8; 2 MB is far beyond any report.
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
#: Share of damaged characters up to which a mostly-UTF-8 file is read as damaged UTF-8.
MAX_DAMAGED_SHARE = 0.01
#: Share of control characters above which decoded text is taken to be binary data.
MAX_CONTROL_SHARE = 0.02


@dataclass(frozen=True)
class RawDocument:
    path: str
    text: str
    encoding: str
    sha256: str
    size_bytes: int
    #: What the file was ("text", "docx") and what turned it into `text`; offsets index `text`.
    format: str = "text"
    extractor: str = "decode"


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read and decode one report; raise `InputError` for anything that is not one."""
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a directory, not a file", hint="use `summarizer batch DIR` for a folder")
    if not p.is_file():
        raise InputError(p, "is not a regular file")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(
                p,
                f"is {size:,} bytes, over the {max_bytes:,}-byte limit",
                hint="raise it with --max-bytes if this really is one report",
            )
        data = p.read_bytes()
    except PermissionError:
        raise InputError(p, "permission denied") from None
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    return decode_document(data, p)


def is_docx(data: bytes, path: str | Path) -> bool:
    return Path(str(path)).suffix.lower() == ".docx" or (data.startswith(ZIP_MAGIC) and b"word/" in data[:4096])


def decode_document(data: bytes, path: str | Path = "<bytes>") -> RawDocument:
    """Decode the bytes of a report (see the module docstring for the order of guesses);
    a Word .docx file is read as the text Word shows (`summarizer.docx`)."""
    if not data.strip():
        raise InputError(path, "is empty")
    if is_docx(data, path):
        text = docx_text(data, path)
        if not text.strip():
            raise InputError(path, "is a .docx file with no text in it")
        return RawDocument(str(path), text, "docx", hashlib.sha256(data).hexdigest(), len(data), "docx", "python-docx")
    text, encoding = _decode(data, path)
    if not text.strip(" \t\r\n\u3000\u00a0\ufeff"):
        raise InputError(path, "is empty")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f\v")
    if controls > MAX_CONTROL_SHARE * len(text):
        raise InputError(path, "looks like a binary file, not a text report")
    return RawDocument(
        path=str(path),
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
    )


def _decode(data: bytes, path: str | Path) -> tuple[str, str]:
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
