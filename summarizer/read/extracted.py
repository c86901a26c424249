"""What every reader gives, and the one signature readers share.

A reader takes a file's bytes and its name (for messages) and gives `Extracted`: the text of the
report — for a web page, PDF or Word file the text it extracts, which every offset downstream
indexes (`summarizer text FILE` prints it) — the encoding it was decoded from, and what turned
the bytes into text. A reader raises `InputError` for a file of its format it cannot read.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from typing import Callable


@dataclass(frozen=True)
class Extracted:
    text: str
    #: The encoding the text was decoded from ("utf-8", "gb18030" …), or the format's name where
    #: the container says (PDF, Word).
    encoding: str
    #: What turned the bytes into `text`: "decode", or a library and its version.
    extractor: str


#: (bytes, name) → Extracted
Reader = Callable[[bytes, str], Extracted]


@lru_cache(maxsize=None)
def library_version(package: str) -> str:
    """"name version" of the library that extracted a text, for the JSON to say."""
    try:
        return f"{package} {metadata.version(package)}"
    except metadata.PackageNotFoundError:
        return package
