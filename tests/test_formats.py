"""Reports in the forms they are published in: a saved web page, a printed PDF, a Word file and a
traditional-script repost give the same analysis as the plain text they were made from; what we
cannot read is refused with one clear message and exit code 2, never a traceback.

"Same analysis" is compared between two forms of one document (never against fixed values, so
these tests hold while the rules improve): the section tree (paths, markers, titles, kinds) and
what the rules take (targets, problems, headline metrics) without their offsets, which index
each form's own text.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.parse.document import parse_bytes, parse_document, quotes_as_printed
from summarizer.errors import InputError
from summarizer.read.formats import unsupported_reason
from summarizer.read.reader import decode_document
from summarizer.rules.headline import extract_headline_metrics
from summarizer.rules.problems import extract_problems
from summarizer.rules.targets import extract_targets
from summarizer.read.script import SIMPLIFIED, TRADITIONAL, detect_script, to_simplified, to_traditional

from tests import makers
from tests.conftest import RECORD_URL, SEED_FILES, SEED_IDS, recorded


def tree_shape(doc) -> list[tuple]:
    return [(s.path, s.marker, s.title, s.kind.value, s.level, s.derived) for s in doc.tree.walk()]


def rules_output(doc) -> dict:
    """The rules' items without offsets (and quotes, which the caller compares apart)."""

    def strip(items):
        out = []
        for item in items:
            d = item.model_dump()
            d["source"] = {"section_path": d["source"]["section_path"]}
            out.append(d)
        return out

    return {
        "targets": strip(extract_targets(doc)),
        "problems": strip(extract_problems(doc)),
        "headline_metrics": strip(extract_headline_metrics(doc)),
    }


def assert_same_analysis(a, b) -> None:
    assert a.tree.metadata == b.tree.metadata
    assert tree_shape(a) == tree_shape(b)
    assert rules_output(a) == rules_output(b)
    assert a.clean.text == b.clean.text


def quotes_index_the_text(doc) -> None:
    """Every quote the rules give is where its offsets say, in the text `summarizer text` prints."""
    items = extract_targets(doc) + extract_problems(doc) + extract_headline_metrics(doc)
    assert items
    for item in items:
        s = item.source
        if s.quote is not None:
            assert s.quote.replace(" ", "") in doc.raw.text[s.start : s.end].replace(" ", "").replace("\n", "")


# ---------------------------------------------------------------------------------------------
# Web pages
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEED_FILES, ids=SEED_IDS)
def test_gbk_page_around_a_seed_reads_as_the_seed(seed):
    lines = makers.report_lines(seed)
    doc = parse_bytes(makers.html_page(lines), "report.html")
    assert doc.raw.format == "html" and doc.raw.extractor.startswith("lxml") and doc.raw.encoding == "gb18030"
    # the article, paragraph for paragraph: no navigation, breadcrumbs, widgets, footer, script
    assert doc.raw.text.split("\n")[:-1] == lines
    assert_same_analysis(doc, parse_document(seed))
    quotes_index_the_text(doc)


def test_page_charset_from_meta_or_bytes():
    lines = makers.report_lines(SEED_FILES[0])
    utf8 = makers.html_page(lines, charset="utf-8")
    assert decode_document(utf8, "a.html").encoding == "utf-8"
    undeclared = makers.html_page(lines, charset="gbk").replace(b"charset=gbk", b"")
    raw = decode_document(undeclared, "b.htm")
    assert raw.encoding == "gb18030" and lines[0] in raw.text


def test_page_tables_are_kept_row_by_row():
    lines = makers.report_lines(SEED_FILES[0])
    table = [["指标", "2024年目标", "属性"], ["地区生产总值增长", "6%左右", "预期性"], ["单位GDP能耗下降", "完成省下达任务", "约束性"]]
    raw = decode_document(makers.html_page(lines, table=table), "t.html")
    assert "指标 | 2024年目标 | 属性\n地区生产总值增长 | 6%左右 | 预期性\n单位GDP能耗下降 | 完成省下达任务 | 约束性\n" in raw.text


