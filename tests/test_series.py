"""A government's record over the years: the series built from track's pairs, its numbers and
target moves, the renderers (terminal at 80 columns, Markdown, HTML with inline SVG charts, CSV,
JSON) and the `series` command with and without the charts extra."""

from __future__ import annotations

import csv
import io
import json
import re
import sys

import pytest
from lxml import etree
from lxml import html as lxml_html
from markdown_it import MarkdownIt
from rich.cells import cell_len
from rich.console import Console
from typer.testing import CliRunner

from schemas.series import SERIES_STATUS_LABELS, Series, SeriesExport
from schemas.summary import SourceSpan
from schemas.track import Verdict, VerdictRules
from summarizer.aggregate import track as tr
from summarizer.aggregate.series import build_series, compared_figure, resolve_indicators
from summarizer.cli import app
from summarizer.render import series_charts as charts
from summarizer.render.common import md_text
from summarizer.render.series import CSP, csv_text, html_page, markdown, print_series, series_json

from tests.test_track import GDP, REPORT_2025, REPORT_2026, _summary, result, target

CPI, JOBLESS, REVENUE = "居民消费价格", "城镇调查失业率", "一般公共预算收入"
needs_charts = pytest.mark.skipif(not charts.available(), reason="matplotlib (the charts extra) is not installed")


def _reports():
    """宁夏 2023, 2024 and 2026 (no 2025 report): a within band, a miss, a met, a gap."""
    r2023 = _summary(
        "r/宁夏_2023.docx", "宁夏", 2023,
        targets=[target(GDP, "增长5.5%左右"), target(CPI, "涨幅3%左右"), target(JOBLESS, "5.5%以内"), target(REVENUE, "增长5%")],
    )
    r2024 = _summary(
        "r/宁夏回族自治区_2024.txt", "宁夏回族自治区", 2024,
        targets=[target(GDP, "增长5%左右", note="力争更好"), target(CPI, "涨幅3%左右"), target(REVENUE, "增长5%—5.5%")],
        metrics=[result(GDP, value="5315亿元", change="增长5.2%"), result(CPI, change="上涨0.2%"), result(REVENUE, value="500亿元", change="增长4%")],
    )
    r2026 = _summary(
        "r/宁夏_2026.txt", "宁夏回族自治区", 2026,
        targets=[target(GDP, "增长5%左右")],
        metrics=[result(GDP, value="5696亿元", change="增长5.6%")],
    )
    return [r2026, r2023, r2024]  # any order


def _series() -> Series:
    return build_series(_reports())


def _years(s: Series, canonical: str) -> dict:
    (g,) = s.governments
    ind = next(i for i in g.indicators if i.canonical == canonical)
    return {y.year: y for y in ind.years}


# ---------------------------------------------------------------------------------------------
# The series
# ---------------------------------------------------------------------------------------------


def test_one_government_every_year_from_the_first_report_to_the_last_gaps_shown():
    s = _series()
    (g,) = s.governments
    assert g.government == "宁夏回族自治区" and (g.first_year, g.last_year) == (2023, 2026)
    assert [i.canonical for i in g.indicators] == [GDP, REVENUE, JOBLESS, CPI]  # the headline order
    for ind in g.indicators:
        assert [y.year for y in ind.years] == [2023, 2024, 2025, 2026]
    gdp = _years(s, GDP)
    assert {n: y.status for n, y in gdp.items()} == {2023: "within_band", 2024: "no_next_report", 2025: "no_report", 2026: "no_next_report"}
    assert gdp[2024].reason == "no report reviews 2024" and gdp[2025].reason == "no report plans for 2025"
    # a year without a report still shows the figure the next report prints for it, without a verdict
    assert gdp[2025].verdict is None and gdp[2025].result.change == "增长5.6%" and gdp[2025].result_number == 5.6
    assert gdp[2025].result_report == "r/宁夏_2026.txt"
    assert gdp[2024].target.note == "力争更好"  # the stretch goal stays with its target
    assert {n: y.status for n, y in _years(s, JOBLESS).items()} == {2023: "no_result", 2024: "no_target", 2025: "no_report", 2026: "no_target"}


