"""Is this string a Chinese personal name? Surname table plus boundary rules."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from kg.language.text import is_han

# Characters that end a name when they follow a two-character name: verbs,
# prepositions and particles that typically come right after a person
# (李猛带领, 张涛对, 周辉在, 王萌深受).
AFTER_NAME = set(
    "带率到对将在说结聚欣等和与及同也就为是的了向出认要来去参深听调走看一多亲代提作把以从通当会则又主表指召任兼副"
    "于被给让已曾正都共分即后再还亦讲视慰检座致并赴前专重批介宣进开实督研现入着们称感回接谈告表用指"
    "代负组分牵部这那其该每各作带领"
)
# Second characters that make "surname + X" a word, not a name (任组长, 党员, 高度).
# Function characters never inside a name (关于党 is not a person).
NOT_IN_NAME = set("的了于在和与及是为对把被从向们这那个之其等各每全本该所以而但或就也都")
NOT_NAME_START = ("组长", "副组", "书记", "主任", "部长", "委员", "成员", "领导", "干部", "党员", "群众", "同志")


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


def name_at(text: str, i: int, stop: set[str] | None = None) -> str | None:
    """The personal name starting at ``text[i]``, or None.

    Two or three characters after a surname; a third character that usually
    follows a name (a verb, a preposition) ends a two-character name instead.
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
    while j < len(text) and is_han(text[j]) and len(chars) < 2:
        chars.append(text[j])
        j += 1
    if not chars:
        return None
    if text[i + sur:].startswith(NOT_NAME_START) or text[i:].startswith(NOT_NAME_START):
        return None
    if len(chars) == 2 and chars[1] in stop:
        chars = chars[:1]
    if len(chars) == 1 and chars[0] in stop:
        return None
    if any(ch in NOT_IN_NAME for ch in chars):
        return None
    return text[i:i + sur + len(chars)]
