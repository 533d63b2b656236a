"""A build: articles stream from the loaders, through the cache and an engine,
into one graph and ``entities.jsonl``.

Memory stays flat except for the graph itself: articles are read lazily, at
most ``engine.parallelism * 2`` batches are in flight, and each record is
written out and dropped once merged. Outcomes are merged in input order
whatever finishes first, so a build's graph depends on its inputs only — not
on the engine, the number of workers or what was cached.
"""
from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import networkx as nx

from kg.extract.batch import Outcome
from kg.extract.records import ArticleRecord
from kg.graph.builder import GraphBuilder, mark_excluded
from kg.runtime.cache import ExtractionCache, input_key
from kg.errors import GraphError
from kg.runtime.engines import Engine, Pending
from kg.settings import Settings
from loaders import BadInput, RawInput, iter_inputs


@dataclass
class BuildResult:
    graph: nx.MultiDiGraph | None  # None: not assembled here (settings.assembly == "disk": kg.runtime.assembly)
    articles: int = 0             # merged into the graph
    extracted: int = 0            # of which extracted in this run
    cached: int = 0               # of which taken from the cache
    duplicates: int = 0           # of which had the text of an earlier input (one Article, two sources)
    errors: list[Outcome] = field(default_factory=list)


@dataclass
class _Slot:
    """One batch's place in the input order."""

    items: list[tuple[RawInput | BadInput, str | None]]   # (input or bad input, cache key)
    cached: dict[str, tuple[str, ArticleRecord]]            # cache key → (record as JSON, record)
    todo: list[RawInput]                                    # the rest, sent to the engine
    pending: Pending | None = None                          # future of their outcomes


def build(inputs: Iterable[str | Path], entities: Path, settings: Settings, engine: Engine,
          cache: ExtractionCache | None = None, on_outcome: Callable[[Outcome], None] | None = None,
          exclude: Iterable[Path] = ()) -> BuildResult:
    """Build the graph of ``inputs``; write each article's record to ``entities`` (JSON lines).
    Paths in ``exclude`` (the build's own output folder) are never read as inputs. With
    ``settings.assembly == "disk"`` no graph is held: the records are only written, for
    :func:`kg.runtime.assembly.assemble`."""
    window: deque[_Slot] = deque()
    with entities.open("w", encoding="utf-8") as sink:
        merger = _Merger(sink, cache, on_outcome, engine, settings.min_confidence, settings.assembly == "memory")
        for batch in _batches(iter_inputs(inputs, settings, exclude), settings.batch_size):
            keys = [input_key(r) if isinstance(r, RawInput) else None for r in batch]
            cached = _readable(cache.get_many(k for k in keys if k)) if cache is not None else {}
            todo = [a for a, k in zip(batch, keys) if k and k not in cached]
            window.append(_Slot(list(zip(batch, keys)), cached, todo, engine.submit(todo) if todo else None))
            if len(window) > 2 * engine.parallelism:
                merger.merge(window.popleft())
        while window:
            merger.merge(window.popleft())
    return merger.result


def _readable(entries: dict[str, str]) -> dict[str, tuple[str, ArticleRecord]]:
    """Cached records this version can read; any other entry is a miss, extracted again."""
    out = {}
    for key, text in entries.items():
        try:
            out[key] = (text, ArticleRecord.from_dict(json.loads(text)))
        except (KeyError, TypeError, ValueError, AttributeError):
            pass
    return out


class _Merger:
    """Adds a slot's records to the graph, in input order, and writes them out."""

    def __init__(self, sink, cache: ExtractionCache | None, on_outcome: Callable[[Outcome], None] | None,
                 engine: Engine, min_confidence: float = 0.0, in_memory: bool = True):
        self.builder = GraphBuilder(min_confidence) if in_memory else None
        self.articles: set[str] = set()   # ids merged so far, when no graph holds them
        self.min_confidence = min_confidence
        self.result = BuildResult(self.builder.graph if in_memory else None)
        self.sink, self.cache, self.on_outcome, self.engine = sink, cache, on_outcome, engine

    def merge(self, slot: _Slot) -> None:
        outcomes = iter(_outcomes(slot, self.engine))
        fresh = []
        for item, key in slot.items:
            if isinstance(item, BadInput):
                outcome, text = Outcome(item.source, error=item.reason), None
            elif key in slot.cached:
                text, record = slot.cached[key]
                outcome = Outcome(item.source, record=record)
            else:
                outcome = next(outcomes)
                text = json.dumps(outcome.record.to_dict(), ensure_ascii=False) if outcome.record else None
                if text:  # a BadInput from a worker is not cached: retried next time
                    fresh.append((key, text))
            if outcome.record is not None and self.builder is None:
                self.result.duplicates += outcome.record.article["id"] in self.articles
                self.articles.add(outcome.record.article["id"])
            elif outcome.record is not None:
                seen = outcome.record.article["id"] in self.builder.graph
                try:
                    self.builder.add(outcome.record)
                    self.result.duplicates += seen
                except (KeyError, TypeError, ValueError, GraphError) as exc:
                    outcome = Outcome(outcome.source, error=f"not merged into the graph: {exc}")
            if outcome.record is not None:
                if self.min_confidence > 0:  # what the graph left out, marked (the cache keeps it unmarked)
                    text = json.dumps(mark_excluded(outcome.record.to_dict(), self.min_confidence), ensure_ascii=False)
                self.sink.write(text + "\n")
                self.result.articles += 1
                if key in slot.cached:
                    self.result.cached += 1
                else:
                    self.result.extracted += 1
            else:
                self.result.errors.append(outcome)
            if self.on_outcome:
                self.on_outcome(outcome)
        if self.cache is not None and fresh:
            self.cache.put_many(fresh)


def _outcomes(slot: _Slot, engine: Engine) -> list[Outcome]:
    if slot.pending is None:
        return []
    try:
        return slot.pending.result()
    except Exception as exc:  # the worker died (killed, out of memory): again, one article at a time,
        return engine.retry_singly(slot.todo, exc)  # so that only an article that kills it is reported


def _batches(items: Iterator, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
