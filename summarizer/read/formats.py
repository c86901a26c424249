"""Which kind of file a report is, from its first bytes and its name.

`sniff` decides how `reader` reads a file: plain text, a web page (HTML, or a page saved as
.mht/.mhtml), PDF or Word .docx. The bytes decide first, the name second: a PDF called
report.txt is read as a PDF, and a text file called page.html whose bytes hold no markup at
all is still read as HTML (the parser keeps its text). Formats we cannot read are refused by
`refusal`, with one sentence that names the format and says how to convert it; `batch` lists
them as skipped with the same sentence (`unsupported_reason`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from summarizer.read.docx import OLE_MAGIC, ZIP_MAGIC  # the leading bytes of OLE2 (.doc, .wps, encrypted Office) and zip files

TEXT, HTML, MHTML, PDF, DOCX = "text", "html", "mhtml", "pdf", "docx"

#: File names `batch` picks up, by format.
SUFFIXES: dict[str, tuple[str, ...]] = {
    TEXT: (".txt", ".md", ".markdown", ".text"),
    HTML: (".html", ".htm", ".shtml", ".xhtml"),
    MHTML: (".mht", ".mhtml"),
    PDF: (".pdf",),
    DOCX: (".docx",),
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(s for group in SUFFIXES.values() for s in group)
SUPPORTED_TEXT = "text (.txt, .md), web pages (.html, .htm, .mht), PDF and Word .docx"

_TO_TEXT = "or copy its text into a .txt file"
#: suffix → (what it is, how to make something we read)
_REFUSED_BY_NAME: dict[str, tuple[str, str]] = {
    ".doc": ("an old binary Word document (.doc)", f"open it in Word, WPS or LibreOffice and save it as .docx, {_TO_TEXT}"),
    ".dot": ("an old binary Word template (.dot)", "save it as .docx"),
    ".wps": ("a WPS Writer document (.wps)", "open it in WPS or LibreOffice and save it as .docx"),
    ".wpt": ("a WPS Writer template (.wpt)", "open it in WPS or LibreOffice and save it as .docx"),
    ".rtf": ("a Rich Text file (.rtf)", f"open it in Word, WPS or LibreOffice and save it as .docx, {_TO_TEXT}"),
    ".odt": ("an OpenDocument text (.odt)", "open it in LibreOffice and save it as .docx"),
    ".pages": ("an Apple Pages document", "export it as Word (.docx) or PDF"),
    ".ofd": ("an OFD document (.ofd)", "open it in an OFD reader and print or export it to PDF"),
    ".caj": ("a CAJ document (.caj)", "open it in CAJViewer and save it as PDF or text"),
    ".xls": ("an Excel workbook (.xls)", "reports are read from their text: use the report itself"),
    ".xlsx": ("an Excel workbook (.xlsx)", "reports are read from their text: use the report itself"),
    ".et": ("a WPS spreadsheet (.et)", "reports are read from their text: use the report itself"),
    ".ppt": ("a PowerPoint presentation (.ppt)", "reports are read from their text: use the report itself"),
    ".pptx": ("a PowerPoint presentation (.pptx)", "reports are read from their text: use the report itself"),
    ".dps": ("a WPS presentation (.dps)", "reports are read from their text: use the report itself"),
    ".epub": ("an e-book (.epub)", "use the report as a web page, PDF, Word or text file"),
}
_IMAGE_HINT = "the text must be recognised first (OCR, e.g. ocrmypdf for a scanned PDF); summarize the recognised text"
_ARCHIVE_HINT = "unpack it and summarize the reports inside (`summarizer batch DIR` takes a folder)"
_IMAGES = {
    ".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".bmp": "BMP", ".tif": "TIFF",
    ".tiff": "TIFF", ".webp": "WebP", ".heic": "HEIC", ".svg": "SVG",
}
_ARCHIVES = {
    ".zip": "ZIP", ".rar": "RAR", ".7z": "7-Zip", ".tar": "tar", ".gz": "gzip", ".tgz": "gzip",
    ".bz2": "bzip2", ".xz": "xz", ".zst": "zstd",
}
#: Leading bytes → (what it is, hint); checked before anything else.
_MAGIC: list[tuple[bytes, str, str]] = [
    (b"\x89PNG\r\n\x1a\n", "is an image (PNG), not a text", _IMAGE_HINT),
    (b"\xff\xd8\xff", "is an image (JPEG), not a text", _IMAGE_HINT),
    (b"GIF87a", "is an image (GIF), not a text", _IMAGE_HINT),
    (b"GIF89a", "is an image (GIF), not a text", _IMAGE_HINT),
    (b"II*\x00", "is an image (TIFF), not a text", _IMAGE_HINT),
    (b"MM\x00*", "is an image (TIFF), not a text", _IMAGE_HINT),
    (b"RIFF", "is a RIFF file (an image or a recording), not a text", _IMAGE_HINT),
    (b"Rar!\x1a\x07", "is a RAR archive, not a report", _ARCHIVE_HINT),
    (b"7z\xbc\xaf\x27\x1c", "is a 7-Zip archive, not a report", _ARCHIVE_HINT),
    (b"\x1f\x8b", "is a gzip-compressed file, not a report", _ARCHIVE_HINT),
    (b"\xfd7zXZ\x00", "is an xz-compressed file, not a report", _ARCHIVE_HINT),
    (b"\x28\xb5\x2f\xfd", "is a zstd-compressed file, not a report", _ARCHIVE_HINT),
    (b"{\\rtf", "is a Rich Text file (.rtf), which cannot be read", _REFUSED_BY_NAME[".rtf"][1]),
]
_HTML_START_RE = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>)", re.I | re.S)
_MHTML_RE = re.compile(rb"^(?:[\x21-\x7e]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*){0,40}?Content-Type:\s*multipart/related", re.I)


class Refused(Exception):
    """Not a report we can read: `reason` names the format, `hint` says how to convert it."""

    def __init__(self, reason: str, hint: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


def sniff(data: bytes, path: str | Path) -> str:
    """TEXT, HTML, MHTML, PDF or DOCX; raises `Refused` for a format we do not read."""
    suffix = Path(str(path)).suffix.lower()
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF
    for magic, what, hint in _MAGIC:
        if data.startswith(magic):
            raise Refused(what, hint)
    if data.startswith(OLE_MAGIC):
        raise Refused(*_ole_kind(data, suffix))
    if data.startswith(ZIP_MAGIC):
        return _zip_kind(data, suffix)
    if suffix == ".pdf":
        raise Refused("is named .pdf but is not a PDF file (no %PDF- header)", "download or save it again")
    refused = refusal_by_name(suffix)
    if refused is not None:
        raise Refused(*refused)
    if suffix in SUFFIXES[MHTML] or _MHTML_RE.match(data[:8192]):
        return MHTML
    if suffix in SUFFIXES[HTML] or _HTML_START_RE.match(data[:4096].lstrip(b"\xef\xbb\xbf")):
        return HTML
    if suffix == ".docx":
        raise Refused("is named .docx but is not a Word .docx file (no Office Open XML package inside)", "save it again as .docx or as plain text")
    return TEXT


def _ole_kind(data: bytes, suffix: str) -> tuple[str, str]:
    """An OLE2 compound file: an encrypted Office file, or an old binary Word/WPS/Excel file."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "is a password-protected Office file, which cannot be read", "open it, remove the password and save it again as .docx"
    if suffix in _REFUSED_BY_NAME:
        what, hint = _REFUSED_BY_NAME[suffix]
        return f"is {what}, which cannot be read", hint
    if "WordDocument".encode("utf-16-le") in data:
        what, hint = _REFUSED_BY_NAME[".doc"]
        return f"is {what}, which cannot be read", hint
    return "is an old binary Office file (OLE2), which cannot be read", "open it and save it as .docx, PDF or plain text"


