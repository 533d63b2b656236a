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
    h.update(f"{settings.segmenter} {settings.pkuseg_sha256} ner={settings.ner}".encode())
    return h.hexdigest()[:16]


def input_key(raw: RawInput) -> str:
    """Content hash of one input: its kind, name and undecoded bytes."""
    h = hashlib.sha256(f"{raw.kind}\x1f{raw.source}\x1f".encode("utf-8"))
    h.update(raw.data)
    return h.hexdigest()


class ExtractionCache:
    """One extractor version per file: entries of other versions are dropped on open."""

    def __init__(self, path: Path, version: str):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path, self.version = path, version
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, version TEXT, record BLOB)")
        stale = self.db.execute("DELETE FROM records WHERE version != ?", (version,)).rowcount
        self.db.commit()
        self.dropped = stale

    def get_many(self, keys: Iterable[str]) -> dict[str, str]:
        """The cached records (JSON text) of those keys that have one."""
        keys = list(keys)
        found: dict[str, str] = {}
        for i in range(0, len(keys), 500):  # SQLite's bound-parameter limit
            chunk = keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT key, record FROM records WHERE version = ? AND key IN ({marks})",
                                   (self.version, *chunk))
            found.update((k, zlib.decompress(blob).decode("utf-8")) for k, blob in rows)
        return found

    def put_many(self, items: Iterable[tuple[str, str]]) -> None:
        """Store (key, record as JSON text) pairs."""
        rows = [(k, self.version, zlib.compress(text.encode("utf-8"), 1)) for k, text in items]
        self.db.executemany("INSERT OR REPLACE INTO records VALUES (?, ?, ?)", rows)
        self.db.commit()

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM records").fetchone()[0]

    def close(self) -> None:
        self.db.close()
