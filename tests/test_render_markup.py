"""Report text is data, never markup: whatever a report carries is shown as printed by every
renderer, and adds no element, attribute, link, code or table cell of its own.

Random text with `<script>`, `<img onerror>`, `javascript:` links, `|`, `*`, backticks and line
breaks goes into a title, an area title, a problem, a target, a metric label and a quote (for
series also a government's name and an indicator's), and through every Markdown and HTML renderer
(summary, batch index, compare, track, series, the series page with its charts):
- the HTML parses (lxml) into the elements and attributes the renderers write and no other (in a
  chart: SVG shapes and text with presentation attributes, references only to its own ids), its
  text holds the report's text, and the page allows nothing to load or run but its one
  stylesheet;
- the Markdown, parsed by a CommonMark parser with GitHub tables, holds no HTML but the
  renderer's own, no link, image or code, the report's text whole inside one paragraph, item,
  heading or cell, and every table row has the cells of its header;
- the terminal views print it as text, not as rich markup.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re

import lxml.html
import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st
from markdown_it import MarkdownIt
from rich.console import Console

from schemas.document import DocumentMetadata
from schemas.summary import Achievement, Commitment, DocumentSource, DocumentSummary, Metric, Problem, SourceSpan, Target, Task
from summarizer.aggregate.compare import build_comparison
from summarizer.aggregate.series import build_series
from summarizer.aggregate.track import track
from summarizer.batch import Row
from summarizer.render import batch as batch_view, comparison, series as series_view, series_charts, summary as summary_view, tracking
from summarizer.render.common import CSP, CSS, content_security_policy, md_text

FRAGMENTS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[x](javascript:alert(3))", "<javascript:alert(4)>",
    "<a href='javascript:alert(5)'>x</a>", "![i](x.png)", "<!-- c -->", "</td></tr></table>", "<style>*{}</style>",
    "|", "||", "*", "**", "_", "__", "`", "``", "~~", "\\", "\\|", "&amp;", "&lt;b&gt;", "&#60;", "#", "# ", "## ",
    "- ", "+ ", "1. ", "2) ", "> ", "---", "===", "\n", "\n\n", "\n- ", "\n# ", "\n| a | b |\n|---|---|\n", "[", "]",
    "(", ")", "!", "<", ">", "'", '"', "{", "}", "[bold]", "[/]", "[link=http://x]", "http://example.com", "www.x.cn",
]
#: In every example, in a random order among random others: what the issue names.
HAZARDS = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[x](javascript:alert(3))", "|", "*", "`", "\n"]
WORDS = st.text(alphabet="地区生产总值增长亿元问题目标abcXYZ019.% ", min_size=1, max_size=6)


@st.composite
def payloads(draw) -> str:
    parts = list(draw(st.permutations(HAZARDS))) + draw(st.lists(st.one_of(st.sampled_from(FRAGMENTS), WORDS), max_size=10))
    return "".join(draw(st.permutations(parts)))


PAYLOAD = payloads()
#: Each also as its own example: the forms that most often slip through.
CLASSIC = [
    "*a* _b_ `c` ~~d~~", "a|b||c", "<script>alert(1)</script>", "x\n# h\n- i\n1. j", "[x](javascript:alert(3))", "<b>&amp;</b>",
    "\\*a\\*", "_a_ b__c__ d_", "- i", "+ i", "1. j", "2) j", "# h", "> q", "---", "<http://x>", "[bold]b[/bold] [red]",
]
OWN_HTML = {"<sub>", "</sub>"}
HTML_ELEMENTS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "table", "tr", "th", "td", "ul", "li", "b", "span"}
HTML_ATTRIBUTES = {"lang", "charset", "http-equiv", "content", "class"}
#: Inside a chart (inline SVG): shapes, text and clip paths, with presentation attributes only.
SVG_ELEMENTS = {"svg", "title", "defs", "g", "path", "rect", "text", "use", "clippath"}
SVG_ATTRIBUTES = {
    "xmlns", "xmlns:xlink", "version", "viewbox", "class", "role", "id", "d", "x", "y", "width", "height", "transform", "xlink:href",
} | series_charts.PRESENTATION
#: Each page's one stylesheet (the house one where not named).
PAGE_CSS = {"series": series_view.CSS, "series with charts": series_view.CSS}
CHARTS = series_charts.available()


def _summaries(p: str) -> list[DocumentSummary]:
    """Two reports of one government in consecutive years, with `p` in every kind of text (at the
    start of a problem and a commitment, where a line could open a block)."""

    def span(quote: str) -> SourceSpan:
        return SourceSpan(section_path="一", start=0, end=1, quote=quote)

    out = []
    for year, gdp in ((2025, 5.2), (2026, 5.6)):
        gdp_metric = Metric(
            indicator=f"地区生产总值{p}", canonical="地区生产总值", value="5000亿元", change=f"增长{gdp}%", number=5000, unit="亿元",
            change_number=gdp, change_unit="%", source=span(f"地区生产总值{p}达到5000亿元、增长{gdp}%"),
        )
        out.append(DocumentSummary(
            source=DocumentSource(path=f"r/某某省_{year}.txt", sha256="0" * 64, chars=1, encoding="utf-8"),
            metadata=DocumentMetadata(title=f"{year}年某某省政府工作报告{p}", region="某某省", doc_type="政府工作报告", review_year=year - 1, plan_year=year),
            headline_metrics=[gdp_metric],
            achievements=[Achievement(area=f"扩大内需{p}", summary=f"消费回升{p}", metrics=[gdp_metric], source=span("x"))],
            problems=[Problem(summary=f"创新资源导入不足{p}", detail=p, source=span(p)), Problem(summary=p, source=span(p))],
            targets=[
                Target(indicator=f"地区生产总值{p}", canonical="地区生产总值", target=f"增长5%左右{p}", comparator="左右", number=5.0, unit="%", source=span(f"地区生产总值增长5%左右{p}")),
                Target(indicator=f"研发投入{p}", target=f"增长{year - 2020}%{p}", number=year - 2020.0, unit="%", source=span(p)),
            ],
            tasks=[Task(area=f"科技创新{p}", summary=f"建设实验室{p}", commitments=[Commitment(text=p, source=span(p))], source=span(p))],
            warnings=[f"一 > {p}: a warning about an area"],
        ))
    return out


def _series_summaries(p: str) -> list[DocumentSummary]:
    """The two reports with `p` also in the government's name and in an indicator's canonical
    name (a summary JSON may carry any), with a target and a result of that indicator."""

    def span(quote: str) -> SourceSpan:
        return SourceSpan(section_path="一", start=0, end=1, quote=quote)

    out = []
    for s, change in zip(_summaries(p), (5.0, 6.5)):
        own = f"指标{p}"
        metric = Metric(indicator=own, canonical=own, change=f"增长{change}%", change_number=change, change_unit="%", source=span(f"{own}增长{change}%"))
        goal = Target(indicator=own, canonical=own, target=f"增长6%{p}", number=6.0, unit="%", source=span(f"{own}增长6%{p}"))
        out.append(s.model_copy(update={
            "metadata": s.metadata.model_copy(update={"region": f"某某省{p}"}),
            "headline_metrics": s.headline_metrics + [metric], "targets": s.targets + [goal],
        }))
    return out


def _rows(p: str) -> list[Row]:
    return [
        Row(input="r/某某省_2026.txt", status="done", markdown_path="out/某某省_2026.md", region=f"某某省{p}", review_year=2025, plan_year=2026),
        Row(input="r/坏.txt", status="failed", message=f"坏.txt: {p}"),
    ]


def _norm(s: str) -> str:
    return " ".join(s.split())


# ---------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _inline_text(token) -> str:
    return "".join(c.content if c.type in ("text", "code_inline") else " " for c in token.children or [])


def _unescaped_pipes(line: str) -> int:
    n, i = 0, 0
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        n += line[i] == "|"
        i += 1
    return n


def _shown_md(md: str, payload: str) -> int:
    """How many inlines (a paragraph, list item, heading or table cell) hold `payload` whole."""
    return sum(_norm(payload) in _norm(_inline_text(t)) for t in MD.parse(md) if t.type == "inline")


def check_markdown(md: str, payload: str, places: int) -> None:
    tokens = MD.parse(md)
    inlines = [t for t in tokens if t.type == "inline"]
    for t in tokens:
        assert t.type not in ("html_block", "code_block", "fence"), (t.type, t.content)
    for t in inlines:
        for c in t.children or []:
            assert c.type not in ("link_open", "image", "code_inline", "s_open"), (c.type, t.content)
            if c.type == "html_inline":
                assert c.content in OWN_HTML, c.content
    # wherever plain text shows, the report's text shows whole, in one paragraph, item, heading or cell
    assert _shown_md(md, payload) == places, (payload, _shown_md(md, payload), places)
    lines = md.split("\n")
    for i, t in enumerate(tokens):
        if t.type == "table_open":
            start, end = t.map
            header = _unescaped_pipes(lines[start])
            assert all(_unescaped_pipes(line) == header for line in lines[start:end]), lines[start:end]


def test_md_text_escapes_what_the_issue_shows():
    assert md_text("计划<script>alert(1)</script>") == "计划\\<script>alert(1)\\</script>"
    assert md_text("1. 不足<img src=x onerror=alert(2)>") == "1\\. 不足\\<img src=x onerror=alert(2)>"
    assert md_text("a|b\nc") == "a\\|b c"
    # what cannot be markup stays as it is, for those who read the file as text
    assert md_text("-", cell=True) == "-" and md_text("- x") == "\\- x" and md_text("80.8亿元") == "80.8亿元"
    assert md_text("上海市_2026.txt [一 > 一是 460-480]") == "上海市_2026.txt \\[一 > 一是 460-480]"


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------


def _shown_html(root, payload: str) -> int:
    return sum(_norm(payload) in _norm(el.text_content()) for el in root.iter("title", "h1", "h2", "h3", "p", "th", "td", "li"))


def check_html(page: str, payload: str, places: int, css: str = CSS) -> None:
    root = lxml.html.document_fromstring(page)
    ids = {el.get("id") for el in root.iter() if isinstance(el.tag, str) and el.get("id")}
    for el in root.iter():
        if not isinstance(el.tag, str):  # a comment or processing instruction: never ours
            raise AssertionError(f"{el!r} in the page")
        if el.tag == "svg" or any(a.tag == "svg" for a in el.iterancestors()):
            check_chart_element(el, ids)
            continue
        assert el.tag in HTML_ELEMENTS, el.tag
        assert set(el.attrib) <= HTML_ATTRIBUTES, (el.tag, dict(el.attrib))
    assert _shown_html(root, payload) == places, (payload, _shown_html(root, payload), places)
    check_page_policy(root, css)


def check_chart_element(el, ids: set[str]) -> None:
    """An element of an inline SVG chart: a shape, text or clip path, presentation attributes
    only, and references only to the page's own ids."""
    assert el.tag in SVG_ELEMENTS, el.tag
    assert set(el.attrib) <= SVG_ATTRIBUTES, (el.tag, dict(el.attrib))
    for name, value in el.attrib.items():
        if name == "xlink:href":
            assert value.startswith("#") and value[1:] in ids, (name, value)
        elif name.startswith("xmlns"):
            assert value in ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"), (name, value)
        else:
            assert all(ref in ids for ref in re.findall(r"url\(#([^)]*)\)", value)) and "url(" not in re.sub(r"url\(#[^)]*\)", "", value), (name, value)


