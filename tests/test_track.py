"""Promise tracking: the verdict rules, government names, pairing consecutive reports, the
year-over-year changes of targets, the rendering and the `track` command."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rich.cells import cell_len
from rich.console import Console
from typer.testing import CliRunner

from schemas.summary import DocumentSource, DocumentSummary, Metric, SourceSpan, Target
from schemas.document import DocumentMetadata
from schemas.track import Tracking, Verdict, VerdictRules
from summarizer.cli import app
from summarizer.parse.document import parse_bytes
from summarizer.rules.numbers import first_number
from summarizer.render.tracking import csv_text, html_page, markdown, print_tracking
from summarizer.rules.figures import canonical_indicator, comparator_of
from summarizer.rules.headline import extract_headline_metrics
from summarizer.rules.targets import extract_targets, target_numbers
from summarizer.aggregate.governments import display_name, government_levels, group_governments, same_government
from summarizer.aggregate.track import judge, track
from summarizer.rules.figures import signed_change

SPAN = SourceSpan(section_path="一", start=0, end=1, quote="q")


def target(indicator: str, printed: str, note: str | None = None) -> Target:
    number, unit, upper = target_numbers(printed, indicator)
    return Target(
        indicator=indicator, canonical=canonical_indicator(indicator), target=printed, comparator=comparator_of(printed),
        number=number, upper=upper, unit=unit, note=note, source=SPAN,
    )


def result(indicator: str, value: str | None = None, change: str | None = None, period: str | None = None, quote: str | None = None) -> Metric:
    number, unit = first_number(value) if value else (None, None)
    cn, cu = signed_change(change) if change else (None, None)
    if change == "持平":
        cn, cu = 0.0, "%"
    return Metric(
        indicator=indicator, canonical=canonical_indicator(indicator), value=value, change=change, period=period, number=number,
        unit=unit, change_number=cn, change_unit=cu, source=SPAN.model_copy(update={"quote": quote or f"{indicator}{value or ''}{change or ''}"}),
    )


def verdict(t: Target, m: Metric | None, **rules) -> Verdict:
    return judge(t, m, VerdictRules(**rules))[0]


GDP = "地区生产总值"
MET, WITHIN, MISSED, NO, NC = Verdict.MET, Verdict.WITHIN_BAND, Verdict.MISSED, Verdict.NO_RESULT, Verdict.NOT_COMPARABLE


# ---------------------------------------------------------------------------------------------
# Verdict rules
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "printed, change, expected",
    [
        ("增长5%左右", "增长5.4%", MET),
        ("增长5%左右", "增长5%", MET),
        ("增长5%左右", "增长4.8%", WITHIN),
        ("增长5%左右", "增长4.5%", WITHIN),  # the edge of the band is in it
        ("增长5%左右", "增长4.4%", MISSED),
        ("增长5.5%以上", "增长5.5%", MET),
        ("增长5.5%以上", "增长5.4%", MISSED),
        ("增长6%", "增长6.1%", MET),  # a number alone is reached or not
        ("增长6%", "增长5.9%", MISSED),
        ("增长5.0%—5.5%", "增长5.2%", MET),
        ("增长5.0%—5.5%", "增长6%", MET),
        ("增长5.0%—5.5%", "增长4.9%", MISSED),
        ("增长4.5-5%", "增长4.5%", MET),
        ("正增长", "增长0.3%", MET),
        ("正增长", "下降1%", MISSED),
    ],
)
def test_growth_targets(printed, change, expected):
    assert verdict(target(GDP, printed), result(GDP, change=change)) == expected


@pytest.mark.parametrize(
    "printed, value, expected",
    [
        ("5.5%以内", "5.2%", MET),
        ("5.5%以内", "5.5%", MET),
        ("5.5%以内", "5.6%", MISSED),
        ("5.5%左右", "5.2%", MET),  # less is better for unemployment
        ("5.5%左右", "5.9%", WITHIN),
        ("5.5%左右", "6.1%", MISSED),
        ("5.5%以内", "5%以内", MET),  # a bound inside the bound
        ("4%以内", "5%以内", NC),  # some values it allows meet the target, some do not
    ],
)
def test_unemployment_targets(printed, value, expected):
    assert verdict(target("城镇调查失业率", printed), result("城镇调查失业率", value=value)) == expected


@pytest.mark.parametrize(
    "printed, change, expected",
    [
        ("涨幅2%左右", "上涨2%", MET),
        ("涨幅2%左右", "上涨1.6%", WITHIN),
        ("涨幅2%左右", "上涨2.4%", WITHIN),  # prices: either side of the number
        ("涨幅2%左右", "上涨0.1%", MISSED),
        ("涨幅2%左右", "上涨2.6%", MISSED),
        ("涨幅2%左右", "持平", MISSED),
        ("涨幅2%左右", "微降0.1%", MISSED),
        ("涨幅3%以内", "上涨0.1%", MET),
        ("涨幅3%以内", "下降0.5%", MET),
    ],
)
def test_price_targets(printed, change, expected):
    assert verdict(target("居民消费价格", printed), result("居民消费价格", change=change)) == expected


@pytest.mark.parametrize(
    "printed, change, expected",
    [
        ("下降2%左右", "下降2.5%", MET),
        ("下降2%左右", "下降1.8%", WITHIN),
        ("下降2%左右", "下降1%", MISSED),
        ("下降2%左右", "增长1%", MISSED),
        ("下降3%以上", "下降3.2%", MET),
        ("下降3%以上", "下降2%", MISSED),
        ("降低3.5%", "下降3.5%", MET),
    ],
)
def test_decreases(printed, change, expected):
    indicator = "单位地区生产总值能耗"
    assert verdict(target(indicator, printed), result(indicator, change=change)) == expected


def test_the_band_is_configurable():
    t, m = target(GDP, "增长5%左右"), result(GDP, change="增长4.6%")
    assert verdict(t, m) == WITHIN and verdict(t, m, band_points=0.3) == MISSED
    assert verdict(t, result(GDP, change="增长4.4%"), band_points=1.0) == WITHIN


def test_levels_convert_units_and_use_the_level_band():
    assert verdict(target("粮食产量", "616亿斤左右"), result("粮食产量", value="605亿斤")) == WITHIN  # 2% of 616 = 12.32
    assert verdict(target("粮食产量", "616亿斤左右"), result("粮食产量", value="600亿斤")) == MISSED
    assert verdict(target("粮食产量", "616亿斤左右"), result("粮食产量", value="600亿斤"), band_ratio=0.03) == WITHIN
    assert verdict(target(GDP, "5万亿元以上"), result(GDP, value="52000亿元")) == MET
    assert verdict(target(GDP, "5万亿元以上"), result(GDP, value="超过5.2万亿元")) == MET
    assert verdict(target("粮食产量", "1300万吨以上"), result("粮食产量", value="660亿斤")) == NC  # another unit


def test_what_cannot_be_compared_is_said_so():
    t = target(GDP, "增长5%左右")
    assert judge(t, None, VerdictRules(), 2026) == (NO, "no figure for 2025 in the 2026 report")
    assert verdict(t, result(GDP, value="5.67万亿元")) == NC  # a level against a rate
    assert verdict(t, result(GDP, change="年均增长5.2%")) == NC  # an average over years
    assert verdict(t, result(GDP, value="3万亿元", change="增长19.8%", period="五年")) == NC
    assert verdict(t, result(GDP, change="增长5.2%", period="前三季度")) == NC
    assert verdict(t, result(GDP, change="增长5.2%", period="全年")) == MET
    assert verdict(target("居民人均可支配收入", "居民收入增长与经济增长同步"), result("居民人均可支配收入", change="增长5%")) == NC


def test_definitions_must_agree():
    revenue = "一般公共预算收入"
    assert verdict(target(revenue, "同口径增长4%以上"), result(revenue, change="增长4.5%")) == NC
    assert verdict(target(revenue, "同口径增长4%以上"), result(revenue, change="同口径增长4.5%")) == MET
    both = "地方一般公共预算收入达3507.6亿元、增长1.7%（同口径增长2.5%以上）"
    assert verdict(target(revenue, "增长2.5%"), result(revenue, value="3507.6亿元", change="增长1.7%", quote=both)) == NC
    assert verdict(target(revenue, "同口径增长2.5%"), result(revenue, value="3507.6亿元", change="增长1.7%", quote=both)) == MET


def test_a_stretch_goal_is_not_judged():
    t = target(GDP, "增长7%以上", note="力争达到8%")
    assert verdict(t, result(GDP, change="增长7%")) == MET


def test_reasons_name_the_numbers_in_ascii():
    t = target(GDP, "增长5%左右")
    assert judge(t, result(GDP, change="增长4.8%"), VerdictRules())[1] == "4.8%, 0.2 below 5%: within the band of 0.5"
    assert judge(target("城镇调查失业率", "5%以内"), result("城镇调查失业率", value="4.2%"), VerdictRules())[1] == "4.2% <= 5%"


# ---------------------------------------------------------------------------------------------
# Governments
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("宁夏", "宁夏回族自治区"),
        ("广西", "广西壮族自治区"),
        ("新疆", "新疆维吾尔自治区"),
        ("内蒙古", "内蒙古自治区"),
        ("西藏", "西藏自治区"),
        ("北京", "北京市"),
        ("光明区", "深圳市光明区"),
        ("深圳市光明区", "深圳市光明区"),
        ("延边州", "延边朝鲜族自治州"),
        ("贵州省", "贵州"),
    ],
)
def test_one_government_by_several_names(a, b):
    assert same_government(a, b) and same_government(b, a)


@pytest.mark.parametrize("a, b", [("光明区", "龙岗区"), ("深圳市光明区", "深圳市"), ("吉林省", "吉林市"), ("深圳市光明区", "东莞市光明区"), ("宁夏回族自治区", "广西壮族自治区")])
def test_different_governments(a, b):
    assert not same_government(a, b)


def test_levels_of_a_name():
    assert government_levels("深圳市光明区") == (("深圳", "市"), ("光明", "区"))
    assert government_levels("宁夏回族自治区") == (("宁夏", "自治区"),)
    assert government_levels("贵州省") == (("贵州", "省"),)
    assert display_name(["宁夏", "宁夏回族自治区"]) == "宁夏回族自治区"


def _summary(path: str, region: str | None, plan_year: int, targets=(), metrics=()) -> DocumentSummary:
    return DocumentSummary(
        source=DocumentSource(path=path, sha256="0" * 64, chars=1, encoding="utf-8"),
        metadata=DocumentMetadata(region=region, doc_type="政府工作报告", review_year=plan_year - 1, plan_year=plan_year),
        targets=list(targets), headline_metrics=list(metrics),
    )


def test_reports_are_grouped_by_government_and_the_file_name_stands_in_for_a_missing_region():
    sums = [
        _summary("a/宁夏_2025.docx", None, 2025), _summary("b/宁夏回族自治区_2026.txt", "宁夏回族自治区", 2026),
        _summary("c/光明区_2025.txt", "深圳市光明区", 2025), _summary("d/光明区_2026.txt", "光明区", 2026),
        _summary("e/龙岗区.txt", "龙岗区", 2026),
    ]
    assert group_governments(sums) == [[0, 1], [2, 3], [4]]


# ---------------------------------------------------------------------------------------------
# Pairing and changes
# ---------------------------------------------------------------------------------------------


def _pair_summaries():
    earlier = _summary(
        "r/宁夏_2025.docx", "宁夏", 2025,
        targets=[target(GDP, "增长5.5%左右"), target("城镇调查失业率", "5.5%左右"), target("居民消费价格", "涨幅2%左右"), target("粮食产量", "75亿斤以上"), target("研发经费投入强度", "2%")],
    )
    later = _summary(
        "r/宁夏回族自治区_2026.txt", "宁夏回族自治区", 2026,
        targets=[target(GDP, "增长5%左右"), target("城镇调查失业率", "5.5%左右"), target("居民消费价格", "涨幅2%左右"), target("外贸进出口总额", "增长5%")],
        metrics=[result(GDP, value="5696亿元", change="增长5.3%"), result("城镇调查失业率", value="5.2%"), result("居民消费价格", change="持平")],
    )
    return earlier, later


def test_targets_of_one_year_against_results_of_the_next():
    earlier, later = _pair_summaries()
    t = track([later, earlier])
    (g,) = t.governments
    assert g.government == "宁夏回族自治区" and g.names == ["宁夏", "宁夏回族自治区"]
    got = {p.canonical: (p.year, p.verdict) for p in g.pairs}
    assert got == {GDP: (2025, WITHIN), "城镇调查失业率": (2025, MET), "居民消费价格": (2025, MISSED), "粮食产量": (2025, NO)}
    p = next(p for p in g.pairs if p.canonical == GDP)
    assert p.target_report.endswith("宁夏_2025.docx") and p.result_report.endswith("宁夏回族自治区_2026.txt")
    assert p.result.source.quote and p.target.source.quote  # both quotes with their spans
    assert any("without a headline indicator" in n for n in t.notes)


def test_how_targets_changed_from_one_year_to_the_next():
    earlier, later = _pair_summaries()
    changes = {c.indicator: c.change for c in track([earlier, later]).governments[0].target_changes}
    assert changes == {GDP: "lowered", "城镇调查失业率": "unchanged", "居民消费价格": "unchanged", "粮食产量": "dropped", "研发经费投入强度": "dropped", "外贸进出口总额": "added"}


def test_no_pairs_without_consecutive_years():
    t = track([_summary("a.txt", "上海市", 2024), _summary("b.txt", "上海市", 2026)])
    assert not t.pairs and any("consecutive" in n for n in t.notes)


# ---------------------------------------------------------------------------------------------
# Rendering and the command
# ---------------------------------------------------------------------------------------------


def _tracking() -> Tracking:
    return track(list(_pair_summaries()))


def test_the_terminal_view_aligns_in_a_cjk_terminal():
    buf = io.StringIO()
    print_tracking(_tracking(), Console(file=buf, width=100, color_system=None))
    out = buf.getvalue()
    assert "宁夏回族自治区: 2025 targets (宁夏_2025.docx)" in out and "within band" in out and "no result printed" in out
    assert not any(set(line) & set("…“”─→≥≤±·") for line in out.splitlines() if "|" in line)  # no ambiguous width in tables
    blocks: list[list[str]] = [[]]
    for line in out.splitlines():
        if "|" in line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    tables = [b for b in blocks if len(b) >= 3]
    assert len(tables) >= 2
    for rows in tables:
        positions = {tuple(cell_len(row[:i]) for i, ch in enumerate(row) if ch == "|") for row in rows if not set(row) <= set("-+| ")}
        assert len(positions) == 1, rows


def test_markdown_html_json_and_csv():
    t = _tracking()
    md = markdown(t)
    assert "## 宁夏回族自治区" in md and "Also printed as: 宁夏" in md and "| 地区生产总值 | 增长5.5%左右 |" in md
    page = html_page(t)
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "宁夏回族自治区" in page
    again = Tracking.model_validate_json(t.model_dump_json())
    assert again == t
    rows = list(csv.DictReader(io.StringIO(csv_text(t))))
    assert len(rows) == len(t.pairs) and rows[0]["verdict"] == "within_band" and rows[0]["result_number"] == "5.3"


REPORT_2025 = (
    "2025年某某省政府工作报告\n各位代表：\n现在，我代表某某省人民政府，向大会报告工作，请予审议。\n一、2024年工作回顾\n"
    "过去一年，全省地区生产总值增长5.2%。\n二、2025年工作安排\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇调查失业率5.5%以内，居民消费价格涨幅2%左右。\n"
    "（一）扩大内需。要加快推进。\n（二）科技创新。要加快推进。\n"
)
REPORT_2026 = (
    "2026年某某省政府工作报告\n各位代表：\n现在，我代表某某省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
    "过去一年，全省地区生产总值增长5.6%，城镇调查失业率平均为5.1%，居民消费价格上涨0.2%。\n二、2026年工作安排\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇调查失业率5.5%以内。\n"
    "（一）扩大内需。要加快推进。\n（二）科技创新。要加快推进。\n"
)


@pytest.fixture
def reports(tmp_path):
    (tmp_path / "某某_2025.txt").write_text(REPORT_2025, encoding="utf-8")
    (tmp_path / "某某省_2026.txt").write_text(REPORT_2026, encoding="utf-8")
    return tmp_path


def test_the_small_reports_parse_as_intended(reports):
    for name in ("某某_2025.txt", "某某省_2026.txt"):
        doc = parse_bytes((reports / name).read_bytes(), name)
        assert doc.tree.metadata.region == "某某省"
        assert extract_targets(doc) and extract_headline_metrics(doc)


def test_track_command_on_reports(reports):
    result = CliRunner().invoke(app, ["track", str(reports), "--width", "100", "-q"])
    assert result.exit_code == 0, result.output
    assert "某某省: 2025 targets" in result.output and "met" in result.output and "missed" in result.output
    result = CliRunner().invoke(app, ["track", str(reports / "某某_2025.txt"), str(reports / "某某省_2026.txt"), "--json", "-q"])
    data = json.loads(result.output)
    verdicts = {p["canonical"]: p["verdict"] for g in data["governments"] for p in g["pairs"]}
    assert verdicts == {GDP: "met", "城镇调查失业率": "met", "居民消费价格": "missed"}
    assert data["rules"] == {"band_points": 0.5, "band_ratio": 0.02}


def test_track_command_band_option_and_outputs(reports, tmp_path, monkeypatch):
    result = CliRunner().invoke(app, ["track", str(reports), "--json", "--band", "2", "-q"])
    data = json.loads(result.output)
    assert data["rules"]["band_points"] == 2.0
    assert {p["verdict"] for g in data["governments"] for p in g["pairs"] if p["canonical"] == "居民消费价格"} == {"within_band"}
    monkeypatch.setenv("SUMMARIZER_TARGET_BAND", "0.1")
    data = json.loads(CliRunner().invoke(app, ["track", str(reports), "--json", "-q"]).output)
    assert data["rules"]["band_points"] == 0.1
    out = tmp_path / "kept.csv"
    assert CliRunner().invoke(app, ["track", str(reports), "-o", str(out), "-q"]).exit_code == 0
    text = out.read_text(encoding="utf-8-sig")
    assert text.startswith("government,year,canonical") and "某某省" in text
    assert CliRunner().invoke(app, ["track", str(reports), "--band", "-1", "-q"]).exit_code == 2


def test_full_summaries_lend_the_models_verified_metrics():
    from schemas.summary import Achievement, VerificationStatus

    earlier, later = _pair_summaries()
    later.headline_metrics = [m for m in later.headline_metrics if m.canonical != GDP]
    area = Achievement(area="经济运行", summary="稳中有进", source=SPAN, metrics=[result(GDP, change="增长5.3%").model_copy(update={"origin": "model"})])
    later.achievements = [area]
    assert {p.canonical: p.verdict for p in track([earlier, later]).pairs}[GDP] == WITHIN
    area.metrics[0].status = VerificationStatus.UNVERIFIED  # never shown as fact, so never judged
    assert {p.canonical: p.verdict for p in track([earlier, later]).pairs}[GDP] == NO
