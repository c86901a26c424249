"""What the model is asked to return: small, flat, bounded.

Generated tokens are the slowest part of the pipeline on a CPU (each is a full forward pass
under a grammar), so these models use short keys, bounded strings and bounded lists. With
constrained decoding (tool call or json_object+schema) the bounds hold by construction; the
exact number of areas per call is part of the schema. The instructions live in the prompt
files, not in field descriptions: grammar-constrained servers never show descriptions to the
model except through the tool signature.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, create_model

SUMMARY_MAX = 60
NAME_MAX = 24
VALUE_MAX = 24
COMMITMENT_MAX = 40
METRICS_MAX = 3
COMMITMENTS_MAX = 3
#: At most this many areas share one call (see extract.UNIT_MAX_AREAS).
UNIT_AREAS_MAX = 3


class MetricOut(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(max_length=NAME_MAX)
    value: str = Field(max_length=VALUE_MAX)
    change: str = Field(max_length=VALUE_MAX)


class AreaReviewOut(BaseModel):
    model_config = ConfigDict(extra="forbid")
    summary: str = Field(max_length=SUMMARY_MAX)
    metrics: list[MetricOut] = Field(max_length=METRICS_MAX)


class AreaTasksOut(BaseModel):
    model_config = ConfigDict(extra="forbid")
    summary: str = Field(max_length=SUMMARY_MAX)
    commitments: list[Annotated[str, Field(max_length=COMMITMENT_MAX)]] = Field(max_length=COMMITMENTS_MAX)


def _areas_model(name: str, item: type[BaseModel], n: int) -> type[BaseModel]:
    return create_model(
        f"{name}{n}",
        __config__=ConfigDict(extra="forbid"),
        areas=(list[item], Field(min_length=n, max_length=n)),  # type: ignore[valid-type]
    )


@lru_cache(maxsize=None)
def review_response(n: int) -> type[BaseModel]:
    """{"areas": [exactly n × {summary, metrics[≤3]}]}"""
    return _areas_model("Review", AreaReviewOut, n)


@lru_cache(maxsize=None)
def tasks_response(n: int) -> type[BaseModel]:
    """{"areas": [exactly n × {summary, commitments[≤3]}]}"""
    return _areas_model("Tasks", AreaTasksOut, n)


PICKS_MAX = 3
SENTENCES_MAX = 99


class AreaPicksOut(BaseModel):
    """Extractive answer for one area: which area it answers (so answers packed in one call
    cannot shift) and the numbers of the sentences picked."""

    model_config = ConfigDict(extra="forbid")
    area: int = Field(ge=1, le=UNIT_AREAS_MAX)
    picks: list[Annotated[int, Field(ge=1, le=SENTENCES_MAX)]] = Field(max_length=PICKS_MAX)


@lru_cache(maxsize=None)
def picks_response(n: int) -> type[BaseModel]:
    """{"areas": [exactly n × {area, picks[≤3]}]}"""
    return _areas_model("Picks", AreaPicksOut, n)


#: The guided strategy shows at most this many candidate sentences per area ...
CANDIDATES_MAX = 4
#: ... and at most this many areas share one call.
GUIDED_AREAS_MAX = 6


@lru_cache(maxsize=None)
def choices_response(n: int) -> type[BaseModel]:
    """{"best": [exactly n candidate numbers]}: the best candidate of each area, in order. Two
    or three generated tokens per area; an answer can only name one of its own area's
    candidates, so a shifted list costs quality, never faithfulness. The numbers are not
    bounded here: a number that names no candidate is read as no choice (the rule's order),
    not sent back to the model."""
    return create_model(
        f"Choices{n}",
        __config__=ConfigDict(extra="forbid"),
        best=(list[int], Field(min_length=n, max_length=n)),
    )


#: The pointer shows at most this many numbered sentences and takes at most this many back.
POINT_SENTENCES_MAX = 12
POINT_PICKS_MAX = 3


class PointOut(BaseModel):
    """Where the rules read nothing: the numbers of the sentences that answer the question."""

    model_config = ConfigDict(extra="forbid")
    picks: list[Annotated[int, Field(ge=1, le=POINT_SENTENCES_MAX)]] = Field(max_length=POINT_PICKS_MAX)
