"""write: where outputs go — the place checked before any work, the file written atomically.

`check_file_target` and `check_folder_target` raise an `OutputError` for a place an output
cannot go (a folder where a file is meant, a path under a file, a folder this process may not
write to, an input the output would overwrite), so that a command refuses at once instead of
failing after minutes of work. `write_atomic` writes through a temporary file in the same folder
and a rename: an interrupted run never leaves a half-written file, and the file gets the
permissions the user's umask gives (an overwritten file keeps its own).
"""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from pathlib import Path
from typing import Iterable

from summarizer.errors import OutputError


def check_file_target(path: Path, inputs: Iterable[Path] = ()) -> None:
    """Raise `OutputError` unless a file can be written at `path` without overwriting one of `inputs`."""
    if path.is_dir():
        raise OutputError(path, "is a folder; -o takes a file name here")
    if path.exists() and any(_same_file(path, p) for p in inputs):
        raise OutputError(path, "is one of the inputs; writing there would overwrite it")
    _check_place(path, path.parent)


def check_folder_target(path: Path) -> None:
    """Raise `OutputError` unless outputs can be written into the folder `path` (made if missing)."""
    if path.exists() and not path.is_dir():
        raise OutputError(path, "is a file; -o takes a folder here")
    _check_place(path, path)


def _check_place(target: Path, folder: Path) -> None:
    existing = folder
    while not existing.exists():
        if existing.is_symlink():
            raise OutputError(target, f"cannot be written: {existing} is a broken symbolic link")
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(target, f"cannot be written: {existing} is a file, not a folder")
    try:  # the one true test of a place (permissions, read-only file systems, root or not)
        fd, probe = tempfile.mkstemp(prefix=".summarizer-probe-", dir=existing)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(target, f"cannot be written: no file can be made in {existing} ({exc.strerror or exc})") from None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def write_output(path: Path, text: str) -> None:
    """`write_atomic`, with a failure of the file system (a full disk) as an `OutputError`."""
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise OutputError(path, f"cannot be written ({exc.strerror or exc})") from None


_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    """The mode a plain open() would leave: an existing file's own, else 0666 less the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write via a temporary file in the same folder and rename: all or nothing. The file gets
    the permissions the user's umask gives (an overwritten file keeps its own), not the 0600
    of a temporary file. Text is written as UTF-8, bytes as they are."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
