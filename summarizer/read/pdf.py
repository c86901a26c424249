"""PDF → the text of a report: its text layer, as paragraphs.

A PDF holds positioned characters, not paragraphs: a line ends where the page is full, often
mid-sentence, and every page repeats a running header and a page number. Read with PDFium
(pypdfium2: the fastest of the libraries we measured, with exact Chinese text; see
bench/results.md), the text becomes one line per paragraph or heading again:

- **lines**: PDFium's own line breaks; each line keeps where it stands on the page (left and
  right edge, baseline) and its font size. A space between two Chinese characters close
  together is layout and is left out. Text PDFium leaves out (see `_dropped_objects`) is read
  back with pypdf.
- **page furniture**: a line in the top or bottom band of a page that is a page number
  ("— 3 —", "第3页 共20页", "3/20") or that repeats on other pages in the same size once digits
  are ignored (the running header) is dropped.
- **paragraphs** (`pdf_paragraphs`): a line continues the paragraph above when that one reached
  the right margin (or stopped short by less than this line's first word, as ragged text does)
  and this one is neither indented, nor in another font size, nor after a larger gap, nor a
  heading after a full stop in a text without indents. Lines of a title centred in a larger size
  are one line. Lines are joined with nothing between two Chinese characters and a space between
  two Latin words or numbers; nothing is de-hyphenated.

A PDF without a text layer (a scan) and one that needs a password are refused with an
`InputError` that says so; a damaged one likewise. A PDF that only restricts copying or
printing (an owner password, no user password) opens without one and is read. Offsets of
everything downstream index the text this module returns (`summarizer text FILE` prints it).
"""

from __future__ import annotations

import io
import re
import statistics
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from summarizer import lexicon as lx
from summarizer.errors import InputError
from summarizer.read.extracted import Extracted, library_version
from summarizer.read.pdf_paragraphs import Line, first_piece, join_lines, paragraphs

#: Share of the page height at the top and bottom where running headers and page numbers stand.
FURNITURE_BAND = 0.12
#: A header or footer repeats on at least this share of the pages (and on two at least).
REPEAT_SHARE = 0.4
#: PDFium may not be called from two threads at once (batch --workers runs documents in threads).
_PDFIUM_LOCK = threading.Lock()
#: Fewer visible characters than this per page on average: the PDF is a scan.
MIN_CHARS_PER_PAGE = 10

_CJK_RE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
_SPACE = " \t\u3000\xa0"


@dataclass(frozen=True)
class PdfText:
    """The text of a PDF, and how many of its lines pypdf read back for PDFium."""

    text: str
    recovered_lines: int = 0


def read(data: bytes, name: str) -> Extracted:
    """The reader of PDF files."""
    pdf = pdf_text(data, name)
    extractor = library_version("pypdfium2")
    if pdf.recovered_lines:
        extractor += f" + {library_version('pypdf')} ({pdf.recovered_lines} line(s) PDFium left out)"
    return Extracted(pdf.text, "pdf", extractor)


def pdf_text(data: bytes, path: str | Path = "<bytes>") -> PdfText:
    """The report's text in a PDF's text layer (see the module docstring)."""
    with _PDFIUM_LOCK:
        pages = _read_lines(data, path)
    visible = sum(len(ln.text.strip()) for page in pages for ln in page)
    if visible < MIN_CHARS_PER_PAGE * max(len(pages), 1):
        raise _without_text(data, path, len(pages), visible)
    body = _drop_furniture(pages)
    text = "\n".join(paragraphs(body))
    return PdfText(text + "\n" if text else text, sum(ln.recovered for ln in body))


_OCR_HINT = "its text must be recognised first (OCR, e.g. `ocrmypdf --language chi_sim in.pdf out.pdf`), then summarize the result"


def _without_text(data: bytes, path: str | Path, pages: int, visible: int) -> InputError:
    """The error for a PDF with (almost) no text layer, saying what is on its pages: pictures
    (a scan), shapes (text drawn as outlines), or nothing at all."""
    import pypdfium2.raw as pdfium_c

    with _PDFIUM_LOCK:
        document = _open(data, path)
        try:
            kinds = Counter(
                obj.type
                for number in range(len(document))
                for obj in document[number].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=4)
            )
        finally:
            document.close()
    images, shapes = kinds[pdfium_c.FPDF_PAGEOBJ_IMAGE], kinds[pdfium_c.FPDF_PAGEOBJ_PATH]
    text = f"{visible} characters of text"
    if images:
        return InputError(path, f"is a PDF without a text layer ({pages} page(s), {images} image(s), {text}): a scan", hint=_OCR_HINT)
    if shapes:
        return InputError(path, f"is a PDF without a text layer ({pages} page(s) of drawn shapes, no images, {text}): text drawn as outlines, or no text at all", hint=_OCR_HINT)
    what = f"{pages} blank page(s)" if not visible else f"{pages} page(s), {text}, no images"
    return InputError(path, f"is a PDF with nothing to read on it ({what})", hint="check that this is the report's file; download or export it again")


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------


