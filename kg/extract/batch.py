"""Articles → :class:`ArticleRecord` records, streamed through ``nlp.pipe``.

:func:`extract_batch` is the unit of work every engine runs (this process, a
worker process, a Dask worker): raw inputs in, plain picklable outcomes out —
so reading and cleaning run in parallel too.
"""
from __future__ import annotations

import threading
import traceback
from dataclasses import dataclass
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.chunks import merge, split_text
from kg.extract.gazetteer import load_gazetteer
from kg.extract.records import ArticleRecord, Organization, Place, place_key
from loaders.article import Article, BadInput
from kg.settings import load_settings
from loaders.sources import RawInput, read_input


def _doc(nlp: Language, article: Article, text: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.kg_meta = {"source": article.source, "title": article.title, "publisher": article.publisher,
                     "date": article.date, "boilerplate": article.boilerplate, "key": id(article)}
    return doc


def to_record(doc: Doc, article: Article) -> ArticleRecord:
    gaz = load_gazetteer()
    home = doc._.kg_home
    places = list(doc._.kg_places or [])
    home_key = None
    if home is not None:
        chain = gaz.chain(home)
        home_key = place_key(chain)
        if all(p.key != home_key for p in places):  # named only in the title or page chrome
            places.append(Place(chain[-1].name, chain[-1].level, chain[-1].adcode, chain, method="home"))
    orgs: dict[str, Organization] = {}
    for off in doc._.kg_officials or []:
        for t in off.titles:
            if t.organization and t.organization not in orgs:
                orgs[t.organization] = Organization(t.organization, None, off.mentions[:1], t.method, t.confidence)
    return ArticleRecord(
        article=article.to_dict() | {"chars": len(article.text)},  # the cleaned text too: the article pages show it
        home=home_key,
        home_method=(doc._.kg_home_method or "") if home_key else "",
        places=places,
        officials=doc._.kg_officials or [],
        persons=doc._.kg_persons or [],
        organizations=list(orgs.values()),
        programmes=doc._.kg_programmes or [],
        metrics=doc._.kg_metrics or [],
    ).assign_ids()


def extract(nlp: Language, articles: Iterable[Article], batch_size: int = 16,
            chunk_chars: int | None = None) -> Iterator[tuple[Article, ArticleRecord]]:
    """Stream: memory stays flat whatever the number of articles. An article longer
    than ``chunk_chars`` is extracted in pieces and its records merged (:mod:`kg.extract.chunks`)."""
    size = chunk_chars or load_settings().max_chunk_chars

    def docs():
        for article in articles:
            pieces = split_text(article.text, size) if len(article.text) > size else [(0, article.text)]
            for i, (offset, text) in enumerate(pieces):
                yield _doc(nlp, article, text), (article, offset, i == len(pieces) - 1)

    parts: list[tuple[int, ArticleRecord]] = []
    current = None
    for doc, (article, offset, last) in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        if article is not current:  # a piece the error handler dropped ended the previous article
            parts, current = [], article
        parts.append((offset, to_record(doc, article)))
        if last:
            yield article, parts[0][1] if len(parts) == 1 else merge(parts)
            parts, current = [], None


@dataclass
class Outcome:
    """One article's result: its record or why it failed (picklable, for any engine)."""

    source: str
    record: ArticleRecord | None = None
    error: str | None = None
    detail: str | None = None   # traceback, for --debug


_lock = threading.Lock()  # a pipeline is not thread-safe; Dask may run tasks on several threads


def extract_batch(inputs: list[RawInput], segmenter: str | None = None, batch_size: int = 16) -> list[Outcome]:
    """Read, clean and extract a batch of raw inputs; one outcome per input, in order."""
    read = [_read(raw) for raw in inputs]
    extracted = iter(extract_articles([a for a in read if isinstance(a, Article)], segmenter, batch_size))
    return [Outcome(a.source, error=a.reason) if isinstance(a, BadInput) else next(extracted) for a in read]


def _read(raw: RawInput) -> Article | BadInput:
    """Loaders report what they know to be wrong; anything else they trip over is
    still this input's problem only (a lone surrogate escape in a JSON string once
    stopped a whole build in OpenCC)."""
    try:
        return read_input(raw)
    except Exception as exc:  # noqa: BLE001
        return BadInput(raw.source, f"cannot read: {exc.__class__.__name__}: {exc}")


def extract_articles(articles: list[Article], segmenter: str | None = None, batch_size: int = 16) -> list[Outcome]:
    """Extract with this process's pipeline (loaded once, on first use).

    A component that raises on one article fails that article only.
    """
    from kg.extract.pipeline import get_nlp

    if not articles:
        return []
    failed: dict[int, Outcome] = {}  # by article: two inputs may share a name (record ids of two files)

    def on_error(proc_name, proc, docs, exc):
        for doc in docs:
            meta = doc._.kg_meta or {}
            failed[meta.get("key", -1)] = Outcome(
                meta.get("source", "?"), error=f"extraction failed in {proc_name}: {exc.__class__.__name__}: {exc}",
                detail="".join(traceback.format_exception(exc)))

    with _lock:
        nlp = get_nlp(segmenter)
        nlp.set_error_handler(on_error)
        done = {id(article): record for article, record in extract(nlp, articles, batch_size=batch_size)}
    return [failed.get(id(a)) or (Outcome(a.source, record=done[id(a)]) if id(a) in done
                                     else Outcome(a.source, error="extraction produced no result"))
            for a in articles]
