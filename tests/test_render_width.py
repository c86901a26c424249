"""Every rich view at 80 columns (the width most terminals are pasted from) and at 160: no line
wider than the terminal, no figure broken across lines ("达到9" / ".2万元"), no line or cell
line that starts with closing punctuation or is nothing but punctuation, no empty table column,
no file name of the batch table folded, and closing lines that break only between their fields
(never a lone "s").

The views: summarize's brief (the seeds' full summaries and reports of the corpus read with the
rules), the batch table and its closing line, compare (the seeds and the 21 reports of 2026),
track with and without --quotes (the 2025 and 2026 reports) and series with and without --quotes
and its strip charts (the national reports 2000-2013 and the provincial ones of 2025 and 2026),
all driven through the CLI where the view is a command's. A strip chart keeps its right edge in
one column and stands apart from the table under it, so that the table is checked as one.
"""

from __future__ import annotations

import io
import re
import shutil
from functools import lru_cache

import pytest
from rich.cells import cell_len
from rich.console import Console
from typer.testing import CliRunner

from summarizer.aggregate.compare import build_comparison
from summarizer.cli import app
from summarizer.render.comparison import print_comparison
from summarizer.render.summary import print_brief
from summarizer.rules.numbers import quantities

from tests.conftest import SEED_FILES
from tests.test_corpus import CORPUS, Y2025, Y2026, _require_corpus

WIDTHS = [80, 160]
#: Closing punctuation: no line (or line of a cell) starts with it.
CLOSING = "。，、；：？！）」』】》”’,;:!?)]%％"
REPORTS_2026 = ["上海市_2026.txt", "新疆维吾尔自治区_2026.txt", "黑龙江省_2026.txt", "安徽省_2026.txt"]


# ---------------------------------------------------------------------------------------------
# What a view must not do
# ---------------------------------------------------------------------------------------------


def _blocks(out: str) -> list[tuple[bool, list[str]]]:
    """The output as runs of table lines (those with column rules) and of other lines."""
    blocks: list[tuple[bool, list[str]]] = []
    for line in out.splitlines():
        is_table = " | " in line or bool(re.fullmatch(r"-+(\+-+)+", line.strip()))
        if blocks and blocks[-1][0] == is_table:
            blocks[-1][1].append(line)
        else:
            blocks.append((is_table, [line]))
    return blocks


def _rule(lines: list[str]) -> str | None:
    return next((line for line in lines if line.strip() and set(line.strip()) <= set("-+")), None)


def _columns(lines: list[str]) -> list[list[str]]:
    """A table's lines (but its rule) cut into its columns at the display positions of its rule."""
    rule = _rule(lines)
    cuts = {cell_len(rule[:i]) for i, ch in enumerate(rule) if ch == "+"}
    out = []
    for line in lines:
        if line is rule:
            continue
        cells, cell, pos = [], "", 0
        for ch in line:
            if pos in cuts and ch == "|":
                cells.append(cell)
                cell = ""
            else:
                cell += ch
            pos += cell_len(ch)
        out.append(cells + [cell])
    return out


def figures(texts: str) -> set[str]:
    """Every figure with a unit printed in `texts`, as `quantities` reads them (9.2万元, 4.5%;
    not a bare count, which two rows of a column may well end and start with)."""
    return {q.text.strip() for q in quantities(texts) if q.unit}


@lru_cache(maxsize=16)
def _cuts(figs: frozenset[str]) -> dict[tuple[str, str], list[tuple[str, int]]]:
    """Each place a figure can be cut, (figure, k), by the characters either side of the cut."""
    out: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for f in figs:
        for k in range(1, len(f)):
            out.setdefault((f[k - 1], f[k]), []).append((f, k))
    return out


def _broken(a: str, b: str, figs: set[str]) -> str | None:
    """The figure `a` ends and `b` begins, where a line break cuts one."""
    a, b = a.rstrip(), b.lstrip()
    if not a or not b:
        return None
    for f, k in _cuts(frozenset(figs)).get((a[-1], b[0]), ()):
        if a.endswith(f[:k]) and b.startswith(f[k:]) and not (a.endswith(f) or b.startswith(f)):
            return f
    return None


