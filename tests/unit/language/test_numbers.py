import pytest

from kg.language.dates import find_date
from kg.language.numbers import parse_number, qualifier_of


@pytest.mark.parametrize("text,value", [
    ("1.5万", 15000), ("29万", 290000), ("34.08亿", 3.408e9), ("一千七百", 1700), ("两", 2), ("十九", 19),
    ("半", 0.5), ("100", 100), ("Ⅴ", 5), ("2,500", 2500), ("百", 100), ("千", 1000), ("两万", 20000),
    ("一千二百", 1200), ("十", 10), ("四十", 40), ("九千", 9000), ("3千万", 3e7), ("1.2万", 12000), ("0.5", 0.5),
])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_not_a_number():
    assert parse_number("百姓") is None and parse_number("") is None


@pytest.mark.parametrize("before,after,q", [
    ("近", "人", "about"), ("约", "", "about"), ("", "余名", "more_than"), ("", "多个", "more_than"),
    ("", "以上", "more_than"), ("超过", "", "more_than"), ("多达", "", None), ("", "左右", "about"), ("共", "", None),
])
def test_qualifiers(before, after, q):
    assert qualifier_of(before, after) == q


def test_dates():
    assert find_date("从2021年3月2日到9日，举办培训") == "2021-03-02/2021-03-09"
    assert find_date("2018年5月，全区") == "2018-05"
    assert find_date("2017年，全县") == "2017"
    assert find_date("没有日期") is None


def test_set_phrases_that_are_not_figures():
    from kg.language.numbers import NOT_FIGURES
    assert "四处" in NOT_FIGURES and "千家万户" in NOT_FIGURES
    assert not any(p.startswith(("两个", "3")) for p in NOT_FIGURES)


def test_counters_and_words_of_change():
    from kg.language.numbers import CHANGE_WORDS, RANGE_SEPARATORS, UNITS
    units = [u for u, _ in UNITS]
    for counter in ("个", "名", "人次", "户", "件", "条", "场", "次", "期", "项", "所", "家", "支", "批", "篇", "处", "座",
                    "辆", "台", "套", "份", "亩", "吨", "公里", "平方米", "万元", "亿元", "%", "个百分点", "起", "剂次",
                    "个工作日", "分钟"):
        assert counter in units
    assert units.index("个工作日") < units.index("个") and units.index("人次") < units.index("人")
    assert "增长" in CHANGE_WORDS and "至" in RANGE_SEPARATORS
