import pytest

from kg.extract.rules.metrics import find_metrics


def metrics(text):
    return {m.text: m for m in find_metrics(text)}


def test_value_unit_subject_and_qualifiers():
    found = metrics("全区2.6万个基层党组织、18万余名党员参加学习，近3000人受益，资金达5.2亿元。")
    assert found["2.6万个"].value == 26000 and found["2.6万个"].unit == "个" and found["2.6万个"].subject == "基层党组织"
    assert found["18万余名"].value == 180000 and found["18万余名"].qualifier == "more_than"
    assert found["近3000人"].qualifier == "about"
    assert found["5.2亿元"].value == 5.2e8 and found["5.2亿元"].unit == "元"


def test_subject_before_a_figure_that_closes_its_clause():
    found = metrics("共收集群众意见建议356条，群众满意度达98.2%，举办讲座40场、1200人次。")
    assert found["356条"].subject == "群众意见建议"
    assert found["98.2%"].subject == "群众满意度"
    assert found["1200人次"].subject == found["40场"].subject == "讲座"


def test_chinese_numerals():
    found = metrics("打造两条精品线路，开展三期培训，历时半年。")
    assert found["两条"].value == 2 and found["三期"].value == 3 and found["半年"].value == 0.5


@pytest.mark.parametrize("text", [
    "2020年9月15日召开会议", "第三批试点", "85岁的老人", "拨打12345热线", "增强“四个意识”", "“五个一”工程",
    "市四套班子领导", "党的十九届五中全会", "PM2.5浓度", "G60科创走廊", "一次深刻的洗礼", "近10年来", "建党100周年",
    "前两天走访", "八项规定精神", "五里桥社区",
])
def test_not_metrics(text):
    assert find_metrics(text) == []


def test_repeated_figure_reported_once():
    assert len(find_metrics("确定调研课题52个。后来，确定调研课题52个。")) == 1


def test_water_grade_and_date_of_period():
    found = metrics("2019年，断面水质由劣Ⅴ类提升至Ⅲ类。")
    assert found["劣Ⅴ类"].value == 5 and found["Ⅲ类"].value == 3 and found["Ⅲ类"].date == "2019"
