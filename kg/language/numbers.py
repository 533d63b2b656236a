"""Numbers in these reports: Chinese and Arabic numerals, 万/亿 multipliers,
and the words that qualify a figure → float and a qualifier.

``cn2an`` parses Chinese numerals (``一千七百`` → 1700); the Arabic-with-
multiplier forms (``1.5万``, ``34.08亿``) and the qualifiers around a figure
(``29万余``, ``近2000``, ``5轮以上``) are ours, because cn2an rejects them.
The patterns of :mod:`kg.extract.rules.metrics` are built from these tables.

>>> parse_number("1.5万"), parse_number("一千七百"), parse_number("29万")
(15000.0, 1700.0, 290000.0)
>>> qualifier_of("近", ""), qualifier_of("", "余")
('about', 'more_than')
"""
from __future__ import annotations

import re

import cn2an

CN_DIGITS = "零〇一二两三四五六七八九十百千"
MULTIPLIERS = {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2, "万亿": 1e12}
ROMAN = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "Ⅵ": 6}

# Regular-expression pieces for a figure in running text.
ARABIC_NUMERAL = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"    # 1,234.5 or 1234.5
CN_NUMERAL = "[" + CN_DIGITS + "]+"                                     # 一千七百
FIGURE_MULTIPLIERS = ("万亿", "万", "亿", "千")                            # after a numeral: 1.5万, 3千

# Words that qualify a figure; the value is the SCHEMA/GUIDELINES qualifier.
QUALIFIER_BEFORE = {"近": "about", "约": "about", "大约": "about", "将近": "about", "接近": "about",
                    "超过": "more_than", "超": "more_than", "逾": "more_than", "多于": "more_than",
                    "至少": "at_least", "不少于": "at_least", "不低于": "at_least"}
QUALIFIER_AFTER = {"余": "more_than", "多": "more_than", "以上": "more_than", "有余": "more_than",
                   "左右": "about", "上下": "about", "许": "about"}
# Words before a figure that belong to its span: the qualifiers, and 多达 ("as many as").
SPAN_PREFIXES = tuple(QUALIFIER_BEFORE) + ("多达",)
# Qualifiers as they stand inside a figure: between multiplier and counter (29万余人),
# and after the counter (5轮以上). 上下 and 许 are left out there: 上下 is also "up
# and down", and 许 a surname.
QUALIFIERS_INSIDE = ("余", "多")
QUALIFIERS_AFTER_COUNTER = ("以上", "左右", "多", "余")

# Counters and units, longest first. The second item keeps a counter from being the
# first character of a word (项目, 名单, 家庭, 周年, 年度): the characters that may not
# follow it, or a regular expression when a character is excluded only in some words
# (支队 is a unit of police, 23支队伍 counts teams). The later rows (起, 例, 剂次,
# 分钟, 个工作日, 头, 盏, 门, 节 ...) are the counters of cases, doses, durations,
# livestock, lamps and lessons that reports use as often as 个 and 名.
UNITS: list[tuple[str, str]] = [
    ("微克/立方米", ""), ("个百分点", ""), ("个工作日", ""), ("平方公里", ""), ("平方千米", ""), ("平方米", ""),
    ("立方米", ""), ("公顷", ""), ("公里", ""), ("千米", ""), ("公斤", ""), ("千克", ""), ("千瓦", ""), ("兆瓦", ""),
    ("美元", ""), ("欧元", ""), ("万元", ""), ("亿元", ""), ("元", ""), ("百分点", ""), ("工作日", ""),
    ("个多月", ""), ("人次", ""), ("场次", ""), ("条次", ""), ("件次", ""), ("篇次", ""), ("户次", ""), ("剂次", ""),
    ("批次", ""), ("个月", ""), ("大类", ""), ("课时", ""), ("学时", ""), ("分钟", ""),
    ("小时", ""), ("%", ""), ("％", ""),
    ("人", "民员口才大事心们士物生家类工均为选数手头格性次"), ("名", "单称义字片额次人誉"), ("位", "置于次"),
    ("户", "口籍外型"), ("家", "庭长乡属门园里人风族境电"), ("个", "人体性案子"), ("项", "目"), ("条", "件例款约规理线"),
    ("件", "事"), ("篇", "章幅"), ("期", "间待望限刊末中初"), ("场", "所景地面馆合"), ("次", "数要日年月会全"),
    ("轮", "椅船"), ("批", "评准示复"), ("所", "以有在属谓得需"), ("套", "餐路班"), ("处", "理置于长室分罚"),
    ("座", "谈位"), ("栋", ""), ("台", "阶湾风账上"), ("辆", ""), ("部", "门分署长队委"), ("本", "地级次市土部"),
    ("份", "额子"), ("张", ""), ("支", "[部持援出付]|队(?!伍)"), ("株", ""), ("棵", ""), ("堂", ""),
    ("面", "积向貌前对临上"), ("天", "然津下空地气"), ("周", "年边末围岁"),
    ("年", "度代级轻龄初底末前后来内间中份终"), ("亩", ""), ("吨", ""), ("米", "饭面"), ("倍", ""),
    ("种", "植类子地养"), ("类", "型似别以"), ("册", "子"),
    ("起", "来到草步点源始诉航飞身码跑床"), ("例", "如外行会子"), ("宗", "旨教族师"), ("剂", "量型"),
    ("斤", ""), ("盏", ""), ("眼", "睛光前里界下看神"), ("头", "脑部条版号等发雁羊像衔"), ("只", "要有是能好在"),
    ("门", "口户诊槛面前票卫类"), ("节", "日约点目能省假奏气庆"), ("首", "先次都长府批位届页创"),
    ("间", "隔接断距歇"), ("箱", ""), ("幅", "度"), ("枚", ""), ("块", "钱"), ("段", "落时"),
]