def test_saved_single_file_page_mhtml():
    lines = makers.report_lines(SEED_FILES[3])
    page = makers.html_page(lines, charset="gbk")
    import base64

    mht = (
        b'From: <Saved by a browser>\r\nSubject: report\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----=_NextPart_000"\r\n\r\n'
        b'------=_NextPart_000\r\nContent-Type: text/html;\r\n\tcharset="gbk"\r\nContent-Transfer-Encoding: base64\r\nContent-Location: http://example.org/a.html\r\n\r\n'
        + base64.encodebytes(page)
        + b"\r\n------=_NextPart_000--\r\n"
    )
    doc = parse_bytes(mht, "report.mht")
    assert doc.raw.format == "mhtml"
    assert_same_analysis(doc, parse_document(SEED_FILES[3]))


def test_page_without_report_text_is_refused():
    with pytest.raises(InputError) as info:
        decode_document(b"<html><body><div class='nav'><a href='/'>home</a></div><script>x()</script></body></html>", "empty.html")
    assert "no report text" in str(info.value)


# ---------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEED_FILES, ids=SEED_IDS)
def test_printed_pdf_round_trips_to_the_same_section_tree(seed):
    lines = makers.report_lines(seed)
    data = makers.pdf_bytes(lines)
    doc = parse_bytes(data, "report.pdf")
    assert doc.raw.format == "pdf" and doc.raw.extractor.startswith("pypdfium2")
    assert data.count(b"/Type /Page\n") >= 5 or data.count(b"/Type /Page") >= 6  # several pages
    assert "— 2 —" not in doc.raw.text  # page numbers and running headers gone: see the next line
    # paragraphs re-joined across lines and pages: the text is the source's, line for line
    assert doc.raw.text.split("\n")[:-1] == lines
    assert_same_analysis(doc, parse_document(seed))
    quotes_index_the_text(doc)


def test_justified_pdf_keeps_paragraphs():
    seed = SEED_FILES[3]
    lines = makers.report_lines(seed)
    doc = parse_bytes(makers.pdf_bytes(lines, justify=True), "justified.pdf")
    assert doc.raw.text.split("\n")[:-1] == lines
    assert_same_analysis(doc, parse_document(seed))


def test_unindented_pdf_breaks_at_short_lines_and_headings():
    """Without first-line indents a paragraph ends where its line stops short, and a numbered
    heading after a full stop starts its own line even when the line above is full."""
    lines = [
        "二〇二四年工作报告",
        "一、总体情况",
        "今年以来全区经济运行总体平稳" * 6 + "。",
        "（一）产业发展",
        "制造业增加值增长百分之六点五，" * 5 + "全年完成目标。",
        "二、主要任务",
        "推动高质量发展取得新成效" * 3 + "。",
    ]
    text = decode_document(makers.pdf_bytes(lines, indent=False, header="页眉文字"), "flat.pdf").text
    assert text.split("\n")[:-1] == lines


def test_cjk_joins_add_nothing_and_latin_words_keep_a_space():
    lines = ["测试报告", "一、总体情况", "全区" * 40 + "GDP growth" + "增长" * 40 + "。", "二、下一步工作", "继续推进" * 30 + "。"]
    text = decode_document(makers.pdf_bytes(lines, header="测试报告页眉"), "j.pdf").text
    assert text.split("\n")[:-1] == lines


def test_text_pdfium_leaves_out_is_read_back():
    """A one-character line in a font neither embedded nor installed has an empty box, and PDFium
    leaves it out of its text: pypdf reads it back, and the JSON says so."""
    lines = ["年度工作报告", "一、总体情况", "全区经济运行总体平稳，" * 8 + "。", "附", "二、下一步工作", "继续推进高质量发展。"]
    raw = decode_document(makers.pdf_bytes(lines), "cjk.pdf")
    assert raw.text.split("\n")[:-1] == lines
    if "left out" not in raw.extractor:  # the text is whole all the same (asserted above)
        pytest.skip("a CJK font is installed on this machine: PDFium has the glyph and reads the line itself")
    assert "pypdf" in raw.extractor and "left out" in raw.extractor


