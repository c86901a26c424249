"""A `DocumentSummary` as a brief for the terminal (rich) and as Markdown."""

from __future__ import annotations

from typing import Optional

from rich.console import Console, Group, RenderableType
from rich.table import Table

from schemas.document import DocumentMetadata
from schemas.summary import DocumentSummary, Metric, Target, VerificationStatus

from summarizer import lexicon as lx
from summarizer.render.common import md_table, md_text, print_view, table_of, text, years
from summarizer.render.prose import Prose, parts as fields


def metadata_text(m: DocumentMetadata) -> Prose:
    """region · type · review → plan, then the title."""
    t = Prose()
    t.append(m.region or "region unknown", style="bold")
    t.append(f" · {m.doc_type} · {years(m)}")
    if m.title:
        t.append(f"\n{m.title}", style="dim")
    return t


def metric_value(m: Metric) -> str:
    return " ".join(x for x in (m.value, m.change) if x) or "-"


def _mark(status: VerificationStatus) -> str:
    return {VerificationStatus.VERIFIED: "", VerificationStatus.FUZZY: "", VerificationStatus.UNVERIFIED: " [unverified]"}[status]


def target_kind(t: Target) -> str:
    kind = lx.TARGET_KINDS[t.binding]
    return kind or (lx.QUALITATIVE_KIND if t.number is None and t.target == t.indicator else "")


def target_cells(t: Target) -> tuple[str, str]:
    """(indicator, target) as shown: a qualitative target is said once; a stretch goal follows."""
    if t.number is None and t.target == t.indicator:
        return t.indicator, ""
    return t.indicator, t.target + (f"（{t.note}）" if t.note else "")


def indicator_label(m: Metric) -> str:
    """The indicator as printed; an unnamed one ("全年增长4.8%") by its canonical name."""
    if m.canonical and m.indicator in lx.GDP_BARE_NAMES:
        return f"{m.canonical}（{m.indicator}）"
    return m.indicator


def of_year(year: Optional[int], what: str) -> str:
    """A title of the year (2026年目标), or without it where the year is unknown (目标)."""
    return f"{year}{lx.YEAR_WORD}{what}" if year else what


def headline_table(s: DocumentSummary) -> Table:
    rows = [(indicator_label(m), m.value or "", m.change or "", m.period or lx.FULL_YEAR) for m in s.headline_metrics]
    return table_of(f"{lx.HEADLINE_TITLE} {s.metadata.review_year or ''}".strip(), lx.HEADLINE_COLUMNS, rows)


def targets_table(s: DocumentSummary) -> Table:
    rows = [(*target_cells(t), target_kind(t)) for t in s.targets]
    return table_of(of_year(s.metadata.plan_year, lx.TARGETS), lx.TARGET_COLUMNS, rows)


def _summary_line(area: str, summary: str, status: VerificationStatus) -> str:
    """The summary as shown beside its area; nothing when it only repeats the area's title."""
    if not summary or summary.rstrip("。") == area.rstrip("。"):
        return ""
    return f"{summary}{_mark(status)}"


def area_items(s: DocumentSummary) -> list[tuple[str, list[tuple[str, str, list[str]]]]]:
    """Achievements and tasks as (heading, [(area, summary line, sub-lines)]) for every renderer."""
    achievements = [
        (a.area, _summary_line(a.area, a.summary, a.status), [f"{m.indicator}: {metric_value(m)}{_mark(m.status)}" for m in a.metrics])
        for a in s.achievements
    ]
    tasks = [
        (t.area, _summary_line(t.area, t.summary, t.status), [f"{c.text}{_mark(c.status)}" for c in t.commitments])
        for t in s.tasks
    ]
    return [(lx.ACHIEVEMENTS_TITLE, achievements), (of_year(s.metadata.plan_year, lx.TASKS_TITLE), tasks)]


def _area_lines(items: list[tuple[str, str, list[str]]], style: str) -> list[Prose]:
    out = []
    for area, summary, subs in items:
        line = Prose("- ")
        line.append(area, style="bold")
        if summary:
            line.append(f": {summary}")
        out.append(line)
        out += [text(f"    - {sub}", style=style) for sub in subs]
    return out + [text("")]


