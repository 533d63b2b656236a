"""Home-unit rules, on sentences written for the tests."""
from kg.extract.rules.home import resolve_home
from kg.language.units import names_its_body, names_publisher


def home(gaz, body, **kw):
    res = resolve_home(body, gaz, **kw)
    return gaz.name(res.idx) if res.idx is not None else None


def test_unnamed_county_from_the_common_parent_of_its_villages(gaz):
    body = "今年我县对乌泥坑村、大溪村和刘家塘村的道路进行了改造，全县群众受益。"
    assert home(gaz, body) == "安吉县"


def test_one_village_alone_does_not_make_a_home(gaz):
    assert home(gaz, "今年我县对乌泥坑村的道路进行了改造。") is None


def test_township_name_blocks_a_short_county_name_inside_it(gaz):
    body = "市委宣讲团走进尤溪镇，尤溪镇党员代表聆听了《临海记忆》专题宣讲，全市各界参与。"
    assert home(gaz, body) == "临海市"  # not 尤溪县 from the 尤溪 inside 尤溪镇


def test_other_kind_with_one_passing_mention_gives_no_home(gaz):
    body = "我区开展理论宣讲，“浪涌东海”快闪活动受到欢迎，全区党员踊跃参与，区委要求持续推进。"
    assert home(gaz, body) is None  # 东海县 is a 县; the text calls itself 我区


def test_publisher_in_the_body_counts_like_chrome(gaz):
    body = "长兴新闻网讯 昨日，县委召开会议，研究城区和县域发展。"
    assert home(gaz, body) == "长兴县"  # not 和县 from 城区和县域
    assert names_publisher("长兴新闻网讯", 2) and names_publisher("新华网杭州3月2日电", 5)


def test_unit_followed_by_its_own_post_counts_double(gaz):
    body = "鄞州区委书记走访群众。宁波市有关负责人陪同，宁波市相关部门参加。"
    assert home(gaz, body) == "鄞州区"
    assert names_its_body("鄞州区委书记", 3) and not names_its_body("鄞州区干部", 3)


def test_unnamed_district_under_its_named_city_from_its_streets(gaz):
    body = "我区持续推进宣讲。宁波市有关部门参加。首南街道、下应街道和钟公庙街道分别组织了活动，区委作部署。"
    assert home(gaz, body) == "鄞州区"  # the text says 我区; only the city above it is named


