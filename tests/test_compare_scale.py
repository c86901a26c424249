"""compare at corpus scale: matrices turn (reports as rows) when they do not fit, reports are
labelled by government and year, and "targets kept" appears whenever pairs exist."""

from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console
from typer.testing import CliRunner

from schemas.document import DocumentMetadata
from schemas.summary import DocumentSource, DocumentSummary
from summarizer.cli import app
from summarizer.aggregate.compare import build_comparison
from summarizer.render.comparison import html_page, markdown, print_comparison

from tests.test_track import REPORT_2025, REPORT_2026, _pair_summaries, result, target

REGIONS = ["上海市", "云南省", "内蒙古自治区", "吉林省", "四川省", "天津市", "宁夏回族自治区", "安徽省", "山西省", "广西壮族自治区", "新疆维吾尔自治区", "江西省"]


def _many() -> list[DocumentSummary]:
    out = []
    for i, region in enumerate(REGIONS):
        out.append(
            DocumentSummary(
                source=DocumentSource(path=f"c/{region}_2026.txt", sha256="0" * 64, chars=1, encoding="utf-8"),
                metadata=DocumentMetadata(region=region, doc_type="政府工作报告", review_year=2025, plan_year=2026),
                headline_metrics=[
                    result("地区生产总值", value=f"{3 + i}.5万亿元", change=f"增长{4 + i / 10:g}%"),
                    result("一般公共预算收入", value=f"{800 + i}亿元", change=f"增长{1 + i / 10:g}%"),
                    result("社会消费品零售总额", change=f"增长{3 + i / 10:g}%"),
                    result("城镇调查失业率", value=f"5.{i % 5}%"),
                ],
                targets=[target("地区生产总值", "增长5%左右"), target("城镇调查失业率", "5.5%左右")] + ([target("农村低保标准", "提高6%")] if i == 0 else []),
            )
        )
    return out


def _render(summaries, width: int) -> str:
    buf = io.StringIO()
    print_comparison(build_comparison(summaries), Console(file=buf, width=width, color_system=None))
    return buf.getvalue()


def test_twelve_reports_turn_the_matrices_and_stay_in_the_width():
    out = _render(_many(), 100)
    assert all(cell_len(line) <= 100 for line in out.splitlines())
    assert " report " in out and "Headline metrics of the review year" in out
    for region in REGIONS:  # every report on one row, its name whole
        assert sum(region in line and "|" in line for line in out.splitlines()) >= 3, region
    assert "Targets only one report sets" in out and "上海市: 农村低保标准 提高6%" in out


def test_few_reports_keep_reports_as_columns():
    out = _render(_many()[:3], 100)
    assert " 指标 " in out and " report " not in out.split("Headline metrics")[1].split("\n\n")[0]


def test_markdown_and_html_turn_from_seven_reports():
    md = markdown(build_comparison(_many()))
    assert "| report | 地区生产总值 |" in md and "| 上海市 |" in md
    assert "| 指标 | 上海市 | 云南省 | 内蒙古自治区 |" in markdown(build_comparison(_many()[:3]))
    assert "<th>report</th><th>地区生产总值</th>" in html_page(build_comparison(_many()))


def test_two_reports_of_one_government_are_told_apart_by_year_under_one_name():
    earlier, later = _pair_summaries()
    c = build_comparison([earlier, later])
    assert [d.label for d in c.documents] == ["宁夏回族自治区 2025", "宁夏回族自治区 2026"]


def test_targets_kept_whenever_pairs_exist():
    earlier, later = _pair_summaries()
    c = build_comparison([earlier, later])
    assert {p.canonical for p in c.kept} >= {"地区生产总值", "城镇调查失业率"}
    out = _render([earlier, later], 120)
    assert "Targets kept" in out and "within band" in out
    assert "## Targets kept" in markdown(c) and "Targets kept" in html_page(c)
    assert not build_comparison(_many()).kept and "Targets kept" not in _render(_many(), 120)


def test_compare_command_shows_targets_kept(tmp_path):
    (tmp_path / "某某_2025.txt").write_text(REPORT_2025, encoding="utf-8")
    (tmp_path / "某某省_2026.txt").write_text(REPORT_2026, encoding="utf-8")
    from summarizer.batch import write_atomic
    from summarizer.parse.document import parse_bytes
    from summarizer.rules.headline import extract_headline_metrics
    from summarizer.rules.targets import extract_targets

    for name in ("某某_2025.txt", "某某省_2026.txt"):
        doc = parse_bytes((tmp_path / name).read_bytes(), str(tmp_path / name))
        s = DocumentSummary(
            source=DocumentSource(path=doc.raw.path, sha256=doc.raw.sha256, chars=len(doc.raw.text), encoding=doc.raw.encoding),
            metadata=doc.tree.metadata, headline_metrics=extract_headline_metrics(doc), targets=extract_targets(doc),
        )
        write_atomic(tmp_path / "sums" / name.replace(".txt", ".json"), s.model_dump_json())
    result_ = CliRunner().invoke(app, ["compare", str(tmp_path / "sums"), "--width", "120"])
    assert result_.exit_code == 0, result_.output
    assert "Targets kept" in result_.output and "某某省 2025" in result_.output and "某某省 2026" in result_.output