def test_scanned_pdf_needs_ocr():
    with pytest.raises(InputError) as info:
        decode_document(makers.image_only_pdf(), "scan.pdf")
    assert "without a text layer" in str(info.value) and "OCR" in (info.value.hint or "")


def test_encrypted_pdf_is_refused_but_one_without_a_user_password_is_read():
    lines = makers.report_lines(SEED_FILES[0])
    with pytest.raises(InputError) as info:
        decode_document(makers.pdf_bytes(lines, encrypt="secret"), "locked.pdf")
    assert "encrypted" in str(info.value) and "password" in str(info.value)
    from reportlab.lib.pdfencrypt import StandardEncryption

    owner_only = StandardEncryption("", ownerPassword="owner", canPrint=1, canCopy=0)
    assert decode_document(makers.pdf_bytes(lines, encrypt=owner_only), "restricted.pdf").text.split("\n")[:-1] == lines


def test_truncated_pdf_is_a_clear_error_or_its_readable_part():
    data = makers.pdf_bytes(makers.report_lines(SEED_FILES[0]))
    with pytest.raises(InputError) as info:
        decode_document(data[:200], "cut.pdf")
    assert "damaged" in str(info.value) or "without a text layer" in str(info.value)


# ---------------------------------------------------------------------------------------------
# Traditional script
# ---------------------------------------------------------------------------------------------


def test_conversion_keeps_every_length():
    samples = [s.read_text(encoding="utf-8") for s in SEED_FILES] + ["乾燥的頭髮著實難以梳理，於是瞭解後發現。", "撫州市東鄉區2024年國民經濟和社會發展計劃執行情況"]
    for text in samples:
        trad = makers.traditional(text)
        assert len(to_simplified(trad)) == len(trad)
    assert to_simplified("撫州市東鄉區2024年國民經濟和社會發展計劃執行情況") == "抚州市东乡区2024年国民经济和社会发展计划执行情况"


def test_script_is_detected():
    text = SEED_FILES[1].read_text(encoding="utf-8")
    assert detect_script(text) == SIMPLIFIED
    assert detect_script(makers.traditional(text)) == TRADITIONAL
    assert detect_script(text + "引用：臺灣地區的發展經驗。") == SIMPLIFIED


@pytest.mark.parametrize("seed", SEED_FILES, ids=SEED_IDS)
def test_traditional_repost_gives_the_same_targets_problems_and_metrics(seed, tmp_path):
    original = seed.read_text(encoding="utf-8")
    path = tmp_path / "repost.txt"
    path.write_text(makers.traditional(original), encoding="utf-8")
    trad, simp = parse_document(path), parse_document(seed)
    assert trad.raw.script == TRADITIONAL and trad.raw.text == makers.traditional(original)
    assert_same_analysis(trad, simp)
    changed = 0
    for kind in (extract_targets, extract_problems, extract_headline_metrics):
        as_printed, simplified = quotes_as_printed(trad, kind(trad)), kind(simp)
        assert len(as_printed) == len(simplified)
        for t, s in zip(as_printed, simplified):
            assert (t.source.start, t.source.end) == (s.source.start, s.source.end)  # same offsets
            if s.source.quote is not None:
                # the quote is the original's, as printed, and reads as the simplified one
                assert to_simplified(t.source.quote) == s.source.quote
                assert t.source.quote.replace(" ", "") in trad.raw.text[t.source.start : t.source.end].replace(" ", "").replace("\n", "")
                changed += t.source.quote != s.source.quote
    assert changed