def _open(data: bytes, path: str | Path):
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise InputError(path, "is an encrypted PDF that needs a password to open", hint="open it with its password and save or print an unprotected copy, then summarize that") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise InputError(path, "is a PDF protected by a security handler this tool does not support", hint="save or print an unprotected copy, then summarize that") from None
        raise InputError(path, "is a damaged or truncated PDF file (it cannot be opened)", hint="download or save it again") from None


def _read_lines(data: bytes, path: str | Path) -> list[list[Line]]:
    """The lines of every page, top to bottom."""
    import pypdfium2.raw as pdfium_c

    document = _open(data, path)
    pages: list[list[Line]] = []
    try:
        if len(document) == 0:
            raise InputError(path, "is a PDF with no pages")
        for number in range(len(document)):
            page = document[number]
            textpage = page.get_textpage()
            try:
                lines = _page_lines(textpage, number, page.get_height(), pdfium_c)
                dropped = _dropped_objects(page, textpage, pdfium_c)
                if dropped:
                    lines = _with_recovered(lines, dropped, data, number, page.get_height())
                pages.append(lines)
            finally:
                textpage.close()
                page.close()
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - PDFium reports a broken page in several ways
        raise InputError(path, f"is a damaged PDF file (page {len(pages) + 1}: {exc})", hint="download or save it again") from None
    finally:
        document.close()
    return pages


def _page_lines(textpage, number: int, height: float, pdfium_c) -> list[Line]:
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # a character outside the BMP, or a PDFium quirk: one at a time
        text = "".join(textpage.get_text_range(i, 1) or " " for i in range(count))
    lines: list[Line] = []
    start = 0
    for m in re.finditer(r"\r\n|\n|\r|$", text):
        line = _line(textpage, text, start, m.start(), number, height, pdfium_c)
        if line is not None:
            lines.append(line)
        start = m.end()
        if m.end() == len(text):
            break
    lines.sort(key=lambda ln: -ln.y)  # top to bottom, whatever order the content stream drew
    return lines


def _line(textpage, text: str, start: int, end: int, number: int, height: float, pdfium_c) -> Line | None:
    """One line of PDFium's text with its geometry. Boxes are asked for only where they are
    needed (the ends, the first word, a few for size and baseline, both sides of a space): a
    call per character would be most of the time spent on a PDF. They are loose boxes (the
    character's advance, from the PDF's own widths), not the glyph's ink: a font the PDF does
    not embed is drawn with whatever font the machine has, whose glyphs differ in width from
    those the PDF was laid out with, and a line's end measured from them moved by enough to
    split a paragraph on a machine with CJK fonts installed."""
    keep = [i for i in range(start, end) if text[i] not in _SPACE and text[i] not in "\ufffe\x02"]
    if not keep:
        return None
    boxes: dict[int, tuple[float, float, float, float]] = {}

    def box(i: int) -> tuple[float, float, float, float]:
        if i not in boxes:
            left, bottom, right, _top = textpage.get_charbox(i, loose=True)
            boxes[i] = (left, right, bottom, pdfium_c.FPDFText_GetFontSize(textpage.raw, i) or (right - left))
        return boxes[i]

    chars: list[str] = []
    prev = None
    for i in keep:
        if prev is not None and i > prev + 1 and chars:
            # a space between two Chinese characters close together is layout, not text
            a, b = box(prev), box(i)
            if not (_CJK_RE.match(text[prev]) and _CJK_RE.match(text[i]) and b[0] - a[1] < b[3]):
                chars.append(" ")
        chars.append(text[i])
        prev = i
    content = "".join(chars)
    squeezed = content.replace(" ", "")
    first = first_piece(squeezed)
    probes = sorted({keep[0], keep[len(keep) // 2], keep[-1], *keep[:first], *keep[-2:]})
    measured = [box(i) for i in probes]
    x0 = min(box(i)[0] for i in keep[:first])
    x1 = max(box(i)[1] for i in keep[-2:])
    return Line(
        content, x0, x1, statistics.median(m[2] for m in measured), statistics.median(m[3] for m in measured),
        number, height, box(keep[first - 1])[1] - box(keep[0])[0],
    )


# PDFium leaves out of its text a text object whose box is empty: one in a font neither
# embedded nor installed (the standard CJK font STSong-Light on a machine without Chinese
# fonts), whose glyphs have no outlines, and that holds one character (the last character of a
# paragraph on its own line, a table cell). Such objects are found, and their text is read from
# the content stream by pypdf at the same position.


@dataclass(frozen=True)
class _Dropped:
    x: float
    y: float
    size: float


def _dropped_objects(page, textpage, pdfium_c) -> list[_Dropped]:
    """Text objects of the page of which PDFium's text holds nothing."""
    import ctypes

    out: list[_Dropped] = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT], max_depth=4):
        if pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0) > 2:  # more than the terminator
            continue
        m = obj.get_matrix()
        size = ctypes.c_float(0)
        pdfium_c.FPDFTextObj_GetFontSize(obj.raw, ctypes.byref(size))
        scale = (m.b * m.b + m.d * m.d) ** 0.5 or 1.0
        out.append(_Dropped(m.e, m.f, (size.value or 12.0) * scale))
    return out


