"""Charts of a government's record, drawn by matplotlib: inline SVG for the HTML page, PNG for slides.

One chart per indicator: the years along the bottom; each year's target as a shaded band (左右:
the band around the number; a range: its ends; 以上 / 以内: the side that meets it, lighter) with
its number as a line; the result as a point (met: green circle, within band: orange circle,
missed: red cross; a figure without a verdict: a grey ring); the years without a verdict say why
(no target, no result, no next report).

matplotlib is the optional `charts` extra (about 170 MB with numpy, pillow and fonttools):
`require()` raises a ConfigError (exit 2) with the one line that says how to get it.

The SVG goes inline into a page whose Content-Security-Policy allows no style attribute and no
external resource, so what matplotlib writes is rewritten: style attributes become presentation
attributes (fill="…"), the one stylesheet of the file becomes attributes of the root, ids get a
prefix of their own chart (many charts share a page), and the XML prologue, metadata and the
DOCTYPE's URL go. Chart text is ASCII (the years, numbers, units, the legend); Chinese names are
in the page's headings. A PNG carries the government and indicator as its title where a CJK font
is installed (else only its file name does, and a warning says so).
"""

from __future__ import annotations

import io
import itertools
import re
import warnings
from pathlib import Path
from typing import Any, Callable, Optional

from schemas.series import GovernmentSeries, IndicatorSeries, SeriesYear

from summarizer.errors import ConfigError
from summarizer.render.series import measure_label
from summarizer.render.series_strip import charted, value_range

MISSING = "charts need matplotlib, which is not installed: pip install 'summarizer[charts]' (or --no-charts for the tables alone)"

COLORS = {"met": "#2ca02c", "within_band": "#ff9f1c", "missed": "#d62728", "band": "#6baed6", "target": "#08519c", "other": "#777777"}
STATUS_NOTES = {
    "no_target": "no target", "no_report": "no report", "no_next_report": "no next report",
    "no_result": "no result printed", "not_comparable": "not comparable", "undecided": "could not decide",
}
#: Fonts with Chinese glyphs, for PNG titles; the first one installed is used.
CJK_FONTS = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
    "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans GB", "Heiti SC", "Noto Sans CJK JP", "Droid Sans Fallback",
)
#: CSS properties matplotlib writes in style attributes, all of which SVG has as presentation attributes.
PRESENTATION = {
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin",
    "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit", "opacity", "font-size", "font-family", "font-weight",
    "font-style", "text-anchor", "clip-path", "dominant-baseline", "letter-spacing", "mix-blend-mode",
}
SVG_NS = "http://www.w3.org/2000/svg"
#: What XML cannot carry (control characters but tab and line breaks, U+FFFE, U+FFFF, lone
#: surrogates): left out of a chart's title, which a summary's text goes into.
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def require() -> Any:
    """matplotlib, or a ConfigError that says how to install it."""
    try:
        import matplotlib
        from matplotlib.figure import Figure  # noqa: F401
    except ImportError:
        raise ConfigError(MISSING) from None
    return matplotlib


def available() -> bool:
    try:
        require()
    except ConfigError:
        return False
    return True


# ---------------------------------------------------------------------------------------------
# The figure
# ---------------------------------------------------------------------------------------------


def _ascii(s: str) -> bool:
    return all(ord(c) < 128 for c in s)


