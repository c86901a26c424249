"""Files the tool writes (batch outputs and index, -o, exports) get the permissions the user's
umask gives, not the 0600 of the temporary file they are written through."""

from __future__ import annotations

import os
import stat

import pytest

from summarizer.batch import write_atomic


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_written_files_get_the_mode_the_umask_gives(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "new.json", "{}")
        assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == mode
    finally:
        os.umask(old)


def test_an_overwritten_file_keeps_its_mode(tmp_path):
    path = tmp_path / "kept.md"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    write_atomic(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and path.read_text(encoding="utf-8") == "new"
