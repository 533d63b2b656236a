"""Named campaigns, initiatives and mechanisms a place runs.

Signals, each general to the genre:
- the national campaigns (a lexicon in ``kg/data/campaigns.txt``);
- a quoted name followed by a programme head (“筑巢行动”, “8+1”专项整治,
  “三基”建设年活动) or introduced by an action verb (开展“屋场夜话”);
- an enumeration of quoted names, each opening a clause
  (“理论宣讲”强化…，“先锋引领”助推…，“屋场夜话”引领…);
- sibling mechanisms listed together (示范引领机制、协同联动机制);
- an unquoted name ending in a strong head after an action verb
  (开展违反中央八项规定精神专项整治, 打好蓝天、碧水、净土保卫战).
Slogans and requirements (守初心、担使命，找差距、抓落实; “四个意识”) are not
programmes: a comma inside, a numbered political formula, or a following
要求/精神/意识 rules them out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kg.extract.records import Mention, Programme
from kg.language.text import HAN, Sentences, inside_any, quoted_spans

HEADS = ("专项整治", "专项行动", "专项斗争", "实践活动", "实践行动", "主题活动", "系列活动", "建设年活动", "年活动",
         "活动", "行动", "工程", "机制", "模式", "工作法", "工作清单", "清单", "大讲堂", "讲堂", "论坛", "栏目",
         "专栏", "格局", "架构", "组织生活", "为民服务工作", "为民服务", "攻坚战", "保卫战", "品牌", "计划", "宣讲")
STRONG_HEADS = ("专项整治", "专项行动", "专项斗争", "实践活动", "主题活动", "攻坚战", "保卫战", "大讲堂", "工程")
GENERIC_HEADS = ("活动", "为民服务工作", "为民服务", "工作")
VERBS = ("创新推出", "组织开展", "部署开展", "深入开展", "深入推进", "深入实施", "扎实推进", "全面推进", "持续打好",
         "开展", "推出", "实施", "启动", "推行", "深化", "打造", "发起", "举办", "推进", "构建", "建立", "实行", "开创",
         "探索", "创建", "开设", "打好", "打赢", "创新")
NOT_AFTER = ("要求", "总要求", "精神", "理念", "思想", "意识", "问题", "难题", "意见", "标准", "目标", "原则", "作风",
             "方针", "战略", "称号", "荣誉", "指示", "讲话", "重要", "的要求", "精神", "之星", "标兵", "奖", "字")
FORMULA = re.compile(r"^[一二两三四五六七八九十百]+(个|项|种|条|大|不|有|心)")
NOT_CONTENT = re.compile(r"[，,。；？！]|[了的着]|问题$|精神$|思想$|要求$|难$")
# A quoted facility or body is not a programme (非公党建服务站, 爱心驿站).
FACILITY = re.compile(r"(站|中心|室|馆|所|驿站|基地|平台|窗口|热线|公园|广场|大厦)$")

_HEAD_AFTER = re.compile(r"([" + HAN + r"]{0,8}?)(" + "|".join(HEADS) + r")")
_VERB_BEFORE = re.compile(r"(?:" + "|".join(VERBS) + r")了?[" + HAN + r"]{0,8}$")
_MECHANISM = re.compile(r"(?<=[即、：:])((?:[“”" + HAN + r"]){4,10}?机制)")
_UNQUOTED = re.compile(
    r"(?:" + "|".join(VERBS) + r")(?:\d+[期场次届])?([" + HAN + r"、]{2,16}?(?:" + "|".join(STRONG_HEADS) + r"))")


@dataclass
class Campaign:
    name: str
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def campaigns() -> tuple[Campaign, ...]:
    text = resources.files("kg.language.data").joinpath("campaigns.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            parts = [p.strip() for p in line.split("|")]
            out.append(Campaign(parts[0], tuple(parts[1:])))
    return tuple(out)


def _unquote(s: str) -> str:
    return re.sub(r"[“”‘’「」『』\"]", "", s)


class _Collector:
    def __init__(self, text: str, sentences: Sentences):
        self.text, self.sentences = text, sentences
        self.items: dict[str, Programme] = {}

    def add(self, name: str, start: int, end: int, aliases: tuple[str, ...] = ()) -> None:
        name = _unquote(name).strip("、 ")
        if len(name) < 2:
            return
        for c in campaigns():  # 脱贫攻坚战 is the campaign 脱贫攻坚
            if name in c.aliases and sum(name in o.aliases for o in campaigns()) == 1:
                name = c.name
        key = self._key(name)
        prog = self.items.get(key)
        if prog is None:
            prog = self.items[key] = Programme(name, [])
        for alias in (name,) + tuple(_unquote(a) for a in aliases):
            if alias != prog.name and alias not in prog.aliases:
                prog.aliases.append(alias)
        prog.mentions.append(Mention(start, end, self.text[start:end], self.sentences.at(start)))

    def _key(self, name: str) -> str:
        """Merge ``X`` with ``X活动`` / ``X为民服务工作``: the same programme."""
        for key in list(self.items):
            if name == key or (name.startswith(key) and name[len(key):] in HEADS + ("为民服务工作",)) \
                    or (key.startswith(name) and key[len(name):] in HEADS + ("为民服务工作",)):
                return key
        return name


def find_programmes(text: str, sentences: Sentences | None = None) -> list[Programme]:
    sentences = sentences or Sentences.of(text)
    col = _Collector(text, sentences)
    quotes = quoted_spans(text)
    _national(text, col)
    _quoted(text, col)
    for m in _MECHANISM.finditer(text):
        siblings = len(re.findall(r"机制", text[max(0, m.start() - 40):m.end() + 40]))
        if siblings >= 3:
            col.add(m.group(1), m.start(1), m.end(1))
    for m in _UNQUOTED.finditer(text):
        name = m.group(1)
        if "“" in name or "”" in name or name.startswith(("全市", "全面", "各级")) or re.search("[的了]|一系列", name):
            continue
        if inside_any(m.start(1), quotes):
            continue
        col.add(name, m.start(1), m.end(1))
    return [p for p in col.items.values()]


def _national(text: str, col: _Collector) -> None:
    named = [c for c in campaigns() if re.search(_flex(c.name), text)]
    for c in campaigns():
        full = list(re.finditer(_flex(c.name), text))
        for m in full:
            col.add(c.name, m.start(), m.end(), c.aliases)
        for alias in c.aliases:
            generic = sum(alias in other.aliases for other in campaigns()) > 1
            if generic and (c not in named or len(named) > 1 and not full):
                continue
            for m in re.finditer(re.escape(alias), text):
                if not any(f.start() <= m.start() < f.end() for f in full):
                    col.add(c.name, m.start(), m.end(), ())


def _flex(name: str) -> str:
    """Match a campaign name with or without quotes around its slogan part."""
    return "".join(re.escape(ch) + r"[”“\"]?" if ch not in "、" else "、" for ch in name).replace("不", "[“\"]?不", 1)


def _quoted(text: str, col: _Collector) -> None:
    spans = [(s, e) for s, e in quoted_spans(text) if text[s - 1] in "“‘"]
    slogans = [c.name for c in campaigns()]
    for group in _runs(text, spans):
        first_s, last_e = group[0][0], group[-1][1]
        before = re.sub(r"“[^”]*”", "", text[max(0, first_s - 1 - 24):first_s - 1])[-12:]
        after = text[last_e + 1:last_e + 12]
        verb = bool(_VERB_BEFORE.search(before))
        listed = after.startswith(("等活动", "等系列活动", "等实践活动", "等主题活动"))
        ends_clause = bool(re.match(r"[，。；：！？”’]|$|等活动|中", after))
        head = _HEAD_AFTER.match(text, last_e + 1)
        if head and _excluded_head(head):
            head = None
        contents = [text[s:e] for s, e in group]
        if any(any(sl.startswith(_unquote(c)) for sl in slogans) for c in contents):
            continue  # “不忘初心、牢记使命”主题教育: the campaign, found by the lexicon
        adjacent = all(text[e + 1:s2 - 1] == "" for (_, e), (s2, _) in zip(group, group[1:]))
        if head and len(group) > 1 and adjacent:
            joined = "".join(contents)
            if _plausible(joined, head=True):
                col.add(joined + head.group(1) + head.group(2), first_s - 1, head.end())
            continue
        for s, e in group:
            content = text[s:e]
            if len(group) == 1 and head:
                if not _plausible(content, head=True):
                    continue
                mod, h = head.group(1), head.group(2)
                full = content + mod + h
                if h in GENERIC_HEADS and len(content) >= 4 and not mod:
                    col.add(content, s - 1, head.end(), (full,))
                else:
                    col.add(full, s - 1, head.end())
            elif (verb and ends_clause) or listed:
                if _plausible(content, head=False):
                    col.add(content, s - 1, e + 1)
    _enumerations(text, spans, col)


def _runs(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Quotes standing next to each other (“A”“B”, “A”、“B”) form one group."""
    groups: list[list[tuple[int, int]]] = []
    for s, e in spans:
        if groups and text[groups[-1][-1][1] + 1:s - 1] in ("", "、", "和", "及"):
            groups[-1].append((s, e))
        else:
            groups.append([(s, e)])
    return groups


