"""Split a page's header/footer chrome from the article body, and mine it.

Scraped reports carry site crumbs (``首页 > 正文``), bylines (``□本报记者杨德林``),
editor lines (``[责任编辑:邢俊清]``) and copyright footers. They are not body
text, but they name the publisher, the reporters and the date, and the
publisher usually names the home city, so we keep them as metadata.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.language.dates import find_full_date, starts_with_date
from kg.language.press import OUTLETS
from kg.language.text import HAN

_NAME = r"[" + HAN + r"·]{2,4}"

_FOOTER = re.compile(
    r"版权|免责声明|copyright|©|ICP备|ICP证|保留所有|批准文号|网站介绍|广告服务|联系方式|法律声明|"
    r"本网注明|未经本网授权|转载目的|著作权|网站地图|关于我们|公网安备|违法和不良信息",
    re.I,
)
_CRUMB = re.compile(r"(>>|>|»|›)|^您(当前)?的?位置|^当前位置")
_META = re.compile(
    r"^[\[【(（]?\s*(责任编辑|编辑|责编|审核|校对|来源|作者|记者|通讯员|标签|稿源|发布时间|发布日期|时间|日期)\s*[:：]"
)
_DATED_LABEL = re.compile(r"^(发布时间|发布日期|时间|日期)\s+")  # 时间 2021-12-31 11:48 来源：…
_OUTLET = "(?:" + "|".join(sorted(OUTLETS, key=len, reverse=True)) + ")"
_BYLINE = re.compile(r"^□|^■|^(本报|本台|本网)?(记者|通讯员)\s*" + _NAME + r"|" + _OUTLET + r"\s*(记者|通讯员)")


# Lists of other pages' headlines (相关阅读, 上一篇/下一篇): navigation, not this article. Their places and names are
# other reports', so they are neither body nor the chrome that is mined for this article's publisher and home.
_LINKS_HEAD = re.compile(r"^[【\[]?(相关阅读|相关新闻|相关链接|相关文章|相关报道|延伸阅读|推荐阅读|热点推荐|热门推荐|热门文章|"
                         r"精彩推荐|猜你喜欢|往期回顾|更多阅读|更多新闻|今日推荐)[】\]]?\s*[:：]?\s*(?:$|[·•▪◆●])")
_LABELLED = re.compile(r"^[" + HAN + r"]{2,4}\s*[:：]")  # 主办：…, 地址：…: a footer's fields, after the list
_LINK_LINE = re.compile(r"^\s*(?:[·•▪◆●○>»\-]|\d{1,2}[.、]|上一篇|下一篇|上一条|下一条)")


@dataclass
class PageParts:
    body: list[str]
    boilerplate: list[str]
    meta: dict = field(default_factory=dict)


def _is_sentence(line: str) -> bool:
    return len(line) >= 60 or bool(re.search(r"[。！？；，]", line))


def _dated_label(line: str) -> bool:
    m = _DATED_LABEL.match(line)
    return bool(m and starts_with_date(line[m.end():]))


def _is_paragraph(line: str) -> bool:
    """Several sentences on one line: body text, even when it quotes a source or
    names a copyright (a whole article in one JSON-lines record is one such line)."""
    return len(line) > 200 and len(re.findall(r"[。！？]", line)) >= 3


def is_boilerplate(line: str) -> bool:
    """A line that is page chrome wherever it stands."""
    if _is_paragraph(line):
        return False
    return bool(_FOOTER.search(line) or _META.search(line) or _BYLINE.search(line) or _dated_label(line)
                or (_CRUMB.search(line) and not _is_sentence(line))
                or (starts_with_date(line) and not _is_sentence(line)) or line.endswith("首页"))


def split_page(text: str) -> PageParts:
    """Body lines vs. header/footer lines, plus the metadata they carry. Lists of links to other pages
    (相关阅读 and the headlines under it, 上一篇/下一篇) are neither: they name other reports' places.

    >>> parts = split_page("某县召开会议\\n全县党员参加学习，效果良好。\\n相关阅读：\\n· 邻县召开推进会\\n主办：某县委宣传部")
    >>> parts.body, parts.boilerplate
    (['某县召开会议', '全县党员参加学习，效果良好。'], ['主办：某县委宣传部'])
    """
    lines = [line for line in text.split("\n")]
    n = len(lines)
    chrome = [False] * n
    for i, line in enumerate(lines):
        if line and is_boilerplate(line):
            chrome[i] = True
    # Everything above the last crumb line near the top is header navigation.
    for i in range(min(n, 8)):
        if lines[i] and _CRUMB.search(lines[i]) and not _is_sentence(lines[i]):
            for j in range(i):
                chrome[j] = True
    # From the bottom: short non-sentence lines (navigation, "更多") until real text.
    for i in range(n - 1, -1, -1):
        line = lines[i]
        if not line:
            continue
        if chrome[i] or not _is_sentence(line):
            chrome[i] = True
            continue
        break
    links = [False] * n
    for i, line in enumerate(lines):
        if not chrome[i]:
            continue
        if _LINKS_HEAD.match(line.strip()):
            links[i] = True
            for j in range(i + 1, n):  # the list under the heading, to the next chrome of another kind
                line_j = lines[j].strip()
                if line_j and not _LINK_LINE.match(line_j) and (is_boilerplate(line_j) or _is_sentence(line_j)
                                                               or _LABELLED.match(line_j) or line_j.startswith(("【", "["))):
                    break
                links[j] = chrome[j]
        elif _LINK_LINE.match(line) and line.strip().startswith(("上一篇", "下一篇", "上一条", "下一条")):
            links[i] = True
    body = [line for line, c in zip(lines, chrome) if not c]
    boiler = [line for line, c, link in zip(lines, chrome, links) if c and line and not link]
    # Trim blank lines at both ends of the body.
    while body and not body[0]:
        body.pop(0)
    while body and not body[-1]:
        body.pop()
    return PageParts(body=body, boilerplate=boiler, meta=mine_metadata(boiler))


_SOURCE = re.compile(r"(?:来源|稿源)\s*[:：]\s*([" + HAN + r"A-Za-z0-9·]{2,20})")
_EDITOR = re.compile(r"(?:责任编辑|编辑|责编)\s*[:：]\s*(" + _NAME + r")")
_AUTHOR = re.compile(r"(?:作者|记者|通讯员)\s*[:：]?\s*((?:" + _NAME + r"[\s、，,]*)+)")
_BOX_BYLINE = re.compile(r"^[□■]\s*(?:本报|本台|本网)?(?:记者|通讯员)?\s*((?:" + _NAME + r"[\s、，,]*)+)$")
_PUBLISHER = re.compile(r"([" + HAN + r"]{2,12}?" + _OUTLET + ")")


def _names(chunk: str) -> list[str]:
    return [x for x in re.split(r"[\s、，,]+", chunk) if 2 <= len(x) <= 4]


def mine_metadata(lines: list[str]) -> dict:
    """Publisher, reporters, editors and date from header/footer lines."""
    meta: dict = {"reporters": [], "editors": []}
    for line in lines:
        if "date" not in meta and (starts_with_date(line) or _META.search(line) or _dated_label(line)) \
                and (day := find_full_date(line)):
            meta["date"] = day
        if "publisher" not in meta and (m := _SOURCE.search(line)):
            meta["publisher"] = m.group(1)
        for m in _EDITOR.finditer(line):
            meta["editors"].append(m.group(1))
        if (m := _BOX_BYLINE.match(line)):
            meta["reporters"].extend(_names(m.group(1)))
        else:
            for m in _AUTHOR.finditer(line):
                meta["reporters"].extend(_names(m.group(1)))
        if "publisher" not in meta and (m := _PUBLISHER.search(line)):
            meta.setdefault("publisher_hint", m.group(1))
    meta["reporters"] = list(dict.fromkeys(meta["reporters"]))
    meta["editors"] = list(dict.fromkeys(meta["editors"]))
    if "publisher" not in meta and "publisher_hint" in meta:
        meta["publisher"] = meta.pop("publisher_hint")
    meta.pop("publisher_hint", None)
    return meta
