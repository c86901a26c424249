"""Which kind of file a report is, from its first bytes and its name: the one table of formats.

`FORMATS` lists every kind of file the tool knows: the formats it reads, each with its reader
(`extracted.Reader`: bytes and name in, text out), and the formats it refuses, each with one
sentence that names it and says how to convert it. The same table decides how a file is read
(`sniff`), which files `batch` picks up (`SUPPORTED_SUFFIXES`, `unsupported_reason`) and what
the help texts say (`SUPPORTED_TEXT`). A new format is one entry here (plus its reader module
when it is one we read).

`sniff` lets the bytes decide first and the name second, in three steps:

1. **signatures**: leading bytes no text file has (a PDF header, an image, an archive, the zip
   and OLE2 containers of Office files). Inside a container the first 64 kB say which format it
   is (`marker`: word/ for Word .docx, xl/ for Excel …); where several formats share a marker
   (.doc, .wps and .dot all hold a WordDocument stream) the name picks among them.
2. **the name**, where it names a format we refuse, or one with a signature the bytes lack (a
   report.pdf without a PDF header).
3. **the look of the bytes** (the start of a web page, a MIME page archive) or the name: a PDF
   called report.txt is read as a PDF, a text file called page.html as a web page.

Anything else is plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from summarizer.read import decode, docx, pdf, webpage
from summarizer.read.docx import OLE_MAGIC, ZIP_MAGIC  # the leading bytes of OLE2 (.doc, .wps, encrypted Office) and zip files
from summarizer.read.extracted import Reader

TEXT, HTML, MHTML, PDF, DOCX = "text", "html", "mhtml", "pdf", "docx"
ZIP, OLE2 = "zip", "ole2"

#: How far into a container its marker is looked for.
MARKER_SPAN = 65536


@dataclass(frozen=True)
class Format:
    """One kind of file: one we read (`read` is its reader) or one we refuse (`read` is None;
    `reason` says what it is, `hint` how to make something we read)."""

    name: str
    suffixes: tuple[str, ...] = ()
    read: Optional[Reader] = None
    #: Formats we read: how help texts name it ("" where another entry's label covers it).
    label: str = ""
    #: Formats we refuse: "is …", as the error message continues the file's name.
    reason: str = ""
    hint: str = ""
    #: Strong evidence in the bytes (step 1).
    signature: Optional[Callable[[bytes], bool]] = None
    #: The container this format lives in (ZIP, OLE2), and the bytes inside it that say it is
    #: this format (none: only the name says so).
    container: Optional[str] = None
    marker: bytes = b""
    #: Weak evidence in the bytes, which counts as much as the name (step 3).
    looks_like: Optional[Callable[[bytes], bool]] = None
    #: (reason, hint) where the name says this format and the signature is missing.
    misnamed: Optional[tuple[str, str]] = None
    #: False for plain text: the file's own size is limited, not only the text taken from it.
    extracted: bool = True

    @property
    def readable(self) -> bool:
        return self.read is not None


class Refused(Exception):
    """Not a report we can read: `reason` names the format, `hint` says how to convert it."""

    def __init__(self, reason: str, hint: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


def _starts(*magic: bytes) -> Callable[[bytes], bool]:
    return lambda data: data.startswith(magic)


_HTML_START_RE = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>)", re.I | re.S)
_MHTML_RE = re.compile(rb"^(?:[\x21-\x7e]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*){0,40}?Content-Type:\s*multipart/related", re.I)

_TO_TEXT = "or copy its text into a .txt file"
_TO_DOCX = f"open it in Word, WPS or LibreOffice and save it as .docx, {_TO_TEXT}"
_IN_WPS = "open it in WPS or LibreOffice and save it as .docx"
_NOT_PROSE = "reports are read from their text: use the report itself"
_IMAGE = "the text must be recognised first (OCR, e.g. ocrmypdf for a scanned PDF); summarize the recognised text"
_ARCHIVE = "unpack it and summarize the reports inside (`summarizer batch DIR` takes a folder)"
_WORD_STREAM = "WordDocument".encode("utf-16-le")


def _image(name: str, *suffixes: str, signature: Optional[Callable[[bytes], bool]] = None) -> Format:
    return Format(name.lower(), suffixes, reason=f"is an image ({name}), not a text", hint=_IMAGE, signature=signature)


def _archive(name: str, what: str, *suffixes: str, signature: Optional[Callable[[bytes], bool]] = None) -> Format:
    return Format(name, suffixes, reason=f"is {what}, not a report", hint=_ARCHIVE, signature=signature)


def _unreadable(name: str, what: str, hint: str, *suffixes: str, container: Optional[str] = None, marker: bytes = b"") -> Format:
    return Format(name, suffixes, reason=f"is {what}, which cannot be read", hint=hint, container=container, marker=marker)


#: Every kind of file the tool knows. Order matters where signatures are tested (step 1: the
#: first that matches decides) and where markers are (the first found decides).
FORMATS: tuple[Format, ...] = (
    # --- formats we read (help texts list them in this order) ------------------------------
    Format(TEXT, (".txt", ".md", ".markdown", ".text"), decode.read, label="text (.txt, .md)", extracted=False),
    Format(MHTML, (".mht", ".mhtml"), webpage.read_mhtml, looks_like=lambda data: bool(_MHTML_RE.match(data[:8192]))),
    Format(
        HTML, (".html", ".htm", ".shtml", ".xhtml"), webpage.read_html, label="web pages (.html, .htm, .mht)",
        looks_like=lambda data: bool(_HTML_START_RE.match(data[:4096].lstrip(b"\xef\xbb\xbf"))),
    ),
    Format(
        PDF, (".pdf",), pdf.read, label="PDF", signature=lambda data: b"%PDF-" in data[:1024],
        misnamed=("is named .pdf but is not a PDF file (no %PDF- header)", "download or save it again"),
    ),
    Format(
        DOCX, (".docx",), docx.read, label="Word .docx", container=ZIP, marker=b"word/",
        misnamed=("is named .docx but is not a Word .docx file (no Office Open XML package inside)", "save it again as .docx or as plain text"),
    ),
    # --- images and archives: the text is not in them -------------------------------------
    _image("PNG", ".png", signature=_starts(b"\x89PNG\r\n\x1a\n")),
    _image("JPEG", ".jpg", ".jpeg", signature=_starts(b"\xff\xd8\xff")),
    _image("GIF", ".gif", signature=_starts(b"GIF87a", b"GIF89a")),
    _image("TIFF", ".tif", ".tiff", signature=_starts(b"II*\x00", b"MM\x00*")),
    _image("WebP", ".webp", signature=lambda data: data.startswith(b"RIFF") and data[8:12] == b"WEBP"),
    Format("riff", reason="is a RIFF file (an image or a recording), not a text", hint=_IMAGE, signature=_starts(b"RIFF")),
    _image("BMP", ".bmp"),
    _image("HEIC", ".heic"),
    _image("SVG", ".svg"),
    _archive("rar", "a RAR archive", ".rar", signature=_starts(b"Rar!\x1a\x07")),
    _archive("7z", "a 7-Zip archive", ".7z", signature=_starts(b"7z\xbc\xaf\x27\x1c")),
    _archive("gzip", "a gzip-compressed file", ".gz", ".tgz", signature=_starts(b"\x1f\x8b")),
    _archive("xz", "an xz-compressed file", ".xz", signature=_starts(b"\xfd7zXZ\x00")),
    _archive("zstd", "a zstd-compressed file", ".zst", signature=_starts(b"\x28\xb5\x2f\xfd")),
    _archive("bzip2", "a bzip2-compressed file", ".bz2"),
    _archive("tar", "a tar archive", ".tar"),
    # --- documents in formats we do not read ------------------------------------------------
    Format("rtf", (".rtf",), reason="is a Rich Text file (.rtf), which cannot be read", hint=_TO_DOCX, signature=_starts(b"{\\rtf")),
    _unreadable("pages", "an Apple Pages document", "export it as Word (.docx) or PDF", ".pages", container=ZIP),
    _unreadable("caj", "a CAJ document (.caj)", "open it in CAJViewer and save it as PDF or text", ".caj"),
    _unreadable("ceb", "an Apabi CEB document (.ceb)", "open it in Apabi Reader and print it to PDF", ".ceb"),
    # zip containers: Office Open XML, OpenDocument, OFD, e-books
    _unreadable("odt", "an OpenDocument text (.odt)", "open it in LibreOffice and save it as .docx", ".odt",
                container=ZIP, marker=b"mimetypeapplication/vnd.oasis.opendocument.text"),
    _unreadable("ofd", "an OFD document (.ofd)", "open it in an OFD reader and print or export it to PDF", ".ofd", container=ZIP, marker=b"OFD.xml"),
    Format("xlsx", (".xlsx",), reason="is an Excel workbook (.xlsx), not a report", hint=_NOT_PROSE, container=ZIP, marker=b"xl/"),
    Format("pptx", (".pptx",), reason="is a PowerPoint presentation (.pptx), not a report", hint=_NOT_PROSE, container=ZIP, marker=b"ppt/"),
    _unreadable("epub", "an e-book (.epub)", "use the report as a web page, PDF, Word or text file", ".epub", container=ZIP),
    _archive(ZIP, "a ZIP archive", ".zip", signature=_starts(ZIP_MAGIC)),
    # OLE2 containers: old binary Office and WPS files, and encrypted Office files of any kind
    Format("encrypted", reason="is a password-protected Office file, which cannot be read", hint="open it, remove the password and save it again as .docx",
           container=OLE2, marker="EncryptedPackage".encode("utf-16-le")),
    _unreadable("doc", "an old binary Word document (.doc)", _TO_DOCX, ".doc", container=OLE2, marker=_WORD_STREAM),
    _unreadable("dot", "an old binary Word template (.dot)", "save it as .docx", ".dot", container=OLE2, marker=_WORD_STREAM),
    _unreadable("wps", "a WPS Writer document (.wps)", _IN_WPS, ".wps", container=OLE2, marker=_WORD_STREAM),
    _unreadable("wpt", "a WPS Writer template (.wpt)", _IN_WPS, ".wpt", container=OLE2, marker=_WORD_STREAM),
    Format("xls", (".xls",), reason="is an Excel workbook (.xls), which cannot be read", hint=_NOT_PROSE, container=OLE2),
    Format("et", (".et",), reason="is a WPS spreadsheet (.et), which cannot be read", hint=_NOT_PROSE, container=OLE2),
    Format("ppt", (".ppt",), reason="is a PowerPoint presentation (.ppt), which cannot be read", hint=_NOT_PROSE, container=OLE2),
    Format("dps", (".dps",), reason="is a WPS presentation (.dps), which cannot be read", hint=_NOT_PROSE, container=OLE2),
    Format(OLE2, reason="is an old binary Office file (OLE2), which cannot be read", hint="open it and save it as .docx, PDF or plain text",
           signature=_starts(OLE_MAGIC)),
)

BY_NAME: dict[str, Format] = {f.name: f for f in FORMATS}
BY_SUFFIX: dict[str, Format] = {s: f for f in FORMATS for s in f.suffixes}
assert len(BY_NAME) == len(FORMATS) and len(BY_SUFFIX) == sum(len(f.suffixes) for f in FORMATS), "a format or suffix listed twice"

#: The suffixes of the formats we read: the files `batch` picks up.
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(s for f in FORMATS if f.readable for s in f.suffixes)
_LABELS = [f.label for f in FORMATS if f.readable and f.label]
#: The formats we read, for help texts and messages.
SUPPORTED_TEXT = ", ".join(_LABELS[:-1]) + " and " + _LABELS[-1]


def sniff(data: bytes, path: str | Path) -> Format:
    """The format of a file we read; raises `Refused` for any other (see the module docstring)."""
    named = BY_SUFFIX.get(Path(str(path)).suffix.lower())
    fmt = _by_signature(data, named)
    if fmt is None and named is not None:
        if named.readable and named.misnamed:
            raise Refused(*named.misnamed)
        if not named.readable:
            fmt = named
    if fmt is None:
        fmt = next((f for f in FORMATS if f.looks_like and (f is named or f.looks_like(data))), BY_NAME[TEXT])
    if not fmt.readable:
        raise Refused(fmt.reason, fmt.hint)
    return fmt


def _by_signature(data: bytes, named: Optional[Format]) -> Optional[Format]:
    for fmt in FORMATS:
        if fmt.signature is not None and fmt.container is None and fmt.signature(data):
            return _inside(fmt, data[:MARKER_SPAN], named) if _members(fmt.name) else fmt
    return None


def _members(container: str) -> list[Format]:
    return [f for f in FORMATS if f.container == container]


def _inside(container: Format, head: bytes, named: Optional[Format]) -> Format:
    """Which format a zip or OLE2 file is: the name picks among the formats whose marker is in it
    (or that have none); else the first whose marker is; else the one the name gives; else the
    container itself."""
    members = _members(container.name)
    found = [f for f in members if f.marker and f.marker in head]
    if named in members and (named in found or not named.marker or not found):
        return named
    return found[0] if found else container


def refusal_by_name(suffix: str) -> Optional[tuple[str, str]]:
    """(reason, hint) for a file name whose format we do not read, or None."""
    fmt = BY_SUFFIX.get(suffix.lower())
    return (fmt.reason, fmt.hint) if fmt is not None and not fmt.readable else None


def unsupported_reason(path: Path) -> Optional[str]:
    """Why `batch` skips this file (None: it is one of the formats we read). Decided by the
    name, so that a folder is listed without reading every file in it."""
    suffix = path.suffix.lower()
    if suffix in SUPPORTED_SUFFIXES:
        return None
    refused = refusal_by_name(suffix)
    if refused is not None:
        reason, hint = refused
        return f"{reason.removeprefix('is ')}: {hint}"
    kind = f"{suffix} files" if suffix else "files without an extension"
    return f"{kind} are not a report format this tool reads ({SUPPORTED_TEXT})"
