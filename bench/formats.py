"""Extraction time per format on the five seeds, and the libraries we compared.

Each seed (seeds/*.txt) is turned into the forms reports are published in (tests/makers.py): a
GBK web page with the site around it, a multi-page PDF in STSong-Light with running headers and
page numbers, a Word .docx, and a traditional-script repost. For each form: the time to read it
(`decode_document`: sniff + extract + script detection/conversion) and to parse it (read + clean
+ split + classify), and whether the cleaned text is the seed's, character for character.

With --compare, the PDF and HTML libraries we tried are timed on the same files, where they are
installed (they are not dependencies: `pip install pdfminer.six pdfplumber trafilatura`): raw
text only, no paragraph rebuilding, and the number of the source's characters each one loses.

    python -m bench.formats [--repeat 5] [--compare] [--no-append]
"""

from __future__ import annotations

import argparse
import io
import platform
import statistics
import subprocess
import time
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Callable

from summarizer.parse.clean import clean_text
from summarizer.parse.document import parse_bytes
from summarizer.read.reader import decode_document
from tests import makers

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
RESULTS = ROOT / "bench" / "results.md"


def docx_bytes(lines: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for ln in lines:
        d.add_paragraph(ln)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def forms() -> dict[str, list[tuple[str, bytes, str]]]:
    """format → [(file name, bytes, the seed's cleaned text)]."""
    out: dict[str, list[tuple[str, bytes, str]]] = {k: [] for k in ("text", "html", "pdf", "docx", "traditional")}
    for seed in SEEDS:
        lines = makers.report_lines(seed)
        source = seed.read_text(encoding="utf-8")
        expected = clean_text(source.replace("\xa0", " ")).text
        out["text"].append((seed.name, source.encode("utf-8"), expected))
        out["html"].append((seed.stem + ".html", makers.html_page(lines), expected))
        out["pdf"].append((seed.stem + ".pdf", makers.pdf_bytes(lines), expected))
        out["docx"].append((seed.stem + ".docx", docx_bytes(lines), expected))
        out["traditional"].append((seed.stem + ".txt", makers.traditional(source).encode("utf-8"), expected))
    return out


def _best_ms(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    fn()  # warm-up: imports, converters, fonts
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs), min(runs)


def time_formats(repeat: int) -> list[dict]:
    rows = []
    for fmt, files in forms().items():
        read_med, read_best = _best_ms(lambda: [decode_document(data, name) for name, data, _ in files], repeat)
        parse_med, _ = _best_ms(lambda: [parse_bytes(data, name) for name, data, _ in files], repeat)
        docs = [parse_bytes(data, name) for name, data, _ in files]
        same = sum(d.clean.text == expected for d, (_, _, expected) in zip(docs, files))
        rows.append({
            "format": fmt,
            "extractor": docs[0].raw.extractor + (" + opencc t2s" if docs[0].raw.script == "traditional" else ""),
            "bytes": sum(len(data) for _, data, _ in files),
            "read_ms": read_med,
            "read_best_ms": read_best,
            "per_doc_ms": read_med / len(files),
            "parse_ms": parse_med,
            "same": f"{same}/{len(files)}",
        })
    return rows


def _lost(text: str, expected: str) -> int:
    """Characters of the source (not whitespace) missing from an extraction."""
    want = Counter(ch for ch in expected if not ch.isspace())
    got = Counter(ch for ch in text if not ch.isspace())
    return sum((want - got).values())


def compare_pdf(repeat: int) -> list[dict]:
    files = forms()["pdf"]

    def pdfium(data: bytes) -> str:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(data)
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))

    def pypdf_(data: bytes) -> str:
        import pypdf

        return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)

    def pdfminer_(data: bytes) -> str:
        from pdfminer.high_level import extract_text

        return extract_text(io.BytesIO(data))

    def pdfplumber_(data: bytes) -> str:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return "\n".join(p.extract_text() or "" for p in pdf.pages)

    def ours(data: bytes) -> str:
        return decode_document(data, "x.pdf").text

    rows = []
    for name, fn in (("pypdfium2 (PDFium), raw", pdfium), ("pypdf, raw", pypdf_), ("pdfminer.six, raw", pdfminer_), ("pdfplumber, raw", pdfplumber_), ("ours: PDFium + paragraphs (+ pypdf where PDFium drops text)", ours)):
        try:
            med, _ = _best_ms(lambda: [fn(data) for _, data, _ in files], max(1, repeat // 2))
        except ImportError:
            rows.append({"library": name, "ms": None, "lost": None})
            continue
        lost = sum(_lost(fn(data), expected) for _, data, expected in files)
        rows.append({"library": name, "ms": med, "lost": lost})
    return rows


def compare_html(repeat: int) -> list[dict]:
    files = forms()["html"]

    def trafilatura_(data: bytes) -> str:
        import trafilatura

        return trafilatura.extract(data, include_tables=True, favor_recall=True) or ""

    def ours(data: bytes) -> str:
        return decode_document(data, "x.html").text

    rows = []
    for name, fn in (("trafilatura", trafilatura_), ("ours: lxml + article rules", ours)):
        try:
            med, _ = _best_ms(lambda: [fn(data) for _, data, _ in files], repeat)
        except ImportError:
            rows.append({"library": name, "ms": None, "same": None, "title": None})
            continue
        outs = [fn(data) for _, data, _ in files]
        same = sum(clean_text(o).text == expected for o, (_, _, expected) in zip(outs, files))
        titles = sum(expected.split("\n")[0] in o for o, (_, _, expected) in zip(outs, files))
        rows.append({"library": name, "ms": med, "same": f"{same}/{len(files)}", "title": f"{titles}/{len(files)}"})
    return rows


def _ms(value: float | None) -> str:
    return "not installed" if value is None else f"{value:.0f}"


def report(rows: list[dict], pdf: list[dict] | None, html: list[dict] | None) -> str:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    except OSError:
        commit, dirty = "?", ""
    lines = [
        f"## extraction per format · {datetime.now():%Y-%m-%d %H:%M} · commit {commit}{'+dirty' if dirty else ''}",
        "",
        f"Machine: {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip() or '?'} cores, Python {platform.python_version()}",
        "",
        "The five seeds in each form (tests/makers.py); read = sniff + extract (+ script detection and conversion), "
        "median of the runs; parse = read + clean + split + classify; same = cleaned text identical to the seed's.",
        "",
        "| format | extractor | input bytes | read ms (5 docs) | read ms per doc | parse ms (5 docs) | same |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r['format']} | {r['extractor']} | {r['bytes']:,} | {r['read_ms']:.1f} | {r['per_doc_ms']:.1f} | {r['parse_ms']:.1f} | {r['same']} |")
    if pdf:
        lines += ["", "PDF libraries on the same five PDFs (raw text; lost = source characters missing from the text):", "", "| library | ms (5 docs) | lost |", "|---|---|---|"]
        for r in pdf:
            lines.append(f"| {r['library']} | {_ms(r['ms'])} | {'' if r['lost'] is None else r['lost']} |")
    if html:
        lines += ["", "HTML extractors on the same five pages:", "", "| extractor | ms (5 docs) | text = seed's | title kept |", "|---|---|---|---|"]
        for r in html:
            lines.append(f"| {r['library']} | {_ms(r['ms'])} | {r['same'] or ''} | {r['title'] or ''} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--compare", action="store_true", help="also time the PDF and HTML libraries we tried (where installed)")
    ap.add_argument("--no-append", action="store_true", help=f"print only; do not append to {RESULTS.name}")
    args = ap.parse_args()
    rows = time_formats(args.repeat)
    pdf = compare_pdf(args.repeat) if args.compare else None
    html = compare_html(args.repeat) if args.compare else None
    text = report(rows, pdf, html)
    print(text)
    if not args.no_append:
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write("\n" + text)


if __name__ == "__main__":
    main()
