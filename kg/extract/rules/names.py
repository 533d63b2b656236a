"""Is this string a Chinese personal name? Surname table plus boundary rules.

The vocabulary (what ends a name, what is never in one) is in
:mod:`kg.language.names`; this module applies it at one position.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Callable

from kg.language.names import (AFTER_NAME, FIRST_GIVEN_OK, GIVEN_ALONE, NOT_IN_NAME, NOT_NAME_AT_SURNAME, NOT_NAME_START,
                               TRANSLITERATION, UNIT_AS_GIVEN, WITHHELD, WORDS_AFTER_NAME)
from kg.language.text import is_han

__all__ = ["AFTER_NAME", "name_at", "surnames"]

IsWord = Callable[[int, int], bool]


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    single, compound = set(), set()
    text = resources.files("kg.language.data").joinpath("surnames.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("+"):
            compound.update(line[1:].split())
        else:
            single.update(ch for ch in line if is_han(ch))
    return frozenset(single), frozenset(compound)


def _ends_early(text: str, i: int, j: int, is_word: IsWord | None) -> bool:
    """Does the two-character name ``text[i:j]`` end before ``text[j]``?

    Two signals that a word starts at ``text[j]`` (王凯|强调, 周辉|强调): the
    pair ``text[j:j+2]`` is a word that usually follows a name, unless the
    segmenter kept the three characters as one word (王志强|调研); or the
    segmenter saw ``text[i:j]`` as one word and a word of two or more
    characters right after it.
    """
    if is_word is not None and is_word(i, j + 1):
        return False
    if text[j:j + 2] in WORDS_AFTER_NAME:
        return True
    return is_word is not None and is_word(i, j) and any(is_word(j, j + k) for k in (2, 3, 4))


def name_at(text: str, i: int, stop: set[str] | frozenset[str] | None = None,
            is_word: IsWord | None = None) -> str | None:
    """The personal name starting at ``text[i]``, or None.

    Two or three characters after a surname; a third character that usually
    follows a name (a verb, a preposition), or that begins a word usually
    following one, ends a two-character name instead. ``is_word(start, end)``,
    if given, says whether the segmenter saw one word there.
    """
    single, compound = surnames()
    stop = AFTER_NAME if stop is None else stop
    if text[i:i + 2] in compound:
        sur = 2
    elif i < len(text) and text[i] in single:
        sur = 1
    else:
        return None
    chars = []
    j = i + sur
    while j < len(text) and is_han(text[j]) and len(chars) < 2 and not (chars and text[j] in NOT_IN_NAME):
        chars.append(text[j])
        j += 1
    if not chars:
        return None
    if text[i + sur:].startswith(NOT_NAME_START) or text[i:].startswith(NOT_NAME_START + NOT_NAME_AT_SURNAME):
        return None
    kept = chars[1:] and chars[1] in GIVEN_ALONE and is_word is not None and is_word(i, i + sur + 2)
    if len(chars) == 2 and not kept and (chars[1] in stop or (stop and _ends_early(text, i, i + sur + 1, is_word))):
        chars = chars[:1]  # 王强|来调研; but 王春来 where the segmenter keeps it whole
    if len(chars) == 1 and chars[0] in stop and chars[0] not in GIVEN_ALONE:
        return None
    if any(ch in NOT_IN_NAME and not (k == 0 and ch in FIRST_GIVEN_OK) for k, ch in enumerate(chars)) \
            or (sur == 1 and len(chars) == 1 and chars[0] in UNIT_AS_GIVEN):
        return None
    if chars[0] in WITHHELD:  # 王某, 储某某: a name withheld
        return None
    return text[i:i + sur + len(chars)]


_JOINS = "·•・."
# An adverb that may stand right after a name (正忙着, 正带领) and is a transliteration character too.
_ADVERBS_AFTER_NAME = "正"


def transliterated_name_at(text: str, i: int, tagged: int | None = None) -> str | None:
    """A Mongolian, Uyghur or Tibetan name in Chinese transliteration starting at ``text[i]`` (旗委书记|巴特尔主持,
    县长|吾斯曼·阿不力孜主持), or None. A run of transliteration characters (parts joined by ·) that ends where a
    name ends — punctuation, a character or word that follows names (any end, for parts joined by ·); accepted when
    joined by ·, four characters or longer, or when ``tagged`` (the length of a person a statistical tagger sees at ``i``) says so. Such names
    have no Han surname; the surname rule would miss them or cut them (孟和达来 is not 孟和达).

    >>> [transliterated_name_at(s, 0) for s in ("额尔敦毕力格作了发言", "买买提·依明组织学习", "巴特尔主持", "达成共识")]
    ['额尔敦毕力格', '买买提·依明', None, None]
    >>> transliterated_name_at("巴特尔主持", 0, tagged=3)
    '巴特尔'
    """
    j = i
    while j < len(text) and j - i < 12:
        ch = text[j]
        if ch in _JOINS and j > i and j + 1 < len(text) and text[j + 1] in TRANSLITERATION and text[j - 1] not in _JOINS:
            j += 1
            continue
        if ch not in TRANSLITERATION or (j - i >= 2 and text[j:j + 2] in WORDS_AFTER_NAME):
            break
        j += 1
    run = text[i:j]
    if len(run) < 2 or len(re.split("[" + _JOINS + "]", run)[-1]) < 2:
        return None
    joined = any(c in _JOINS for c in run)

    def unclosed(end: int) -> bool:
        after = text[end:end + 1]
        return after != "" and is_han(after) and after not in AFTER_NAME and text[end:end + 2] not in WORDS_AFTER_NAME

    adverb = not joined and len(run) >= 4 and run[-1] in _ADVERBS_AFTER_NAME
    if adverb:
        j -= 1  # 额尔敦毕力格|正忙着, 巴特尔吉日嘎拉|正带领: an adverb after the name that transliterations use too
        run = text[i:j]
    if not (adverb or joined) and unclosed(j):
        return None
    if joined or len(run) >= 4 or (tagged is not None and tagged >= 2):
        return run
    return None