def test_verdicts_and_reasons_are_tracks_for_the_same_pair():
    reports = _reports()
    s = build_series(reports)
    pairs = {(p.canonical, p.year): p for p in tr.track([reports[1], reports[2]]).pairs}
    assert pairs  # the 2023 and 2024 reports alone
    for (canonical, year), p in pairs.items():
        y = _years(s, canonical)[year]
        assert (y.verdict, y.status, y.reason) == (p.verdict, p.verdict.value, p.reason)
        assert y.target == p.target and y.result == p.result and y.result_report == p.result_report
    assert _years(s, CPI)[2023].status == "missed" and _years(s, REVENUE)[2023].status == "missed"


def test_the_numbers_are_those_the_verdict_was_given_on():
    s = _series()
    gdp = _years(s, GDP)[2023]
    assert (gdp.measure, gdp.unit, gdp.comparator, gdp.target_low, gdp.target_high, gdp.band) == ("rate", "%", "about", 5.5, 5.5, 0.5)
    assert (gdp.result_number, gdp.gap) == (5.2, -0.3)
    rev = _years(s, REVENUE)[2024]
    assert (rev.comparator, rev.target_low, rev.target_high, rev.band) == ("range", 5.0, 5.5, None)
    assert _years(s, CPI)[2023].gap == -2.8
    for ind in s.governments[0].indicators:
        for y in ind.years:
            if y.verdict in (Verdict.MET, Verdict.WITHIN_BAND, Verdict.MISSED):
                goal, fig = compared_figure(y.target, y.result)
                way = tr.direction(y.target.canonical, y.target.indicator)
                assert tr.judge_figure(goal, fig, way, VerdictRules()) == y.verdict
                assert fig.low == y.result_number


@pytest.mark.parametrize(
    "indicator, printed, figure, gap",
    [
        (REVENUE, "增长5.0%—5.5%", {"change": "增长5.2%"}, 0.0),  # inside a range
        (REVENUE, "增长5.0%—5.5%", {"change": "增长4.6%"}, -0.4),  # to its nearer end
        (REVENUE, "增长5.0%—5.5%", {"change": "增长6%"}, 0.5),
        (REVENUE, "增长5%", {"change": "下降1%"}, -6.0),  # signed
        (JOBLESS, "5.5%以内", {"value": "5.1%"}, -0.4),  # a level
        (GDP, "突破1万亿元", {"value": "9800亿元"}, -0.02),  # in the target's unit (万亿元)
    ],
)
def test_the_gap_is_result_minus_target_to_the_nearest_end_of_a_range(indicator, printed, figure, gap):
    earlier = _summary("a/某省_2024.txt", "某省", 2024, targets=[target(indicator, printed)])
    later = _summary("a/某省_2025.txt", "某省", 2025, metrics=[result(indicator, **figure)])
    y = _years(build_series([earlier, later]), indicator)[2024]
    assert y.verdict is not None and y.gap == gap, (y.status, y.reason, y.gap)


def test_how_the_targets_moved_with_the_year_befores_outcome():
    s = _series()
    assert _years(s, GDP)[2024].change_note == "lowered after within band (was 增长5.5%左右)"
    assert _years(s, CPI)[2024].change_note == "unchanged after a miss"
    assert _years(s, REVENUE)[2024].change_note == "raised after a miss, range introduced (was 增长5%)"
    assert (_years(s, JOBLESS)[2024].change, _years(s, JOBLESS)[2024].change_note) == ("dropped", "dropped (was 5.5%以内)")
    assert _years(s, GDP)[2023].change is None and _years(s, GDP)[2026].change is None  # no report the year before


def test_indicators_can_be_chosen_also_without_a_target():
    assert resolve_indicators(["GDP", "国内生产总值", "居民消费价格"]) == [GDP, CPI]
    with pytest.raises(ValueError):
        resolve_indicators(["研发经费投入强度"])
    s = build_series(_reports(), indicators=["粮食产量", GDP])
    assert [i.canonical for i in s.governments[0].indicators] == ["粮食产量", GDP]
    grain = s.governments[0].indicators[0]
    assert {y.status for y in grain.years} == {"no_target", "no_report"} and grain.measure is None


def test_governments_are_tracks():
    reports = _reports() + [_summary("x/光明区_2025.txt", "深圳市光明区", 2025, targets=[target(GDP, "增长6%")])]
    s = build_series(reports)
    assert [g.government for g in s.governments] == [g.government for g in tr.track(reports).governments]
    assert s.governments[1].first_year == s.governments[1].last_year == 2025
    assert _years(Series(rules=s.rules, governments=[s.governments[1]]), GDP)[2025].status == "no_next_report"


