"""Walk inputs (files, folders, JSON lines) and yield clean articles or errors.

One bad input never stops a batch: every file or record becomes either an
:class:`Article` or a :class:`BadInput` naming the input and the reason.
"""
from __future__ import annotations

import codecs
import json
import os
import re
import stat
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


def iter_inputs(paths: Iterable[str | Path], settings: Settings | None = None,
                exclude: Iterable[Path] = ()) -> Iterator[RawInput | BadInput]:
    """Walk files and folders (recursively, sorted, hidden entries skipped) and
    yield each article's raw input, or why an entry cannot be one. Nothing found
    is passed over in silence: unsupported types, unreadable files and folders,
    broken links, FIFOs and devices are each reported. Folders in ``exclude`` (a
    build's own output folder, when it lies inside an input folder) are never read.
    """
    settings = settings or load_settings()
    for entry in _entries(paths, exclude):
        if isinstance(entry, BadInput):
            yield entry
        else:
            yield from _read_file(entry[0], entry[1], settings)


def _entries(paths: Iterable[str | Path], exclude: Iterable[Path] = ()) -> Iterator[tuple[Path, str] | BadInput]:
    """``(path, source name)`` of every file to read, or a BadInput for an entry that is not one."""
    excluded = {Path(p).resolve() for p in exclude}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, excluded)
        else:
            yield _file_entry(path, path.name, str(path))


def _file_entry(path: Path, rel: str, shown: str) -> tuple[Path, str] | BadInput:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return BadInput(shown, "broken link: its target does not exist" if path.is_symlink() else "no such file or folder")
    except OSError as exc:
        return BadInput(shown, f"cannot read: {exc.strerror or exc}")
    if not stat.S_ISREG(mode):
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device or special file"
        return BadInput(shown, f"not a regular file ({kind})")
    if path.suffix.lower() not in SUFFIXES:
        return BadInput(shown, f"unsupported file type {path.suffix or '(none)'}; expected one of "
                               f"{', '.join(sorted(SUFFIXES))}")
    return path, rel


def _walk(root: Path, excluded: set[Path]) -> Iterator[tuple[Path, str] | BadInput]:
    """Every non-hidden entry below ``root`` in sorted order; links to folders are
    followed once (a link loop is reported, not walked forever)."""
    found: list[tuple[str, Path | None, str | None]] = []   # (source name, path to read, or the reason not to)
    seen_dirs: set[Path] = set()

    def unreadable(exc: OSError) -> None:
        rel = Path(exc.filename).relative_to(root).as_posix() if exc.filename else "."
        found.append((rel + "/", None, f"cannot read folder: {exc.strerror or exc}"))

    for folder, dirs, files in os.walk(root, onerror=unreadable, followlinks=True):
        here = Path(folder)
        real = here.resolve()
        if real in seen_dirs or real in excluded:
            dirs[:] = []
            if real in seen_dirs:
                found.append((here.relative_to(root).as_posix() + "/", None, "a link to a folder already read (or a link loop): not read twice"))
            continue
        seen_dirs.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # sorted: which link owns a folder is stable
        for name in files:
            if not name.startswith(".") and not _excluded_file(real / name, excluded):
                rel = (here / name).relative_to(root).as_posix()
                found.append((rel, here / name, None))
    for rel, path, reason in sorted(found, key=lambda x: x[0]):
        yield BadInput(rel, reason) if path is None else _file_entry(path, rel, rel)


def _excluded_file(path: Path, excluded: set[Path]) -> bool:
    """An excluded file (the build's cache) and the files SQLite keeps beside it
    (``cache.sqlite-journal``, ``cache.sqlite.corrupt-…``)."""
    return any(path.parent == x.parent and (path.name == x.name or path.name.startswith((x.name + "-", x.name + ".")))
               for x in excluded)


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


def count_inputs(paths: Iterable[str | Path], exclude: Iterable[Path] = ()) -> int:
    """How many articles (or errors) :func:`iter_inputs` will yield, without
    decoding them: files, records of JSON-lines files. For progress bars."""
    n = 0
    for entry in _entries(paths, exclude):
        if isinstance(entry, BadInput) or entry[0].suffix.lower() not in JSONL_SUFFIXES:
            n += 1
            continue
        try:
            n += sum(1 for item in _json_records(entry[0], entry[1], load_settings()))
        except OSError:
            n += 1
    return n


def _read_file(path: Path, source: str, settings: Settings) -> Iterator[RawInput | BadInput]:
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from _json_records(path, source, settings)
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


def _json_records(path: Path, source: str, settings: Settings) -> Iterator[RawInput | BadInput]:
    """JSON lines, one object per line: ``{"text", "title", "url", "date", "publisher"}``
    (``id`` optional); or, in a ``.json`` file, one array of such objects. A UTF-8
    byte-order mark is dropped; a line's size is checked while it is read, so a
    4 GB line costs no more memory than the limit."""
    limit = settings.max_article_bytes
    with path.open("rb") as fh:
        head = fh.read(4096)
        start = 3 if head.startswith(codecs.BOM_UTF8) else 0
        if path.suffix.lower() == ".json" and head[start:].lstrip().startswith(b"["):
            yield from _json_array(path, source, settings)
            return
        fh.seek(start)
        lineno = 0
        while raw := fh.readline(limit + 1):
            lineno += 1
            where = f"{source}:{lineno}"
            if len(raw) > limit and not raw.endswith(b"\n"):
                size = len(raw)
                while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                    size += len(rest)
                yield BadInput(where, f"record too large: over {size / 1e6:.1f} MB, the article limit is "
                                      f"{limit / 1e6:.1f} MB (KG_MAX_ARTICLE_BYTES)")
                continue
            if raw.strip():
                yield RawInput(where, raw, "jsonl")


def _json_array(path: Path, source: str, settings: Settings) -> Iterator[RawInput | BadInput]:
    size = path.stat().st_size
    if size > settings.max_json_array_bytes:
        yield BadInput(source, f"JSON array file too large: {size / 1e6:.1f} MB exceeds "
                               f"{settings.max_json_array_bytes / 1e6:.1f} MB; write it as JSON lines (.jsonl)")
        return
    try:
        items = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield BadInput(source, f"malformed JSON array: {exc}")
        return
    for i, item in enumerate(items, 1):
        data = json.dumps(item, ensure_ascii=False).encode("utf-8", errors="surrogatepass")
        if len(data) > settings.max_article_bytes:  # the same limit as a JSON line's
            yield BadInput(f"{source}:{i}", f"record too large: {len(data) / 1e6:.1f} MB exceeds the "
                                            f"{settings.max_article_bytes / 1e6:.1f} MB article limit")
            continue
        yield RawInput(f"{source}:{i}", data, "jsonl")


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
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return BadInput(where, "text holds an unpaired surrogate escape (\\udXXX): not Unicode text")
    if "<p" in text or "<br" in text:
        text, _ = html_to_text(text)
    rid = record.get("id") or record.get("source")
    # Metadata is text; a number is taken as written, anything else (true, a list) is not metadata.
    meta = {k: str(v) for k in ("title", "url", "date", "publisher")
            if (v := record.get(k)) not in (None, "") and isinstance(v, (str, int, float)) and not isinstance(v, bool)}
    built = _build(str(rid) if rid else where, text, meta)
    # A record that is no article is reported where it stands (file:line), which finds it; an id may not.
    return BadInput(where, built.reason) if isinstance(built, BadInput) else built


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
