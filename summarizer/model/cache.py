"""The answer cache: SQLite in the user cache directory.

Key = SHA-256 of (the text sent, prompt name@version, model id, response schema). A re-run on
an unchanged document therefore makes no model call, and changing any of the four makes the
affected calls again — no more, no less. Values are the validated answers as JSON.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    key TEXT PRIMARY KEY,
    prompt TEXT NOT NULL,
    model TEXT NOT NULL,
    created REAL NOT NULL,
    value TEXT NOT NULL,
    prompt_tokens INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0
)
"""


def cache_key(text: str, prompt_id: str, model: str, schema: dict) -> str:
    h = hashlib.sha256()
    for part in (text, prompt_id, model, json.dumps(schema, sort_keys=True, ensure_ascii=False)):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


@dataclass(frozen=True)
class CachedAnswer:
    value: dict
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True)
class CacheInfo:
    path: str
    entries: int
    size_bytes: int
    by_prompt: dict[str, int]


class AnswerCache:
    def __init__(self, path: Path, *, enabled: bool = True) -> None:
        self.path = path
        self.enabled = enabled
        self._lock = threading.Lock()
        self._conn: Optional[sqlite3.Connection] = None

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(SCHEMA)
            self._conn = conn
        return self._conn

    def get(self, key: str) -> Optional[CachedAnswer]:
        if not self.enabled:
            return None
        with self._lock:
            row = self._db().execute(
                "SELECT value, prompt_tokens, completion_tokens FROM answers WHERE key = ?", (key,)
            ).fetchone()
        if row is None:
            return None
        return CachedAnswer(json.loads(row[0]), row[1], row[2])

    def put(self, key: str, *, prompt: str, model: str, value: dict, prompt_tokens: int, completion_tokens: int) -> None:
        if not self.enabled:
            return
        with self._lock:
            db = self._db()
            db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, prompt, model, time.time(), json.dumps(value, ensure_ascii=False), prompt_tokens, completion_tokens),
            )
            db.commit()

    def info(self) -> CacheInfo:
        if not self.path.exists():
            return CacheInfo(str(self.path), 0, 0, {})
        with self._lock:
            rows = self._db().execute("SELECT prompt, COUNT(*) FROM answers GROUP BY prompt").fetchall()
        size = sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*"))
        return CacheInfo(str(self.path), sum(n for _, n in rows), size, dict(rows))

    def clear(self) -> int:
        if not self.path.exists():
            return 0
        with self._lock:
            db = self._db()
            n = db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
            db.execute("DELETE FROM answers")
            db.commit()
            db.execute("VACUUM")
        return n

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
