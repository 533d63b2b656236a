"""Characters, quotes and sentences of Chinese news text.

>>> split_sentences("全市开展活动。群众满意！下一段")
[(0, 7), (7, 12), (12, 15)]
>>> quoted_spans("开展“三单两榜”活动")
[(3, 7)]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

HAN = r"\u4e00-\u9fff"                                      # CJK Unified Ideographs, as a regex class body
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"             # with Extension A and compatibility ideographs


def is_han(ch: str) -> bool:
    """A CJK unified ideograph (the characters names and places are written in)."""
    return "\u4e00" <= ch <= "\u9fff"


_SENT_END = re.compile(r"[。！？!?；]+[”’」』)）]*|\n+")
OPEN_QUOTES = "“‘「『《"
CLOSE_QUOTES = "”’」』》"


# A sentence longer than this is cut at its clauses (Settings.max_sentence_chars):
# evidence stays a sentence, not a whole unpunctuated page. The longest sentence of
# the seeds and the devset has 239 characters.
MAX_SENTENCE_CHARS = 400
_CLAUSE_END = re.compile(r"[，、：,:]")


def split_sentences(text: str, max_chars: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """Sentence spans: end at 。！？； (with any closing quote) or a line break;
    a span over ``max_chars`` is cut after its last clause mark within the limit,
    else at the limit, so no span is longer."""
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        if text[start:m.start()].strip():
            spans.extend(_capped(text, start, end if not m.group().startswith("\n") else m.start(), max_chars))
        start = end
    if text[start:].strip():
        spans.extend(_capped(text, start, len(text), max_chars))
    return spans


def _capped(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    out = []
    while end - start > max_chars:
        cut = start + max_chars
        last = None
        for m in _CLAUSE_END.finditer(text, start + 1, cut):
            last = m.end()
        cut = last or cut
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


@dataclass
class Sentences:
    """Find the sentence around an offset in O(log n)."""

    text: str
    spans: list[tuple[int, int]]

    @classmethod
    def of(cls, text: str, spans: list[tuple[int, int]] | None = None) -> "Sentences":
        return cls(text, spans if spans is not None else split_sentences(text))

    def __post_init__(self):
        self._starts = [s for s, _ in self.spans]

    def span_at(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return (0, min(len(self.text), offset + 1))
        return self.spans[i]

    def at(self, offset: int) -> str:
        s, e = self.span_at(offset)
        return self.text[s:e].strip()


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the content of each “…” / 《…》 pair (quotes excluded)."""
    spans, stack = [], []
    for i, ch in enumerate(text):
        if ch in OPEN_QUOTES:
            stack.append(i)
        elif ch in CLOSE_QUOTES and stack:
            s = stack.pop()
            if i - s <= 60:
                spans.append((s + 1, i))
        elif ch == "\n":
            stack.clear()
    return sorted(spans)


def inside_any(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Is ``pos`` inside one of the sorted (start, end) spans?"""
    i = bisect.bisect_right(spans, (pos, float("inf")))
    return any(s <= pos < e for s, e in spans[max(0, i - 8):i])
