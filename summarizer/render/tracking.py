"""Promise tracking rendered: terminal tables, Markdown, static HTML and CSV.

Every table keeps to characters of one display width in a CJK terminal: ASCII operators and
arrows (>=, ->), no ellipsis, curly quotes or box-drawing lines.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from rich.console import Console, Group, RenderableType
from rich.table import Table

from schemas.summary import Metric, SourceSpan, Target
from schemas.track import VERDICT_LABELS, GovernmentTrack, KeptPair, TargetChange, Tracking, Verdict, VerdictRules

from summarizer.aggregate.track import goal_of
from summarizer.render.common import FirstThatFits, csv_table, html_page as page, html_table, html_text, md_table, md_text, print_view, table, text
from summarizer.render.prose import Parts, Prose, parts as fields
VERDICT_STYLES = {
    Verdict.MET: "green",
    Verdict.WITHIN_BAND: "yellow",
    Verdict.MISSED: "red",
    Verdict.NO_RESULT: "dim",
    Verdict.NOT_COMPARABLE: "dim",
    Verdict.UNDECIDED: "dim",
}
PAIR_COLUMNS = ["indicator", "target", "result", "verdict", "why"]
CHANGE_COLUMNS = ["indicator", "before", "after", "change"]


def rules_line(rules: VerdictRules) -> str:
    return (
        f"左右: +/-{rules.band_points:g} points for a rate (+/-{rules.band_ratio:.0%} of a level): met at or beyond the number, "
        "within band short of it inside the band; 以上 at least, 以内 at most; prices (CPI) neither side"
    )


def counts_line(t: Tracking) -> str:
    counts = t.counts()
    return " · ".join(f"{VERDICT_LABELS[v]} {counts[v]}" for v in Verdict)


def _name(path: str) -> str:
    return Path(path).name


def result_text(p: KeptPair) -> str:
    m = p.result
    if m is None:
        return "-"
    text = " ".join(x for x in (m.value, m.change) if x)
    return text + (f" ({m.period})" if m.period and m.period != "全年" else "")


def target_text(t: Optional[Target]) -> str:
    if t is None:
        return "-"
    return t.target + (f" ({t.note})" if t.note else "")


def span_text(span: Optional[SourceSpan]) -> str:
    if span is None:
        return ""
    return f"{span.section_path} {span.start}-{span.end}"


def quote_of(item: Optional[Target | Metric]) -> str:
    return (item.source.quote or "") if item is not None else ""


def _pairs_by_years(g: GovernmentTrack) -> list[tuple[tuple[int, str, str], list[KeptPair]]]:
    groups: dict[tuple[int, str, str], list[KeptPair]] = {}
    for p in g.pairs:
        groups.setdefault((p.year, p.target_report, p.result_report), []).append(p)
    return list(groups.items())


def pair_heading(g: GovernmentTrack, year: int, target_report: str, result_report: str) -> str:
    return f"{g.government}: {year} targets ({_name(target_report)}) against {year} results ({_name(result_report)})"


# ---------------------------------------------------------------------------------------------
# Terminal
# ---------------------------------------------------------------------------------------------


def pairs_table(pairs: list[KeptPair], title: Optional[str] = None, *, quotes: bool = False, government: bool = False) -> Table:
    columns = (["government", "year"] if government else []) + PAIR_COLUMNS + (["target quote", "result quote"] if quotes else [])
    grid = table(title, columns)
    for p in pairs:
        row: list[Prose] = [text(p.government), text(str(p.year))] if government else []
        row += [
            text(p.canonical), text(target_text(p.target)), text(result_text(p)),
            text(VERDICT_LABELS[p.verdict], style=VERDICT_STYLES[p.verdict]), text(p.reason),
        ]
        if quotes:
            row += [text(_quote_line(p.target)), text(_quote_line(p.result))]
        grid.add_row(*row)
    return grid


def _quote_line(item: Optional[Target | Metric]) -> str:
    return f"{quote_of(item)} [{span_text(item.source)}]" if item is not None else "-"


def pairs_view(pairs: list[KeptPair], title: Optional[str] = None, *, quotes: bool = False) -> RenderableType:
    """The pairs as a table; with `quotes`, the quotes as two more columns where they fit, else
    listed under the table, each pair's target and result quote on lines of their own."""
    if not quotes:
        return pairs_table(pairs, title)
    listed: list[RenderableType] = [pairs_table(pairs, title)]
    for p in pairs:
        listed += [
            text(p.canonical, style="bold"),
            text(f"  target: {_quote_line(p.target)}"),
            text(f"  result: {_quote_line(p.result)}"),
        ]
    return FirstThatFits(pairs_table(pairs, title, quotes=True), Group(*listed))


