"""Walk inputs (files, folders, JSON lines) and yield clean articles or errors.

One bad input never stops a batch: every file or record becomes either an
:class:`Article` or a :class:`BadInput` naming the input and the reason.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from kg.language.dates import parse_date
from kg.settings import Settings, load_settings
from loaders.article import Article, BadInput
from loaders.boilerplate import split_page
from loaders.clean import clean_text
from loaders.decode import DecodeError, decode_bytes
from loaders.html import html_to_text

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass(frozen=True)
class RawInput:
    """One article as found, not yet decoded: a file's bytes or one JSON line.

    Builds hash these (an unchanged file is never decoded again) and send them
    to the workers, which do the reading and cleaning in parallel.
    """

    source: str       # file name relative to the input root, or file:line for JSON lines
    data: bytes
    kind: str         # "file" | "jsonl"


def iter_inputs(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[RawInput | BadInput]:
    """Walk files and folders (recursively, sorted, hidden files skipped)."""
    settings = settings or load_settings()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))
            for file in files:
                rel = file.relative_to(path).as_posix()
                if file.suffix.lower() not in SUFFIXES:
                    yield BadInput(rel, f"unsupported file type {file.suffix or '(none)'}; expected one of {', '.join(sorted(SUFFIXES))}")
                    continue
                yield from _read_file(file, rel, settings)
        elif path.is_file():
            yield from _read_file(path, path.name, settings)
        else:
            yield BadInput(str(path), "no such file or folder")


def read_input(raw: RawInput) -> Article | BadInput:
    """Decode, parse and clean one input."""
    if raw.kind == "jsonl":
        return _read_json_line(raw)
    try:
        text, _encoding = decode_bytes(raw.data)
    except DecodeError as exc:
        return BadInput(raw.source, str(exc))
    meta: dict = {}
    if Path(raw.source).suffix.lower() in HTML_SUFFIXES or _looks_like_html(text):
        text, meta = html_to_text(text)
    return _build(raw.source, text, meta)


def iter_articles(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Article | BadInput]:
    for item in iter_inputs(paths, settings):
        yield item if isinstance(item, BadInput) else read_input(item)


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many articles (or errors) :func:`iter_inputs` will yield, without
    reading them: files, and lines of JSON-lines files. For progress bars."""
    n = 0
    for raw in paths:
        path = Path(raw)
        files = ([p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path))]
                 if path.is_dir() else [path])
        for file in files:
            if file.suffix.lower() in JSONL_SUFFIXES and file.is_file():
                with file.open("rb") as fh:
                    n += sum(1 for line in fh if line.strip())
            else:
                n += 1
    return n


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _read_file(path: Path, source: str, settings: Settings) -> Iterator[RawInput | BadInput]:
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from _json_lines(path, source, settings)
            return
        size = path.stat().st_size
        if size > settings.max_article_bytes:
            yield BadInput(source, f"file too large: {size / 1e6:.1f} MB exceeds the "
                                    f"{settings.max_article_bytes / 1e6:.1f} MB article limit (KG_MAX_ARTICLE_BYTES)")
            return
        yield RawInput(source, path.read_bytes(), "file")
    except OSError as exc:
        yield BadInput(source, f"cannot read: {exc.strerror or exc}")


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</p>" in text.lower())


def _json_lines(path: Path, source: str, settings: Settings) -> Iterator[RawInput | BadInput]:
    """One JSON object per line: ``{"text", "title", "url", "date", "publisher"}`` (``id`` optional)."""
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            where = f"{source}:{lineno}"
            if not raw.strip():
                continue
            if len(raw) > settings.max_article_bytes:
                yield BadInput(where, f"record too large: {len(raw) / 1e6:.1f} MB exceeds the "
                                       f"{settings.max_article_bytes / 1e6:.1f} MB article limit")
                continue
            yield RawInput(where, raw, "jsonl")


def _read_json_line(raw: RawInput) -> Article | BadInput:
    where = raw.source
    try:
        record = json.loads(raw.data.decode("utf-8"))
    except UnicodeDecodeError:
        return BadInput(where, "not UTF-8 (JSON lines must be UTF-8)")
    except json.JSONDecodeError as exc:
        return BadInput(where, f"malformed JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(record, dict):
        return BadInput(where, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text") or record.get("content") or ""
    if not isinstance(text, str) or not text.strip():
        return BadInput(where, 'record has no "text"')
    if "<p" in text or "<br" in text:
        text, _ = html_to_text(text)
    rid = record.get("id") or record.get("source")
    meta = {k: record.get(k) for k in ("title", "url", "date", "publisher") if record.get(k)}
    return _build(str(rid) if rid else where, text, meta)


def _build(source: str, raw_text: str, meta: dict) -> Article | BadInput:
    text = clean_text(raw_text)
    if not text:
        return BadInput(source, "no text after cleaning (empty or only markup)")
    page = split_page(text)
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(page.body)).strip()
    if not body:
        return BadInput(source, "no article body: every line looks like page chrome")
    mined = page.meta
    title = meta.get("title") or _first_title(page.body)
    return Article(
        source=source,
        text=body,
        title=clean_text(title) if title else None,
        date=parse_date(meta.get("date")) or mined.get("date"),
        publisher=meta.get("publisher") or mined.get("publisher"),
        url=meta.get("url"),
        reporters=mined.get("reporters", []),
        editors=mined.get("editors", []),
        boilerplate=page.boilerplate,
    )


def _first_title(lines: list[str]) -> str | None:
    for line in lines:
        if line and len(line) <= 60 and not re.search(r"[。！？]$", line):
            return line
        if line:
            return None
    return None
