"""Options shared by several commands, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

FileArg = Annotated[Path, typer.Argument(help="A report: .txt (UTF-8, GB18030/GBK or UTF-16) or .md")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of the rich view")]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", help="Refuse files larger than this", show_default=True)]
WidthOpt = Annotated[Optional[int], typer.Option("--width", help="Terminal width for the rich view")]


def stdout_console(width: int | None = None) -> Console:
    return Console(width=width, highlight=False, soft_wrap=False)
