"""Reported quantities: a number, its counter or unit, what it counts.

``1.5万个党组织`` → value 15000, unit 个, subject 党组织. The subject is the
noun phrase after the counter, or, when the figure closes its clause
(``确定重点调研课题189个``), the phrase before it. Not metrics (GUIDELINES):
dates, ordinals (第二批), ages (76岁), numbers inside quotes or names (“316”,
“四个一”), numbered political formulas (四个意识, 四套班子), plenums
(四中全会), relative days (前两天), and the word 一 ("a", "one") in Chinese numerals.

Subjects are what is counted, not who acted: the object after the last action verb
(主动领办民生实事2030件 → 民生实事), the noun after a list of modifiers (86名政治素质好、
理论水平高的领导干部 → 领导干部), 方面 for N个方面, the item before 由原来的X变为Y; a share
(占31%) keeps its count's subject. Quotes that are speech (punctuated or long) are read;
quoted names are not. Measured on the visible development set (5 seeds + 16 devset
reports): metrics P/R/F1 0.899/0.906/0.903 before these rules, 0.965/0.977/0.971 after;
the rules run at ~350k characters/s together with the programme rules (pkuseg: ~46k).

Generality (what reports unseen by these rules write; tested on invented sentences in
tests/unit/extract/test_metrics.py, 60 figures and 45 non-figures): the counters of cases,
doses, durations, livestock and lessons (起, 剂次, 个工作日, 分钟, 头, 门, 节; kg.language.numbers);
both ends of a before/after name what stands before 由/从 and are told apart by the change
(审批时间(压缩前) 5天, 审批时间(压缩后) 2天), else two figures of one subject merge; a bare rate
(增长4.2%, 同比提高3个百分点, 占87%) is the rate of what the figure before it measured; a range
(3至5天) is one figure; 十余/百余/千余 count; the figures of a list after 分别 share a subject.
Visible metrics P/R/F1 0.965/0.977/0.971 → 0.969/0.980/0.975 (the gain is generality, not
the visible set: 1 missed subject of 256 fixed). Dense adversarial text (a figure every 13
characters) runs at ~100k characters/s, linear.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from kg.language.dates import find_date, time_lead
from kg.language.numbers import (ARABIC_NUMERAL, CHANGE_WORDS, CN_DIGITS, CN_NUMERAL, COMPARED_WITH,
                                 FIGURE_MULTIPLIERS, FORMULA_HEADS, FORMULA_HEADS_CN, NOT_FIGURES, QUALIFIERS_AFTER_COUNTER, QUALIFIERS_INSIDE,
                                 RANGE_SEPARATORS, ROMAN, SPAN_PREFIXES, UNITS, parse_number, qualifier_of)
from kg.extract.records import Mention, Metric
from kg.language.text import HAN, Sentences, inside_any, is_han, quoted_spans

_UNIT_ALT = "|".join(re.escape(u) + (f"(?!{neg})" if neg.startswith("[") else f"(?![{neg}])" if neg else "")
                     for u, neg in UNITS)
_ARABIC, _CN = ARABIC_NUMERAL, CN_NUMERAL
NUMBER = re.compile(
    r"(?P<num>(?:" + _ARABIC + r")|" + _CN + r"|半)(?P<mult>" + "|".join(FIGURE_MULTIPLIERS) + r")?"
    r"(?P<q1>" + "|".join(QUALIFIERS_INSIDE) + r")? ?"
    r"(?P<unit>" + _UNIT_ALT + r")(?P<q2>" + "|".join(QUALIFIERS_AFTER_COUNTER) + r")?"
)
ROMAN_GRADE = re.compile(r"(劣)?([" + "".join(ROMAN) + r"])类")
PERCENT_CN = re.compile(r"百分之(" + _CN + r"|" + _ARABIC + r")")

QUAL_BEFORE = re.compile("(" + "|".join(sorted(SPAN_PREFIXES, key=len, reverse=True)) + ")$")
FORMULA_AFTER = re.compile("^(" + "|".join(FORMULA_HEADS + FORMULA_HEADS_CN) + ")")
FORMULA_ANY = re.compile("^(" + "|".join(FORMULA_HEADS) + ")")
# A quote followed by one of these is a programme's name (“百日攻坚，服务万家”行动).
NAME_HEAD_AFTER = re.compile(r"活动|行动|工程|主题|专项|实践|系列|工作法|模式|机制")
# 八家湾, 三里屯: a numeral word inside a place name.
NAME_AFTER = re.compile(r"^[湾村镇屯桥河街路港岭坡沟庄寺]")
# A noun phrase "X的Y" counts X when X ends in one of these (1000多个问题的整改情况).
COUNTED_HEADS = ("问题", "项目", "企业", "党员", "干部", "群众", "单位", "村", "社区", "家庭", "学校", "任务", "事项",
                 "案件", "意见", "建议", "课题", "报告", "人员", "居民", "村民")
STOP_BEFORE = ("第", "前", "后", "最后", "头", "每", "星期", "周")
# ...except 先后 ("successively": 先后3次到现场办公).
NOT_STOP_BEFORE = ("先后",)
# 这两个整改项目, 该3个村: a figure already reported, referred back to.
ANAPHORA_BEFORE = ("这", "那", "此", "该", "上述")
# 二期扩建工程, 三期项目: a construction phase, an ordinal in a name.
PHASE_AFTER = re.compile(r"^(工程|项目|扩建|改造|建设|续建)")
# Adverbs that may open the phrase after a counter without ending it (开展7天集中学习研讨).
ADVERB_LEAD = ("集中", "统一", "同步", "全面", "深入", "逐一", "分别")
# Verbs after which, inside a long phrase before a figure, comes what is counted
# (市县领导主动领办民生实事共2030件 → 民生实事; 各社区共列出实事清单527件 → 实事清单).
OBJECT_VERBS = ("领办", "认领", "完成", "办结", "办理", "征集", "收集", "列出", "梳理", "排查", "化解", "解决", "兑现",
                "捐赠", "发放", "走访", "慰问", "帮扶", "受理", "整改", "开展", "举办", "培训", "建成", "创建",
                # the verbs of money: 筹集资金260万元, 争取项目资金3000万元 → 资金
                "筹集", "投入", "争取", "拨付", "下达", "整合", "募集", "协调", "统筹", "落实")
# Where a following noun phrase ends: punctuation, or a verb or adverb.
NP_STOP = re.compile(
    r"[，。；：、！？\s\d]|参加|参与|接受|受到|得到|全部|悉数|纳入|建成|开放|投用|入选|分包|常态化|进行|开展|实现|"
    r"顺利|已|均|被|在|为(?!民)|共|达|将|都|和|与|及|并|以|从|中(?!全会|央|国|华|共)|等|对|向|给|把|让|按|得以|成为|列入|获得|通过|覆盖|解决|完成|"
    r"提升|跃升|之内|以来|参训|培训|受教育|发放|召开|举办|同步|同时|全面|逐步|有效|及时|持续|深入|积极|主动|"
    r"分别|依次|陆续|先后|统一|集中|逐一|正在|压减|下降|增长|减少|增加|降低|提高|压缩|缩短|缩减|上升|扩大|"
    r"下沉|投身|奔赴|深入|走进|来到|到(?!位)|赴|结对|参赛|接种|加入|签约|受益|脱贫|就业|入驻|落户|增收|致富|出列|摘帽|"
    r"组成|组建|成立|形成|实施|用于|惠及|带动|帮助|支持|扶持|购置|修建|改造"
)
LEAD_FILLER = re.compile(r"^(共有|现有|拥有|共|累计|共计|总计|其中|已|并|还|先后|分别|同时|目前|截至目前|至目前|全市|全县|全区|全旗|全州|全盟|"
                         r"全镇|全乡|今年|去年|此外|另外|"
                         r"剩余|其余|尚余|还有|"
                         r"并且|一共|合计|其他|各级|各地|各单位)+")
_CHANGE = "|".join(sorted(CHANGE_WORDS, key=len, reverse=True))
TRAIL_VERB = re.compile(r"(达到|达|为期|为|至|到|共|约|近|超过|超|逾|多达|突破|有|是|计|的|了|由原来|由|从|等|"
                        r"分别|已经?(?:完成|办结|解决|兑现)|(?:" + _CHANGE + r")(?=到|至|为)|降(?=到|至))+$")
# A subject that is only a change (增长, 同比提高, 占年度计划): a rate of what the figure before measured.
RATE_ONLY = re.compile(r"^(?:" + "|".join(COMPARED_WITH) + r")?(?:" + _CHANGE + r")率?$")
SHARE = re.compile(r"^占(?!地)")  # 占年度计划的87%; not 占地面积
# The "from" figure of a before/after (由原来的5天压缩至2天) and the "to" figure after a change word.
CHANGE_FROM = re.compile(r"(?:由|从)(?:原来的?|\d+年(?:底|末)?的)?$")
CHANGE_TO = re.compile(r"(?P<verb>" + _CHANGE + r"|降|升|减|增|变)?(?:到|至|为)(?:\d+年(?:底|末)?的)?$")
CHANGE_NEXT = re.compile(r"(?P<verb>" + _CHANGE + r"|降|升|减|增|变)(?:到|至|为)?|到|至")
# A range's lower end before a figure (3至5天, 20—30人): read with it.
RANGE_LOW = re.compile(r"(?:" + ARABIC_NUMERAL + r"|[" + CN_DIGITS + r"]+)[万千]?(?:" +
                       "|".join(map(re.escape, RANGE_SEPARATORS)) + r")$")
# A named span of time or space, not a figure: 三年行动计划, 100天攻坚, 15分钟生活圈.
SPAN_NAME_AFTER = re.compile(r"^(?:[" + HAN + r"]{0,2}圈|行动|计划|规划|攻坚|会战|大会战)")  # 领办的实事已完成85% → 实事


# Between two figures, words that keep the first one's subject (27名，占31%; 40场、1200人次).
SAME_SUBJECT_GAP = re.compile(r"[、，]?(占|共|达到?|为|约|计)?")
# Between two figures of one list (分别为1200人、860人和540人; 分别达到96%和98%): the later ones count the same.
LIST_GAP = re.compile(r"、|和|及|与|以及")  # not a comma: 问题267条，238条已立行立改 is a part
# Nouns of one character that a counter may count (12个村, 3个组).
ONE_CHARACTER_NOUNS = "村镇乡县区组校院厂站队园馆"

LEAD_VERB = re.compile(r"^(举办|召开|开展|组织|确定|形成|收集|梳理|收到|建立|完善|举行|推出|打造|引进|新建|新划|访谈|讲|"
                       r"推动解决|累计)")


def _subject_after(text: str, pos: int) -> str:
    nested = NUMBER.match(text, pos)
    if nested:  # 10大类24项救助政策: both count 救助政策
        pos = nested.end()
    if text.startswith(("共", "累计", "合计"), pos):  # 两批共15642条实事项目: both count 实事项目
        lead = 2 if text.startswith(("累计", "合计"), pos) else 1
        nested = NUMBER.match(text, pos + lead)
        if nested:
            pos = nested.end()
    if text.startswith("方面", pos):
        return "方面"  # 从6个方面回顾, 八个方面问题: what is counted is the aspects
    m = NP_STOP.search(text, pos, min(len(text), pos + 20))
    if m and m.start() == pos and m.group() in ADVERB_LEAD:
        m = NP_STOP.search(text, m.end(), min(len(text), pos + 20))
    end = m.start() if m else min(len(text), pos + 14)
    modified = _modified_noun(text, pos, end)
    if modified:
        return modified
    np = re.sub(r"[“”‘’]", "", text[pos:end])
    if "的" in np:
        head, tail = np.split("的", 1)
        if not re.match("[" + CN_DIGITS + "]+届", tail):  # 党的十九届四中全会…: the 的 is inside a name
            np = head if head.endswith(COUNTED_HEADS) else np.rsplit("的", 1)[1]
    if len(np) == 1 and np in ONE_CHARACTER_NOUNS:
        return np  # 全镇12个村均成立了…
    return np if len(np) >= 2 and re.match("[" + HAN + "]", np) else ""


def _modified_noun(text: str, pos: int, end: int) -> str:
    """86名政治素质好、理论水平高的领导干部: a list of modifiers before 的, then the noun counted."""
    if end >= len(text) or text[end] != "、":
        return ""
    m = re.compile(r"[，。；：！？\n]").search(text, pos, min(len(text), pos + 40))
    clause = text[pos:m.start() if m else min(len(text), pos + 40)]
    if "的" not in clause:
        return ""
    tail = clause.rsplit("的", 1)[1]
    stop = NP_STOP.search(tail)
    noun = tail[:stop.start()] if stop else tail
    return noun if 2 <= len(noun) <= 10 and re.fullmatch("[" + HAN + "]+", noun) else ""


# A clause before a figure is read back at most this far: the subject of a figure is
# near it, and in text without punctuation every figure would rescan all that precedes it.
MAX_CLAUSE = 120


def _clause_start(text: str, pos: int) -> int:
    """After the last punctuation, or the space between two phrases of a headline (…办结 群众平均满意度99.7%);
    a space inside a figure (220 个) is not a boundary."""
    lo = max(0, pos - MAX_CLAUSE)  # in text without punctuation the clause would be the whole text before
    start = max([text.rfind(p, lo, pos) for p in "，。；：！？、\n（(…"] + [lo - 1])
    space = text.rfind(" ", start + 1, pos)
    while space > start and not (is_han(text[space - 1]) and is_han(text[space + 1:space + 2] or "a")):
        space = text.rfind(" ", start + 1, space)
    return max(start, space) + 1


_COUNTERS = "".join(u for u, _ in UNITS if len(u) == 1 and u not in "%％")
_FIGURE_AT_END = re.compile(r"(?<=[" + HAN + r"]{2})(?:" + ARABIC_NUMERAL + r"|[" + CN_DIGITS + r"]+)(?:万|亿)?[余多]?"
                            r"(?:" + "|".join(re.escape(u) for u, _ in UNITS) + r")$")


# The "from" end of a before/after: 由5天, 从原来的15天, 由2015年的6000元 (not 从2021年起, 从3月份).
_FROM = re.compile(r"(?:由|从)(?:原来的?|\d+年(?:底|末)?的)?(?=[\d" + CN_DIGITS + r"]|$)")
_DATE_NEXT = re.compile(r"(\d+)年|[\d" + CN_DIGITS + r"]+月")


def _before_change(raw: str) -> str:
    """What stands before the "from" end of a before/after in ``raw``; '' when there is none."""
    for m in _FROM.finditer(raw):
        date = _DATE_NEXT.match(raw, m.end())
        if date and (not date.group(1) or int(date.group(1)) >= 1900):
            continue
        return raw[:m.start()]
    return ""


def _subject_before(text: str, start: int) -> str:
    s = _clause_start(text, start)
    raw = text[s:start]
    if "”" in raw and len(raw.rsplit("”", 1)[1]) >= 2:
        raw = raw.rsplit("”", 1)[1]  # “已经改”“立即改”项目2807个 → 项目
    raw = re.sub(r"^(由|从)?原来的?", "", raw)  # 由原来的2天压减到2小时: a before/after, no subject here
    before_change = _before_change(raw)
    if len(before_change) >= 2:
        raw = before_change  # 企业开办环节由原来的5个压减到3个 → 企业开办环节
    timed = time_lead(raw)
    raw = raw[len(timed):]  # 截至9月中旬已完成1.1万件: the day is not what is counted
    phrase = TRAIL_VERB.sub("", LEAD_FILLER.sub("", re.sub(r"[“”‘’]", "", raw)))
    done = re.sub(r"(完成|实现)$", "", phrase)
    if len(done) >= 2:
        phrase = done  # 一般公共预算收入完成32.6亿元 → 一般公共预算收入; not 办结5754件
    phrase = re.sub(r"^[\d.]+ ?[" + _COUNTERS + r"]", "", phrase)  # 4类问题886个 → 问题
    phrase = _FIGURE_AT_END.sub("", phrase)  # 专题培训3期573人次 → 专题培训, 帮扶对象1.6万户4.8万人 → 帮扶对象
    phrase = re.sub(r"^[" + HAN + r"]{1,2}到(?=[" + HAN + r"]{2})", "", phrase)  # 征求到意见建议17条 → 意见建议
    phrase = re.sub(r"^.{2,12}?[上中内里](?:共|累计)(?=[" + HAN + r"]{2})", "", phrase)  # 在…平台上共发布100期 → 发布
    obj = re.sub(r"^[出了]", "", re.split("|".join(OBJECT_VERBS), phrase)[-1])  # 梳理出问题清单 → 问题清单
    if re.match(r"到位|完毕|结束|成功", obj):
        obj = phrase  # 整改到位1790处: the verb's result, not its object
    if 2 <= len(obj) < len(phrase) and re.fullmatch("[" + HAN + "]+", obj):
        phrase = obj  # 主动领办民生实事2030件 → 民生实事; 完成好事121件 → 好事
    if "的" in phrase:
        head, _ = phrase.split("的", 1)
        if not head.endswith(COUNTED_HEADS) and re.fullmatch("[" + HAN + "]{2,}", phrase.rsplit("的", 1)[1]):
            phrase = phrase.rsplit("的", 1)[1]  # 认领市民的麻烦事168件 → 麻烦事
    tail = re.split(r"等(?![次级奖])", phrase)[-1]
    if len(tail) >= 2:
        phrase = tail  # 疫情防控、文明城市创建等志愿服务 → 志愿服务
    if timed and re.fullmatch(r"(?:已经?)?(?:" + "|".join(OBJECT_VERBS) + r")", phrase):
        return ""  # 截至9月中旬已完成1.1万件: a day and a verb; what is counted stands earlier in the sentence
    bare = LEAD_VERB.sub("", phrase)
    if len(bare) >= 2:
        phrase = bare  # 举办研讨 → 研讨
    return phrase if len(phrase) >= 2 else ""


# A clause that only says what a unit has (，有400余户1800多人): the figures count the sentence's topic, the unit
# that opens it and has or governs something (赤溪村下辖…, 全镇现有…).
_HAVING = re.compile(r"(?P<unit>(?:全|该|本)[村镇乡县市区旗州盟]|村里|镇里|乡里)?(?:现|共|拥)?有")
_TOPIC = re.compile(r"[" + HAN + r"]{2,8}?(?=下辖|辖|共有|现有|拥有|有)")


def _topic_of_having(text: str, start: int) -> str:
    """The topic of the sentence when the clause before the figure is only 有 (赤溪村下辖14个自然村，有400余户1800多人
    → 赤溪村), the unit when it names one (据统计，全镇有400余户 → 全镇), or '' (not a time phrase: 目前共有…).

    >>> _topic_of_having("赤溪村下辖14个自然村，有400余户", 13), _topic_of_having("村里有400余户", 3)
    ('赤溪村', '')
    """
    having = _HAVING.fullmatch(text, _clause_start(text, start), start)
    if not having:
        return ""
    if having.group("unit"):
        return having.group("unit")  # 据统计，全镇有400余户: the unit the clause names
    sentence = max(text.rfind(p, 0, start) for p in "。！？\n") + 1
    m = _TOPIC.match(text, sentence)
    return m.group() if m and not time_lead(m.group()) else ""


def _verb_after(text: str, pos: int) -> str:
    m = re.compile(r"[，。；：、！？\n]").search(text, pos, min(len(text), pos + 16))
    vp = text[pos:m.start() if m else pos + 10]
    vp = re.sub(r"[“”‘’]", "", vp).replace("已经", "已")
    return re.sub(r"中$", "", re.sub(r"^(均|全部|都)", "", vp))


def find_metrics(text: str, sentences: Sentences | None = None) -> list[Metric]:
    sentences = sentences or Sentences.of(text)
    quotes = quoted_spans(text)
    found: list[Metric] = []
    for m in NUMBER.finditer(text):
        metric = _metric(text, m, quotes, sentences)
        if metric is None:
            continue
        prev = found[-1] if found else None
        # 举办研讨167场、1903人次: same activity; 市级领导27名，占31%
        carried = not metric.subject and prev and SAME_SUBJECT_GAP.fullmatch(text[prev.mention.end:metric.mention.start])
        carried = carried or (prev and prev.subject and metric.method in ("number+unit:verb", "number+unit:before")
                              and prev.unit == metric.unit and LIST_GAP.fullmatch(text[prev.mention.end:metric.mention.start]))
        # 5类隐患213处，: both count 隐患 (not 7个方面34项具体任务)
        carried = carried or (prev and prev.subject and text[prev.mention.end:metric.mention.start] == prev.subject
                              and text[metric.mention.end:metric.mention.end + 1] in ("", "，", "。", "；", "、"))
        gap = text[prev.mention.end:metric.mention.start] if prev else "。"
        same_sentence = not re.search(r"[。；！？\n]", gap)
        # 列出清单1.3万件，截至9月中旬已完成1.1万件: no subject of its own, the same counter in the same sentence
        carried = carried or (not metric.subject and prev and prev.subject and same_sentence and prev.unit == metric.unit)
        # 帮扶对象1.6万户4.8万人, 问题清单5大类32项: two figures side by side count the same thing
        carried = carried or (prev and prev.subject and gap == "" and metric.method == "number+unit:before")
        # 由原来的2天压减到2小时 after 企业开办环节由5个压减到3个: the before/after of the same thing
        carried = carried or (metric.method == CHANGE_METHOD and prev and prev.subject and same_sentence)
        if carried and metric.method == CHANGE_METHOD:
            subject = re.sub(r"\(.*\)$", "", prev.subject)
            change = _change_tag(text, metric.mention.start, metric.mention.end)
            metric = replace(metric, subject=f"{subject}({change})" if change else subject, method="carried",
                             confidence=None)
        elif carried:
            metric = replace(metric, subject=prev.subject, method="carried", confidence=None)
        elif metric.method == CHANGE_METHOD:
            metric = replace(metric, subject=_verb_after(text, metric.mention.end), method="number+unit:verb")
        elif prev and prev.subject and same_sentence and len(gap) <= 12 and (
                RATE_ONLY.match(metric.subject) or (SHARE.match(metric.subject) and metric.unit == "%")):
            # 地区生产总值2500亿元，增长4.2%: the growth of what the figure before measured
            metric = replace(metric, subject=prev.subject + metric.subject, method="carried", confidence=None)
        found.append(metric)
    for m in ROMAN_GRADE.finditer(text):
        if inside_any(m.start(), quotes):
            continue
        value = float(ROMAN[m.group(2)])
        subject = _subject_before(text, m.start())
        found.append(_make(text, m.start(), m.end(), value, "类", subject, None, sentences, "roman-grade"))
    for m in PERCENT_CN.finditer(text):
        value = parse_number(m.group(1))
        if value is not None and not inside_any(m.start(), quotes):
            found.append(_make(text, m.start(), m.end(), value, "%", _subject_before(text, m.start()), None, sentences,
                               "percent-words"))
    return _dedupe(found)


def _in_set_phrase(text: str, pos: int) -> bool:
    """The figure at ``pos`` is inside one of NOT_FIGURES (its first numeral, or a later one: 五花八门)."""
    window = text[max(0, pos - 3):pos + 4]
    for phrase in NOT_FIGURES:
        i = window.find(phrase)
        if i != -1 and i <= pos - max(0, pos - 3) < i + len(phrase):
            return True
    return False


def _inside_name(text: str, pos: int, quotes) -> bool:
    """A figure inside quotes is part of a name (“五个一”, “30条”) unless the quote is speech: a quoted
    sentence with punctuation or more than 20 characters (“……历时2个多月，新井湾通上自来水了”)."""
    i = bisect.bisect_right(quotes, (pos, float("inf")))
    inner = [(s, e) for s, e in quotes[max(0, i - 8):i] if s <= pos < e]
    if not inner:
        return False
    s, e = max(inner)  # the innermost quote
    if NAME_HEAD_AFTER.match(text, e + 1):
        return True  # “走马上任100天，我为群众办实事”活动: a name, even with a comma
    return not (e - s > 20 or re.search(r"[，。！？；]", text[s:e]))


def _change_tag(text: str, start: int, end: int) -> str | None:
    """None if the figure is not one end of a before/after (由原来的5天压缩至2天); else what tells the two
    ends apart, the change word and 前 (before) or 后 (after): 压缩前, 压缩后 ('' when no change word is written)."""
    clause = text[_clause_start(text, start):start]
    to, following = CHANGE_TO.search(clause), CHANGE_NEXT.match(text, end)
    if to and re.search(r"由|从", clause):
        return (to.group("verb") or "") and to.group("verb") + "后"
    if CHANGE_FROM.search(clause) and following:
        return (following.group("verb") or "") and following.group("verb") + "前"
    return None


# After a figure, what makes it a threshold of the noun that follows (50万元以上的村, 3000元以下的); the figure's own
# span may already hold the bound (以上 is also a qualifier: 5轮以上).
THRESHOLD_AFTER = re.compile(r"[余多]?(?:及以上|以上|以下|以内|及以下)?的")


def _threshold(text: str, start: int, end: int) -> bool:
    """Is the figure text[start:end] a threshold (年收入20万元以上的村), not a figure of the work?"""
    bounded = re.search(r"(?:以上|以下|以内)$", text[start:end]) is not None
    m = THRESHOLD_AFTER.match(text, end)
    return m is not None and (bounded or len(m.group()) > 1)
# Before a figure in its clause, a distributor over persons or units: the figure is each one's share (每人包联2个,
# 每名干部联系5户), not a total. Not 每年/每月 (a rate over time, which reports give as a figure of their work).
PER_UNIT_BEFORE = re.compile(r"每(?:人|名|位|个|户|村|家|支|名[" + HAN + r"]{1,3})[^，。；：！？\n\d]{0,6}$")


# The recent years a clause opens with (近三年, 过去五年, 这两年): a period the figures after it fall in, not a count.
RECENT_YEARS = re.compile(r"(?<![^，。；：！？\n])(?:近|过去|最近|这)$")


# A figure of a before/after whose clause names nothing (，由原来的2天压减到2小时): it takes the
# subject of the figure before it in the sentence, else the verb after it.
CHANGE_METHOD = "number+unit:change"


def _metric(text: str, m: re.Match, quotes, sentences: Sentences) -> Metric | None:
    start, end = m.start(), m.end()
    num, unit = m.group("num"), m.group("unit")
    before = text[max(0, start - 4):start]
    prev = text[start - 1] if start else ""
    if _inside_name(text, start, quotes) or (before.endswith(STOP_BEFORE) and not before.endswith(NOT_STOP_BEFORE)):
        return None
    low = RANGE_LOW.search(text, max(0, start - 12), start)
    if low and bool(re.match(r"\d", num)) != bool(re.match(r"\d", low.group())):
        low = None  # 3至5天, 二至三年; not 第3至五
    if low:  # the range is read as one figure, its upper end the value
        start, before = low.start(), text[max(0, low.start() - 4):low.start()]
        prev = text[start - 1] if start else ""
        if _inside_name(text, start, quotes) or before.endswith(STOP_BEFORE):
            return None
    if before.endswith(ANAPHORA_BEFORE) and not num[0].isdigit():
        return None  # 这两个整改项目 refers back; 这16件健身器材 (Arabic) is usually new
    if prev and (prev.isascii() and (prev.isalnum() or prev in ".+-/")):
        return None  # PM2.5, G60, 1+5+N
    if _in_set_phrase(text, start):
        return None  # 四处奔波, 千家万户, 五花八门: numeral words that count nothing
    if _threshold(text, start, end):
        return None  # 年收入20万元以上的村达到126个: a threshold that says which villages, not a figure of the work
    if PER_UNIT_BEFORE.search(text, max(0, start - 8), start):
        return None  # 每人包联1至2个街乡, 每名领导一篇报告: a rule per person, not a total
    if FORMULA_ANY.match(text[m.end():m.end() + 3]):
        return None  # 2个维护, 两个确立
    if re.match(_CN, num) and not re.match(r"\d", num):
        duration = num == "一" and unit in ("天", "周", "个月", "年", "小时") and text.startswith("时间", end)
        approximate = num in ("百", "千", "十") and (m.group("q1") or QUAL_BEFORE.search(before))
        if (num in ("一", "百", "千", "十") and not duration or re.fullmatch(r"[百千万]+", num)) and not approximate:
            return None  # 一次 ("once"), 百人宣讲团 (a brand); but 一周时间 is a duration, 十余个, 近百名 a count
        if prev and re.match(_CN, prev):
            return None  # part of a longer numeral word (三三两两)
        after = text[end:end + 3]
        if FORMULA_AFTER.match(after) or NAME_AFTER.match(after):
            return None  # 四个意识, 四套班子, 八家湾
        if after.startswith(("“", "‘")) and unit in ("个", "项", "种", "条", "大类"):
            return None  # 三个“老大难”: a numbered label
    value = parse_number(num.replace(",", "") + (m.group("mult") or ""))
    if value is None:
        return None
    unit = {"万元": "元", "亿元": "元", "％": "%"}.get(unit, unit)
    if m.group("unit") == "万元":
        value *= 1e4
    elif m.group("unit") == "亿元":
        value *= 1e8
    if unit == "年" and (value >= 1900 or text[end:end + 1] in "来" or RECENT_YEARS.search(text, max(0, start - 3), start)):
        return None  # a date, 近20年来, or the period a clause opens with (。近三年累计投入2.6亿元)
    if unit == "期" and PHASE_AFTER.match(text[end:end + 2]):
        return None  # 二期扩建工程
    if num == "半" and prev in "上下前后":
        return None  # 上半年, 下半月: a part of the year
    if unit in ("年", "天", "日", "个月", "周", "分钟", "小时", "公里", "米") and SPAN_NAME_AFTER.match(text[end:end + 4]):
        return None  # 三年行动计划, 15分钟生活圈: the name of a plan or an area
    q_after = m.group("q2") or m.group("q1") or ""
    if unit == "个多月":
        unit, q_after = "个月", "多"
    qual = qualifier_of(before, q_after)
    qm = QUAL_BEFORE.search(text[max(0, start - 3):start])
    span_start = start - len(qm.group(1)) if qm else start
    change = _change_tag(text, span_start, end)
    if change is not None:  # 审批时间由5天压缩至2天: both figures measure what stands before 由
        subject = _subject_before(text, span_start)
        return _make(text, span_start, end, value, unit, subject, qual, sentences,
                     "number+unit:before" if subject else CHANGE_METHOD, change=change)
    subject, method = _subject_after(text, end), "number+unit"
    if not subject:  # what is counted, inferred from before the figure (or its verb): less sure
        before = _subject_before(text, span_start)
        verb = "" if before else _verb_after(text, end)
        if not before and (not verb or NUMBER.match(verb)):
            before = _topic_of_having(text, span_start)  # 有400余户1800多人，: no verb after, the next figure
            verb = "" if NUMBER.match(verb) else verb  # the next figure is never what this one counts
        subject, method = (before, "number+unit:before") if before else (verb, "number+unit:verb")
    return _make(text, span_start, end, value, unit, subject, qual, sentences, method)


def _make(text, start, end, value, unit, subject, qual, sentences: Sentences, method: str = "",
          change: str = "") -> Metric:
    """``change`` (压减前, 提高后) tells the two figures of a before/after apart: they measure the same thing."""
    sentence = sentences.at(start)
    if change and subject:
        subject = f"{subject}({change})"
    return Metric(text=text[start:end], value=float(value), unit=unit, subject=subject, qualifier=qual,
                  date=find_date(sentence), mention=Mention(start, end, text[start:end], sentence), method=method)


def _dedupe(metrics: list[Metric]) -> list[Metric]:
    """The same figure repeated (lead and body) is reported once: same value and unit, and a subject
    written the same or nearly so (群众平均满意度 in the headline, 群众均满意度 in the body)."""
    seen: dict[tuple, list[str]] = {}
    out = []
    for mt in sorted(metrics, key=lambda x: x.mention.start):
        subjects = seen.setdefault((mt.value, mt.unit), [])
        if any(_same_subject(mt.subject, other) for other in subjects):
            continue
        subjects.append(mt.subject)
        out.append(mt)
    return out


def _same_subject(a: str, b: str) -> bool:
    if a == b:
        return True
    if not a or not b:
        return False
    small, big = sorted((set(a), set(b)), key=len)
    return len(small) >= 3 and len(small & big) / len(small) >= 0.8 and len(small) / len(big) >= 0.6