def brief(s: DocumentSummary) -> RenderableType:
    parts: list[RenderableType] = [metadata_text(s.metadata), text("")]
    if s.headline_metrics:
        parts += [headline_table(s), text("")]
    (achievements_title, achievements), (tasks_title, tasks) = area_items(s)
    if achievements:
        parts += [text(achievements_title, style="bold green"), *_area_lines(achievements, "green")]
    parts.append(text(lx.PROBLEMS_TITLE, style="bold red"))
    if s.problems:
        for i, p in enumerate(s.problems, 1):
            parts.append(text(f"{i}. {p.summary}"))
    else:
        parts.append(text("(no problems passage found)", style="dim"))
    parts.append(text(""))
    if s.targets:
        parts += [targets_table(s), text("")]
    if tasks:
        parts += [text(tasks_title, style="bold cyan"), *_area_lines(tasks, "cyan")]
    for w in s.warnings:
        parts.append(text(f"warning: {w}", style="yellow"))
    parts.append(usage_text(s))
    return Group(*parts)


def usage_text(s: DocumentSummary) -> Prose:
    """The closing line: model, calls, tokens, seconds; it breaks only between its fields."""
    u = s.usage
    return fields([
        s.model or "no model call needed", f"{u.calls} call(s), {u.cached_units} cached",
        f"{u.prompt_tokens:,} prompt + {u.completion_tokens:,} generated tokens", f"{u.seconds:.1f} s",
    ], style="dim")


def usage_table(s: DocumentSummary) -> Table:
    """Token usage per model call unit (one area, or a few tiny ones)."""
    rows = [
        (", ".join(u.section_paths), u.prompt, "cached" if u.cached else str(u.calls), str(u.prompt_tokens), str(u.completion_tokens), f"{u.seconds:.1f}")
        for u in s.usage.units
    ]
    return table_of("usage by section", ["sections", "prompt", "calls", "prompt tokens", "generated", "s"], rows)


def print_brief(s: DocumentSummary, console: Console, *, usage: bool = False) -> None:
    print_view(console, brief(s), *([usage_table(s)] if usage else []))


# ---------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------


def _md_area_lines(items: list[tuple[str, str, list[str]]]) -> list[str]:
    out = []
    for area, summary, subs in items:
        out.append(f"- **{md_text(area)}**" + (f": {md_text(summary)}" if summary else ""))
        out += [f"  - {md_text(sub)}" for sub in subs]
    return out + [""]


def markdown(s: DocumentSummary) -> str:
    """The brief as Markdown; every text of the report goes through `md_text`."""
    m = s.metadata
    out = [f"# {md_text(m.region or lx.UNKNOWN_REGION)} · {md_text(m.doc_type)} · {years(m)}", ""]
    if m.title:
        out += [f"*{md_text(m.title)}*", ""]
    if s.headline_metrics:
        out += [f"## {lx.HEADLINE_TITLE} {m.review_year or ''}".rstrip(), ""]
        out += md_table(lx.HEADLINE_COLUMNS, [[indicator_label(x), x.value, x.change, x.period or lx.FULL_YEAR] for x in s.headline_metrics])
        out.append("")
    (achievements_title, achievements), (tasks_title, tasks) = area_items(s)
    if achievements:
        out += [f"## {achievements_title}", "", *_md_area_lines(achievements)]
    out += [f"## {lx.PROBLEMS_TITLE}", ""]
    out += [f"{i}. {md_text(p.summary)}" for i, p in enumerate(s.problems, 1)] or ["(no problems passage found)"]
    out.append("")
    if s.targets:
        out += [f"## {of_year(m.plan_year, lx.TARGETS)}", ""]
        out += md_table(lx.TARGET_COLUMNS, [[*target_cells(t), target_kind(t)] for t in s.targets])
        out.append("")
    if tasks:
        out += [f"## {tasks_title}", "", *_md_area_lines(tasks)]
    if s.warnings:
        out += ["## Warnings", ""] + [f"- {md_text(w)}" for w in s.warnings] + [""]
    u = s.usage
    out.append(
        f"<sub>{md_text(s.model or 'no model call needed')} · {u.calls} call(s), {u.cached_units} cached · "
        f"{u.prompt_tokens} prompt + {u.completion_tokens} generated tokens · {u.seconds:.1f} s · source {md_text(s.source.path)}</sub>"
    )
    return "\n".join(out) + "\n"