def check_view(out: str, width: int, figs: set[str]) -> None:
    """The rules of this module for one rendered view (figs: the figures the view prints)."""
    problems = []
    for line in out.splitlines():
        if cell_len(line) > width:
            problems.append(f"wider than {width}: {line!r}")
    for is_table, lines in _blocks(out):
        is_table = is_table and _rule(lines) is not None
        if not is_table:
            fragments = [lines]
        else:
            rows = _columns(lines)
            header, body = rows[0], rows[1:]
            for i in range(len(header)):
                if not any(len(r) > i and r[i].strip() for r in body):
                    problems.append(f"empty column {header[i].strip()!r}: {lines[:3]}")
            fragments = [list(c) for c in zip(*[r for r in rows if len(r) == len(header)])]
        for column in fragments:
            for prev, cur in zip(column, column[1:]):
                f = _broken(prev, cur, figs)
                if f:
                    problems.append(f"{f} broken: {prev.strip()!r} / {cur.strip()!r}")
            for cell in column:
                s = cell.strip()
                if s and s[0] in CLOSING:
                    problems.append(f"starts with closing punctuation: {s!r}")
                if s and not is_table and all(ch in CLOSING + "-—·*。" for ch in s.replace(" ", "")):
                    problems.append(f"a line of punctuation only: {s!r}")
                if not is_table and s in ("s", "s ·"):
                    problems.append(f"a unit alone: {s!r}")
    assert not problems, "\n".join(problems[:20])


def test_the_checks_see_what_they_look_for():
    """The failures the issue saw, drawn by hand, are each found."""
    figs = figures("居民人均可支配收入达到9.2万元、增长4.1%")
    for bad in (
        " a        | 达到9    \n----------+--------\n x        | .2万元   ",
        "- \n地区生产总值增速:最高(增长7%)\n。",
        "no model call needed · 0 call(s) · 0.0\ns",
        " input        | status | s \n--------------+--------+---\n 上海市_2026. | done   |   \n txt          |        |   ",
    ):
        with pytest.raises(AssertionError):
            check_view(bad, 80, figs)
    check_view(" a        | 达到9.2万元 \n----------+------------\n x        | 增长4.1%    ", 80, figs)


# ---------------------------------------------------------------------------------------------
# The views
# ---------------------------------------------------------------------------------------------


def _print(view, width: int) -> str:
    buf = io.StringIO()
    view(Console(file=buf, width=width, color_system=None, highlight=False))
    return buf.getvalue()


def _cli(args: list[str], code: int = 0) -> str:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == code, result.output
    return result.output


def _wide_and(view_at) -> tuple[set[str], dict[int, str]]:
    """The figures of the view (read where nothing wraps) and the view at each width."""
    return figures(view_at(1000)), {w: view_at(w) for w in WIDTHS}


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory):
    """The corpus's reports of 2025 and 2026 read with the rules, as batch folders."""
    _require_corpus()
    out = tmp_path_factory.mktemp("corpus")
    for year, folder in (("2025", Y2025), ("2026", Y2026)):
        _cli(["batch", str(folder), "-o", str(out / year), "--no-model", "-q"])
    return out


@pytest.fixture(scope="module")
def seeds(seed_summaries):
    return [seed_summaries[p.name[:3]] for p in SEED_FILES]


@pytest.mark.parametrize("seed", range(len(SEED_FILES)))
def test_brief_of_a_full_summary(seeds, seed):
    figs, outs = _wide_and(lambda w: _print(lambda c: print_brief(seeds[seed], c, usage=True), w))
    for w, out in outs.items():
        check_view(out, w, figs)


@pytest.mark.parametrize("name", REPORTS_2026)
def test_brief_of_a_report_read_with_the_rules(name):
    _require_corpus()
    figs, outs = _wide_and(lambda w: _cli(["summarize", str(Y2026 / name), "--no-model", "--width", str(w)]))
    for w, out in outs.items():
        check_view(out, w, figs)


def test_compare_of_the_seeds(seeds):
    c = build_comparison(seeds)
    figs, outs = _wide_and(lambda w: _print(lambda con: print_comparison(c, con), w))
    for w, out in outs.items():
        check_view(out, w, figs)


def test_compare_of_the_corpus(corpus_out):
    figs, outs = _wide_and(lambda w: _cli(["compare", str(corpus_out / "2026"), "--width", str(w)]))
    for w, out in outs.items():
        check_view(out, w, figs)
        assert "Contrasts" in out


