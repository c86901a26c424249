"""The section tree of a report: what read → clean → split → classify produce."""

from __future__ import annotations

from enum import Enum
from typing import Iterator, Optional

from pydantic import BaseModel, Field


class SectionKind(str, Enum):
    """What a section is about; decides how (and whether) it is summarized."""

    REVIEW = "review"  # 执行情况 / 工作回顾: achievements of the review year
    PROBLEMS = "problems"  # 困难 / 不足 / 挑战
    TARGETS = "targets"  # 主要目标 / 预期性指标 / 约束性指标
    TASKS = "tasks"  # 主要任务 / 工作安排: next year's work
    OUTLOOK = "outlook"  # the next plan period ("十五五"时期主要目标任务), not the plan year
    REQUIREMENTS = "requirements"  # 总体要求 / 总体思路
    MEASURES = "measures"  # 保障措施
    GLOSSARY = "glossary"  # 名词解释 / 注释
    OTHER = "other"  # front matter, closing words, anything else


class Section(BaseModel):
    """One node of the tree. Offsets: `start`/`end` index the original (decoded) file text,
    `clean_start`/`clean_end` the cleaned text; `body_start` (cleaned) is where the text after
    the heading's marker and title begins."""

    path: str = Field(description="Markers from the root, e.g. '三 > (二) > 3'; unique in the document")
    marker: str = Field(description="The heading marker as printed ('三、', '(二)', '3.', '一是'); '' for derived sections")
    title: str
    level: int = Field(ge=1, description="Depth in the tree; top-level sections are 1")
    kind: SectionKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    clean_start: int = Field(ge=0)
    clean_end: int = Field(ge=0)
    body_start: int = Field(ge=0)
    derived: bool = Field(default=False, description="Carved out of the text by a phrase, not by a heading")
    inline: bool = Field(default=False, description="An item of an inline enumeration (一是……二是……), not a heading line")
    children: list["Section"] = Field(default_factory=list)

    @property
    def chars(self) -> int:
        return self.clean_end - self.clean_start

    def walk(self) -> Iterator["Section"]:
        yield self
        for child in self.children:
            yield from child.walk()


class DocumentMetadata(BaseModel):
    title: Optional[str] = None
    region: Optional[str] = Field(default=None, description="e.g. 光明区; None when the text does not say")
    doc_type: str = Field(default="other", description="计划执行情况与计划 | 政府工作报告 | other")
    review_year: Optional[int] = None
    plan_year: Optional[int] = None


class RemovedText(BaseModel):
    reason: str
    start: int
    end: int
    text: str


class SectionTree(BaseModel):
    """A parsed report: metadata, warnings and the sections in document order."""

    path: str
    sha256: str
    encoding: str
    format: str = Field(default="text", description="What the file was: text, html, mhtml, pdf or docx")
    extractor: str = Field(default="decode", description="What turned it into text: decode (a text file), or the library and its version")
    script: str = Field(default="simplified", description="simplified, or traditional (analysed in a simplified copy of the same length)")
    chars: int = Field(description="Characters of the original (decoded or extracted) text; offsets index it")
    clean_chars: int
    damaged_chars: int = 0
    warnings: list[str] = Field(default_factory=list)
    removed: list[RemovedText] = Field(default_factory=list)
    metadata: DocumentMetadata
    sections: list[Section]

    def walk(self) -> Iterator[Section]:
        for s in self.sections:
            yield from s.walk()

    def find(self, path: str) -> Optional[Section]:
        return next((s for s in self.walk() if s.path == path), None)

    def of_kind(self, kind: SectionKind) -> list[Section]:
        return [s for s in self.walk() if s.kind == kind]
