"""The words of the press: what names a news outlet (德州日报, 宁乡市融媒体中心,
文成新闻网讯), so that a place named in it counts as the report's publisher, and
the loaders recognise bylines and publisher lines in page chrome.

>>> names_publisher("宁乡市融媒体中心讯", 3), names_publisher("宁乡市开展活动", 3)
(True, False)
"""
from __future__ import annotations

import re

# News outlets, as they end a publisher's name (德州新闻网, 太原晚报, 某县广播电视台).
OUTLETS = ("新闻网", "日报", "晚报", "融媒体中心", "电视台", "广播电视台", "新闻中心", "在线", "报社")

# What follows a place name that stands for the report's publisher or dateline
# (宁乡市融媒体中心, 文成新闻网讯, 德州日报, 新华网西安5月27日电): the page says who
# wrote it, so the name counts like page chrome, not like a passing mention.
PUBLISHER_WORDS = ("融媒体中心", "融媒体", "新闻网", "新闻中心", "新闻信息中心", "日报", "晚报", "广播电视台", "电视台",
                   "发布", "在线", "网讯", "新闻", "报讯", "之声")
# The narrower set that lets a short name that is mostly an ordinary word (中山,
# 普陀) count as a place: a newspaper or station is named after its place.
PRESS_WORDS = ("日报", "晚报", "新闻网", "融媒体中心", "广播电视台")
_DATELINE = re.compile(r"\d{1,2}月\d{1,2}日(?:电|讯)")


def names_publisher(text: str, end: int) -> bool:
    """Whether the place name ending at ``end`` is a publisher or a dateline
    (``文成新闻网讯``, ``新华网西安5月27日电``)."""
    return text.startswith(PUBLISHER_WORDS, end) or _DATELINE.match(text, end) is not None
