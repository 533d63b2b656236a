"""Extraction results kept between builds, so a re-run only extracts what is new.

An entry is keyed by the input's content hash (a file's bytes, or one JSON
line, with its name) and the extractor version: a hash of the code and data
that turn an input into a record, loaders included (:func:`extractor_version`).
An unchanged file is therefore never even decoded again, while editing a rule,
switching the segmenter or upgrading the gazetteer invalidates every entry,
with no version number for anyone to forget to bump.

SQLite (standard library): one file, atomic commits, safe to interrupt; the
records are zlib-compressed JSON, the same JSON as ``entities.jsonl``.
"""
from __future__ import annotations

import hashlib
import importlib
import sqlite3
import time
import zlib
from importlib import metadata
from pathlib import Path
from typing import Iterable

from kg.settings import Settings
from loaders.sources import RawInput

# What a record depends on besides the input itself: the stages that turn an
# input into a record (text in, language knowledge, extraction), their libraries.
_EXTRACTOR_SOURCES = ("loaders", "kg.language", "kg.extract")
_EXTRACTOR_PACKAGES = ("spacy", "spacy-pkuseg", "jionlp", "opencc", "charset-normalizer", "selectolax")


def extractor_version(settings: Settings) -> str:
    """Hash of the extraction code and data, its library versions and the segmenter settings."""
    h = hashlib.sha256()
    for package in _EXTRACTOR_SOURCES:
        folder = Path(importlib.import_module(package).__file__).parent
        for file in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".pyc"):
            h.update(f"{package}/{file.relative_to(folder).as_posix()}".encode())
            h.update(file.read_bytes())
    for package in _EXTRACTOR_PACKAGES:
        h.update(f"{package}=={metadata.version(package)}".encode())
    h.update(f"{settings.segmenter} {settings.pkuseg_sha256} ner={settings.ner} {settings.divisions_sha256}".encode())
    return h.hexdigest()[:16]


def input_key(raw: RawInput) -> str:
    """Content hash of one input: its kind, name and undecoded bytes."""
    h = hashlib.sha256(f"{raw.kind}\x1f{raw.source}\x1f".encode("utf-8"))
    h.update(raw.data)
    return h.hexdigest()


# SQLite's result codes for a file that is damaged or not a database at all: only
# those move the file aside (a locked or unopenable cache is left as it is).
_DAMAGED = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


def _damaged(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return (code & 0xFF) in _DAMAGED if code is not None else "malformed" in str(exc) or "not a database" in str(exc)


class ExtractionCache:
    """One extractor version per file: entries of other versions are dropped on open.

    A cache is an optimisation, so no fault of it stops a build: a file that is
    not a healthy SQLite database (truncated, overwritten, random bytes) is moved
    aside (``cache.sqlite.corrupt-<time>``, said in :attr:`warnings`) and a new one
    started; an entry that does not decompress is a miss (the article is
    extracted again and the entry replaced); a database that fails mid-build
    is given up for the rest of the run.
    """

    def __init__(self, path: Path, version: str):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path, self.version = path, version
        self.warnings: list[str] = []
        self.db = None
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            if not _damaged(exc):  # locked by another build, or a path SQLite cannot open: not ours to move
                self.warnings.append(f"{path}: cache not used this time ({exc})")
                return
            try:
                aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
                path.replace(aside)
                self.warnings.append(f"{path}: not a usable cache ({exc}); moved to {aside.name}, starting a new one")
                self.db = self._open()
            except (OSError, sqlite3.DatabaseError) as again:
                self.warnings.append(f"{path}: cache not used this time ({again})")
                self.db = None

    def _open(self) -> sqlite3.Connection:
        """The database, checked; raises sqlite3.DatabaseError (see :func:`_damaged`)."""
        db = sqlite3.connect(self.path)
        try:
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"database disk image is malformed: {check}")
            db.execute("CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, version TEXT, record BLOB)")
            self.dropped = db.execute("DELETE FROM records WHERE version != ?", (self.version,)).rowcount
            db.commit()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def get_many(self, keys: Iterable[str]) -> dict[str, str]:
        """The cached records (JSON text) of those keys that have a readable one."""
        keys = list(keys)
        found: dict[str, str] = {}
        if self.db is None:
            return found
        try:
            for i in range(0, len(keys), 500):  # SQLite's bound-parameter limit
                chunk = keys[i:i + 500]
                marks = ",".join("?" * len(chunk))
                rows = self.db.execute(f"SELECT key, record FROM records WHERE version = ? AND key IN ({marks})",
                                       (self.version, *chunk))
                for key, blob in rows:
                    try:
                        found[key] = zlib.decompress(blob).decode("utf-8")
                    except (zlib.error, UnicodeDecodeError, TypeError):
                        pass  # a damaged entry: extracted again and replaced
        except sqlite3.DatabaseError as exc:
            self._give_up(exc)
        return found

    def put_many(self, items: Iterable[tuple[str, str]]) -> None:
        """Store (key, record as JSON text) pairs."""
        if self.db is None:
            return
        rows = [(k, self.version, zlib.compress(text.encode("utf-8"), 1)) for k, text in items]
        try:
            self.db.executemany("INSERT OR REPLACE INTO records VALUES (?, ?, ?)", rows)
            self.db.commit()
        except sqlite3.DatabaseError as exc:
            self._give_up(exc)

    def _give_up(self, exc: Exception) -> None:
        if self.db is None:
            return
        self.warnings.append(f"{self.path}: the cache failed during the build ({exc}); not used for the rest of it")
        self.db.close()
        self.db = None

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM records").fetchone()[0] if self.db else 0

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