def test_traditional_summary_quotes_as_printed_same_model_answers(request, tmp_path, monkeypatch, seed_summaries):
    """End to end on the recorded model: the simplified copy sends the model exactly what the
    seed sends (the cassette replays), and the summary quotes the traditional original."""
    seed = SEED_FILES[0]
    path = tmp_path / "repost.txt"
    path.write_text(makers.traditional(seed.read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.setenv("SUMMARIZER_BASE_URL", RECORD_URL)
    monkeypatch.setenv("SUMMARIZER_MAX_RETRIES", "0")
    with recorded(request.config, "test_pipeline/000.yaml"):
        result = CliRunner().invoke(app, ["summarize", str(path), "-q", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["source"]["script"] == "traditional" and data["source"]["format"] == "text"
    simp = seed_summaries["000"].model_dump()
    assert [t["target"] for t in data["targets"]] == [t["target"] for t in simp["targets"]]
    assert [p["summary"] for p in data["problems"]] == [p["summary"] for p in simp["problems"]]
    assert [m["value"] for m in data["headline_metrics"]] == [m["value"] for m in simp["headline_metrics"]]
    assert len(data["achievements"]) == len(simp["achievements"]) and len(data["tasks"]) == len(simp["tasks"])
    quotes = [m["source"]["quote"] for m in data["headline_metrics"] if m["source"]["quote"]]
    assert quotes and all(q == makers.traditional(to_simplified(q)) for q in quotes)
    assert any("區" in q or "產" in q or "長" in q for q in quotes)


# ---------------------------------------------------------------------------------------------
# The JSON and `summarizer text`
# ---------------------------------------------------------------------------------------------


def test_summary_of_a_page_says_format_and_extractor(request, tmp_path, monkeypatch, seed_summaries):
    """The page's report is the seed's: the recorded model answers replay, and the JSON says
    how its text was obtained; its offsets index what `summarizer text` prints."""
    page = tmp_path / "report.html"
    page.write_bytes(makers.html_page(makers.report_lines(SEED_FILES[0])))
    monkeypatch.setenv("SUMMARIZER_BASE_URL", RECORD_URL)
    monkeypatch.setenv("SUMMARIZER_MAX_RETRIES", "0")
    with recorded(request.config, "test_pipeline/000.yaml"):
        result = CliRunner().invoke(app, ["summarize", str(page), "-q", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["source"]["format"] == "html" and data["source"]["extractor"].startswith("lxml ")
    text = CliRunner().invoke(app, ["text", str(page)]).output
    assert len(text) == data["source"]["chars"]
    for m in data["headline_metrics"]:
        assert m["source"]["quote"].replace(" ", "") == text[m["source"]["start"] : m["source"]["end"]].replace(" ", "")
    simp = seed_summaries["000"]
    assert [a["summary"] for a in data["achievements"]] == [a.summary for a in simp.achievements]


def test_text_command_prints_the_extracted_text(tmp_path):
    pdf = tmp_path / "r.pdf"
    lines = makers.report_lines(SEED_FILES[2])
    pdf.write_bytes(makers.pdf_bytes(lines))
    result = CliRunner().invoke(app, ["text", str(pdf), "--info"])
    assert result.exit_code == 0
    assert result.stdout.split("\n")[:-1] == lines
    assert "format pdf" in result.stderr and "pypdfium2" in result.stderr
    tree = json.loads(CliRunner().invoke(app, ["sections", str(pdf), "--json"]).stdout)
    assert tree["format"] == "pdf" and tree["chars"] == len(result.stdout)
    for s in tree["sections"]:
        assert result.stdout[s["start"] : s["end"]].startswith(s["marker"] + s["title"][:4]) or not s["marker"]


# ---------------------------------------------------------------------------------------------
# What we do not read: one message, exit code 2, no traceback
# ---------------------------------------------------------------------------------------------


def _docx_bytes() -> bytes:
    import docx

    d = docx.Document()
    for ln in makers.report_lines(SEED_FILES[0])[:40]:
        d.add_paragraph(ln)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _ole(stream: str) -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + stream.encode("utf-16-le") + b"\x00" * 1000


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("a.txt", "报告")
    return out.getvalue()


REFUSED = [
    ("scan.pdf", makers.image_only_pdf, "without a text layer", "OCR"),
    ("locked.pdf", lambda: makers.pdf_bytes(["标题", "正文。"], encrypt="pw"), "encrypted PDF", "password"),
    ("old.doc", lambda: _ole("WordDocument"), "old binary Word document (.doc)", ".docx"),
    ("old.wps", lambda: _ole("WordDocument"), "WPS Writer document (.wps)", ".docx"),
    ("cut.docx", lambda: _docx_bytes()[:3000], "damaged or truncated .docx", "save it again"),
    ("locked.docx", lambda: _ole("EncryptedPackage"), "password-protected", "remove the password"),
    ("scan.png", lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image (PNG)", "OCR"),
    ("photo.jpg", lambda: b"\xff\xd8\xff\xe0" + b"\x00" * 100, "image (JPEG)", "OCR"),
    ("reports.zip", _zip, "ZIP archive", "unpack"),
    ("reports.rar", lambda: b"Rar!\x1a\x07\x01\x00" + b"\x00" * 100, "RAR archive", "unpack"),
    ("notice.ceb", lambda: b"\x00\x01CEB" + b"\x00" * 100, "Apabi CEB document (.ceb)", "print it to PDF"),
]


@pytest.mark.parametrize("name,make,reason,hint", REFUSED, ids=[r[0] for r in REFUSED])
def test_unreadable_forms_get_one_clear_error(tmp_path, name, make, reason, hint):
    path = tmp_path / name
    path.write_bytes(make())
    for command in (["summarize", str(path), "-q"], ["text", str(path)]):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 2, result.output
        assert reason in result.output and hint in result.output and str(path) in result.output
        assert "Traceback" not in result.output
        assert result.output.count("error:") == 1


def test_batch_reads_every_supported_form_and_lists_the_others(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    lines = makers.report_lines(SEED_FILES[0])
    (src / "a.html").write_bytes(makers.html_page(lines))
    (src / "b.pdf").write_bytes(makers.pdf_bytes(lines))
    (src / "c.txt").write_text("\n".join(lines), encoding="utf-8")
    (src / "d.doc").write_bytes(_ole("WordDocument"))
    (src / "e.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (src / "f.xyz").write_bytes(b"?")
    from summarizer.batch import find_inputs

    reports, others = find_inputs(src)
    assert [p.name for p in reports] == ["a.html", "b.pdf", "c.txt"]
    assert [(p.name, why.split(":")[0]) for p, why in others] == [
        ("d.doc", "an old binary Word document (.doc), which cannot be read"),
        ("e.png", "an image (PNG), not a text"),
        ("f.xyz", ".xyz files are not a report format this tool reads (text (.txt, .md), web pages (.html, .htm, .mht), PDF and Word .docx)"),
    ]
    assert "save it as .docx" in unsupported_reason(src / "d.doc")


# ---------------------------------------------------------------------------------------------
# One table of formats: sniffing, batch's discovery and the help texts all read it
# ---------------------------------------------------------------------------------------------


def test_every_refused_format_is_refused_by_name_with_its_sentence(tmp_path):
    from summarizer.read.formats import FORMATS

    refused = [f for f in FORMATS if not f.readable and f.suffixes]
    assert len(refused) > 20
    for fmt in refused:
        for suffix in fmt.suffixes:
            path = tmp_path / f"report{suffix}"
            assert unsupported_reason(path) == f"{fmt.reason.removeprefix('is ')}: {fmt.hint}"
            path.write_bytes("2024年政府工作报告\n各位代表：现在，我代表市人民政府作报告。\n".encode())
            with pytest.raises(InputError) as info:
                decode_document(path.read_bytes(), path)
            assert info.value.reason == fmt.reason and info.value.hint == fmt.hint


#: The leading bytes of every format the table recognises by its signature alone.
SIGNED = {
    "png": b"\x89PNG\r\n\x1a\n", "jpeg": b"\xff\xd8\xff\xe0", "gif": b"GIF89a", "tiff": b"II*\x00", "webp": b"RIFF\x00\x00\x00\x00WEBPVP8 ",
    "riff": b"RIFF\x00\x00\x00\x00WAVE", "rar": b"Rar!\x1a\x07\x01\x00", "7z": b"7z\xbc\xaf\x27\x1c", "gzip": b"\x1f\x8b\x08",
    "xz": b"\xfd7zXZ\x00", "zstd": b"\x28\xb5\x2f\xfd", "rtf": b"{\\rtf1\\ansi", "zip": b"PK\x03\x04", "ole2": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
}


def test_signatures_decide_before_names():
    from summarizer.read.formats import FORMATS, Refused, sniff

    assert sniff(makers.pdf_bytes(["标题", "正文。"]), "report.txt").name == "pdf"
    assert sniff(_docx_bytes(), "report.bin").name == "docx"
    signed = {f.name: f for f in FORMATS if f.signature is not None and not f.readable}
    assert set(signed) == set(SIGNED)
    for name, head in SIGNED.items():
        with pytest.raises(Refused) as info:
            sniff(head + b"\x00" * 64, "report.txt")
        assert info.value.reason == signed[name].reason, name


def test_help_texts_and_batch_discovery_follow_the_table(tmp_path):
    from summarizer.batch import find_inputs
    from summarizer.read.formats import FORMATS, SUPPORTED_SUFFIXES, SUPPORTED_TEXT

    assert SUPPORTED_TEXT == "text (.txt, .md), web pages (.html, .htm, .mht), PDF and Word .docx"
    for command in ("summarize", "text", "sections", "batch"):
        help_text = " ".join(CliRunner().invoke(app, [command, "--help"]).output.split())
        assert SUPPORTED_TEXT in help_text, command
    for suffix in SUPPORTED_SUFFIXES:
        (tmp_path / f"r{suffix}").write_text("报告", encoding="utf-8")
    (tmp_path / "r.wps").write_bytes(b"x")
    reports, others = find_inputs(tmp_path)
    assert sorted(p.suffix for p in reports) == sorted(s for f in FORMATS if f.readable for s in f.suffixes)
    assert [p.name for p, _ in others] == ["r.wps"]


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>某某区2024年国民经济和社会发展计划执行情况_某某区人民政府</title></head><body></body></html>",
        "<html><head><title>某某区2025年政府工作报告</title></head><body><h1>某某区2025年政府工作报告</h1><div class='share'>分享到：微信</div></body></html>",
        "<html><head><title>关于2024年计划执行情况的报告</title></head><body><nav><a href='/'>首页</a> &gt; <a href='/zw'>政务公开</a></nav><footer>版权所有 某某区人民政府</footer></body></html>",
    ],
    ids=["empty-body", "title-only", "navigation-only"],
)
def test_a_page_without_article_text_is_refused_not_summarized_from_its_title(tmp_path, page):
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    for command in (["summarize", str(path), "--no-model", "-q"], ["text", str(path)]):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 2, result.output
        assert "is a web page with no report text on it" in result.output and "Traceback" not in result.output
        assert "2024 → 2025" not in result.output


def test_a_page_with_a_short_article_keeps_its_title():
    page = "<html><head><title>关于做好节日值班工作的通知_某某区人民政府</title></head><body><p>各街道：现将有关事项通知如下，请认真贯彻执行。</p></body></html>"
    assert decode_document(page.encode("utf-8"), "n.html").text == "关于做好节日值班工作的通知\n各街道：现将有关事项通知如下，请认真贯彻执行。\n"


def _pdf_drawn(draw) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    draw(c)
    c.showPage()
    c.save()
    return out.getvalue()


@pytest.mark.parametrize(
    "make,reason,hint",
    [
        (lambda: _pdf_drawn(lambda c: None), "is a PDF with nothing to read on it (1 blank page(s))", "download or export it again"),
        (lambda: _pdf_drawn(lambda c: c.rect(100, 100, 300, 400)), "1 page(s) of drawn shapes, no images", "OCR"),
        (makers.image_only_pdf, "(2 page(s), 2 image(s), 0 characters of text): a scan", "OCR"),
    ],
    ids=["blank", "shapes", "scan"],
)
def test_a_pdf_without_text_says_what_is_on_its_pages(tmp_path, make, reason, hint):
    path = tmp_path / "r.pdf"
    path.write_bytes(make())
    result = CliRunner().invoke(app, ["summarize", str(path), "--no-model", "-q"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert reason in result.output and hint in result.output
    if "blank" in reason:  # a blank page is no scan: the message names no images
        assert "image" not in result.output


# ---------------------------------------------------------------------------------------------
# Big5: Taiwan's and Hong Kong's encoding of traditional script
# ---------------------------------------------------------------------------------------------

BIG5_REPOSTS = [  # (seed, OpenCC conversion, codec): reposts whose every character the codec has
    (SEED_FILES[0], "s2tw", "cp950"),
    (SEED_FILES[2], "s2tw", "cp950"),
    (SEED_FILES[3], "s2tw", "big5"),
    (SEED_FILES[0], "s2hk", "big5hkscs"),
]


@pytest.mark.parametrize("seed,conversion,codec", BIG5_REPOSTS, ids=[f"{s.name[:3]}-{c}" for s, _, c in BIG5_REPOSTS])
def test_a_big5_repost_reads_as_the_report(tmp_path, seed, conversion, codec):
    import opencc

    original = seed.read_text(encoding="utf-8").replace("\xa0", " ")  # NBSP: no Big5 code
    repost = opencc.OpenCC(conversion).convert(original)
    path = tmp_path / "repost.txt"
    path.write_bytes(repost.encode(codec))
    doc = parse_document(path)
    assert doc.raw.text == repost and doc.raw.script == TRADITIONAL
    assert doc.raw.encoding in ("cp950", "big5hkscs")
    as_utf8 = tmp_path / "utf8.txt"
    as_utf8.write_text(repost, encoding="utf-8")
    assert_same_analysis(doc, parse_document(as_utf8))  # the same report as a UTF-8 file
    info = CliRunner().invoke(app, ["text", str(path), "--info"])
    assert info.exit_code == 0 and "script traditional" in info.stderr and f"encoding {doc.raw.encoding}" in info.stderr
    brief = CliRunner().invoke(app, ["summarize", str(path), "--no-model", "-q", "--json"])
    summary = json.loads(brief.stdout)
    assert summary["metadata"]["region"] and summary["targets"] and summary["headline_metrics"]


def test_big5_and_gb_are_told_apart_by_common_characters():
    from summarizer.read.decode import common_share, decode_text

    text = SEED_FILES[1].read_text(encoding="utf-8").replace("\xa0", " ")
    taiwan = to_traditional(text)
    big5 = __import__("opencc").OpenCC("s2tw").convert(text).encode("cp950", errors="replace")
    assert common_share(text) > 0.99 and common_share(big5.decode("cp950")) > 0.99
    assert common_share(big5.decode("gb18030")) < 0.5  # Big5 read as GB: private-use commas, kana
    assert decode_text(big5, "t.txt")[1] == "cp950"
    assert decode_text(taiwan.encode("gb18030"), "t.txt") == (taiwan, "gb18030")  # traditional in GB stays GB
    assert decode_text(text.encode("gb18030"), "s.txt") == (text, "gb18030")
    damaged = big5[: len(big5) // 2] + big5[len(big5) // 2 + 1 :]  # one byte lost in a copy
    read, codec = decode_text(damaged, "d.txt")
    assert codec == "cp950" and read.count("\ufffd") <= 2 and read[:200] == big5.decode("cp950")[:200]
    # a HKSCS character cp950 lacks: read as Big5-HKSCS, not as cp950 with damage
    hk = "香港特別行政區政府：衞生署、羣眾。".encode("big5hkscs")
    assert decode_text(hk, "hk.txt") == ("香港特別行政區政府：衞生署、羣眾。", "big5hkscs")
