"""Which encoding a plain-text report is in: our rules against charset-normalizer, on real text.

Every report of the development corpus (../shared/corpus: 14 national, 31 provincial 2025 as
Word files, 21 provincial 2026) and the five seeds, in simplified characters as published, is
turned into the forms reposts come in: GB18030; OpenCC's traditional script (standard, Taiwan
and Hong Kong variants) in Big5, Windows' cp950 and Big5-HKSCS; traditional script in GB18030
(a mainland repost of a Taiwan text); UTF-8. Characters an encoding lacks become "?", as an
editor saving the file would leave them. Each is cut to its first 30 (a title), 100, 300 and
1,000 characters besides the whole (detectors guess worse on little text). Each whole file is
also damaged once — one byte in its middle dropped, as a cut copy leaves it — and there a guess
is right when it reads the file in the right encoding family (GB, Big5 or UTF-8): the text
around the lost byte is garbled in any reading.

A guess is right when the text it gives is the text that was encoded, character for character —
but for one byte pair: A145, a middle dot, which cp950 reads as ‧ (U+2027) and big5 and
big5hkscs as • (U+2022). Which of the two a Big5 file means depends on the program that wrote
it, not on anything a detector can see; a guess that differs from the text only there is
counted right, and the number of such guesses is given apart.
Compared: the rules before Big5 was read (UTF-8, damaged UTF-8, GB18030), our rules now
(`summarizer.read.decode.decode_text`), charset-normalizer's best guess, and charset-normalizer
asked only to choose among the encodings we read.

    python -m bench.encodings [--no-append]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Callable, Optional

from summarizer.errors import InputError
from summarizer.read.decode import decode_text
from summarizer.read.reader import read_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
RESULTS = ROOT / "bench" / "results.md"
CUTS = (30, 100, 300, 1000, None)  # characters; None: the whole report


def reports() -> list[tuple[str, str]]:
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    for folder in ("national", "provincial-2025", "provincial-2026"):
        paths += sorted(p for p in (CORPUS / folder).glob("*") if p.suffix in (".txt", ".docx"))
    return [(p.name, read_document(p).text) for p in paths]


def forms(text: str) -> dict[str, tuple[str, str]]:
    """form → (text in the form's script, codec)."""
    import opencc

    t2 = {name: opencc.OpenCC(name).convert(text) for name in ("s2t", "s2tw", "s2hk")}
    return {
        "simplified · GB18030": (text, "gb18030"),
        "simplified · UTF-8": (text, "utf-8"),
        "traditional · Big5": (t2["s2t"], "big5"),
        "traditional (Taiwan) · cp950": (t2["s2tw"], "cp950"),
        "traditional (Hong Kong) · Big5-HKSCS": (t2["s2hk"], "big5hkscs"),
        "traditional · GB18030": (t2["s2t"], "gb18030"),
    }


Guess = Optional[tuple[str, str]]  # (text, codec), or None: no reading


def legacy(data: bytes) -> Guess:
    """The rules before Big5 was read: UTF-8, UTF-8 with under 1% damage, GB18030."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = data.decode("utf-8", errors="replace")
    if damaged.count("\ufffd") <= 0.01 * len(damaged):
        return damaged, "utf-8"
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        return None


def ours(data: bytes) -> Guess:
    try:
        return decode_text(data, "bench")
    except InputError:
        return None


def normalizer(data: bytes, among: Optional[list[str]] = None) -> Guess:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=among).best()
    return (str(best), best.encoding) if best is not None else None


def normalizer_among_ours(data: bytes) -> Guess:
    return normalizer(data, ["utf_8", "gb18030", "big5", "big5hkscs", "cp950"])


def family(codec: str) -> str:
    name = codec.lower().replace("_", "").replace("-", "")
    return "big5" if name.startswith(("big5", "cp950")) else "gb" if name.startswith(("gb", "cp936")) else "utf8" if name.startswith("utf8") else name


DETECTORS: dict[str, Callable[[bytes], Guess]] = {
    "rules before": legacy,
    "rules now": ours,
    "charset-normalizer": normalizer,
    "charset-normalizer, our encodings only": normalizer_among_ours,
}


_DOTS = {"\u2022": "\u2027", "\u2027": "\u2022"}


def verdict(guess: Guess, truth: str) -> str:
    """"exact", "dot" (right but for the dot of A145), or "wrong"."""
    got = guess[0] if guess else None
    if got == truth:
        return "exact"
    if got is not None and len(got) == len(truth) and all(a == b or _DOTS.get(a) == b for a, b in zip(got, truth)):
        return "dot"
    return "wrong"


def measure() -> tuple[dict, dict, int]:
    right: dict[tuple[str, str, str], list[str]] = defaultdict(list)  # (detector, form, cut) → verdicts
    seconds: dict[str, list[float]] = defaultdict(list)
    docs = reports()
    for _name, text in docs:
        for form, (script_text, codec) in forms(text).items():
            for cut in CUTS:
                data = script_text[:cut].encode(codec, errors="replace")
                truth = data.decode(codec)
                for detector, guess in DETECTORS.items():
                    t = time.perf_counter()
                    got = guess(data)
                    seconds[detector].append(time.perf_counter() - t)
                    right[(detector, form, "whole" if cut is None else f"{cut} chars")].append(verdict(got, truth))
            whole = script_text.encode(codec, errors="replace")
            damaged = whole[: len(whole) // 2] + whole[len(whole) // 2 + 1 :]
            for detector, guess in DETECTORS.items():
                got = guess(damaged)
                right[(detector, form, "whole, one byte lost")].append("exact" if got and family(got[1]) == family(codec) else "wrong")
    return right, seconds, len(docs)


def table(right: dict, seconds: dict, n_docs: int) -> str:
    cuts = [f"{c} chars" for c in CUTS if c] + ["whole", "whole, one byte lost"]
    form_names = list(dict.fromkeys(form for _d, form, _c in right))
    lines = [
        f"{n_docs} reports (5 seeds, 66 of the corpus) × {len(form_names)} forms × {len(cuts)} lengths; right = the text that was encoded,"
        " character for character (damaged files: the right encoding family).",
        "",
        "| form | length | " + " | ".join(DETECTORS) + " |",
        "|---|---|" + "---:|" * len(DETECTORS),
    ]
    def ok(verdicts: list[str]) -> int:
        return sum(v != "wrong" for v in verdicts)

    for form in form_names:
        for cut in cuts:
            cells = [f"{ok(v)}/{len(v)}" for v in (right[(d, form, cut)] for d in DETECTORS)]
            lines.append(f"| {form} | {cut} | " + " | ".join(cells) + " |")
    every = {det: [x for (d, _f, _c), v in right.items() if d == det for x in v] for det in DETECTORS}
    lines.append("| **all** | | " + " | ".join(f"**{ok(v)}/{len(v)}**" for v in every.values()) + " |")
    lines.append("| of which right but for the dot of A145 | | " + " | ".join(str(v.count("dot")) for v in every.values()) + " |")
    lines.append("| median ms per file | | " + " | ".join(f"{statistics.median(seconds[d]) * 1000:.2f}" for d in DETECTORS) + " |")
    lines.append("| slowest ms per file | | " + " | ".join(f"{max(seconds[d]) * 1000:.1f}" for d in DETECTORS) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-append", action="store_true", help=f"print only; do not append to {RESULTS.name}")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"the corpus is not at {CORPUS}")
    right, seconds, n = measure()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    if subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True, cwd=ROOT).stdout.strip():
        commit += "+dirty"
    from charset_normalizer import __version__ as cn_version

    head = f"## encoding of plain-text reports: our rules vs charset-normalizer {cn_version} · {datetime.now():%Y-%m-%d %H:%M} · commit {commit}"
    body = table(right, seconds, n) + f"\n\n{platform.processor() or platform.machine()}, Python {platform.python_version()}.\n"
    print(head + "\n\n" + body)
    if not args.no_append:
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write("\n" + head + "\n\n" + body)


if __name__ == "__main__":
    main()