@pytest.mark.parametrize("quotes", [False, True])
def test_track_of_the_corpus(corpus_out, quotes):
    args = ["track", str(corpus_out / "2025"), str(corpus_out / "2026")] + (["--quotes"] if quotes else [])
    figs, outs = _wide_and(lambda w: _cli(args + ["--width", str(w)]))
    for w, out in outs.items():
        check_view(out, w, figs)
        if quotes:  # the quotes with their spans: as columns where they fit, else listed under each table
            assert ("target quote" in out, "target: 城镇调查失业率5%以内 [二 > 目标 8199-8210]" in out) == ((False, True) if w == 80 else (True, False))


#: A line of a strip chart: the year, its left edge.
CHART_ROW = re.compile(r"^(?:19|20)\d\d \|")


def check_strip_charts(out: str, width: int) -> int:
    """Each strip chart (a run of year lines): every line's right edge in one column within the
    width, and a blank line, then a table's header, under it. Gives the number of charts."""
    lines = out.splitlines()
    charts = 0
    i = 0
    while i < len(lines):
        if not CHART_ROW.match(lines[i]):
            i += 1
            continue
        rows = []
        while i < len(lines) and CHART_ROW.match(lines[i]):
            rows.append(lines[i])
            i += 1
        edges = {cell_len(row[: row.rindex("|") + 1]) for row in rows}
        assert len(edges) == 1 and edges.pop() <= width, rows
        assert lines[i : i + 2][0] == "" and lines[i + 1].startswith(" year "), lines[i - 1 : i + 2]
        charts += 1
    return charts


@pytest.fixture(scope="module")
def national_out(tmp_path_factory):
    """The 14 national reports read with the rules, as a batch folder."""
    _require_corpus()
    out = tmp_path_factory.mktemp("national")
    _cli(["batch", str(CORPUS / "national"), "-o", str(out), "--no-model", "-q"])
    return out


@pytest.mark.parametrize("charts", [True, False], ids=["charts", "no-charts"])
@pytest.mark.parametrize("quotes", [False, True], ids=["tables", "quotes"])
def test_series_of_the_corpus(corpus_out, national_out, quotes, charts):
    args = ["series", str(national_out), str(corpus_out / "2025"), str(corpus_out / "2026")]
    args += (["--quotes"] if quotes else []) + ([] if charts else ["--no-charts"])
    figs, outs = _wide_and(lambda w: _cli(args + ["--width", str(w)]))
    wide = _cli(args + ["--width", "1000"])
    names = [p.name for folder in (CORPUS / "national", Y2025, Y2026) for p in folder.iterdir() if p.is_file()]
    tables = len(re.findall(r"(?m)^ year \| target", wide))
    assert tables > 40 and "全国_2013.txt" in wide
    for w, out in outs.items():
        check_view(out, w, figs)
        assert check_strip_charts(out, w) == (tables if charts else 0)
        assert len(re.findall(r"(?m)^ year \| target", out)) == tables
        assert all(out.count(n) == wide.count(n) for n in names)  # every file name whole, on one line
        assert ("2003 target: 今年经济增长预期目标为7%左右 [全国_2003.txt 二 > (一) 17696-17711]" in out) == quotes


def test_batch_table_and_closing_line(tmp_path):
    _require_corpus()
    src = tmp_path / "reports"
    src.mkdir()
    for name in REPORTS_2026:
        shutil.copy(Y2026 / name, src / name)
    (src / "空白的报告_2026.txt").write_bytes(b"")
    (src / "旧格式的报告_2026.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    for w in WIDTHS:
        out = _cli(["batch", str(src), "-o", str(tmp_path / f"out{w}"), "--no-model", "-q", "--width", str(w)], code=1)  # 1: a file failed
        check_view(out, w, figures(out))
        names = REPORTS_2026 + ["空白的报告_2026.txt", "旧格式的报告_2026.doc"]
        assert all(sum(n in line for line in out.splitlines()) == 1 for n in names), out  # whole, on one line
        assert "calls" not in out and "tokens" not in out  # no model: those columns would be empty
        assert re.search(r"4 summarized, 0 already current, 1 failed, 1 skipped \(format not read\) · \d+ s ·", out), out