# Between the two ends of a range (3至5天, 20—30人, 3-5年).
RANGE_SEPARATORS = ("至", "到", "—", "－", "-", "~", "～")

# Words of change: a figure after them is a rate or a new level of the thing the
# clause (or the figure before) measures (增长12.5%, 提高3个百分点, 压缩至2天).
CHANGE_WORDS = ("增长", "增加", "提高", "提升", "上升", "下降", "降低", "减少", "缩短", "压缩", "压减", "缩减",
                "扩大", "增至", "降至", "升至", "减至", "增幅", "降幅", "涨幅", "增速")
# What is compared with (同比增长, 较去年提高, 比上年下降).
COMPARED_WITH = ("同比", "环比", "比上年", "比去年", "较上年", "较去年", "较上年同期", "比上年同期", "较")

# Set phrases that start with a numeral and a counter but count nothing: 四处奔波 ("everywhere"),
# 千家万户 ("every household"), 三番五次 ("again and again").
NOT_FIGURES = ("四处", "四面八方", "千家万户", "千方百计", "三番五次", "五湖四海", "一心一意", "三令五申",
               "三天两头", "五花八门", "七嘴八舌", "三言两语", "三年五载", "千头万绪", "十有八九", "九牛一毛",
               "七上八下", "十全十美", "百折不挠")

# Numbered political formulas: a numeral and a counter before one of these names a
# formula, not a count (四个意识, 两个确立, 两个基本点, 四个全面, 两个务必). The first
# group is never a count, in any numeral (2个维护); the second only after a Chinese one
# (四套班子, 八项规定; but 12个服务站).
FORMULA_HEADS = ("意识", "自信", "维护", "确立", "务必", "基本点")
FORMULA_HEADS_CN = ("全面", "代表", "服务", "班子", "规定", "全会", "中全会", "次全会", "大会", "届", "一", "不", "有", "之")

_ARABIC = re.compile(r"^(\d+(?:\.\d+)?)(万亿|万|亿|千|百)?$")


def parse_number(text: str) -> float | None:
    """``1.5万`` → 15000.0, ``两`` → 2.0, ``一千七百`` → 1700.0, ``半`` → 0.5; None if not a number."""
    s = text.strip().replace(",", "").replace("，", "")
    if not s:
        return None
    if s in ROMAN:
        return float(ROMAN[s])
    if s == "半":
        return 0.5
    m = _ARABIC.match(s)
    if m:
        return float(m.group(1)) * MULTIPLIERS.get(m.group(2) or "", 1.0)
    m = re.match(r"^(\d+(?:\.\d+)?)([" + CN_DIGITS + r"万亿]+)$", s)
    if m:  # "3千万"-style mixtures
        tail = parse_number("一" + m.group(2))
        return float(m.group(1)) * tail if tail else None
    if s[0] in "百千万亿":  # 百余个, 千余人: a round hundred or thousand, written without its 一
        s = "一" + s
    try:
        value = cn2an.cn2an(s, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return float(value)


def qualifier_of(before: str, after: str) -> str | None:
    """The qualifier from the words just before and just after a figure."""
    for word, q in sorted(QUALIFIER_AFTER.items(), key=lambda kv: -len(kv[0])):
        if after.startswith(word):
            return q
    for word, q in sorted(QUALIFIER_BEFORE.items(), key=lambda kv: -len(kv[0])):
        if before.endswith(word):
            if word == "超" and before.endswith("多达超"):
                continue
            return q
    return None
