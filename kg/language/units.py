"""Administrative units in words: their suffixes, which of them the schema
calls a city, and how a report names the unit it is written in.

>>> is_city("宁乡市", "county"), is_city("宁乡县", "county"), is_city("德州市", "prefecture")
(True, False, True)
>>> strip_unit_suffix("乌兰浩特市"), strip_unit_suffix("花明楼镇"), strip_unit_suffix("新疆维吾尔自治区")
('乌兰浩特', '花明楼', '新疆')
>>> self_reference_pattern("旗").pattern
'我旗|全旗|旗委|旗政府'
"""
from __future__ import annotations

import re
from functools import lru_cache

LEVELS = ("province", "prefecture", "county", "township", "village")

# Suffixes of unit names, longest first (what the gold's "德州 = 德州市" matching strips).
UNIT_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
                 "省", "市", "盟", "县", "区", "旗", "镇", "乡", "街道", "嘎查村", "嘎查", "村", "社区")
_SUFFIX_AT_END = re.compile("(" + "|".join(UNIT_SUFFIXES) + ")$")

# What a township's name ends in: a 镇, a 乡 (民族乡 too), a 街道 or, in Inner Mongolia, a 苏木.
TOWNSHIP_SUFFIXES = ("镇", "乡", "街道", "苏木")

# The unit words a post can be qualified with (市委书记, 镇党委书记, 社区主任). 地 is
# a 地区's (地委书记) and 苏木 a township's in Inner Mongolia (苏木党委书记).
TITLE_UNIT_WORDS = ("自治区", "省", "市", "县", "区", "盟", "旗", "州", "行署", "地区", "地", "镇", "乡", "苏木", "村", "社区",
                    "街道", "嘎查")

# How a report names the unit it is written in, or that unit's own bodies,
# keyed by the kind of unit (the last character of its name): 我市, 全县, 区委.
SELF_REFERENCE: dict[str, tuple[str, ...]] = {
    "市": ("我市", "全市", "市委", "市政府", "本市"),
    "县": ("我县", "全县", "县委", "县政府", "本县"),
    "区": ("我区", "全区", "区委", "区政府"),   # 林区 too: its name ends in 区
    "地区": ("全地区", "我地区", "地委", "行署"),
    "旗": ("我旗", "全旗", "旗委", "旗政府"),
    "省": ("我省", "全省"),
    "盟": ("我盟", "全盟", "盟委", "盟行政公署"),
    "州": ("我州", "全州", "州委", "州政府"),
}
# Kinds only a prefecture-level unit has: a report that calls itself 我盟 / 州委 /
# 地委 is about a league, an autonomous prefecture or a 地区 even when it names
# only the banners and counties under it.
PREFECTURE_KINDS = ("盟", "州", "地区")
# What starts a self-reference proper (我县, 全县, 本县), as against a body (县委).
SELF_WORDS = ("我", "全", "本")
# Bodies of the province named by its kind alone (省委, 自治区党委): a city's
# report means its own province. Only the kind word is the mention (省|委).
PROVINCE_BODIES: dict[str, tuple[str, ...]] = {
    "省": ("委", "政府", "纪委", "人大", "政协", "直"),
    "自治区": ("党委", "政府", "人大", "政协"),
}


@lru_cache(maxsize=None)
def self_reference_pattern(kind: str) -> re.Pattern:
    """The words by which a report of a unit of ``kind`` names itself."""
    return re.compile("|".join(SELF_REFERENCE[kind]))


def province_body_pattern() -> re.Pattern:
    """省 in 省委/省政府…, 自治区 in 自治区党委…, and 全省/我省."""
    parts = [f"{kind}(?={'|'.join(bodies)})" for kind, bodies in PROVINCE_BODIES.items()]
    return re.compile("|".join(parts[:1] + ["全省", "我省"] + parts[1:]))


def is_city(name: str, level: str) -> bool:
    """The schema's ``City``: a prefecture-level unit, a county-level city or a municipality."""
    return level == "prefecture" or (level in ("county", "province") and name.endswith("市"))


def strip_unit_suffix(name: str) -> str:
    """``德州市`` → ``德州``; a name that would keep fewer than two characters is kept whole."""
    stem = _SUFFIX_AT_END.sub("", name)
    return stem if len(stem) >= 2 else name


# What follows a unit's name when the unit itself acts through its bodies and
# posts (碑林区委书记, 杞县县委, 仙桃市市委书记, 平湖市政府): the text names a unit it
# is about, not one it passes through.
BODY_AFTER = re.compile(r"(?:[市县区旗盟州]?委|[市县区旗盟州]?(?:人民)?政府|[市县区]长)")


def names_its_body(text: str, end: int) -> bool:
    """Whether the place name ending at ``end`` is followed by its own party or state body."""
    return BODY_AFTER.match(text, end) is not None


# The kind of a unit by the end of its name, longest first: the kinds a post's
# unit word (市委, 州委, 地委, 镇党委) can point at.
_KIND_BY_END = (("特别行政区", "省"), ("自治区", "省"), ("省", "省"), ("地区", "地区"), ("盟", "盟"), ("州", "州"),
                ("市", "市"), ("县", "县"), ("旗", "旗"), ("区", "区"), ("街道", "乡镇"), ("苏木", "乡镇"),
                ("镇", "乡镇"), ("乡", "乡镇"), ("嘎查村", "村"), ("嘎查", "村"), ("社区", "村"), ("村", "村"))
# The kind a post's leading unit word names (州委书记 → 州, 地委书记 and 行署 → 地区).
_KIND_BY_TITLE = (("自治区", "省"), ("省", "省"), ("行署", "地区"), ("地", "地区"), ("盟", "盟"), ("州", "州"),
                  ("市", "市"), ("县", "县"), ("旗", "旗"), ("区", "区"), ("街道", "乡镇"), ("苏木", "乡镇"),
                  ("镇", "乡镇"), ("乡", "乡镇"), ("嘎查", "村"), ("社区", "村"), ("村", "村"))


def unit_kind(name: str) -> str | None:
    """``锡林郭勒盟`` → 盟, ``恩施土家族苗族自治州`` → 州, ``阿克苏地区`` → 地区, ``神农架林区`` → 区.

    >>> unit_kind("内蒙古自治区"), unit_kind("上都镇"), unit_kind("满都拉图嘎查村"), unit_kind("长阳土家族自治县")
    ('省', '乡镇', '村', '县')
    """
    return next((kind for end, kind in _KIND_BY_END if name.endswith(end)), None)


def title_unit_kind(title: str) -> str | None:
    """The kind of unit a post's leading unit word names: ``州委书记`` → 州, ``地委书记`` → 地区.

    >>> title_unit_kind("旗长"), title_unit_kind("自治区党委书记"), title_unit_kind("苏木党委书记"), title_unit_kind("组织部部长")
    ('旗', '省', '乡镇', None)
    """
    title = title[1:] if title.startswith("团") else title  # 团县委书记: the county's Youth League
    return next((kind for start, kind in _KIND_BY_TITLE if title.startswith(start)), None)
