"""The Chinese-language knowledge of the tool, as data.

Every heading pattern, keyword list and phrase that the pure stages (clean, split, classify,
rules, verify) recognise lives here, and so do the words the views print, so that tuning the
tool for a new kind of report means editing one place. Nothing in this package does any work
beyond compiling regular expressions.

The lexicon is a package by topic (characters, numbers, chrome, headings, kinds, problems,
targets, metadata, figures, indicators, periods, themes, names, picks, views); every name is
read as `lexicon.NAME`."""

from __future__ import annotations

from summarizer.lexicon.characters import *  # noqa: F401,F403
from summarizer.lexicon.numbers import *  # noqa: F401,F403
from summarizer.lexicon.chrome import *  # noqa: F401,F403
from summarizer.lexicon.headings import *  # noqa: F401,F403
from summarizer.lexicon.kinds import *  # noqa: F401,F403
from summarizer.lexicon.problems import *  # noqa: F401,F403
from summarizer.lexicon.targets import *  # noqa: F401,F403
from summarizer.lexicon.metadata import *  # noqa: F401,F403
from summarizer.lexicon.figures import *  # noqa: F401,F403
from summarizer.lexicon.indicators import *  # noqa: F401,F403
from summarizer.lexicon.periods import *  # noqa: F401,F403
from summarizer.lexicon.themes import *  # noqa: F401,F403
from summarizer.lexicon.names import *  # noqa: F401,F403
from summarizer.lexicon.picks import *  # noqa: F401,F403
from summarizer.lexicon.views import *  # noqa: F401,F403
from summarizer.lexicon.characters import compile_alternation  # noqa: F401