def changes_table(changes: list[TargetChange]) -> Table:
    y0, y1 = changes[0].year_before, changes[0].year_after
    grid = table(f"{changes[0].government}: targets {y0} -> {y1}", ["indicator", str(y0), str(y1), "change"])
    for c in changes:
        style = "dim" if c.change == "unchanged" else ""
        grid.add_row(text(c.indicator), text(target_text(c.before)), text(target_text(c.after)), text(c.change, style=style))
    return grid


def summary_table(t: Tracking) -> Table:
    grid = table("Per government", ["government", *[VERDICT_LABELS[v] for v in Verdict]])
    for g in t.governments:
        if g.pairs:
            grid.add_row(text(g.government), *[text(str(sum(p.verdict == v for p in g.pairs))) for v in Verdict])
    return grid


def renderable(t: Tracking, *, quotes: bool = False) -> RenderableType:
    with_pairs = [g for g in t.governments if g.pairs or g.target_changes]
    parts: list[RenderableType] = [
        fields(["Did they keep their word?", f"{len(with_pairs)} government(s) with reports of consecutive years", f"{len(t.pairs)} target(s) judged"], style="bold"),
        text(rules_line(t.rules), style="dim"),
        Parts(counts_line(t)),
    ]
    for g in with_pairs:
        for (year, a, b), pairs in _pairs_by_years(g):
            parts += [text(""), pairs_view(pairs, pair_heading(g, year, a, b), quotes=quotes)]
        by_years: dict[tuple[int, int], list[TargetChange]] = {}
        for c in g.target_changes:
            by_years.setdefault((c.year_before, c.year_after), []).append(c)
        for changes in by_years.values():
            parts += [text(""), changes_table(changes)]
    if len([g for g in t.governments if g.pairs]) > 1:
        parts += [text(""), summary_table(t)]
    if t.notes:
        parts += [text(""), text("Notes", style="bold")] + [text(f"* {n}", style="dim") for n in t.notes]
    if not with_pairs:
        parts.append(text("No two reports of one government in consecutive years: nothing to pair.", style="yellow"))
    return Group(*parts)


def print_tracking(t: Tracking, console: Console, *, quotes: bool = False) -> None:
    print_view(console, renderable(t, quotes=quotes))


# ---------------------------------------------------------------------------------------------
# Markdown, HTML, CSV
# ---------------------------------------------------------------------------------------------


def pair_rows(pairs: list[KeptPair], *, government: bool = False) -> list[list[str]]:
    return [
        ([p.government, str(p.year)] if government else [])
        + [
            p.canonical, target_text(p.target), result_text(p), VERDICT_LABELS[p.verdict], p.reason,
            f"{quote_of(p.target)} [{span_text(p.target.source)}]",
            f"{quote_of(p.result)} [{span_text(p.result.source)}]" if p.result else _candidates_text(p),
        ]
        for p in pairs
    ]


def _candidates_text(p: KeptPair) -> str:
    """Undecided: the later report's sentences that name the indicator with a figure."""
    return " / ".join(f"{c.quote or ''} [{span_text(c)}]" for c in p.candidates) or "-"


def _change_rows(changes: list[TargetChange]) -> list[list[str]]:
    return [[c.indicator, target_text(c.before), target_text(c.after), c.change] for c in changes]


QUOTE_COLUMNS = ["target as printed [span]", "result as printed [span]"]