def _zip_kind(data: bytes, suffix: str) -> str:
    head = data[:65536]
    if b"word/" in head or suffix == ".docx":
        return DOCX
    if b"mimetypeapplication/vnd.oasis.opendocument.text" in head:
        raise Refused("is an OpenDocument text (.odt), which cannot be read", _REFUSED_BY_NAME[".odt"][1])
    if b"OFD.xml" in head or suffix == ".ofd":
        raise Refused("is an OFD document (.ofd), which cannot be read", _REFUSED_BY_NAME[".ofd"][1])
    if b"xl/" in head:
        raise Refused("is an Excel workbook (.xlsx), not a report", _REFUSED_BY_NAME[".xlsx"][1])
    if b"ppt/" in head:
        raise Refused("is a PowerPoint presentation (.pptx), not a report", _REFUSED_BY_NAME[".pptx"][1])
    if suffix in _REFUSED_BY_NAME:
        what, hint = _REFUSED_BY_NAME[suffix]
        raise Refused(f"is {what}, which cannot be read", hint)
    raise Refused("is a ZIP archive, not a report", _ARCHIVE_HINT)


def refusal_by_name(suffix: str) -> Optional[tuple[str, str]]:
    """(reason, hint) for a file name whose format we do not read, or None."""
    suffix = suffix.lower()
    if suffix in _REFUSED_BY_NAME:
        what, hint = _REFUSED_BY_NAME[suffix]
        return f"is {what}, which cannot be read", hint
    if suffix in _IMAGES:
        return f"is an image ({_IMAGES[suffix]}), not a text", _IMAGE_HINT
    if suffix in _ARCHIVES:
        return f"is a {_ARCHIVES[suffix]} archive, not a report", _ARCHIVE_HINT
    return None


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
