"""Home-unit rules, on sentences written for the tests."""
from kg.extract.rules.home import resolve_home
from kg.language.press import names_publisher
from kg.language.units import names_its_body


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




# Stress openings at every level (invented reports, real gazetteer units).

def test_banner_calls_itself_wo_qi(gaz):
    body = "正蓝旗融媒体中心讯 近日，我旗召开推进会。旗委书记出席。上都镇、宝绍代苏木相关负责人参加。"
    assert home(gaz, body) == "正蓝旗"
    body = "近日，我旗召开推进会。巴彦托海镇、伊敏苏木、锡尼河东苏木负责人参加。"
    assert home(gaz, body) == "鄂温克族自治旗"  # never named: its townships agree


def test_league_never_named_from_its_banners(gaz):
    body = "近日，我盟召开推进会。盟委书记主持。锡林浩特市、正蓝旗、太仆寺旗等旗县市区负责人参加。"
    assert home(gaz, body) == "锡林郭勒盟"
    # one banner alone is not enough evidence for the league
    assert home(gaz, "近日，我盟召开推进会。正蓝旗负责人参加。") != "锡林郭勒盟"


def test_prefecture_called_by_its_diwei_from_its_counties(gaz):
    body = "近日，地委召开推进会。地委书记主持。温宿县委书记、库车市委书记汇报。全地区各县市参加。"
    assert home(gaz, body) == "阿克苏地区"


def test_autonomous_prefecture_and_forest_district(gaz):
    assert home(gaz, "延边新闻网讯 近日，州委召开常委会议，我州各县市参加。延吉市、珲春市作交流发言。") == "延边朝鲜族自治州"
    assert home(gaz, "恩施州召开总结会。州委书记讲话。利川市、巴东县作交流发言。全州各级党组织要巩固成果。") \
        == "恩施土家族苗族自治州"
    assert home(gaz, "神农架新闻网讯 近日，林区召开大会。红坪镇、木鱼镇负责人参加。") == "神农架林区"


def test_county_beats_the_superiors_it_names_with_their_bodies(gaz):
    body = "在恩施州委、州政府的坚强领导下，鹤峰县扎实推进主题教育。全县上下落实湖北省委部署。州委书记到鹤峰调研。"
    assert home(gaz, body) == "鹤峰县"
    body = "长阳融媒体中心讯 我县深入开展主题教育。龙舟坪镇、资丘镇介绍经验。宜昌市委常委出席。"
    assert home(gaz, body) == "长阳土家族自治县"


def test_district_of_a_municipality_and_county_level_city(gaz):
    assert home(gaz, "本报讯 近日，渝中区召开推进会。区委书记主持。解放碑街道、朝天门街道负责人发言。") == "渝中区"
    assert home(gaz, "近日，北京市朝阳区召开推进会。区委书记讲话。") == "朝阳区"
    body = "贵溪新闻网讯 近日，我市召开大会。鹰潭市委常委出席。龙虎山镇、上清镇负责人参加。"
    assert home(gaz, body) == "贵溪市"


def test_county_named_only_by_its_publisher(gaz):
    body = "近日，我县召开主题教育推进会。县委书记强调，要落实省委和州委部署。容美镇、走马镇负责人参加。"
    assert home(gaz, body, chrome=["鹤峰县融媒体中心"]) == "鹤峰县"
    assert home(gaz, "近日，我县召开大会。容美镇、走马镇、中营镇负责人参加。") == "鹤峰县"  # its townships only


def test_a_headline_the_page_repeats_votes_once(gaz):
    """The title, the heading and the heading again are one headline: its slogan's short name (蒙山 in 沂蒙山下)
    does not outvote the publisher's chrome and the townships the body names."""
    headline = "沂蒙山下践初心　红色热土担使命"
    body = (f"{headline}\n——我县扎实开展主题教育\n{headline}\n"
            "县委书记到马牧池乡常山庄村开展主题党日活动。岸堤镇、界湖街道同步推进，全县党员参加。")
    chrome = ["沂南县人民政府 网站首页 > 新闻中心 > 沂南要闻", "主办：沂南县人民政府办公室"]
    assert home(gaz, body, title=headline, chrome=chrome) == "沂南县"


def test_a_round_up_of_a_prefectures_counties_is_the_prefectures(gaz):
    title = "黄冈：主题教育在县市区扎实推进"
    body = (f"{title}\n全市主题教育推进会召开。\n【红安县】红安县开设现场教学课堂。\n【罗田县】罗田县推行工作法。\n"
            "【浠水县】浠水县建立机制。\n【武穴市】武穴市深化实践活动。")
    assert home(gaz, body, title=title) == "黄冈市"


def test_a_round_up_that_never_names_its_prefecture_is_the_prefectures(gaz):
    """我市 and three county-level cities of one prefecture, none ahead: the prefecture, not the first named."""
    body = "我市举办专题读书班。\n巩义市、新密市、登封市同步开展，全市参训干部900名。"
    assert home(gaz, body) == "郑州市"


def test_a_county_level_city_that_names_its_neighbours_once_stays_home(gaz):
    body = ("新密市召开推进会。\n新密市委书记讲话，要求新密市各部门抓好落实。\n"
            "会议通报了新密市、巩义市、登封市的进展，我市排名第一。")
    assert home(gaz, body) == "新密市"


def test_a_county_round_up_under_a_prefecture_of_another_kind_is_not_moved(gaz):
    """我县 with two sibling counties: the prefecture is a 市, not the kind the report calls itself."""
    body = "我县开展志愿服务。\n罗田县、英山县、浠水县同步开展。"
    assert home(gaz, body) != "黄冈市"


def test_a_named_superior_decides_between_units_of_one_name(gaz):
    """Two 新华区 in one province (石家庄市's and 沧州市's): the one under the city the report names."""
    body = "新华区开展主题教育\n我区深入开展主题教育，区委书记主持会议。石家庄市委巡回指导组到会指导。"
    res = resolve_home(body, gaz, title="新华区开展主题教育")
    assert gaz.name(res.idx) == "新华区" and gaz.name(gaz.parents_of(res.idx)[0]) == "石家庄市"
