"""Word (.docx) → the text of a report, as Word shows it.

Paragraphs and table rows in document order, one per line; a table row's cells joined by
" | " (target tables are common). Word's automatic list numbering becomes the number Word
prints ("（一）", "1.", "①"), so the heading grammar of `split` sees what a reader sees.
Deleted revisions, field codes and empty paragraphs are left out; tabs become spaces and line
breaks inside a paragraph become new lines. Offsets of everything downstream index this text
(`summarizer text FILE` prints it).

Errors: a damaged or truncated file, an encrypted one and an old binary .doc each raise an
`InputError` naming the file and what to do.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from summarizer.errors import InputError
from summarizer.read.extracted import Extracted, library_version

#: The bytes every OLE2 compound file starts with: old binary .doc/.wps, and encrypted .docx.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
#: The uncompressed XML of the main part is refused above this (a zip bomb, not a report).
MAX_XML_BYTES = 64 * 1024 * 1024
#: What a table row's cells are joined with.
CELL_SEP = " | "

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _SDT = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "sdt"
_T, _TAB, _BR, _CR, _DEL, _INSTR = _W + "t", _W + "tab", _W + "br", _W + "cr", _W + "del", _W + "instrText"
_NOBREAK_HYPHEN, _PPR, _RPR = _W + "noBreakHyphen", _W + "pPr", _W + "rPr"
_CN_DIGITS = "一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (up to 99)."""
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens - 1] + "十")
    return head + (_CN_DIGITS[ones - 1] if ones else "")