def check_page_policy(root, css: str = CSS) -> None:
    """One Content-Security-Policy: nothing loads or runs; the one stylesheet by its hash."""
    metas = root.xpath("//meta[@http-equiv='Content-Security-Policy']")
    policy_text = content_security_policy(css)
    assert len(metas) == 1 and metas[0].get("content") == policy_text
    assert css != CSS or policy_text == CSP  # the house stylesheet: the house policy
    policy = dict(d.strip().split(" ", 1) for d in policy_text.split(";"))
    assert policy["default-src"] == "'none'" and "unsafe" not in policy_text and "script-src" not in policy
    styles = root.xpath("//style")
    assert len(styles) == 1 and styles[0].text == css
    digest = base64.b64encode(hashlib.sha256(styles[0].text.encode("utf-8")).digest()).decode("ascii")
    assert policy["style-src"] == f"'sha256-{digest}'"
    assert not root.xpath("//script|//@src|//@href|//@style|//link|//img|//iframe|//object")


# ---------------------------------------------------------------------------------------------
# Every renderer
# ---------------------------------------------------------------------------------------------


def _markdowns(p: str) -> dict[str, str]:
    summaries = _summaries(p)
    return {
        "summary": summary_view.markdown(summaries[1]),
        "batch index": batch_view.index_markdown(_rows(p)),
        "compare": comparison.markdown(build_comparison(summaries)),
        "track": tracking.markdown(track(summaries)),
        "series": series_view.markdown(build_series(_series_summaries(p))),
    }


