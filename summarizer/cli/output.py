"""Where a command's result goes and in which format: one rule for every command that writes.

- Two format flags (`--json --markdown`) are refused: give one.
- `-o PATH`: the suffix picks the format among those the command writes (`-o brief.md`), or is
  refused (`-o rows.xlsx` does not get CSV); a flag given with it must agree. A name without a
  suffix gets the flag's format, else the command's default.
- The place is checked before any work (`write.check_file_target`): a folder, a path under a
  file, a place without write permission or one of the inputs is one line and exit 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping, Optional

import typer

from summarizer.errors import UsageError
from summarizer.write import check_file_target, write_output


def output_format(
    command: str,
    flags: Mapping[str, bool],
    output: Optional[Path],
    suffixes: Mapping[str, str],
    *,
    printed: Optional[str] = None,
    written: str,
    inputs: Iterable[Path] = (),
) -> Optional[str]:
    """The format to give: the one flag set, else the format `-o`'s suffix names, else the
    default — `written` for a file, `printed` on stdout (None: the command's terminal view).
    `flags` maps a format to whether its flag was given; `suffixes` a file suffix to the format
    it names. `inputs` are never overwritten."""
    given = [fmt for fmt, on in flags.items() if on]
    if len(given) > 1:
        raise UsageError(f"{' and '.join('--' + g for g in given)} cannot go together: give one format")
    flag = given[0] if given else None
    if output is None:
        return flag or printed
    check_file_target(output, inputs)
    suffix = output.suffix.lower()
    if not suffix:
        return flag or written
    named = suffixes.get(suffix)
    if named is None:
        known = ", ".join(dict.fromkeys(suffixes))
        raise UsageError(f"-o {output}: `{command}` does not write {suffix} files (it writes {known})")
    if flag is not None and flag != named:
        raise UsageError(f"--{flag} and -o {output} disagree: {suffix} is {named}; give one of them")
    return named


def write(output: Path, text: str) -> None:
    """Write a result to `output` and say so on stderr."""
    write_output(output, text)
    typer.echo(f"wrote {output}", err=True)


def emit(text: str, output: Optional[Path], fmt: Optional[str] = None) -> None:
    """A result to `output` (a CSV file starts with a byte-order mark: the mark tells
    spreadsheets the file is UTF-8), or to standard output."""
    if output is not None:
        write(output, "\ufeff" + text if fmt == "csv" else text)
    else:
        typer.echo(text, nl=False)
