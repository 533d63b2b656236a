from loaders.boilerplate import mine_metadata, split_page
from loaders.clean import (
    clean_text,
    collapse_punctuation,
    strip_pinyin_glosses,
    to_simplified,
    widen_punctuation,
)


def test_pinyin_gloss_removed_but_other_parentheses_kept():
    assert strip_pinyin_glosses("寶貴經(jīng)驗和傳統(tǒng)") == "寶貴經驗和傳統"
    assert strip_pinyin_glosses("党(总)支部") == "党(总)支部"
    assert strip_pinyin_glosses("PM2.5(ug)") == "PM2.5(ug)"


def test_doubled_punctuation_keeps_the_real_mark():
    assert collapse_punctuation("鼓舞斗志，、明确方向") == "鼓舞斗志、明确方向"
    assert collapse_punctuation("新使命，。下一句") == "新使命。下一句"
    assert collapse_punctuation("百年，，就是") == "百年，就是"
    assert collapse_punctuation("好……") == "好……"


def test_half_width_punctuation_between_chinese():
    assert widen_punctuation("开始,全市;来源:日报") == "开始，全市；来源：日报"
    assert widen_punctuation("时间10:30,人数1,000") == "时间10:30，人数1,000"


def test_traditional_to_simplified_only_when_traditional():
    assert to_simplified("黨史學習教育動員大會") == "党史学习教育动员大会"
    simplified = "乾县的干部在乾隆年间的故事"
    assert to_simplified(simplified) == simplified


def test_clean_text_chain():
    assert clean_text("縣委書記,,帶頭經(jīng)驗,。") == "县委书记，带头经验。"


def test_page_chrome_is_split_and_mined():
    page = "\n".join([
        "首页 > 新闻 > 正文", "标题在这里", "□本报记者王小明 李大伟", "正文第一段，内容很长。",
        "正文第二段，内容也很长。", "[责任编辑：赵六]", "来源：某某日报", "网站介绍 | 广告服务 | 版权所有",
    ])
    parts = split_page(page)
    assert parts.body == ["标题在这里", "正文第一段，内容很长。", "正文第二段，内容也很长。"]
    assert parts.meta["reporters"] == ["王小明", "李大伟"]
    assert parts.meta["editors"] == ["赵六"]
    assert parts.meta["publisher"] == "某某日报"


def test_dated_byline_gives_date_but_dated_paragraph_stays_body():
    parts = split_page("2021/03/04 来源：某县融媒体中心 作者：钱七\n2021年3月1日，全县召开大会，部署工作。")
    assert parts.meta["date"] == "2021-03-04"
    assert parts.body == ["2021年3月1日，全县召开大会，部署工作。"]
    assert mine_metadata(["作者：孙八"])["reporters"] == ["孙八"]


def test_related_links_are_neither_body_nor_chrome_mined_for_the_article():
    page = ("某县召开推进会\n全县各级党组织深入开展学习，成效明显。\n（责任编辑：钱七）\n相关阅读：\n· 甲县召开动员会\n"
            "· 乙市：以“五查五改”推动整改\n上一篇：丙区召开座谈会\n【打印本页】【关闭窗口】\n主办：中共某县委宣传部")
    parts = split_page(page)
    assert parts.body == ["某县召开推进会", "全县各级党组织深入开展学习，成效明显。"]
    assert not any(x in line for line in parts.boilerplate for x in ("甲县", "乙市", "丙区"))
    assert "主办：中共某县委宣传部" in parts.boilerplate and "（责任编辑：钱七）" in parts.boilerplate
    one_line = split_page("全县开展学习，成效明显。\n相关新闻：· 甲县召开动员会 · 乙市部署工作\n主办：某县委宣传部")
    assert one_line.boilerplate == ["主办：某县委宣传部"]


def test_straight_quotes_around_chinese_become_curly_in_pairs_only():
    from loaders.clean import curl_quotes
    assert clean_text('镇里开办"田间夜校"，推行"一户一策"。') == "镇里开办“田间夜校”，推行“一户一策”。"
    assert curl_quotes('He said "ok" and "fine"') == 'He said "ok" and "fine"'
    assert curl_quotes('标题"一\n二"') == '标题"一\n二"'  # a pair across lines is not a pair