def _with_recovered(lines: list[Line], dropped: list[_Dropped], data: bytes, number: int, height: float) -> list[Line]:
    """`lines` with the text of the dropped objects, read by pypdf at their positions."""
    pieces = _pypdf_pieces(data, number)
    recovered: list[Line] = []
    for d in dropped:
        text = next((t for (x, y), t in pieces if abs(x - d.x) < 0.5 and abs(y - d.y) < 0.5), "")
        text = re.sub(r"\s+", "", text) if _CJK_RE.search(text) else text.strip()
        if not text:
            continue
        boxes, x = [], d.x  # no glyph boxes: a Chinese character is one em wide, a Latin one half
        for ch in text:
            w = 0.5 * d.size if ch.isascii() else d.size
            boxes.append((x, x + w))
            x += w
        recovered.append(Line(text, d.x, x, d.y, d.size, number, height, _first_width(text, boxes), recovered=True))
    if not recovered:
        return lines
    merged: list[Line] = []
    for ln in sorted(lines + recovered, key=lambda l: (-round(l.y, 1), l.x0)):
        last = merged[-1] if merged else None
        if last is not None and abs(last.y - ln.y) < 0.3 * ln.size and ln.x0 >= last.x1 - 1:
            merged[-1] = Line(join_lines(last.text, ln.text), last.x0, ln.x1, last.y, last.size, number, height, last.first_width, last.recovered or ln.recovered)
        else:
            merged.append(ln)
    return merged


def _pypdf_pieces(data: bytes, number: int) -> list[tuple[tuple[float, float], str]]:
    """((x, y) on the page, text) of every piece of text pypdf reads on page `number`."""
    try:
        import pypdf

        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        pieces: list[tuple[tuple[float, float], str]] = []

        def visit(text, cm, tm, font_dict, font_size) -> None:
            if text and text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                pieces.append(((x, y), text))

        reader.pages[number].extract_text(visitor_text=visit)
        return pieces
    except Exception:  # noqa: BLE001 - recovery is best effort: without it the text is PDFium's
        return []


def _first_width(text: str, boxes: list[tuple[float, float]]) -> float:
    """Width of the first piece of `text` a line break cannot split, from per-character boxes."""
    n = min(first_piece(text), len(boxes))
    return boxes[n - 1][1] - boxes[0][0]


# ---------------------------------------------------------------------------------------------
# Page furniture
# ---------------------------------------------------------------------------------------------


def _in_band(line: Line) -> bool:
    band = FURNITURE_BAND * (line.page_height or 842)
    return line.y > (line.page_height or 842) - band or line.y < band


def _shape(line: Line) -> tuple[str, int]:
    """A line as it repeats from page to page: its text with numbers masked, and its size."""
    return re.sub(r"[0-9０-９]+", "#", re.sub(r"\s+", "", line.text)), round(line.size)


def _drop_furniture(pages: list[list[Line]]) -> list[Line]:
    """Every line of every page, less page numbers and running headers/footers."""
    shapes: Counter[tuple[str, int]] = Counter()
    for page in pages:
        shapes.update({_shape(ln) for ln in page if _in_band(ln)})
    repeated = {s for s, n in shapes.items() if n >= 2 and n >= REPEAT_SHARE * len(pages)}
    out: list[Line] = []
    for page in pages:
        for ln in page:
            if _in_band(ln) and (lx.PDF_PAGE_NUMBER_RE.match(ln.text) or _shape(ln) in repeated):
                continue
            out.append(ln)
    return out