# ---------------------------------------------------------------------------------------------
# Terminal
# ---------------------------------------------------------------------------------------------


def _terminal(s: Series, width: int, **kw) -> str:
    buf = io.StringIO()
    print_series(s, Console(file=buf, width=width, color_system=None), **kw)
    return buf.getvalue()


@pytest.mark.parametrize("width", [80, 120])
def test_the_terminal_view_fits_the_width_and_draws_a_chart_per_indicator(width):
    out = _terminal(_series(), width)
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    chart = [line for line in lines if re.match(r"^20\d\d \|.*\|", line)]
    assert len(chart) == 4 * 4  # four years of four indicators
    gdp_2023 = next(line for line in chart if line.startswith("2023") and "within band" in line)
    assert "=" in gdp_2023 and "|" in gdp_2023[6:-20] and "o" in gdp_2023 and gdp_2023.rstrip().endswith("5.2 within band")
    assert any(line.startswith("2025 |") and "." in line[5:] and line.rstrip().endswith("5.6 no report") for line in chart)
    for line in lines:  # one display width per character in charts and tables
        if "|" in line:
            assert not set(line) & set("…“”─→≥≤±·"), line


def test_the_chart_rows_align_and_the_table_columns_align_at_80():
    out = _terminal(_series(), 80)
    chart = [line for line in out.splitlines() if re.match(r"^20\d\d \|", line)]
    ends = {cell_len(line[: line.rindex("|") + 1]) for line in chart}
    assert len(ends) == 1  # the right edge of every strip in one column
    blocks: list[list[str]] = [[]]
    for line in out.splitlines():
        if line.startswith(" ") and "|" in line and not re.match(r"^ +\+-", line):  # a table row (not a chart's axis)
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    tables = [b for b in blocks if len(b) >= 3]
    assert len(tables) == 4  # one per indicator
    for rows in tables:
        positions = {tuple(cell_len(row[:i]) for i, ch in enumerate(row) if ch == "|") for row in rows}
        assert len(positions) == 1, rows


def test_quotes_in_the_terminal():
    out = _terminal(_series(), 80, quotes=True)
    assert "2023 target: q [宁夏_2023.docx 一 0-1]" in out and "2023 result: 地区生产总值5315亿元增长5.2% [宁夏回族自治区_2024.txt 一 0-1]" in out


# ---------------------------------------------------------------------------------------------
# Markdown, HTML, CSV, JSON
# ---------------------------------------------------------------------------------------------

HOSTILE = "<script>alert(1)</script>|*x*_y_[a](javascript:b)`c`<img src=x onerror=alert(2)>\n# h"


def _hostile_series() -> Series:
    span = SourceSpan(section_path="一|<b>", start=0, end=5, quote=HOSTILE)
    t = target(GDP, "增长5%左右").model_copy(update={"source": span, "note": HOSTILE})
    m = result(GDP, change="增长5.3%").model_copy(update={"source": span})
    return build_series([
        _summary(f"r/{HOSTILE}_2024.txt", "某省" + HOSTILE, 2024, targets=[t]),
        _summary("r/b_2025.txt", "某省" + HOSTILE, 2025, metrics=[m], targets=[t]),
    ])


def test_markdown_escapes_report_text_and_keeps_the_table_columns():
    s = _hostile_series()
    md = markdown(s)
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert not kinds & {"html_inline", "html_block", "link_open", "image", "code_inline", "em_open"}, kinds
    rows = [line for line in md.splitlines() if line.startswith("| 20")]
    assert len(rows) == 2
    header = next(line for line in md.splitlines() if line.startswith("| year"))
    cells = lambda line: len(re.findall(r"(?<!\\)\|", line))  # noqa: E731
    assert all(cells(r) == cells(header) for r in rows)
    # the package's one Markdown escaping (render.common): "<" opens no tag, ">" opens no quote mid-line
    assert md_text("a|b<c>") == "a\\|b\\<c>" and md_text("> q") == "\\> q"


def test_the_html_page_escapes_report_text_under_a_policy_that_lets_nothing_load():
    page = html_page(_hostile_series())
    doc = lxml_html.fromstring(page)
    assert not doc.xpath("//script | //img | //a | //iframe | //link | //object")
    assert not [el for el in doc.iter() if isinstance(el.tag, str) and any(a.startswith("on") for a in el.attrib)]
    meta = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert meta == [CSP] and "default-src 'none'" in CSP and "unsafe-inline" not in CSP
    text = doc.text_content()
    assert "某省<script>alert(1)</script>" in text and "<img src=x onerror=alert(2)>" in text  # shown as text