def _excluded_head(head: re.Match) -> bool:
    return bool(re.search(r"[的是在了等和与及]", head.group(1)))


def _plausible(content: str, head: bool) -> bool:
    """Could this quoted text name a programme? ``head``: a programme head follows it."""
    if not 2 <= len(content) <= 16 or NOT_CONTENT.search(content) or (FACILITY.search(content) and not head):
        return False
    if re.fullmatch(r"[\d+]+", content) and not head:
        return False  # “316” alone is a number; “316”群众工作新格局 is a name
    return head or not FORMULA.match(content)


def _enumerations(text: str, spans: list[tuple[int, int]], col: _Collector) -> None:
    """“理论宣讲”强化…，“先锋引领”助推…，…: three or more clauses opened by a quoted name."""
    openers = [(s, e) for s, e in spans if s >= 2 and text[s - 2] in "，——:：\n" and text[e + 1:e + 2] not in "，。、”"]
    run: list[tuple[int, int]] = []
    for s, e in openers + [(10**9, 10**9)]:
        if run and (s - run[-1][1] > 40 or "。" in text[run[-1][1]:s]):
            if len(run) >= 3:
                for rs, re_ in run:
                    if _plausible(text[rs:re_], head=False) and not text[re_ + 1:].startswith(NOT_AFTER):
                        col.add(text[rs:re_], rs - 1, re_ + 1)
            run = []
        run.append((s, e))
