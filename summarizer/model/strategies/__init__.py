"""Model strategies: how an area is asked about and how the answer becomes items.

Each strategy implements `base.Strategy` (what to ask, the response model, how answers become
items) and is named here, once: the settings accept these names for `style`, the pipeline
resolves the chosen one from the settings, and the prompt versions of all of them make up the
run's fingerprint. Adding a strategy is a module beside these and one line below.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer.model.strategies.base import Strategy

#: name → "module:class" (imported when first used, so that the settings can read the names)
STRATEGIES: dict[str, str] = {
    "abstractive": "summarizer.model.strategies.abstractive:Abstractive",
    "extractive": "summarizer.model.strategies.extractive:Extractive",
    "guided": "summarizer.model.strategies.guided:Guided",
    "rules": "summarizer.model.strategies.rules:RulePicks",
    "rules-only": "summarizer.model.strategies.rules:RulesOnly",
}
#: What `--no-model` runs: the rules' half of the summary, no area items.
RULES_ONLY = "rules-only"


@lru_cache(maxsize=None)
def get_strategy(name: str) -> "Strategy":
    module, _, cls = STRATEGIES[name].partition(":")
    return getattr(import_module(module), cls)()
