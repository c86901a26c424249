"""The strategies by name, and where each lives: read by the settings (which names `--style`
accepts) without importing any strategy, and by `get_strategy`, which imports one when first used."""

from __future__ import annotations

#: name → "module:class"
STRATEGIES: dict[str, str] = {
    "abstractive": "summarizer.model.strategies.abstractive:Abstractive",
    "extractive": "summarizer.model.strategies.extractive:Extractive",
    "guided": "summarizer.model.strategies.guided:Guided",
    "lead": "summarizer.model.strategies.rules:LeadPicks",
    "rules": "summarizer.model.strategies.rules:RulePicks",
    "rules-only": "summarizer.model.strategies.rules:RulesOnly",
}
#: What `--no-model` runs: the rules' half of the summary, no area items.
RULES_ONLY = "rules-only"
