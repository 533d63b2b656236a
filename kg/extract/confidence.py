"""How far to trust an extracted item: the measured precision of the evidence that found it.

Every item a rule extracts records its ``method``, the evidence it rests on
(``gazetteer:full``, ``title+name+lac``, ``quoted+head``, ``number+unit``...).
Its ``confidence`` is that method's precision, measured, never guessed:
``bench/calibrate.py``, run on a build of the visible development set (5 seeds
+ 16 devset reports), matches every item of ``entities.jsonl`` to the gold files
the way :mod:`kg.graph.evaluate` does and counts, per kind and method, the items
(``n``) and those that matched (``tp``)::

    python -m kg.cli build /tmp/split/in-visible --out /tmp/cf-out --quiet --no-views --no-cache
    python bench/calibrate.py /tmp/cf-out/entities.jsonl /tmp/split/gold-visible

:data:`COUNTS` holds those counts. A method's confidence is its precision
smoothed by one success and one failure, ``(tp + 1) / (n + 2)`` (Laplace): a
method seen twice and right twice gets 0.75, not 1.0; one seen 74 times and
right 74 times 0.987; one the visible set never exercised, listed as ``(0, 0)``,
0.5 (nothing is known of it). An item found by several methods keeps the most
trusted one (:func:`attest`), so the counts depend on the table's own order:
they are taken once the table is filled, and a second run gives the same counts.
An item with no method at all (a record written
before methods existed) gets its kind's pooled counts: what is known is that
its kind's rules found it.

What counts as right, per kind (``bench/calibrate.py``):
- ``place``: the name (up to the unit suffix) is among the article's gold places;
- ``title``: the official's name is in the gold and the title matches one of its gold titles;
- ``person``: the name is among the article's gold persons;
- ``programme``: the name or an alias matches a gold programme, one to one (as in evaluate);
- ``metric``: a gold figure has its value and an overlapping subject, one to one;
- ``home``: the home unit is the gold ``home_city``.
An organization is as sure as the title it was read from.

What the visible set says (2026-11, 21 reports): every method is at or near 1.0
there, so the values mostly say how often a method was seen. Exceptions: a home
unit added as a place only because the vote chose it (named in the title or page
chrome, not in the body) was not a gold place (0 of 1); a metric whose subject is
the verb after it (``number+unit:verb``) is right 7 times in 9; a subject read
from before the figure (``number+unit:before``, 129/131) is, on this genre, no
less reliable than one after it (``number+unit``, 107/112).
"""
from __future__ import annotations

# (tp, n) per kind and method, from bench/calibrate.py on the visible development set.
# (0, 0): a method the rules have but the visible set never exercised (confidence 0.5).
COUNTS: dict[str, dict[str, tuple[int, int]]] = {
    "place": {
        "gazetteer:full": (74, 74),          # a full name resolved (home subtree, parent named, or unique)
        "gazetteer:short": (19, 19),         # a short name (德州) in the home province
        "gazetteer:chain": (2, 2),           # a known name right after its named parent, placed under it
        "gazetteer:sibling": (3, 3),         # a known name listed with a resolved unit of the same level
        "village-after-township": (1, 1),    # an unknown 村/社区 right after a township
        "village-after-county": (0, 0),      # ... right after a county
        "zone": (1, 1),                      # 经开区 with a township named under it
        "abbreviation": (0, 0),              # 乌市 for 乌兰浩特市
        "home": (0, 1),                      # the home unit, named only in the title or page chrome
    },
    "title": {
        "title+name+lac": (64, 64),          # a title then a name LAC also tags as a person
        "title+name": (2, 2),                # a title then a name, LAC silent or off
        "title+name-list": (1, 1),           # further names after the first (县领导甲、乙)
        "name-list": (2, 2),                 # 杨洪涛、张传忠等市委常委
        "national-post": (5, 5),             # 习近平总书记
    },
    "person": {
        "role+lac": (12, 13),                # a role word then a name LAC confirms (记者 张立)
        "role": (0, 0),                      # ... without a tagger
        "comrade": (4, 4),                   # NAME同志 without a post
        "title+historical": (1, 1),          # a post in a historical clause
        "non-state-post": (1, 1),            # 业委会主任, 公司董事长
    },
    "programme": {
        "catalogue": (25, 25),               # a national campaign's full name (kg/language/data/campaigns.txt)
        "catalogue:alias": (1, 1),           # one of its aliases
        "quoted+head": (31, 32),             # “筑巢行动”, “8+1”专项整治
        "quoted+verb": (12, 12),             # 开展“屋场夜话”
        "quoted+listed": (0, 0),             # “X”等活动
        "quoted+follower": (8, 8),           # “美丽庭院”示范户, theme years, routines
        "quoted+shape": (3, 4),              # a quote named by its shape: ends in a head, 一X一Y, X·Y, A+B+C, 以X为抓手
        "quoted+topic": (2, 2),              # 精准扶贫“回头看”
        "enumeration": (17, 17),             # three clauses each opened or closed by a quoted name
        "mechanism-list": (3, 3),            # sibling 机制 listed together
        "unquoted+head": (4, 4),             # 开展…专项整治 after an action verb
        "column": (3, 3),                    # 《问政帮你办》栏目
        "frame": (2, 2),                     # 在X活动中, or 在X中 with X quoted elsewhere in the article
        "formula+verb": (1, 1),              # 组织在职党员进社区: X进Y after a programme verb
        "recurring+head": (1, 1),            # an unquoted X工程/X攻坚战 named twice with different words before it
        "list-sibling": (1, 1),              # a plain item beside quoted programmes in a list closed by 等
        "means": (0, 0),                     # 以X为载体 without quotes
        "joined": (0, 0),                    # 把A同X行动结合起来, A a programme found
    },
    "metric": {
        "number+unit": (107, 112),           # a figure, its counter, the noun phrase after it
        "number+unit:before": (124, 126),    # ... the subject read from before the figure
        "number+unit:verb": (7, 8),          # ... no noun: the verb after it
        "carried": (11, 11),                   # the previous figure's subject (研讨167场、1903人次)
        "roman-grade": (2, 2),               # Ⅲ类
        "percent-words": (0, 0),             # 百分之三十
    },
    "home": {
        "home:clear": (19, 19),              # twice its strongest rival's support (kg.extract.rules.home)
        "home:contested": (0, 0),
        "home:villages": (0, 0),             # unnamed; its townships' and villages' common parent
    },
}


def smoothed(tp: int, n: int) -> float:
    """Laplace-smoothed precision: ``(tp + 1) / (n + 2)``, rounded to 3 places."""
    return round((tp + 1) / (n + 2), 3)


def confidence_of(kind: str, method: str) -> float:
    """The calibrated confidence of an item of ``kind`` found by ``method``."""
    table = COUNTS.get(kind, {})
    counts = table.get(method)
    if counts is None:
        counts = (sum(tp for tp, _ in table.values()), sum(n for _, n in table.values()))
    return smoothed(*counts)


def attest(item, method: str) -> None:
    """One more piece of evidence for ``item`` (a record with ``KIND``, ``method``, ``confidence``):
    it keeps the most trusted of its methods, so its confidence is the best over its mentions."""
    if not method:
        return
    c = confidence_of(item.KIND, method)
    if not item.method or item.confidence is None or c > item.confidence:
        item.method, item.confidence = method, c
