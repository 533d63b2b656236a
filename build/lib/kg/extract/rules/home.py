"""Which city an article is about (我市 / 全市 / 市委 resolve to it).

Votes for every city-level name, weighted by where it stands: the title and
subtitle and the page chrome (publisher, byline: 德州新闻网, 宁乡市融媒体中心)
count more than the body. How the article refers to itself (我市 vs 我县 vs
我区) favours units of that kind, and a county-level city beats its own
prefecture when both are prominent: reports name their superiors too.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kg.extract.gazetteer import Gazetteer
from kg.language.units import SELF_REFERENCE, self_reference_pattern
from kg.extract.rules.places import non_overlapping, scan_candidates

WEIGHT_TITLE, WEIGHT_CHROME, WEIGHT_BODY = 4.0, 3.0, 1.0


@dataclass(frozen=True)
class Weights:
    """How much a city name counts by where it stands."""

    title: float = WEIGHT_TITLE
    chrome: float = WEIGHT_CHROME
    body: float = WEIGHT_BODY


@dataclass
class HomeResult:
    idx: int | None
    votes: dict[int, float]
    self_kind: str | None


def self_reference_kind(text: str) -> str | None:
    """The kind of unit the text calls itself most often (我市/全市/市委 → 市)."""
    counts = {k: len(self_reference_pattern(k).findall(text)) for k in SELF_REFERENCE}
    kind, n = max(counts.items(), key=lambda kv: kv[1])
    return kind if n else None


def _vote(votes: Counter, text: str, gaz: Gazetteer, weight: float) -> None:
    for c in non_overlapping(scan_candidates(text, gaz, max_level=2)):
        ids = [j for j in c.ids if gaz.depth(j) <= 2]
        for j in ids:
            votes[j] += weight / len(ids)


def resolve_home(body: str, gaz: Gazetteer, title: str | None = None,
                 chrome: list[str] | None = None, publisher: str | None = None,
                 weights: Weights = Weights()) -> HomeResult:
    votes: Counter = Counter()
    lines = body.split("\n")
    head = [ln for ln in lines[:4] if ln and (len(ln) <= 40 or ln.startswith("——"))]
    for line in ([title] if title else []) + head:
        _vote(votes, line, gaz, weights.title)
    for line in (chrome or []) + ([publisher] if publisher else []):
        _vote(votes, line, gaz, weights.chrome)
    _vote(votes, body, gaz, weights.body)
    kind = self_reference_kind(body)

    prov_votes: Counter = Counter()
    for j, v in votes.items():
        prov_votes[gaz.province_of(j)] += v

    def score(j: int) -> float:
        s = votes[j] + 0.1 * prov_votes[gaz.province_of(j)]
        if kind and gaz.name(j).endswith(kind):
            s *= 2
        return s

    cities = [j for j in votes if gaz.depth(j) in (1, 2)]
    if kind == "省" or not cities:
        provinces = [j for j in votes if gaz.depth(j) == 0]
        best = max(provinces, key=score, default=None)
        return HomeResult(best, dict(votes), kind)
    best = max(cities, key=score)
    if gaz.depth(best) == 1:
        below = [j for j in cities if gaz.depth(j) == 2 and best in gaz.parents_of(j)
                 and (not kind or gaz.name(j).endswith(kind))]
        top = max(below, key=score, default=None)
        if top is not None and score(top) >= 0.6 * score(best):
            best = top
    return HomeResult(best, dict(votes), kind)
