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

# Set phrases that start with a numeral and a counter but count nothing: 四处奔波 ("everywhere"),
# 千家万户 ("every household"), 三番五次 ("again and again").
NOT_FIGURES = ("四处", "四面八方", "千家万户", "千方百计", "三番五次", "五湖四海", "一心一意", "三令五申",
               "七上八下", "十全十美", "百折不挠")

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
