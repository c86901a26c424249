"""read: a path → the text of a report, in whatever form it was published.

Takes a file path, gives a `RawDocument`: the text, how it was obtained (format, extractor,
encoding), the sha256 of the bytes, and the script it is written in. `formats.sniff` decides the
form from the bytes and the name, and `formats.FORMATS` gives the reader of each form (every
reader has the signature of `extracted.Reader`):

- **text** (.txt, .md): UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the
  zero bytes say so) or GB18030/GBK (`decode`);
- **web pages** (.html, .htm, .mht): the article without the site around it (`webpage`);
- **PDF**: the text layer as paragraphs, without page headers, footers and numbers (`pdf`);
- **Word .docx**: the text Word shows (`docx`).

For every format but plain text, `text` is the *extracted* text and every offset downstream
indexes it; `summarizer text FILE` prints it, so any span can be checked. A report in
traditional characters keeps them in `text` (quotes are shown as printed) and is analysed in
`analysis_text`, its simplified copy of the same length (`script`).

Anything that is not a report we can read fails with one `InputError` naming the file: old
binary Word, WPS, images, archives, scans without a text layer, encrypted PDFs, damaged files.
"""

from __future__ import annotations

import errno
import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from summarizer.errors import InputError
from summarizer.read import formats
from summarizer.read.script import SIMPLIFIED, TRADITIONAL, detect_script, to_simplified

#: Default size limit: a 25k-character report is ~75 kB in UTF-8; 2 MB is far beyond any report.
#: For formats we extract from (web pages, PDF, Word) it limits the extracted text.
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
#: Files we extract from may be larger (fonts, images, page scripts), up to this.
MAX_CONTAINER_BYTES = 64 * 1024 * 1024
#: The path that names standard input.
STDIN = "-"
STDIN_NAME = "<stdin>"
#: Share of control characters above which decoded text is taken to be binary data.
MAX_CONTROL_SHARE = 0.02


@dataclass(frozen=True)
class RawDocument:
    path: str
    text: str
    encoding: str
    sha256: str
    size_bytes: int
    #: What the file was ("text", "html", "mhtml", "pdf", "docx") and what turned it into
    #: `text` ("decode", or a library and its version); offsets index `text`.
    format: str = formats.TEXT
    extractor: str = "decode"
    #: "simplified", or "traditional" when `text` is in traditional characters.
    script: str = SIMPLIFIED
    #: The text the analysis reads: `text` itself, or for traditional script `text` converted
    #: to simplified character for character (same length: an offset in it is one in `text`).
    analysis_text: str = ""

    def __post_init__(self) -> None:
        if not self.analysis_text:
            object.__setattr__(self, "analysis_text", self.text)


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read one report (`-`: from standard input); raise `InputError` for anything that is not one."""
    if str(path) == STDIN:
        return read_stdin(max_bytes=max_bytes)
    p = Path(path)
    if not p.exists():
        raise InputError(p, link_problem(p) or "no such file")
    if p.is_dir():
        raise InputError(p, "is a directory, not a file", hint="use `summarizer batch DIR` for a folder")
    if not p.is_file():
        raise InputError(p, "is not a regular file")
    try:
        size = p.stat().st_size
        named = formats.BY_SUFFIX.get(p.suffix.lower())
        limit = max_bytes if named is not None and not named.extracted else max(max_bytes, MAX_CONTAINER_BYTES)
        if size > limit:
            raise InputError(
                p,
                f"is {size:,} bytes, over the {limit:,}-byte limit",
                hint="raise it with --max-bytes if this really is one report",
            )
        data = p.read_bytes()
    except PermissionError:
        raise InputError(p, "permission denied") from None
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    return decode_document(data, p, max_bytes=max_bytes)


def read_stdin(*, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """The report piped to standard input, whatever its form (decided by its bytes alone)."""
    limit = max(max_bytes, MAX_CONTAINER_BYTES)
    try:
        data = sys.stdin.buffer.read(limit + 1)
    except (OSError, ValueError, AttributeError) as exc:
        raise InputError(STDIN_NAME, f"cannot be read ({exc})") from None
    if len(data) > limit:
        raise InputError(STDIN_NAME, f"holds over {limit:,} bytes", hint="raise it with --max-bytes if this really is one report")
    return decode_document(data, STDIN_NAME, max_bytes=max_bytes)


def link_problem(path: Path) -> Optional[str]:
    """Why a path leads nowhere because of a symbolic link — a loop, or a link to nothing — or
    None (it leads somewhere, or it is simply not there)."""
    try:
        os.stat(path)
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symbolic link loop (it leads back to itself)" if path.is_symlink() else "lies under a symbolic link loop"
        if not path.is_symlink():
            return None
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return f"is a broken symbolic link (to {target}, which does not exist)"


def decode_document(data: bytes, path: str | Path = "<bytes>", *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """The report in `data`, whatever its form (see the module docstring)."""
    if not data.strip():
        raise InputError(path, "is empty")
    try:
        fmt = formats.sniff(data, path)
    except formats.Refused as refused:
        raise InputError(path, refused.reason, hint=refused.hint) from None
    if not fmt.extracted and len(data) > max_bytes:
        raise InputError(path, f"is {len(data):,} bytes, over the {max_bytes:,}-byte limit", hint="raise it with --max-bytes if this really is one report")
    extracted = fmt.read(data, str(path))  # type: ignore[misc]  (sniff gives only formats we read)
    text = extracted.text
    if not text.strip(" \t\r\n\u3000\u00a0\ufeff"):
        raise InputError(path, "is empty")
    if fmt.extracted and len(text.encode("utf-8")) > max_bytes:
        raise InputError(path, f"holds over {max_bytes:,} bytes of text", hint="raise it with --max-bytes if this really is one report")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f\v")
    if controls > MAX_CONTROL_SHARE * len(text):
        raise InputError(path, "looks like a binary file, not a text report")
    script = detect_script(text)
    return RawDocument(
        path=str(path),
        text=text,
        encoding=extracted.encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
        format=fmt.name,
        extractor=extracted.extractor,
        script=script,
        analysis_text=to_simplified(text) if script == TRADITIONAL else text,
    )