def test_csv_and_json_one_row_per_government_indicator_and_year():
    s = _series()
    rows = list(csv.DictReader(io.StringIO(csv_text(s))))
    assert len(rows) == 4 * 4
    assert [(r["canonical"], r["year"], r["status"]) for r in rows[:4]] == [(GDP, "2023", "within_band"), (GDP, "2024", "no_next_report"), (GDP, "2025", "no_report"), (GDP, "2026", "no_next_report")]
    r = rows[0]
    assert (r["government"], r["target"], r["result_change"], r["result_number"], r["gap"], r["verdict"]) == ("宁夏回族自治区", "增长5.5%左右", "增长5.2%", "5.2", "-0.3", "within_band")
    assert rows[1]["stretch"] == "力争更好" and rows[2]["verdict"] == "" and rows[2]["result_number"] == "5.6"
    data = json.loads(series_json(s))
    assert list(data["rows"][0])[:3] == ["government", "canonical", "year"] and len(data["rows"]) == 16
    again = SeriesExport.model_validate(data)
    assert [(x.canonical, x.year, x.status) for x in again.rows] == [(x["canonical"], int(x["year"]), x["status"]) for x in rows]
    assert "indicators" not in data["governments"][0]


# ---------------------------------------------------------------------------------------------
# Charts
# ---------------------------------------------------------------------------------------------


@needs_charts
def test_the_svg_charts_carry_no_style_attribute_script_or_outside_reference():
    s = _series()
    (g,) = s.governments
    page = html_page(s, lambda g, ind: charts.svg(ind, f"c{ind.canonical}", description=f"{g.government} {ind.canonical}"))
    doc = lxml_html.fromstring(page)
    svgs = doc.xpath("//svg")
    assert len(svgs) == 4
    assert not doc.xpath("//svg//style | //svg//script | //svg//*[@style] | //svg[@style]")
    ids = [el.get("id") for el in doc.iter() if isinstance(el.tag, str) and el.get("id")]
    assert len(ids) == len(set(ids))  # many charts on one page: no id twice
    for el in doc.iter():
        for name, value in (el.attrib.items() if isinstance(el.tag, str) else ()):
            if "href" in name:
                assert value.startswith("#") and value[1:] in ids, (name, value)
            assert "http" not in value or name == "xmlns" or value.startswith("http://www.w3.org/"), (name, value)
    # the marks of the verdicts are drawn: the within band point, the missed crosses
    colors = {el.get("fill") for el in doc.iter() if isinstance(el.tag, str)}
    assert charts.COLORS["within_band"] in colors and charts.COLORS["missed"] in colors


def test_inline_svg_refuses_an_outside_reference():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="http://x/y#z"/></svg>'
    with pytest.raises(ValueError, match="outside"):
        charts.inline_svg(svg, "c1")
    ok = charts.inline_svg('<svg xmlns="http://www.w3.org/2000/svg"><defs><style>*{stroke-linecap: butt}</style></defs><path id="p" style="fill: #fff; stroke-width: 2"/></svg>', "c9")
    root = etree.fromstring(ok)
    assert root.get("stroke-linecap") == "butt" and root.find(".//{http://www.w3.org/2000/svg}path").get("id") == "c9-p"
    assert root.find(".//{http://www.w3.org/2000/svg}path").get("fill") == "#fff" and "style" not in ok


def test_a_chart_title_is_text_whatever_the_summary_carries():
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>'
    title = etree.fromstring(charts.inline_svg(svg, "c1", "某省\x0b<b>&\x00 GDP")).find("{http://www.w3.org/2000/svg}title")
    assert title.text == "某省<b>& GDP"  # escaped by the serializer; what XML cannot carry left out


@pytest.fixture
def reports(tmp_path):
    (tmp_path / "某某_2025.txt").write_text(REPORT_2025, encoding="utf-8")
    (tmp_path / "某某省_2026.txt").write_text(REPORT_2026, encoding="utf-8")
    return tmp_path