def _pages(p: str, *, charts: bool = False) -> dict[str, str]:
    """Every HTML page; with `charts` (where the charts extra is installed) the series page with
    its charts too (matplotlib draws each: slower, so fewer examples go through it)."""
    summaries = _summaries(p)
    series = build_series(_series_summaries(p))
    pages = {
        "compare": comparison.html_page(build_comparison(summaries)), "track": tracking.html_page(track(summaries)),
        "series": series_view.html_page(series),
    }
    if charts and CHARTS:
        pages["series with charts"] = series_view.html_page(series, series_charts.page_charts())
    return pages


def _twin(payload: str) -> str:
    """The payload with every character a plain one, but its spaces, line breaks and the commas
    and semicolons at which compare shortens a task area's title: the same text, harmless."""
    return re.sub(r"[^\s,;，；]", "占", payload)


def test_plain_text_shows_in_every_placement():
    """Plain text shows whole in these many places: the count each hostile text must reach."""
    md = {name: _shown_md(text, "占位文字") for name, text in _markdowns("占位文字").items()}
    assert md == {"summary": 13, "batch index": 2, "compare": 10, "track": 8, "series": 12}
    pages = {name: _shown_html(lxml.html.document_fromstring(page), "占位文字") for name, page in _pages("占位文字", charts=True).items()}
    # the page with charts: the tables' places and each chart's title (government and indicator)
    assert pages == {"compare": 11, "track": 8, "series": 12} | ({"series with charts": 12 + 2} if CHARTS else {})


