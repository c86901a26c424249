"""reports: each report once, whatever path it came by.

One report is the same bytes (`source.sha256`): a report given twice, or a batch folder given
with the folder it was made from. Every command that reads many reports (compare, track,
series, export) reads each once and says which it left out.
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

from schemas.summary import DocumentSummary


class Repeat(NamedTuple):
    """A summary left out because it is of the same report as one kept."""

    left_out: DocumentSummary
    kept: DocumentSummary


def unique_reports(summaries: Sequence[DocumentSummary]) -> tuple[list[DocumentSummary], list[Repeat]]:
    """The summaries with each report once — one report is the same bytes (`source.sha256`),
    whatever the path: a report given twice, or a batch folder given with its source folder —
    and the repeats left out. Of two summaries of one report the one with the model's items is
    kept, else the first; the order of first appearance is kept."""
    kept: dict[str, DocumentSummary] = {}
    repeats: list[Repeat] = []
    for s in summaries:
        first = kept.get(s.source.sha256)
        if first is None:
            kept[s.source.sha256] = s
        elif s.model is not None and first.model is None:
            kept[s.source.sha256] = s
            repeats.append(Repeat(first, s))
        else:
            repeats.append(Repeat(s, first))
    return list(kept.values()), repeats