def test_series_command_terminal_json_csv(reports, tmp_path):
    res = CliRunner().invoke(app, ["series", str(reports), "--width", "80", "-q"])
    assert res.exit_code == 0, res.output
    assert "某某省 · 地区生产总值 (change, %)" in res.output and "2025 |" in res.output and "met" in res.output
    data = json.loads(CliRunner().invoke(app, ["series", str(reports), "--json", "-q"]).stdout)
    got = {(r["canonical"], r["year"]): r["status"] for r in data["rows"]}
    assert got[(GDP, 2025)] == "met" and got[(CPI, 2025)] == "missed" and got[(GDP, 2026)] == "no_next_report" and got[(CPI, 2026)] == "no_target"
    out = tmp_path / "s.csv"
    assert CliRunner().invoke(app, ["series", str(reports), "-o", str(out), "-q"]).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfgovernment,canonical,year")
    res = CliRunner().invoke(app, ["series", str(reports), "--indicator", "研发投入", "-q"])
    assert res.exit_code == 2 and "not a headline indicator" in res.output
    res = CliRunner().invoke(app, ["series", str(reports), "-i", "GDP", "--json", "-q"])
    assert {r["canonical"] for r in json.loads(res.stdout)["rows"]} == {GDP}
    # the same verdicts as track
    t = json.loads(CliRunner().invoke(app, ["track", str(reports), "--json", "-q"]).stdout)
    assert {(p["canonical"], p["year"]): p["verdict"] for g in t["governments"] for p in g["pairs"]} == {
        k: v for k, v in got.items() if k[1] == 2025 and v not in ("no_target",)
    }


@needs_charts
def test_series_command_html_and_png_with_the_charts_extra(reports, tmp_path):
    res = CliRunner().invoke(app, ["series", str(reports), "--html", "-q"])
    assert res.exit_code == 0, res.output
    assert res.stdout.count("<svg") == 3 and "<script" not in res.stdout
    res = CliRunner().invoke(app, ["series", str(reports), "--png", str(tmp_path / "png"), "--csv", "-q"])
    assert res.exit_code == 0, res.output
    files = sorted(p.name for p in (tmp_path / "png").iterdir())
    assert files == ["某某省_地区生产总值.png", "某某省_城镇调查失业率.png", "某某省_居民消费价格.png"]
    assert all((tmp_path / "png" / f).read_bytes().startswith(b"\x89PNG\r\n\x1a\n") for f in files)
    assert "wrote 3 chart(s)" in res.stderr


def test_without_the_charts_extra_the_command_says_how_to_get_it(reports, tmp_path, monkeypatch):
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib raises ImportError
    assert not charts.available()
    for args in (["--html"], ["-o", str(tmp_path / "s.html")], ["--png", str(tmp_path / "png")]):
        res = CliRunner().invoke(app, ["series", str(reports), *args, "-q"])
        assert res.exit_code == 2, res.output
        lines = [line for line in res.stderr.splitlines() if line.strip()]
        assert lines == [f"error: {charts.MISSING}"]
        assert "pip install 'summarizer[charts]'" in lines[0]
    assert not (tmp_path / "png").exists() and not (tmp_path / "s.html").exists()
    res = CliRunner().invoke(app, ["series", str(reports), "--html", "--no-charts", "-q"])
    assert res.exit_code == 0 and "<table>" in res.stdout and "<svg" not in res.stdout
    res = CliRunner().invoke(app, ["series", str(reports), "--width", "80", "-q"])  # the terminal chart needs no extra
    assert res.exit_code == 0 and "2025 |" in res.output


def test_status_labels_cover_every_status():
    assert set(SERIES_STATUS_LABELS) == {v.value for v in Verdict} | {"no_target", "no_report", "no_next_report"}


def test_full_summaries_and_batch_folders_give_the_series_of_the_reports(reports, tmp_path):
    out = tmp_path / "out"
    assert CliRunner().invoke(app, ["batch", str(reports), "-o", str(out), "--no-model", "-q"]).exit_code == 0
    from_reports = json.loads(CliRunner().invoke(app, ["series", str(reports), "--json", "-q"]).stdout)
    from_batch = json.loads(CliRunner().invoke(app, ["series", str(out), "--json", "-q"]).stdout)
    jsons = sorted(str(p) for p in out.glob("*.json") if p.name != "index.json")
    from_jsons = json.loads(CliRunner().invoke(app, ["series", *jsons, "--json", "-q"]).stdout)
    key = lambda d: [(r["government"], r["canonical"], r["year"], r["status"], r["reason"], r["gap"]) for r in d["rows"]]  # noqa: E731
    assert key(from_reports) == key(from_batch) == key(from_jsons) and len(from_reports["rows"]) == 6
