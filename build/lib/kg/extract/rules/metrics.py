"""Reported quantities: a number, its counter or unit, what it counts.

``1.5万个党组织`` → value 15000, unit 个, subject 党组织. The subject is the
noun phrase after the counter, or, when the figure closes its clause
(``确定重点调研课题189个``), the phrase before it. Not metrics (GUIDELINES):
dates, ordinals (第二批), ages (76岁), numbers inside quotes or names (“316”,
“四个一”), numbered political formulas (四个意识, 四套班子), plenums
(四中全会), relative days (前两天), and the word 一 ("a", "one") in Chinese numerals.
"""
from __future__ import annotations

import re

from kg.language.dates import find_date
from kg.language.numbers import (ARABIC_NUMERAL, CN_NUMERAL, FIGURE_MULTIPLIERS, QUALIFIERS_AFTER_COUNTER,
                                 QUALIFIERS_INSIDE, ROMAN, SPAN_PREFIXES, parse_number, qualifier_of)
from kg.extract.records import Mention, Metric
from kg.language.text import HAN, Sentences, inside_any, quoted_spans

# Counters and units, longest first; the lookahead keeps a counter from being
# the first character of a word (项目, 名单, 家庭, 周年, 年度).
UNITS: list[tuple[str, str]] = [
    ("微克/立方米", ""), ("个百分点", ""), ("平方公里", ""), ("平方米", ""), ("立方米", ""), ("公顷", ""),
    ("公里", ""), ("千米", ""), ("美元", ""), ("欧元", ""), ("万元", ""), ("亿元", ""), ("元", ""),
    ("个多月", ""), ("人次", ""), ("场次", ""), ("条次", ""), ("件次", ""), ("篇次", ""), ("户次", ""), ("个月", ""), ("大类", ""),
    ("小时", ""), ("%", ""), ("％", ""),
    ("人", "民员口才大事心们士物生家类工均为选数手头格性次"), ("名", "单称义字片额次人誉"), ("位", "置于次"),
    ("户", "口籍外型"), ("家", "庭长乡属门园里人风族境电"), ("个", "人体性案子"), ("项", "目"), ("条", "件例款约规理线"),
    ("件", "事"), ("篇", "章幅"), ("期", "间待望限刊末中初"), ("场", "所景地面馆合"), ("次", "数要日年月会全"),
    ("轮", "椅船"), ("批", "评准示复"), ("所", "以有在属谓得需"), ("套", "餐路班"), ("处", "理置于长室分罚"),
    ("座", "谈位"), ("栋", ""), ("台", "阶湾风账上"), ("辆", ""), ("部", "门分署长队委"), ("本", "地级次市土部"),
    ("份", "额子"), ("张", ""), ("支", "部持援出付队"), ("株", ""), ("棵", ""), ("堂", ""), ("面", "积向貌前对临上"),
    ("天", "然津下空地气"), ("周", "年边末围岁"), ("年", "度代级轻龄初底末前后来内间中份终"), ("亩", ""),
    ("吨", ""), ("米", "饭面"), ("倍", ""), ("种", "植类子地养")
]
_UNIT_ALT = "|".join(re.escape(u) + (f"(?![{neg}])" if neg else "") for u, neg in UNITS)
_ARABIC, _CN = ARABIC_NUMERAL, CN_NUMERAL
NUMBER = re.compile(
    r"(?P<num>(?:" + _ARABIC + r")|" + _CN + r"|半)(?P<mult>" + "|".join(FIGURE_MULTIPLIERS) + r")?"
    r"(?P<q1>" + "|".join(QUALIFIERS_INSIDE) + r")? ?"
    r"(?P<unit>" + _UNIT_ALT + r")(?P<q2>" + "|".join(QUALIFIERS_AFTER_COUNTER) + r")?"
)
ROMAN_GRADE = re.compile(r"(劣)?([" + "".join(ROMAN) + r"])类")
PERCENT_CN = re.compile(r"百分之(" + _CN + r"|" + _ARABIC + r")")

QUAL_BEFORE = re.compile("(" + "|".join(sorted(SPAN_PREFIXES, key=len, reverse=True)) + ")$")
FORMULA_AFTER = re.compile(r"^(意识|自信|维护|全面|代表|服务|班子|规定|一|不|有|之|全会|中全会|次全会|大会|届)")
# 八家湾, 三里屯: a numeral word inside a place name.
NAME_AFTER = re.compile(r"^[湾村镇屯桥河街路港岭坡沟庄寺]")
# A noun phrase "X的Y" counts X when X ends in one of these (1000多个问题的整改情况).
COUNTED_HEADS = ("问题", "项目", "企业", "党员", "干部", "群众", "单位", "村", "社区", "家庭", "学校", "任务", "事项",
                 "案件", "意见", "建议", "课题", "报告", "人员", "居民", "村民")
STOP_BEFORE = ("第", "前", "后", "最后", "头", "每", "星期", "周")
# Where a following noun phrase ends: punctuation, or a verb or adverb.
NP_STOP = re.compile(
    r"[，。；：、！？\s\d]|参加|参与|接受|受到|得到|全部|悉数|纳入|建成|开放|投用|入选|分包|常态化|进行|开展|实现|"
    r"顺利|已|均|被|在|为|共|达|将|都|和|并|以|从|中|等|对|向|给|把|让|按|得以|成为|列入|获得|通过|覆盖|解决|完成|"
    r"提升|跃升|之内|以来|参训|培训|受教育|发放|召开|举办|同步|同时|全面|逐步|有效|及时|持续|深入|积极|主动|"
    r"分别|依次|陆续|先后|统一|集中|逐一|正在|压减|下降|增长|减少|增加|降低|提高"
)
LEAD_FILLER = re.compile(r"^(共|累计|共计|总计|其中|已|并|还|先后|分别|同时|目前|截至目前|至目前|全市|全县|今年|去年|此外|另外|"
                         r"并且|一共|合计|其他|各级|各地|各单位)+")
