"""The `series --html` page in a real browser: headless Chromium (Debian's `chromium` package)
renders it, takes a screenshot, and logs every network request and console message.

    apt-get install -y chromium
    python -m bench.series_browser [--corpus ../shared/corpus] [--out DIR] [--font-dir DIR] [--no-write]

Chinese text needs a font with its glyphs: a system one (Debian's fonts-noto-cjk), or `--font-dir`,
a folder of fonts given to Chromium alone (through its own fontconfig file). A system-wide CJK font
changes what PDFium reads from some PDFs (tests/test_formats.py), so the folder is the safer way.

Checks, each of which fails the script (exit 1):
- the page makes no network request (Chromium's NetLog: no request whose network isolation key
  is the page's file:// origin; the browser's own background requests are counted apart);
- the console has no message (a Content-Security-Policy violation would be one: an inline style
  attribute, a stylesheet or image from elsewhere);
- the charts are drawn in colour in the screenshot (the colours of met, missed and the target
  band are there: an SVG whose styling the policy had blocked would be black);
- a control page proves the detectors work: the same checks on a page with an outside stylesheet,
  an outside image and a style attribute must see its two requests (without the policy) and its
  violations (under it).

Chromium is started with --headless --no-sandbox --disable-gpu --disable-background-networking
--disable-component-update --disable-sync --no-first-run and a fresh --user-data-dir per page.
The screenshot is left in --out (default: a new temporary folder) to look at.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]


def fontconfig(font_dir: Path, out: Path) -> dict[str, str]:
    """The environment that gives Chromium the fonts of `font_dir` besides the system's."""
    conf = out / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include><dir>{font_dir.resolve()}</dir>"
        f"<cachedir>{(out / 'fontcache').resolve()}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def chromium(binary: str, page: Path, out: Path, name: str, size: str = "1280,9000", env: dict[str, str] | None = None) -> dict:
    """Render `page`: the screenshot, the page's network requests, the browser's own, the console."""
    profile = out / f"{name}-profile"
    shutil.rmtree(profile, ignore_errors=True)
    netlog, shot = out / f"{name}-netlog.json", out / f"{name}.png"
    cmd = [
        binary, *FLAGS, f"--user-data-dir={profile}", f"--log-net-log={netlog}", "--net-log-capture-mode=Everything",
        "--enable-logging=stderr", "--v=0", f"--window-size={size}", f"--screenshot={shot}", page.resolve().as_uri(),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180, env=env)
    if not shot.exists():
        raise RuntimeError(f"chromium wrote no screenshot (exit {proc.returncode}): {proc.stderr[-1500:]}")
    log = json.loads(netlog.read_text(encoding="utf-8"))
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    page_requests, browser_requests = [], []
    for e in log["events"]:
        if names.get(e["type"]) != "URL_REQUEST_START_JOB":
            continue
        params = e.get("params", {})
        url = params.get("url", "")
        if url.startswith(("file:", "data:", "chrome:")):
            continue
        (page_requests if "file://" in params.get("network_isolation_key", "") else browser_requests).append(url)
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    shutil.rmtree(profile, ignore_errors=True)
    return {"screenshot": shot, "page_requests": page_requests, "browser_requests": browser_requests, "console": console}


def colours_drawn(png: Path) -> dict[str, int]:
    """Pixels of each chart colour in the screenshot (within a small tolerance)."""
    from PIL import Image

    from summarizer.render.series_charts import COLORS

    def rgb(h: str) -> tuple[int, int, int]:
        return tuple(int(h[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]

    def blend(h: str, alpha: float) -> tuple[int, int, int]:
        return tuple(round(alpha * c + (1 - alpha) * 255) for c in rgb(h))  # type: ignore[return-value]

    wanted = {"met": rgb(COLORS["met"]), "missed": rgb(COLORS["missed"]), "target band": blend(COLORS["band"], 0.45), "target line": rgb(COLORS["target"])}
    counts = dict.fromkeys(wanted, 0)
    img = Image.open(png).convert("RGB")
    for (r, g, b), n in ((c, n) for n, c in img.getcolors(maxcolors=1 << 24)):
        for name, (wr, wg, wb) in wanted.items():
            if abs(r - wr) <= 6 and abs(g - wg) <= 6 and abs(b - wb) <= 6:
                counts[name] += n
    return counts


CONTROL = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'>{csp}"
    "<link rel='stylesheet' href='http://fonts.example.test/x.css'></head>"
    "<body><p style='color:red'>control</p><img src='http://127.0.0.1:9/probe.png'></body></html>"
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--out", type=Path, help="Folder for the page, screenshots and logs (default: a new temporary folder)")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    ap.add_argument("--font-dir", type=Path, help="Fonts for Chromium alone (e.g. Noto Sans CJK), besides the system's")
    ap.add_argument("--no-write", action="store_true", help="Do not append to bench/results.md")
    args = ap.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="series-browser-"))
    out.mkdir(parents=True, exist_ok=True)
    if not shutil.which(args.chromium):
        print(f"no chromium at {args.chromium!r}: apt-get install -y chromium", file=sys.stderr)
        return 2

    if not (args.corpus / "national").is_dir():
        print(f"no corpus at {args.corpus}: give --corpus", file=sys.stderr)
        return 2

    from summarizer.render.series import CSP

    page = out / "series.html"
    reports = sorted((args.corpus / "national").glob("*.txt"))
    subprocess.run([sys.executable, "-m", "summarizer", "series", *map(str, reports), "--html", "-o", str(page), "-q"], check=True, cwd=ROOT)
    version = subprocess.run([args.chromium, "--version"], capture_output=True, text=True).stdout.strip()

    env = fontconfig(args.font_dir, out) if args.font_dir else None
    seen = chromium(args.chromium, page, out, "series", env=env)
    colours = colours_drawn(seen["screenshot"])
    open_control = out / "control-open.html"
    open_control.write_text(CONTROL.format(csp=""), encoding="utf-8")
    strict_control = out / "control-csp.html"
    strict_control.write_text(CONTROL.format(csp=f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'), encoding="utf-8")
    c_open = chromium(args.chromium, open_control, out, "control-open", "800,600")
    c_strict = chromium(args.chromium, strict_control, out, "control-csp", "800,600")

    checks = {
        "the page makes no network request": not seen["page_requests"],
        "the console has no message (no policy violation)": not seen["console"],
        "the charts are drawn in colour (met, missed, band, target line)": all(n > 0 for n in colours.values()),
        "control without the policy: its 2 requests are seen": len(c_open["page_requests"]) == 2,
        "control under the policy: no request, and its violations are logged": not c_strict["page_requests"] and len(c_strict["console"]) >= 3,
    }
    lines = [
        f"{version}; page: `summarizer series` on the 14 national reports, --html ({page.stat().st_size // 1024} KiB, "
        f"{page.read_text(encoding='utf-8').count('<svg')} charts)",
        "",
        *[f"- {'ok' if ok else 'FAILED'}: {name}" for name, ok in checks.items()],
        f"- page requests: {seen['page_requests'] or 'none'}; the browser's own background requests (not the page's): {len(seen['browser_requests'])}",
        f"- console: {seen['console'] or 'nothing'}",
        f"- chart colours in the screenshot (pixels): {', '.join(f'{k} {v}' for k, v in colours.items())}",
        f"- control: requests without the policy {c_open['page_requests']}; under it {c_strict['page_requests'] or 'none'}, "
        f"{len(c_strict['console'])} console message(s)",
        f"- screenshot: {seen['screenshot']}",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        from bench.run import append_results

        append_results("series --html in headless Chromium", "\n".join(lines[:-1]))
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
