"""Model strategies: how an area is asked about and how the answer becomes items.

Each strategy implements `base.Strategy` (what to ask, the response model, how answers become
items) and is named once, in `names.py`: the settings accept these names for `style`, the pipeline
resolves the chosen one from the settings, and the prompt versions of all of them make up the
run's fingerprint. Adding a strategy is a module beside these and one line in `names.py`.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer.model.strategies.base import Strategy

from summarizer.model.strategies.names import RULES_ONLY, STRATEGIES

__all__ = ["RULES_ONLY", "STRATEGIES", "get_strategy"]


@lru_cache(maxsize=None)
def get_strategy(name: str) -> "Strategy":
    module, _, cls = STRATEGIES[name].partition(":")
    return getattr(import_module(module), cls)()
