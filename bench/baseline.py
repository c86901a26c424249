"""The naive baseline, for comparison only: the way generic map-reduce summarizers work.

The cleaned text is cut into fixed 1,000-character chunks; every chunk goes to the model with
one response model holding achievements + problems + tasks (the same field bounds as ours), and
the answers are concatenated. No heading grammar, no rules, no skipping, no verification.
Its output is mapped to a `DocumentSummary` (so that `eval` can score it) with every item's
source set to the chunk it came from.
"""

from __future__ import annotations

import time
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from schemas.responses import COMMITMENT_MAX, COMMITMENTS_MAX, METRICS_MAX, SUMMARY_MAX, MetricOut
from schemas.summary import (
    Achievement, Commitment, DocumentSource, DocumentSummary, Metric, Problem, SourceSpan, Task, Usage, VerificationStatus,
)
from summarizer.parse.document import ParsedDocument
from summarizer.model.client import ModelClient
from summarizer.model.prompts import Prompt
from summarizer.rules.figures import canonical_indicator
from summarizer.verify import Source

CHUNK_CHARS = 1000

PROMPT = Prompt(
    name="naive-chunk",
    version="1",
    variables=("chunk",),
    system="""从政府报告中提取信息。只写原文写明的内容;数字、单位和"增长""下降"照抄原文,不换算、不计算;没有就留空。""",
    user="""下面是报告的一段。输出:achievements(这一段写到的成绩:area领域,summary一句话,metrics量化指标),problems(这一段写到的问题、困难、不足,每条一句),tasks(这一段写到的下一年工作:area领域,summary一句话,commitments具体承诺)。没有的留空列表。

{chunk}""",
)


class NaiveAchievement(BaseModel):
    model_config = ConfigDict(extra="forbid")
    area: str = Field(max_length=20)
    summary: str = Field(max_length=SUMMARY_MAX)
    metrics: list[MetricOut] = Field(max_length=METRICS_MAX)


class NaiveTask(BaseModel):
    model_config = ConfigDict(extra="forbid")
    area: str = Field(max_length=20)
    summary: str = Field(max_length=SUMMARY_MAX)
    commitments: list[Annotated[str, Field(max_length=COMMITMENT_MAX)]] = Field(max_length=COMMITMENTS_MAX)


class NaiveChunk(BaseModel):
    model_config = ConfigDict(extra="forbid")
    achievements: list[NaiveAchievement] = Field(max_length=3)
    problems: list[Annotated[str, Field(max_length=SUMMARY_MAX)]] = Field(max_length=3)
    tasks: list[NaiveTask] = Field(max_length=3)


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    return [(i, min(len(text), i + size)) for i in range(0, len(text), size)]


def summarize_naive(doc: ParsedDocument, client: ModelClient) -> DocumentSummary:
    t0 = time.monotonic()
    usage = Usage()
    achievements, problems, tasks = [], [], []
    text = doc.clean.text
    for a, b in chunks(text):
        done = client.complete(PROMPT, NaiveChunk, {"chunk": text[a:b]})
        usage.calls += done.calls
        usage.prompt_tokens += done.prompt_tokens
        usage.completion_tokens += done.completion_tokens
        oa, ob = doc.clean.to_original(a, b)
        span = SourceSpan(section_path=f"chunk {a // CHUNK_CHARS}", start=oa, end=ob)
        source = Source(text[a:b])
        status = lambda claim: VerificationStatus.UNVERIFIED if source.missing_numbers(claim) else VerificationStatus.FUZZY  # noqa: E731
        got: NaiveChunk = done.value
        for x in got.achievements:
            metrics = [
                Metric(indicator=m.name, canonical=canonical_indicator(m.name), value=m.value or None, change=m.change or None,
                       source=span, status=status(m.value + " " + m.change), origin="model")
                for m in x.metrics if m.value or m.change
            ]
            achievements.append(Achievement(area=x.area, summary=x.summary, metrics=metrics, source=span, status=status(x.summary)))
        problems += [Problem(summary=p, source=span, status=status(p), origin="model") for p in got.problems]
        for x in got.tasks:
            commitments = [Commitment(text=c, source=span, status=status(c)) for c in x.commitments]
            tasks.append(Task(area=x.area, summary=x.summary, commitments=commitments, source=span, status=status(x.summary)))
    usage.seconds = round(time.monotonic() - t0, 3)
    return DocumentSummary(
        source=DocumentSource(path=doc.raw.path, sha256=doc.raw.sha256, chars=len(doc.raw.text), encoding=doc.raw.encoding),
        metadata=doc.tree.metadata,
        achievements=achievements,
        problems=problems,
        tasks=tasks,
        model=client.model,
        prompt_versions={PROMPT.name: PROMPT.version},
        usage=usage,
    )