def _classic(test):
    for p in CLASSIC:
        test = example(p)(test)
    return test


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAYLOAD)
@_classic
def test_markdown_shows_report_text_as_text(payload):
    twins = _markdowns(_twin(payload))
    for name, md in _markdowns(payload).items():
        try:
            check_markdown(md, payload, _shown_md(twins[name], _twin(payload)))
        except AssertionError as exc:
            raise AssertionError(f"{name}: {exc}") from exc


def _check_pages(payload: str, *, charts: bool = False) -> None:
    twins = _pages(_twin(payload), charts=charts)
    for name, page in _pages(payload, charts=charts).items():
        if charts and name != "series with charts":
            continue
        try:
            check_html(page, payload, _shown_html(lxml.html.document_fromstring(twins[name]), _twin(payload)), PAGE_CSS.get(name, CSS))
        except AssertionError as exc:
            raise AssertionError(f"{name}: {exc}") from exc


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAYLOAD)
@_classic
def test_html_shows_report_text_as_text(payload):
    _check_pages(payload)


@pytest.mark.skipif(not CHARTS, reason="matplotlib (the charts extra) is not installed")
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAYLOAD)
@example(CLASSIC[2])
def test_the_series_page_with_charts_shows_report_text_as_text(payload):
    """The same page with its charts: the report's text (the government's and the indicator's
    names) is in each chart's title as text, and the charts add no element, attribute or
    reference the checks above do not allow."""
    _check_pages(payload, charts=True)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAYLOAD)
