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


def test_new_counters_and_successive_times():
    found = metrics("排查出5类隐患213处，先后4次到村里办公，向学校捐赠绘本300余册。")
    assert found["5类"].subject == "隐患" and found["213处"].subject == "隐患"
    assert found["4次"].value == 4 and found["300余册"].unit == "册" and found["300余册"].subject == "绘本"


def test_durations_of_one_unit_and_speech_in_quotes():
    found = metrics("全体班子成员利用一周时间走访企业。老人说：“干部跑了3个多月，路终于修好了。”")
    assert found["一周"].value == 1 and found["3个多月"].qualifier == "more_than"


@pytest.mark.parametrize("text", [
    "水厂二期扩建工程完工", "这两个项目进展顺利", "干部四处奔波", "走进千家万户", "三类以上水质占比提高",
    "开展“奋战100天，服务千万家”行动",
])
def test_more_not_metrics(text):
    assert find_metrics(text) == []


def test_subjects_after_a_list_of_modifiers_and_of_aspects():
    found = metrics("选出60名作风正、业务精的青年讲师，从5个方面总结了经验。")
    assert found["60名"].subject == "青年讲师" and found["5个"].subject == "方面"


def test_subjects_before_are_the_object_not_the_actor():
    found = metrics("各村干部主动认领群众的烦心事共312件，完成微心愿88件；社区累计办结诉求900件，已完成90%。"
                    "平台上共推送45期，活动经费由原来的8万元增加到12万元。")
    assert found["312件"].subject.endswith("烦心事") and found["88件"].subject == "微心愿"
    assert found["45期"].subject == "推送"
    assert found["12万元"].subject == "活动经费"


def test_a_share_keeps_the_subject_of_its_count_and_batches_count_what_follows():
    found = metrics("全县青年讲师18名，占40%。全县三批共820个项目完成。")
    assert found["40%"].subject == "青年讲师"
    assert found["三批"].subject == "项目"


def test_the_same_figure_in_headline_and_body_with_nearly_the_same_subject():
    text = "全县办结诉求900件 群众平均满意度98.5%\n调查显示，群众均满意度达98.5%。"
    assert [m.text for m in find_metrics(text) if m.unit == "%"] == ["98.5%"]