def markdown(t: Tracking) -> str:
    out = ["# Did they keep their word?", "", md_text(f"{len(t.pairs)} target(s) judged. {rules_line(t.rules)}."), "", md_text(counts_line(t))]
    for g in t.governments:
        if not (g.pairs or g.target_changes):
            continue
        out += ["", f"## {md_text(g.government)}"]
        if len(g.names) > 1:
            out += ["", "Also printed as: " + md_text(", ".join(n for n in g.names if n != g.government))]
        for (year, a, b), pairs in _pairs_by_years(g):
            out += ["", f"### {year}: targets of {md_text(_name(a))}, results in {md_text(_name(b))}", ""]
            out += md_table(PAIR_COLUMNS + QUOTE_COLUMNS, pair_rows(pairs))
        if g.target_changes:
            c0 = g.target_changes[0]
            out += ["", f"### Targets {c0.year_before} -> {c0.year_after}", ""]
            out += md_table(["indicator", str(c0.year_before), str(c0.year_after), "change"], _change_rows(g.target_changes))
    if t.notes:
        out += ["", "## Notes", ""] + [f"- {md_text(n)}" for n in t.notes]
    return "\n".join(out) + "\n"


def html_page(t: Tracking) -> str:
    e = html_text
    parts = ["<h1>Did they keep their word?</h1>", f"<p>{len(t.pairs)} target(s) judged. {e(rules_line(t.rules))}.</p>", f"<p>{e(counts_line(t))}</p>"]
    for g in t.governments:
        if not (g.pairs or g.target_changes):
            continue
        parts.append(f"<h2>{e(g.government)}</h2>")
        for (year, a, b), pairs in _pairs_by_years(g):
            parts.append(f"<h3>{year}: targets of {e(_name(a))}, results in {e(_name(b))}</h3>")
            parts.append(html_table(PAIR_COLUMNS + QUOTE_COLUMNS, pair_rows(pairs)))
        if g.target_changes:
            c0 = g.target_changes[0]
            parts.append(f"<h3>Targets {c0.year_before} -&gt; {c0.year_after}</h3>")
            parts.append(html_table(["indicator", str(c0.year_before), str(c0.year_after), "change"], _change_rows(g.target_changes)))
    if t.notes:
        parts.append("<h2>Notes</h2><ul class='dim'>" + "".join(f"<li>{e(n)}</li>" for n in t.notes) + "</ul>")
    return page("Did they keep their word?", "".join(parts))


CSV_COLUMNS = [
    "government", "year", "canonical", "indicator", "target", "comparator", "target_number", "target_upper", "target_unit",
    "result_value", "result_change", "result_number", "result_unit", "result_period", "verdict", "reason",
    "target_report", "target_section", "target_start", "target_end", "target_quote",
    "result_report", "result_section", "result_start", "result_end", "result_quote",
]


def csv_rows(t: Tracking) -> list[dict[str, object]]:
    rows = []
    for p in t.pairs:
        tg, m = p.target, p.result
        goal = goal_of(tg)
        rate = goal is not None and goal.kind == "rate"
        rows.append({
            "government": p.government, "year": p.year, "canonical": p.canonical, "indicator": tg.indicator, "target": tg.target,
            "comparator": tg.comparator, "target_number": tg.number, "target_upper": tg.upper, "target_unit": tg.unit,
            "result_value": m.value if m else None, "result_change": m.change if m else None,
            "result_number": (m.change_number if rate else m.number) if m else None,
            "result_unit": (m.change_unit if rate else m.unit) if m else None, "result_period": m.period if m else None,
            "verdict": p.verdict.value, "reason": p.reason,
            "target_report": p.target_report, "target_section": tg.source.section_path, "target_start": tg.source.start,
            "target_end": tg.source.end, "target_quote": tg.source.quote,
            "result_report": p.result_report, "result_section": m.source.section_path if m else None,
            "result_start": m.source.start if m else None, "result_end": m.source.end if m else None, "result_quote": m.source.quote if m else None,
        })
    return rows


def csv_text(t: Tracking) -> str:
    return csv_table(CSV_COLUMNS, csv_rows(t))
