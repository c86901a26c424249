"""The output contract: what `summarizer summarize --json` writes and `compare` reads.

Every item carries its `SourceSpan` (section path and character offsets in the original file)
and a `VerificationStatus`. The JSON Schema of `DocumentSummary` is exported to
schemas/document_summary.schema.json (a test keeps it in sync) for other tools to consume.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal, Optional

from pydantic import BaseModel, Field

from .document import DocumentMetadata

SCHEMA_VERSION = "1"


class VerificationStatus(str, Enum):
    VERIFIED = "verified"  # every number found in the source and the text located exactly
    FUZZY = "fuzzy"  # every number found; the text located approximately (a paraphrase)
    UNVERIFIED = "unverified"  # a number or quote not found in the source: never shown as fact


Origin = Literal["rule", "model"]


class SourceSpan(BaseModel):
    section_path: str = Field(description="Path of the section the item comes from, e.g. '一 > (三)'")
    start: int = Field(ge=0, description="Start offset (characters) in the original file text (for a web page, PDF or Word file: its extracted text)")
    end: int = Field(ge=0, description="End offset (exclusive) in the original file text (for a web page, PDF or Word file: its extracted text)")
    quote: Optional[str] = Field(default=None, description="The original text at [start, end) when it is short")


class Metric(BaseModel):
    indicator: str = Field(description="Indicator as printed, e.g. 规上工业企业增加值, GDP, 社消零总额")
    canonical: Optional[str] = Field(default=None, description="Canonical indicator name for comparison, e.g. 地区生产总值")
    value: Optional[str] = Field(default=None, description="Value with unit as printed, e.g. 4759亿元, 超5200亿元")
    change: Optional[str] = Field(default=None, description="Change as printed, e.g. 增长3%, 同口径增长5.2%, 下降9.9%")
    period: Optional[str] = Field(default=None, description="Period when not the full review year: 前三季度, 1-11月, 预计全年")
    qualifier: Optional[str] = Field(default=None, description="How the figure is qualified where printed: 预计, 初步统计, 平均, 超过, 突破")
    number: Optional[float] = Field(default=None, description="The value's number in `unit`, where it parses")
    unit: Optional[str] = Field(default=None, description="The value's unit as printed (亿元, 万人, %)")
    change_number: Optional[float] = Field(default=None, description="Signed change: +3.0 for 增长3%, -9.9 for 下降9.9%")
    change_unit: Optional[str] = Field(default=None, description="% or 个百分点")
    source: SourceSpan
    status: VerificationStatus = VerificationStatus.VERIFIED
    origin: Origin = "rule"


class Achievement(BaseModel):
    area: str = Field(description="The review area's title")
    summary: str = Field(description="One sentence")
    metrics: list[Metric] = Field(default_factory=list)
    source: SourceSpan
    status: VerificationStatus = VerificationStatus.VERIFIED
    origin: Origin = "model"


class Problem(BaseModel):
    summary: str = Field(description="The problem in a few words (the item's own lead)")
    detail: str = Field(default="", description="The rest of the item")
    source: SourceSpan
    status: VerificationStatus = VerificationStatus.VERIFIED
    origin: Origin = "rule"


class Commitment(BaseModel):
    text: str
    source: SourceSpan
    status: VerificationStatus = VerificationStatus.VERIFIED


class Task(BaseModel):
    area: str = Field(description="The task area's title")
    summary: str = Field(description="One sentence")
    commitments: list[Commitment] = Field(default_factory=list, description="Concrete commitments, with numbers where the text gives them")
    source: SourceSpan
    status: VerificationStatus = VerificationStatus.VERIFIED
    origin: Origin = "model"


class Target(BaseModel):
    indicator: str = Field(description="As printed, e.g. 地区生产总值(GDP)")
    canonical: Optional[str] = None
    target: str = Field(description="As printed, e.g. 增长7%以上, 900亿元以上, 突破千亿元, 正增长")
    comparator: Optional[str] = Field(default=None, description="以上 | 左右 | 以内 | 以下 | 突破 | 超 | 超过 | 不低于 | 达到 | None (exact)")
    number: Optional[float] = Field(default=None, description="The target's number, negative for a fall as a metric's change is (下降3%左右 → -3)")
    unit: Optional[str] = None
    upper: Optional[float] = Field(default=None, description="The other end of a range target (5.5 for 增长5.0%—5.5%), with the same sign")
    binding: Optional[bool] = Field(default=None, description="True: 约束性; False: 预期性; None: not said")
    note: Optional[str] = Field(default=None, description="A stretch goal printed with it (力争达到8%), as printed")
    source: SourceSpan
    status: VerificationStatus = VerificationStatus.VERIFIED
    origin: Origin = "rule"


class SectionUsage(BaseModel):
    section_paths: list[str]
    prompt: str = Field(description="Prompt name@version")
    calls: int = 0
    cached: bool = False
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0


class Usage(BaseModel):
    calls: int = Field(default=0, description="Model requests made (re-asks and retries included)")
    cached_units: int = Field(default=0, description="Units answered from the cache, without a model call")
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = Field(default=0.0, description="Wall seconds for the whole document")
    units: list[SectionUsage] = Field(default_factory=list)


class DocumentSource(BaseModel):
    path: str
    sha256: str
    chars: int = Field(description="Characters of the text that offsets index: the file's decoded text, or for a web page, PDF or Word file the extracted text (`summarizer text FILE` prints it)")
    encoding: str
    format: str = Field(default="text", description="What the file was: text, html, mhtml, pdf or docx")
    extractor: str = Field(default="decode", description="What turned it into text: decode (a text file), or the library and its version (e.g. pypdfium2 5.15.2)")
    script: str = Field(default="simplified", description="simplified, or traditional: then quotes are as printed (traditional) and the other fields are in simplified characters")


class Mention(BaseModel):
    """A sentence that names a headline indicator with a figure where the rules read no result of
    the year for it: shown instead of "no result printed", which it would contradict."""

    canonical: str
    source: SourceSpan


class DocumentSummary(BaseModel):
    schema_version: str = SCHEMA_VERSION
    source: DocumentSource
    metadata: DocumentMetadata
    headline_metrics: list[Metric] = Field(default_factory=list, description="Main indicators of the review year, found by rules")
    achievements: list[Achievement] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)
    problems_passage: Optional[SourceSpan] = Field(default=None, description="Where the report states its problems; None: no problems passage found (not: the report has none)")
    targets: list[Target] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list, description="Sentences naming a headline indicator with a figure where no headline result was read for it (at most 3 each)")
    warnings: list[str] = Field(default_factory=list)
    dropped_unverified: int = Field(default=0, description="Items (or parts) dropped because a number or quote was not in the source")
    model: Optional[str] = None
    style: Optional[str] = Field(default=None, description="extractive (the report's own sentences, picked by the model) | abstractive (written by the model) | None (rules only)")
    prompt_versions: dict[str, str] = Field(default_factory=dict)
    fingerprint: Optional[str] = Field(default=None, description="Identifies the prompts and model that made this summary; batch skips inputs whose output carries the same one")
    usage: Usage = Field(default_factory=Usage)
