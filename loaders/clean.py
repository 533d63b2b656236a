"""Text cleaning as pure functions, applied in :func:`clean_text` order.

Each function does one repair seen in scraped government news: Traditional
script, pinyin glosses left by converters (``經(jīng)驗``), doubled punctuation
(``斗志,、明确``), half-width punctuation between Chinese characters.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.language.text import CJK

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_SYLLABLE = re.compile(
    r"^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouüv" + _TONED + r"]{1,3}(?:n|ng|r)?$"
)
_GLOSS = re.compile(r"(?<=[" + CJK + r"])\(([a-zü" + _TONED + r"]{1,7})\)")


def strip_pinyin_glosses(text: str) -> str:
    """``經(jīng)驗`` → ``經驗``: drop a parenthesised pinyin syllable after a character."""

    def repl(m: re.Match) -> str:
        syl = m.group(1)
        plain = syl.translate(str.maketrans(_TONED, "aaaaeeeeiiiioooouuuuüüüünnnm"))
        return "" if _PINYIN_SYLLABLE.match(plain) else m.group(0)

    return _GLOSS.sub(repl, text)


_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_HALF_PUNCT = re.compile(r"(?<=[" + CJK + r"“”‘’、，。）》,;:!?])([,;:!?])|([,;:!?])(?=[" + CJK + r"“‘《（])")


def widen_punctuation(text: str) -> str:
    """Half-width ``, ; : ! ?`` touching Chinese text become full-width.

    Digits keep theirs (``10:30``, ``1,000``), so numbers are not broken.
    """
    return _HALF_PUNCT.sub(lambda m: _HALF_TO_FULL[m.group(1) or m.group(2)], text)


_STRAIGHT = re.compile(r'"([^"\n]{1,60})"')


def curl_quotes(text: str) -> str:
    """Straight double quotes around Chinese text become “…” (开展"屋场夜话" → 开展“屋场夜话”): the extractors
    read names in curly quotes, and many sites type straight ones. Only where a line holds them in pairs and the
    quoted text has Chinese in it; an unpaired quote is left as it is.

    >>> curl_quotes('开展"屋场夜话"、"板凳课堂"等活动')
    '开展“屋场夜话”、“板凳课堂”等活动'
    >>> curl_quotes('他说"好')
    '他说"好'
    """
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if '"' in line and line.count('"') % 2 == 0:
            lines[i] = _STRAIGHT.sub(lambda m: "“" + m.group(1) + "”" if re.search("[" + CJK + "]", m.group(1))
                                     else m.group(0), line)
    return "\n".join(lines)


_PUNCT_RUN = re.compile(r"[，、。；：！？]{2,}")
_FINAL = set("。！？")


def collapse_punctuation(text: str) -> str:
    """``，，`` → ``，``; ``,、`` → ``、``; ``，。`` → ``。``.

    A run keeps its sentence-final mark if it has one, else its last mark:
    converters double the mark *before* the real one.
    """

    def repl(m: re.Match) -> str:
        run = m.group(0)
        finals = [c for c in run if c in _FINAL]
        return finals[-1] if finals else run[-1]

    return _PUNCT_RUN.sub(repl, text)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → Simplified with OpenCC, only when the text is Traditional.

    Converting Simplified text again can still change rare characters, so we
    convert only when enough characters change.
    """
    if not text:
        return text
    converted = _t2s().convert(text)
    if converted == text:  # Simplified already: the usual case, decided in C
        return text
    changed = sum(1 for a, b in zip(text, converted) if a != b)
    cjk = len(re.findall(r"[" + CJK + r"]", text)) or 1
    return converted if changed / cjk > 0.10 else text


_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002\u2003\u200b\ufeff]+")


def normalize_whitespace(text: str) -> str:
    """Unify line endings and odd spaces; strip each line; keep paragraph breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    out = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", out).strip()


_PAGE_JUMP = re.compile(r"[（(]\s*(?:下转|上接|转)\s*[第\d一二三四五六七八九十]+\s*版\s*[）)]")


def drop_page_jumps(text: str) -> str:
    """``(下转4版)`` is print layout, not content."""
    return _PAGE_JUMP.sub("", text)


def clean_text(text: str) -> str:
    """The full cleaning chain, in an order where each step sees what it expects."""
    text = normalize_whitespace(text)
    text = strip_pinyin_glosses(text)
    text = to_simplified(text)
    text = widen_punctuation(text)
    text = curl_quotes(text)
    text = collapse_punctuation(text)
    text = drop_page_jumps(text)
    return normalize_whitespace(text)