def figure(s: IndicatorSeries, *, title: Optional[str] = None, cjk: bool = False):
    """The matplotlib Figure of one indicator's series. Text outside ASCII (a title, a unit such as
    万人) is drawn only with `cjk` (a font with Chinese glyphs is set)."""
    require()
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    years = [y.year for y in s.years]
    fig = Figure(figsize=(max(5.5, min(11.0, 2.2 + 0.45 * len(years))), 3.0), layout="constrained")
    ax = fig.add_subplot()
    rng = value_range(s)
    lo, hi = rng if rng is not None else (0.0, 1.0)
    ax.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    ax.set_ylim(lo, hi)
    ax.set_xticks(years, [str(y) for y in years], fontsize=9, rotation=45 if len(years) > 16 else 0)
    ax.tick_params(axis="y", labelsize=9)
    label = measure_label(s)
    ax.set_ylabel(label if cjk or _ascii(label) else ("change" if s.measure == "rate" else "level"), fontsize=9)
    ax.grid(axis="y", color="#e5e5e5", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if title and (cjk or _ascii(title)):
        ax.set_title(title, fontsize=10, loc="left")
    seen: set[str] = set()
    width = 0.62
    for y in s.years:
        drawn = charted(s, y)
        if drawn and y.target_low is not None and y.target_high is not None:
            _target(ax, y, lo, hi, width, seen)
        if drawn and y.result_number is not None:
            _result(ax, y, seen)
        elif y.status in STATUS_NOTES:
            _status_note(ax, y, drawn, lo, hi)
    handles = []
    if "band" in seen:
        handles.append(Patch(facecolor=COLORS["band"], alpha=0.45, label="target band"))
    if "open" in seen:
        handles.append(Patch(facecolor=COLORS["band"], alpha=0.18, label="meets the target"))
    if "target" in seen:
        handles.append(Line2D([], [], color=COLORS["target"], linewidth=2, label="target"))
    for key, marker, name in (("met", "o", "met"), ("within_band", "o", "within band"), ("missed", "X", "missed")):
        if key in seen:
            handles.append(Line2D([], [], linestyle="", marker=marker, color=COLORS[key], markersize=7, label=name))
    if "other" in seen:
        handles.append(Line2D([], [], linestyle="", marker="o", markerfacecolor="none", markeredgecolor=COLORS["other"], label="figure, no verdict"))
    if handles:
        ax.legend(handles=handles, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return fig


def _target(ax, y: SeriesYear, lo: float, hi: float, width: float, seen: set[str]) -> None:
    low, high, c = y.target_low, y.target_high, y.comparator
    x0 = y.year - width / 2
    if c == "about" and y.band is not None:
        ax.bar(y.year, high + y.band - (low - y.band), bottom=low - y.band, width=width, color=COLORS["band"], alpha=0.45, linewidth=0)
        seen.add("band")
    elif c == "range":
        ax.bar(y.year, high - low, bottom=low, width=width, color=COLORS["band"], alpha=0.45, linewidth=0)
        seen.add("band")
    elif c in ("at_least", "above", "positive"):
        base = 0.0 if c == "positive" else low
        ax.bar(y.year, hi - base, bottom=base, width=width, color=COLORS["band"], alpha=0.18, linewidth=0)
        seen.add("open")
    elif c in ("at_most", "below"):
        ax.bar(y.year, high - lo, bottom=lo, width=width, color=COLORS["band"], alpha=0.18, linewidth=0)
        seen.add("open")
    if c != "range":
        level = 0.0 if c == "positive" else low
        ax.plot([x0, x0 + width], [level, level], color=COLORS["target"], linewidth=2, solid_capstyle="butt")
        seen.add("target")


def _status_note(ax, y: SeriesYear, drawn: bool, lo: float, hi: float) -> None:
    """Why a year has no verdict, written upwards where it crosses no target line: from the
    bottom where the target leaves room below it, else just above the target."""
    frac = lambda v: (v - lo) / (hi - lo)  # noqa: E731
    above = None
    if drawn and y.target_low is not None and y.target_high is not None:
        band = y.band or 0.0
        lower = lo if y.comparator in ("at_most", "below") else (0.0 if y.comparator == "positive" else y.target_low) - band
        top = y.target_low if y.comparator in ("at_least", "above") else (0.0 if y.comparator == "positive" else y.target_high + band)
        if frac(lower) < 0.4 and frac(top) < 0.6:
            above = top
    style = {"rotation": 90, "fontsize": 7, "color": COLORS["other"], "ha": "center", "va": "bottom"}
    if above is not None:
        ax.annotate(STATUS_NOTES[y.status], (y.year, above), textcoords="offset points", xytext=(0, 4), **style)
    else:
        ax.text(y.year, 0.03, STATUS_NOTES[y.status], transform=ax.get_xaxis_transform(), **style)


def _result(ax, y: SeriesYear, seen: set[str]) -> None:
    r = y.result_number
    if y.status in ("met", "within_band", "missed"):
        marker = {"at_least": "^", "at_most": "v"}.get(y.result_bound or "", "X" if y.status == "missed" else "o")
        ax.scatter([y.year], [r], marker=marker, s=70 if y.status == "missed" else 45, color=COLORS[y.status], zorder=3, linewidths=0)
        seen.add(y.status)
        ax.annotate(f"{r:g}", (y.year, r), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=8, color=COLORS[y.status])
    else:
        ax.scatter([y.year], [r], marker="o", s=40, facecolors="none", edgecolors=COLORS["other"], zorder=3, linewidths=1.2)
        seen.add("other")
        ax.annotate(f"{r:g}", (y.year, r), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=8, color=COLORS["other"])


# ---------------------------------------------------------------------------------------------
# SVG for the page, PNG for slides
# ---------------------------------------------------------------------------------------------


def _rc() -> dict[str, Any]:
    return {"svg.fonttype": "none", "svg.hashsalt": "summarizer-series", "font.family": "DejaVu Sans"}


def svg(s: IndicatorSeries, chart_id: str, *, description: str = "") -> str:
    """The chart as inline SVG markup: presentation attributes only, ids prefixed with `chart_id`,
    no external reference; `description` becomes its <title> (for screen readers)."""
    matplotlib = require()
    fig = figure(s)
    buf = io.StringIO()
    with matplotlib.rc_context(_rc()), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a missing glyph: the browser draws the text
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    return inline_svg(buf.getvalue(), chart_id, description)


def page_charts() -> Callable[[GovernmentSeries, IndicatorSeries], str]:
    """What draws the charts of one page (render.series.html_page's `chart`): each indicator's
    SVG with ids of its own (c1, c2 …), titled with its government and indicator for screen
    readers (the title is text in the SVG, never markup)."""
    require()
    ids = itertools.count(1)

    def chart(g: GovernmentSeries, s: IndicatorSeries) -> str:
        return svg(s, f"c{next(ids)}", description=f"{g.government} {s.canonical}: targets and results, {g.first_year}-{g.last_year}")

    return chart


def inline_svg(text: str, chart_id: str, description: str = "") -> str:
    """matplotlib's SVG made fit for a page under a strict Content-Security-Policy (see the module)."""
    from lxml import etree

    root = etree.fromstring(re.sub(r"^<\?xml[^>]*\?>\s*", "", text).encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    for style in root.iter(f"{{{SVG_NS}}}style"):
        for prop, value in _declarations(re.sub(r"^\s*\*\s*\{|\}\s*$", "", style.text or "")):
            root.set(prop, value)  # *{stroke-linejoin: round}: inherited from the root
        style.getparent().remove(style)
    for meta in list(root.iter(f"{{{SVG_NS}}}metadata")):
        meta.getparent().remove(meta)
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        css = el.attrib.pop("style", None)
        if css:
            for prop, value in _declarations(css):
                if prop not in PRESENTATION:
                    raise ValueError(f"matplotlib wrote a style property SVG has no attribute for: {prop}")
                el.set(prop, value)
        if el.get("id"):
            el.set("id", f"{chart_id}-{el.get('id')}")
        href = el.get(XLINK_HREF)
        if href is not None:
            if not (href.startswith("#") and href[1:] in ids):
                raise ValueError(f"an SVG reference outside the chart: {href!r}")
            el.set(XLINK_HREF, f"#{chart_id}-{href[1:]}")
        for name, value in el.attrib.items():
            if "url(" in value:
                el.set(name, re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{chart_id}-{m.group(1)})", value))
    for name in ("width", "height"):
        root.attrib.pop(name, None)
    root.set("class", "chart")
    root.set("role", "img")
    if description:
        title = etree.Element(f"{{{SVG_NS}}}title")
        title.text = NOT_XML.sub("", description)
        root.insert(0, title)
    return etree.tostring(root, encoding="unicode")


def _declarations(css: str) -> list[tuple[str, str]]:
    out = []
    for decl in css.split(";"):
        if ":" in decl:
            prop, value = decl.split(":", 1)
            out.append((prop.strip(), value.strip()))
    return out


def cjk_font() -> Optional[str]:
    """The family name of an installed font with Chinese glyphs, or None."""
    require()
    from matplotlib import font_manager

    def installed() -> set[str]:  # a cached entry whose file is gone is no font
        return {f.name for f in font_manager.fontManager.ttflist if Path(f.fname).is_file()}

    names = installed()
    for family in CJK_FONTS:
        if family in names:
            return family
    # fonts installed after matplotlib built its cache
    for path in font_manager.findSystemFonts():
        if re.search(r"(?i)cjk|wqy|wenquanyi|sourcehan|simhei|msyh|droidsansfallback", Path(path).name):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                continue
    names = installed()
    return next((family for family in CJK_FONTS if family in names), None)


def file_stem(g: GovernmentSeries, s: IndicatorSeries) -> str:
    """government_indicator, without characters a file name should not carry."""
    return re.sub(r"[^\w\u4e00-\u9fff-]+", "_", f"{g.government}_{s.canonical}").strip("_") or "series"


def png(g: GovernmentSeries, s: IndicatorSeries, font: Optional[str], dpi: int = 200) -> bytes:
    """The chart as PNG, titled with the government and indicator where `font` (a CJK family) is given."""
    matplotlib = require()
    rc = {"font.family": [font, "DejaVu Sans"]} if font else {"font.family": "DejaVu Sans"}
    with matplotlib.rc_context(rc), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        fig = figure(s, title=f"{g.government} · {s.canonical}", cjk=font is not None)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()
