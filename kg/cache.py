"""Extraction results kept between builds, so a re-run only extracts what is new.

An entry is keyed by the article's content hash (its text and metadata as
loaded) and the extractor version: a hash of the code and data that turn an
article into a record (:func:`extractor_version`). Editing a rule, switching
the segmenter or upgrading the gazetteer therefore invalidates every entry,
with no version number for anyone to forget to bump.

SQLite (standard library): one file, atomic commits, safe to interrupt; the
records are zlib-compressed JSON, the same JSON as ``entities.jsonl``.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from importlib import metadata
from pathlib import Path
from typing import Iterable

from kg.settings import Settings
from loaders.article import Article

# What an article's record depends on besides its own content.
_EXTRACTOR_SOURCES = ("rules", "components", "normalize", "extract.py", "records.py", "nlp.py", "segmenter.py",
                      "gazetteer.py")
_EXTRACTOR_PACKAGES = ("spacy", "spacy-pkuseg", "jionlp")


def extractor_version(settings: Settings) -> str:
    """Hash of the extraction code, its library versions and the segmenter settings."""
    root = Path(__file__).parent
    h = hashlib.sha256()
    for entry in _EXTRACTOR_SOURCES:
        path = root / entry
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            h.update(file.relative_to(root).as_posix().encode())
            h.update(file.read_bytes())
    for package in _EXTRACTOR_PACKAGES:
        h.update(f"{package}=={metadata.version(package)}".encode())
    h.update(f"{settings.segmenter} {settings.pkuseg_sha256}".encode())
    return h.hexdigest()[:16]


def article_key(article: Article) -> str:
    """Content hash of everything extraction reads: text, title, publisher, page chrome…"""
    blob = json.dumps(article.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


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

    def get_many(self, keys: Iterable[str]) -> dict[str, dict]:
        keys = list(keys)
        found: dict[str, dict] = {}
        for i in range(0, len(keys), 500):  # SQLite's bound-parameter limit
            chunk = keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT key, record FROM records WHERE version = ? AND key IN ({marks})",
                                   (self.version, *chunk))
            found.update((k, json.loads(zlib.decompress(blob))) for k, blob in rows)
        return found

    def put_many(self, items: Iterable[tuple[str, dict]]) -> None:
        rows = [(k, self.version, zlib.compress(json.dumps(rec, ensure_ascii=False).encode("utf-8"), 1))
                for k, rec in items]
        self.db.executemany("INSERT OR REPLACE INTO records VALUES (?, ?, ?)", rows)
        self.db.commit()

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM records").fetchone()[0]

    def close(self) -> None:
        self.db.close()