def _letters(n: int, upper: bool) -> str:
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr((65 if upper else 97) + r) + s
    return s


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def format_number(n: int, fmt: str) -> str:
    """A list counter in one of Word's number formats (w:numFmt)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting", "chineseLegalSimplified", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_number(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt in ("decimalEnclosedParen", "decimalEnclosedFullstop"):
        return str(n)
    if fmt == "upperLetter":
        return _letters(n, True)
    if fmt == "lowerLetter":
        return _letters(n, False)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    suffix: str = "tab"


@dataclass
class Numbering:
    """Word's list definitions (numbering.xml) and the counters while the body is read."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId → ilvl → level
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → ilvl → start
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstract id → counters
    abstract_of: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_element(cls, root) -> "Numbering":
        out = cls()
        if root is None:
            return out
        abstracts: dict[str, dict[int, _Level]] = {}
        for an in root.iter(_W + "abstractNum"):
            levels = {}
            for lvl in an.iter(_W + "lvl"):
                level = _Level()
                for child in lvl:
                    val = child.get(_W + "val")
                    if child.tag == _W + "numFmt" and val:
                        level.fmt = val
                    elif child.tag == _W + "lvlText" and val is not None:
                        level.text = val
                    elif child.tag == _W + "start" and val and val.lstrip("-").isdigit():
                        level.start = int(val)
                    elif child.tag == _W + "suff" and val:
                        level.suffix = val
                levels[int(lvl.get(_W + "ilvl", "0"))] = level
            abstracts[an.get(_W + "abstractNumId", "")] = levels
        for num in root.iter(_W + "num"):
            num_id = num.get(_W + "numId", "")
            ref = num.find(_W + "abstractNumId")
            abstract = ref.get(_W + "val", "") if ref is not None else ""
            out.abstract_of[num_id] = abstract
            out.levels[num_id] = abstracts.get(abstract, {})
            for ov in num.iter(_W + "lvlOverride"):
                so = ov.find(_W + "startOverride")
                if so is not None and (so.get(_W + "val") or "").isdigit():
                    out.overrides.setdefault(num_id, {})[int(ov.get(_W + "ilvl", "0"))] = int(so.get(_W + "val"))
        return out

    def label(self, num_id: str, ilvl: int) -> str:
        """The printed number of the next paragraph of list `num_id` at level `ilvl`."""
        levels = self.levels.get(num_id)
        if not levels or num_id == "0" or ilvl not in levels:
            return ""
        key = self.abstract_of.get(num_id, num_id)
        counters = self.counters.setdefault(key, {})
        starts = {i: self.overrides.get(num_id, {}).get(i, lv.start) for i, lv in levels.items()}
        counters[ilvl] = counters.get(ilvl, starts[ilvl] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        level = levels[ilvl]
        if level.fmt == "bullet":
            return ""

        def sub(m: re.Match) -> str:
            i = int(m.group(1)) - 1
            lv = levels.get(i)
            n = counters.get(i, starts.get(i, 1))
            return format_number(n, lv.fmt if lv else "decimal")

        text = re.sub(r"%(\d)", sub, level.text)
        if text and level.suffix == "space":
            text += " "
        return text


def _style_numbering(document) -> dict[str, tuple[str, int]]:
    """Paragraph styles that carry list numbering: style id → (numId, ilvl)."""
    out: dict[str, tuple[str, int]] = {}
    try:
        styles = document.styles.element
    except Exception:  # noqa: BLE001 - a document without a styles part
        return out
    for st in styles.iter(_W + "style"):
        ppr = st.find(_PPR)
        num = ppr.find(_W + "numPr") if ppr is not None else None
        if num is None:
            continue
        nid = num.find(_W + "numId")
        lvl = num.find(_W + "ilvl")
        if nid is not None:
            out[st.get(_W + "styleId", "")] = (nid.get(_W + "val", ""), int(lvl.get(_W + "val", "0")) if lvl is not None else 0)
    return out


class _Reader:
    def __init__(self, numbering: Numbering, style_numbering: dict[str, tuple[str, int]]) -> None:
        self.numbering = numbering
        self.style_numbering = style_numbering
        self.lines: list[str] = []

    def block(self, el) -> None:
        for child in el:
            if child.tag == _P:
                self.paragraph(child)
            elif child.tag == _TBL:
                self.table(child)
            elif child.tag == _SDT:
                content = child.find(_W + "sdtContent")
                if content is not None:
                    self.block(content)

    def _number_of(self, p) -> str:
        ppr = p.find(_PPR)
        if ppr is None:
            return ""
        num = ppr.find(_W + "numPr")
        if num is not None:
            nid = num.find(_W + "numId")
            lvl = num.find(_W + "ilvl")
            if nid is None:
                return ""
            return self.numbering.label(nid.get(_W + "val", ""), int(lvl.get(_W + "val", "0")) if lvl is not None else 0)
        style = ppr.find(_W + "pStyle")
        if style is not None and style.get(_W + "val") in self.style_numbering:
            nid, lvl = self.style_numbering[style.get(_W + "val")]
            return self.numbering.label(nid, lvl)
        return ""

    def paragraph_text(self, p) -> str:
        parts: list[str] = []

        def walk(el) -> None:
            for child in el:
                tag = child.tag
                if tag in (_DEL, _INSTR, _PPR, _RPR):
                    continue
                if tag == _T:
                    parts.append(child.text or "")
                elif tag == _TAB:
                    parts.append(" ")
                elif tag in (_BR, _CR):
                    parts.append("\n")
                elif tag == _NOBREAK_HYPHEN:
                    parts.append("-")
                elif tag == _P:  # a paragraph inside a text box: its own line
                    parts.append("\n" + self.paragraph_text(child) + "\n")
                else:
                    walk(child)

        walk(p)
        return "".join(parts)

    def paragraph(self, p) -> None:
        text = self.paragraph_text(p)
        number = self._number_of(p)
        if not text.strip():
            return
        for k, line in enumerate(text.split("\n")):
            if line.strip():
                self.lines.append((number if k == 0 else "") + line)

    def table(self, tbl) -> None:
        for tr in tbl.iter(_TR):
            if tr.getparent() is not tbl:
                continue  # rows of a nested table are read with their cell
            cells = []
            for tc in tr.iter(_TC):
                if tc.getparent() is not tr:
                    continue
                sub = _Reader(self.numbering, self.style_numbering)
                sub.block(tc)
                cells.append(" ".join(x.strip() for x in sub.lines if x.strip()))
            if any(cells):
                self.lines.append(CELL_SEP.join(cells))


def read(data: bytes, name: str) -> Extracted:
    """The reader of Word .docx files."""
    text = docx_text(data, name)
    if not text.strip():
        raise InputError(name, "is a .docx file with no text in it")
    return Extracted(text, "docx", library_version("python-docx"))


def docx_text(data: bytes, path: str | Path = "<bytes>") -> str:
    """The text of a .docx file's body (see the module docstring)."""
    if data.startswith(OLE_MAGIC):
        raise InputError(
            path,
            "is an encrypted Word file or an old binary Word (.doc) file, which cannot be read",
            hint="open it in Word or LibreOffice, remove any password, and save it as .docx or plain text",
        )
    if not data.startswith(ZIP_MAGIC):
        raise InputError(path, "is not a Word .docx file (no Office Open XML package inside)", hint="save it again as .docx or as plain text")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            big = [i.filename for i in zf.infolist() if i.filename.endswith(".xml") and i.file_size > MAX_XML_BYTES]
            if big:
                raise InputError(path, f"holds an XML part of over {MAX_XML_BYTES:,} bytes ({big[0]}); not a report")
            if "word/document.xml" not in zf.namelist() and "[Content_Types].xml" not in zf.namelist():
                raise InputError(path, "is a zip archive, not a Word .docx file", hint="unpack it and summarize the reports inside")
    except zipfile.BadZipFile:
        raise InputError(path, "is a damaged or truncated .docx file (its zip structure is broken)", hint="download or save it again") from None
    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - a core dependency
        raise InputError(path, "needs python-docx to be read", hint="pip install python-docx") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds for a broken package
        raise InputError(path, f"is a damaged .docx file ({type(exc).__name__}: {exc})", hint="open and save it again in Word or LibreOffice") from None
    try:
        numbering_root = document.part.numbering_part.element
    except Exception:  # noqa: BLE001 - no numbering part: no automatic numbers
        numbering_root = None
    reader = _Reader(Numbering.from_element(numbering_root), _style_numbering(document))
    reader.block(document.element.body)
    return "\n".join(reader.lines) + ("\n" if reader.lines else "")
