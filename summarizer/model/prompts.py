"""Prompt files: prompts/<name>.toml with a name, a version, declared variables, a system
text (instructions and a short few-shot example, identical for every call of that prompt so
the server's prefix cache is reused) and a user template.

`load_prompt(name)` reads one; `Prompt.messages(**variables)` renders it and raises on a
missing or undeclared variable. The version is part of the cache key, so editing a prompt and
bumping its version invalidates exactly the answers it produced.
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from summarizer.errors import ConfigError


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    variables: tuple[str, ...]
    system: str
    user: str

    @property
    def id(self) -> str:
        return f"{self.name}@{self.version}"

    def messages(self, **values: object) -> list[dict[str, str]]:
        missing = [v for v in self.variables if v not in values]
        extra = [v for v in values if v not in self.variables]
        if missing or extra:
            raise ConfigError(f"prompt {self.id}: missing variables {missing}, undeclared {extra}")
        return [
            {"role": "system", "content": self.system},
            {"role": "user", "content": self.user.format(**values)},
        ]


def _placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


@lru_cache(maxsize=None)
def load_prompt(name: str) -> Prompt:
    try:
        text = resources.files("prompts").joinpath(f"{name}.toml").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"no prompt named {name!r}") from None
    data = tomllib.loads(text)
    prompt = Prompt(
        name=data["name"],
        version=str(data["version"]),
        variables=tuple(data["variables"]),
        system=data["system"].strip(),
        user=data["user"].strip(),
    )
    used = _placeholders(prompt.user)
    if used != set(prompt.variables):  # the system text is used verbatim, never formatted
        raise ConfigError(f"prompt {prompt.id}: template uses {sorted(used)}, declares {list(prompt.variables)}")
    return prompt