TRAIL_VERB = re.compile(r"(达到|达|为|至|到|共|约|近|超过|超|逾|多达|有|是|计|的|了|由|从)+$")


LEAD_VERB = re.compile(r"^(举办|召开|开展|组织|确定|形成|收集|梳理|收到|建立|完善|举行|推出|打造|引进|新建|新划|访谈|讲|"
                       r"推动解决|累计)")


def _subject_after(text: str, pos: int) -> str:
    nested = NUMBER.match(text, pos)
    if nested:  # 10大类24项救助政策: both count 救助政策
        pos = nested.end()
    m = NP_STOP.search(text, pos, min(len(text), pos + 20))
    end = m.start() if m else min(len(text), pos + 14)
    np = re.sub(r"[“”‘’]", "", text[pos:end])
    if "的" in np:
        head, tail = np.split("的", 1)
        np = head if head.endswith(COUNTED_HEADS) else np.rsplit("的", 1)[1]
    return np if len(np) >= 2 and re.match("[" + HAN + "]", np) else ""


def _clause_start(text: str, pos: int) -> int:
    return max(text.rfind(p, 0, pos) for p in "，。；：！？、\n（(") + 1


def _subject_before(text: str, start: int) -> str:
    s = _clause_start(text, start)
    raw = text[s:start]
    if "”" in raw and len(raw.rsplit("”", 1)[1]) >= 2:
        raw = raw.rsplit("”", 1)[1]  # “已经改”“立即改”项目2807个 → 项目
    phrase = TRAIL_VERB.sub("", LEAD_FILLER.sub("", re.sub(r"[“”‘’]", "", raw)))
    tail = re.split(r"等", phrase)[-1]
    if len(tail) >= 2:
        phrase = tail  # 疫情防控、文明城市创建等志愿服务 → 志愿服务
    bare = LEAD_VERB.sub("", phrase)
    if len(bare) >= 2:
        phrase = bare  # 举办研讨 → 研讨
    return phrase if len(phrase) >= 2 else ""


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
        if not metric.subject and prev and text[prev.mention.end:metric.mention.start] in ("、", "，", ""):
            metric.subject = prev.subject  # 举办研讨167场、1903人次: same activity
        found.append(metric)
    for m in ROMAN_GRADE.finditer(text):
        if inside_any(m.start(), quotes):
            continue
        value = float(ROMAN[m.group(2)])
        subject = _subject_before(text, m.start())
        found.append(_make(text, m.start(), m.end(), value, "类", subject, None, sentences))
    for m in PERCENT_CN.finditer(text):
        value = parse_number(m.group(1))
        if value is not None and not inside_any(m.start(), quotes):
            found.append(_make(text, m.start(), m.end(), value, "%", _subject_before(text, m.start()), None, sentences))
    return _dedupe(found)


def _metric(text: str, m: re.Match, quotes, sentences: Sentences) -> Metric | None:
    start, end = m.start(), m.end()
    num, unit = m.group("num"), m.group("unit")
    before = text[max(0, start - 4):start]
    prev = text[start - 1] if start else ""
    if inside_any(start, quotes) or before.endswith(STOP_BEFORE):
        return None
    if prev and (prev.isascii() and (prev.isalnum() or prev in ".+-/")):
        return None  # PM2.5, G60, 1+5+N
    if re.match(_CN, num) and not re.match(r"\d", num):
        if num in ("一", "百", "千", "十") or re.fullmatch(r"[百千万]+", num):
            return None  # 一次 ("once"), 百人宣讲团 (a brand)
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
    if unit == "年" and (value >= 1900 or text[end:end + 1] in "来"):
        return None  # a date, or 近20年来
    q_after = m.group("q2") or m.group("q1") or ""
    if unit == "个多月":
        unit, q_after = "个月", "多"
    qual = qualifier_of(before, q_after)
    qm = QUAL_BEFORE.search(text[max(0, start - 3):start])
    span_start = start - len(qm.group(1)) if qm else start
    subject = _subject_after(text, end)
    if not subject:
        subject = _subject_before(text, span_start) or _verb_after(text, end)
    return _make(text, span_start, end, value, unit, subject, qual, sentences)


def _make(text, start, end, value, unit, subject, qual, sentences: Sentences) -> Metric:
    sentence = sentences.at(start)
    return Metric(text=text[start:end], value=float(value), unit=unit, subject=subject, qualifier=qual,
                  date=find_date(sentence), mention=Mention(start, end, text[start:end], sentence))


def _dedupe(metrics: list[Metric]) -> list[Metric]:
    """The same figure repeated (lead and body) is reported once."""
    seen, out = set(), []
    for mt in sorted(metrics, key=lambda x: x.mention.start):
        key = (mt.value, mt.unit, mt.subject)
        if key in seen:
            continue
        seen.add(key)
        out.append(mt)
    return out
