"""read: every encoding we promise, and a clear error (never a traceback) for every bad input."""

from __future__ import annotations

import codecs
import json

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.errors import InputError
from summarizer.read.reader import decode_document, read_document

from tests.conftest import SEED_FILES

SAMPLE = SEED_FILES[0].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encoding,prefix",
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("gb18030", b""),
        ("gbk", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
    ],
)
def test_decodes_every_supported_encoding(tmp_path, encoding, prefix):
    text = SAMPLE.replace("\xa0", " ")  # NBSP has no GBK code
    path = tmp_path / "report.txt"
    path.write_bytes(prefix + text.encode(encoding))
    doc = read_document(path)
    assert doc.text == text
    assert doc.text.count("\ufffd") == 0


def test_damaged_utf8_stays_utf8_with_marks(tmp_path):
    data = SAMPLE.encode("utf-8")
    cut = data.index("地区生产总值".encode()) + 1  # cut inside a three-byte character
    damaged = data[:cut] + data[cut + 2 :]
    path = tmp_path / "damaged.txt"
    path.write_bytes(damaged)
    doc = read_document(path)
    assert doc.encoding == "utf-8"
    assert 1 <= doc.text.count("\ufffd") <= 2
    assert "光明区" in doc.text


def _err(path, **kw) -> InputError:
    with pytest.raises(InputError) as info:
        read_document(path, **kw)
    return info.value


def test_missing_file(tmp_path):
    e = _err(tmp_path / "nope.txt")
    assert "nope.txt" in str(e) and "no such file" in str(e)


def test_directory(tmp_path):
    e = _err(tmp_path)
    assert "directory" in str(e) and e.hint and "batch" in e.hint


@pytest.mark.parametrize("content", [b"", b"   \n\n\t ", "\u3000\u3000\n".encode("utf-8"), codecs.BOM_UTF8])
def test_empty(tmp_path, content):
    p = tmp_path / "empty.txt"
    p.write_bytes(content)
    assert "is empty" in str(_err(p))


def test_binary(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8)
    assert "binary" in str(_err(p))


def test_control_characters_are_binary(tmp_path):
    p = tmp_path / "ctl.txt"
    p.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 50 + "正文".encode())
    assert "binary" in str(_err(p))


def test_undecodable(tmp_path):
    p = tmp_path / "junk.txt"
    p.write_bytes(bytes([0x81, 0x20, 0xFF, 0x80, 0xC0, 0xAF]) * 200)
    e = _err(p)
    assert "cannot be decoded" in str(e) and "iconv" in (e.hint or "")


def test_too_large(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(SAMPLE.encode("utf-8"))
    e = _err(p, max_bytes=1000)
    assert "over the 1,000-byte limit" in str(e) and "--max-bytes" in (e.hint or "")


def test_decode_document_names_its_source():
    with pytest.raises(InputError) as info:
        decode_document(b"", "upload.txt")
    assert str(info.value).startswith("upload.txt")


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "make,expected",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "e.txt", b""), "is empty"),
        (lambda d: _write(d / "b.bin", b"\x00\x01\x02" * 100), "binary"),
    ],
)
def test_cli_reports_bad_input_without_traceback(tmp_path, make, expected):
    path = make(tmp_path)
    result = CliRunner().invoke(app, ["sections", str(path)])
    assert result.exit_code == 2
    assert expected in result.output
    assert str(path) in result.output
    assert "Traceback" not in result.output


def test_dash_reads_standard_input():
    report = SEED_FILES[0].read_bytes()
    result = CliRunner().invoke(app, ["text", "-", "--info"], input=report)
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip("\n") == SEED_FILES[0].read_text(encoding="utf-8").rstrip("\n")
    assert "<stdin>: format text" in result.stderr
    brief = CliRunner().invoke(app, ["summarize", "-", "--no-model", "-q", "--json"], input=report.decode("utf-8").encode("gb18030"))
    assert brief.exit_code == 0, brief.output
    summary = json.loads(brief.stdout)
    assert summary["source"]["path"] == "<stdin>" and summary["metadata"]["region"] == "光明区" and summary["source"]["encoding"] == "gb18030"
    empty = CliRunner().invoke(app, ["sections", "-"], input=b"")
    assert empty.exit_code == 2 and "<stdin>: is empty" in empty.output and "Traceback" not in empty.output


def test_links_that_lead_nowhere_are_named_as_such(tmp_path):
    import os

    os.symlink("b.txt", tmp_path / "a.txt")
    os.symlink("a.txt", tmp_path / "b.txt")
    os.symlink("gone.txt", tmp_path / "dangling.txt")
    loop, dangling = _err(tmp_path / "a.txt"), _err(tmp_path / "dangling.txt")
    assert loop.reason == "is a symbolic link loop (it leads back to itself)"
    assert dangling.reason == "is a broken symbolic link (to gone.txt, which does not exist)"
    assert _err(tmp_path / "a.txt" / "x.txt").reason == "lies under a symbolic link loop"
    for command in ("text", "sections", "summarize"):
        result = CliRunner().invoke(app, [command, str(tmp_path / "a.txt")] + (["--no-model"] if command == "summarize" else []))
        assert result.exit_code == 2 and "is a symbolic link loop" in result.output and "no such file" not in result.output


def test_a_negative_or_zero_size_limit_is_refused(tmp_path):
    for command in (["text"], ["sections"], ["summarize", "--no-model"]):
        for value in ("-5", "0"):
            result = CliRunner().invoke(app, [*command, str(SEED_FILES[0]), "--max-bytes", value])
            assert result.exit_code == 2, result.output
            assert f"must be at least 1 byte, not {value}" in result.output and "Traceback" not in result.output
