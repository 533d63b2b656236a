"""Very long articles are extracted in pieces and their records merged.

spaCy refuses a text longer than ``nlp.max_length`` (E088), and the segmenter's
and the rules' memory grows with the text; a scraped page can be megabytes of
one line. A text longer than ``Settings.max_chunk_chars`` is cut at paragraph,
then sentence, then clause boundaries (a hard cut only where there is none) into
pieces that are extracted like articles of their own, with the article's title
and page chrome; their records are merged here with offsets shifted back into
the whole text. Articles of ordinary length (the seeds: 3–5,000 characters)
are one piece, so nothing changes for them.

The home unit of a long article is the first piece's: the piece with the
headline and opening lines, where a report names itself.

>>> [(start, len(piece)) for start, piece in split_text("甲。" * 6, 5)]
[(0, 4), (4, 4), (8, 4)]
"""
from __future__ import annotations

import copy
import re

from kg.extract.records import ArticleRecord

_BREAKS = (re.compile(r"\n+"), re.compile(r"[。！？；]+[”’」』)）]*"), re.compile(r"[，、：]"))


def split_text(text: str, size: int) -> list[tuple[int, str]]:
    """``(offset, piece)`` pairs covering ``text``, each at most ``size`` characters."""
    pieces, start = [], 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        pieces.append((start, text[start:end]))
        start = end
    pieces.append((start, text[start:]))
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    """The last boundary after ``start`` and at or before ``limit``, strongest kind first."""
    for pattern in _BREAKS:
        last = None
        for m in pattern.finditer(text, start + 1, limit):
            last = m.end()
        if last is not None and last > start:
            return last
    return limit


def merge(parts: list[tuple[int, ArticleRecord]]) -> ArticleRecord:
    """One record from the records of an article's pieces (``(offset, record)``, in order)."""
    first = parts[0][1]
    merged = ArticleRecord(article=first.article, home=first.home, home_method=first.home_method,
                           home_confidence=first.home_confidence)
    by_key: dict[tuple, object] = {}
    figures: set[tuple] = set()
    for offset, record in parts:
        for kind, key in (("places", lambda p: p.key), ("officials", lambda o: o.name),
                          ("persons", lambda p: p.name), ("organizations", lambda o: o.name),
                          ("programmes", lambda p: p.name)):
            for item in getattr(record, kind):
                item = copy.deepcopy(item)
                _shift(item.mentions, offset)
                seen = by_key.get((kind, key(item)))
                if seen is None:
                    by_key[(kind, key(item))] = item
                    getattr(merged, kind).append(item)
                    continue
                seen.mentions.extend(item.mentions)
                for attr in ("titles", "aliases"):
                    if hasattr(item, attr):
                        have = getattr(seen, attr)
                        have.extend(x for x in getattr(item, attr) if x not in have)
        for metric in record.metrics:
            metric = copy.deepcopy(metric)
            _shift([metric.mention], offset)
            if (metric.value, metric.unit, metric.subject) not in figures:
                figures.add((metric.value, metric.unit, metric.subject))
                merged.metrics.append(metric)
    return merged.assign_ids()


def _shift(mentions, offset: int) -> None:
    for m in mentions:
        if m.start >= 0:  # -1: a mention in the page chrome, not in the body
            m.start += offset
            m.end += offset