@_classic
def test_terminal_views_show_report_text_as_text(payload):
    summaries = _summaries(payload)
    views = {
        "summary": summary_view.brief(summaries[1]),
        "batch": batch_view.batch_table(_rows(payload)),
        "compare": comparison.renderable(build_comparison(summaries), 4000),
        "track": tracking.renderable(track(summaries), quotes=True),
        "series": series_view.renderable(build_series(_series_summaries(payload)), quotes=True),
    }
    for name, view in views.items():
        buf = io.StringIO()
        Console(file=buf, width=4000, color_system=None).print(view)
        out = buf.getvalue()
        for line in filter(None, (_norm(x) for x in payload.split("\n"))):
            assert line in _norm(out), (name, line)


def test_json_csv_and_jsonl_keep_the_text_byte_for_byte():
    import csv
    import json

    from summarizer.aggregate.export import csv_text, export_rows, jsonl_text

    p = "<script>alert(1)</script> | *a* `b` &amp;\n第二行"
    summaries = _summaries(p)
    assert DocumentSummary.model_validate_json(summaries[0].model_dump_json()).metadata.title.endswith(p)
    assert json.loads(build_comparison(summaries).model_dump_json())["targets"][0]["cells"]["某某省 2025"]["text"] == f"增长5%左右{p}"
    assert json.loads(track(summaries).model_dump_json())["governments"][0]["pairs"][0]["target"]["target"] == f"增长5%左右{p}"
    assert next(csv.DictReader(io.StringIO(tracking.csv_text(track(summaries)))))["target"] == f"增长5%左右{p}"
    rows = export_rows(summaries)
    problem = f"创新资源导入不足{p}"
    assert [r["text"] for r in csv.DictReader(io.StringIO(csv_text(rows))) if r["kind"] == "problem"][0] == problem
    assert [r["text"] for r in map(json.loads, jsonl_text(rows).splitlines()) if r["kind"] == "problem"][0] == problem
    series = build_series(_series_summaries(p))
    row = next(csv.DictReader(io.StringIO(series_view.csv_text(series))))
    assert (row["government"], row["target"], row["result_quote"]) == (f"某某省{p}", f"增长5%左右{p}", f"地区生产总值{p}达到5000亿元、增长5.6%")
    data = json.loads(series_view.series_json(series))["rows"]
    assert data[0]["government"] == f"某某省{p}" and data[0]["target"]["target"] == f"增长5%左右{p}"
    assert [r["canonical"] for r in data if r["year"] == 2025] == ["地区生产总值", f"指标{p}"]


def test_a_view_with_its_own_stylesheet_gets_a_policy_for_it():
    from summarizer.render.common import content_security_policy, html_page

    css = "p{color:#333}"
    root = lxml.html.document_fromstring(html_page("一页<b>", "<p>x</p>", css=css))
    assert root.xpath("//style")[0].text == css and root.xpath("//title")[0].text == "一页<b>"
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    assert root.xpath("//meta[@http-equiv='Content-Security-Policy']")[0].get("content") == content_security_policy(css)
    assert f"style-src 'sha256-{digest}'" in content_security_policy(css) and content_security_policy(css) != CSP
