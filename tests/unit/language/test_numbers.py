import pytest

from kg.language.dates import find_date
from kg.language.numbers import parse_number, qualifier_of


@pytest.mark.parametrize("text,value", [
    ("1.5万", 15000), ("29万", 290000), ("34.08亿", 3.408e9), ("一千七百", 1700), ("两", 2), ("十九", 19),
    ("半", 0.5), ("100", 100), ("Ⅴ", 5), ("2,500", 2500),
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
