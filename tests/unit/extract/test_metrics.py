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
    assert found["12万元"].subject == "活动经费(增加后)" and found["8万元"].subject == "活动经费(增加前)"


def test_a_share_keeps_the_subject_of_its_count_and_batches_count_what_follows():
    found = metrics("全县青年讲师18名，占40%。全县三批共820个项目完成。")
    assert found["40%"].subject == "青年讲师"
    assert found["三批"].subject == "项目"


def test_the_same_figure_in_headline_and_body_with_nearly_the_same_subject():
    text = "全县办结诉求900件 群众平均满意度98.5%\n调查显示，群众均满意度达98.5%。"
    assert [m.text for m in find_metrics(text) if m.unit == "%"] == ["98.5%"]


# A stress set of invented report sentences: every common counter, Chinese numerals, ranges,
# rates, money, durations, before/after, lists, qualifiers and dates. (text, value, unit, subject
# or a part of it, qualifier)
STRESS = [
    ("全市共培训党员1.2万人次、发放宣传资料3000余份。", "1.2万人次", 12000, "人次", "党员", None),
    ("全市共培训党员1.2万人次、发放宣传资料3000余份。", "3000余份", 3000, "份", "宣传资料", "more_than"),
    ("累计走访群众两万多户，收集意见建议一千二百余条。", "两万多户", 20000, "户", "群众", "more_than"),
    ("累计走访群众两万多户，收集意见建议一千二百余条。", "一千二百余条", 1200, "条", "意见建议", "more_than"),
    ("全县十余个乡镇开展了集中宣讲。", "十余个", 10, "个", "乡镇", "more_than"),
    ("设立百余个便民服务点。", "百余个", 100, "个", "便民服务点", "more_than"),
    ("组建志愿服务队56支，招募志愿者3200余人。", "56支", 56, "支", "志愿服务队", None),
    ("活动历时两个月，共有23支队伍参赛。", "23支", 23, "支", "队伍", None),
    ("开展专题讲座120场，受众达1.5万人次。", "1.5万人次", 15000, "人次", "受众", None),
    ("共办理群众诉求856件，办结率达96.3%。", "96.3%", 96.3, "%", "办结率", None),
    ("群众满意度达98.6%，同比提高3个百分点。", "3个百分点", 3, "个百分点", "群众满意度同比提高", None),
    ("全年完成固定资产投资156.8亿元，同比增长12.5%。", "156.8亿元", 1.568e10, "元", "固定资产投资", None),
    ("全年完成固定资产投资156.8亿元，同比增长12.5%。", "12.5%", 12.5, "%", "固定资产投资同比增长", None),
    ("城镇居民人均可支配收入达4.2万元，增长8.1%。", "8.1%", 8.1, "%", "人均可支配收入增长", None),
    ("新建村级活动场所32所，改造提升农村公路186公里。", "32所", 32, "所", "村级活动场所", None),
    ("建成高标准农田5.6万亩，新增粮食产能1.2万吨。", "5.6万亩", 56000, "亩", "高标准农田", None),
    ("截至2021年6月底，全区已办结民生实事386件。", "386件", 386, "件", "民生实事", None),
    ("审批时间由5天压缩至2天。", "5天", 5, "天", "审批时间(压缩前)", None),
    ("审批时间由5天压缩至2天。", "2天", 2, "天", "审批时间(压缩后)", None),
    ("项目审批时限由原来的20个工作日缩短到5个工作日。", "5个工作日", 5, "个工作日", "审批时限(缩短后)", None),
    ("村民收入由2015年的6000元提高到2020年的1.5万元。", "6000元", 6000, "元", "村民收入(提高前)", None),
    ("企业开办环节由原来的5个压减到3个，由原来的2天压减到2小时。", "2小时", 2, "小时", "企业开办环节(压减后)", None),
    ("企业开办环节由原来的5个压减到3个，由原来的2天压减到2小时。", "2天", 2, "天", "企业开办环节(压减前)", None),
    ("历时3个月，完成改造老旧小区18个。", "3个月", 3, "个月", "历时", None),
    ("培训班为期5天，参训学员180人。", "5天", 5, "天", "培训班", None),
    ("每期培训3至5天，每班20—30人。", "3至5天", 5, "天", "每期培训", None),
    ("每期培训3至5天，每班20—30人。", "20—30人", 30, "人", "每班", None),
    ("新增就业岗位超过5000个。", "超过5000个", 5000, "个", "就业岗位", "more_than"),
    ("新改建农村公路150公里左右。", "150公里左右", 150, "公里", "农村公路", "about"),
    ("全市共有党员干部约8000名参加培训。", "约8000名", 8000, "名", "党员干部", "about"),
    ("共排查安全隐患1860处，整改到位1790处。", "1790处", 1790, "处", "整改到位", None),
    ("购置巡逻车辆12辆、配备执法记录仪80台。", "80台", 80, "台", "执法记录仪", None),
    ("共计发放图书5000册、光盘2000套。", "2000套", 2000, "套", "光盘", None),
    ("森林覆盖率提高到45.6%，PM2.5平均浓度降至35微克/立方米。", "45.6%", 45.6, "%", "森林覆盖率", None),
    ("森林覆盖率提高到45.6%，PM2.5平均浓度降至35微克/立方米。", "35微克/立方米", 35, "微克/立方米", "平均浓度", None),
    ("共有九千余名党员到社区报到。", "九千余名", 9000, "名", "党员", "more_than"),
    ("四十余家单位结对帮扶。", "四十余家", 40, "家", "单位", "more_than"),
    ("全市1.8万余名党员干部下沉一线。", "1.8万余名", 18000, "名", "党员干部", "more_than"),
    ("累计完成投资5.6亿元，占年度计划的87%。", "87%", 87, "%", "投资占年度计划", None),
    ("项目总投资12亿元，占地面积120亩。", "120亩", 120, "亩", "占地面积", None),
    ("召开各类座谈会、恳谈会、议事会等300多场。", "300多场", 300, "场", "议事会", "more_than"),
    ("全县共确定帮扶对象1.6万户4.8万人。", "4.8万人", 48000, "人", "对象", None),
    ("共梳理出问题清单5大类32项。", "32项", 32, "项", "问题清单", None),
    ("查处违纪违法案件36起，处分党员干部42人。", "36起", 36, "起", "案件", None),
    ("累计接种新冠疫苗120万剂次，排查确诊病例3例。", "120万剂次", 1.2e6, "剂次", "疫苗", None),
    ("办理时间压缩到30分钟以内，安装路灯260盏。", "260盏", 260, "盏", "路灯", None),
    ("开设党史课程12门，讲授党课80节，养殖肉牛300头。", "12门", 12, "门", "党史课程", None),
    ("开设党史课程12门，讲授党课80节，养殖肉牛300头。", "300头", 300, "头", "肉牛", None),
    ("2020年，全市地区生产总值达到2500亿元。", "2500亿元", 2.5e11, "元", "地区生产总值", None),
    ("带动周边农户2000余户增收。", "2000余户", 2000, "户", "农户", "more_than"),
    ("培训人数分别为1200人、860人和540人。", "540人", 540, "人", "人数", None),
    ("群众知晓率和满意度分别达到96%和98%。", "98%", 98, "%", "知晓率", None),
    ("全镇12个村均成立了红白理事会。", "12个", 12, "个", "村", None),
    ("组织120余名机关干部组成30个工作组。", "120余名", 120, "名", "机关干部", "more_than"),
    ("其中，优秀等次占比25%，合格等次占比70%。", "25%", 25, "%", "优秀等次", None),
    ("一般公共预算收入完成32.6亿元，增长9.3%。", "9.3%", 9.3, "%", "一般公共预算收入增长", None),
    ("共有党员2356名，其中女党员612名，占26%。", "26%", 26, "%", "女党员", None),
    ("惠及群众12万余人，参与人数超过10万人次。", "超过10万人次", 1e5, "人次", "参与人数", "more_than"),
    ("为186名困难群众发放救助金56万元。", "56万元", 560000, "元", "救助金", None),
]


@pytest.mark.parametrize("text,span,value,unit,subject,qualifier", STRESS)
def test_stress_sentences(text, span, value, unit, subject, qualifier):
    found = metrics(text)
    assert span in found, sorted(found)
    m = found[span]
    assert m.value == pytest.approx(value) and m.unit == unit and m.qualifier == qualifier
    assert subject in m.subject, m.subject


def test_dates_tied_to_figures():
    assert metrics("截至2021年6月底，全区已办结民生实事386件。")["386件"].date == "2021-06"
    assert metrics("2020年，全市地区生产总值达到2500亿元。")["2500亿元"].date == "2020"


@pytest.mark.parametrize("text", [
    "2021年6月30日召开动员大会。", "第一批主题教育于2019年8月底基本结束。", "深入学习贯彻党的十九届四中全会精神。",
    "在七一前夕举行表彰大会。", "老党员张大爷今年86岁。", "咨询电话：0534-2612345，监督电话12345。", "（下转4版）",
    "加快5G网络建设。", "2021年是建党100周年。", "开展“三个一”活动。", "牢固树立“四个意识”，坚定“四个自信”。",
    "他一次又一次来到村里。", "地址：德城区东风路12号。", "一是加强组织领导，二是强化督导检查。",
    "市委常委会第一次会议审议通过。", "这是全市第三次召开此类会议。", "三年行动计划全面启动。", "打造15分钟生活圈。",
    "开展100天攻坚行动。", "上半年，全县经济运行平稳。", "每月15日为主题党日。", "市第十四次党代会召开。",
    "举办“百名专家进百村”活动。", "推行“1+3+N”工作机制。", "12时30分，会议结束。", "一系列举措落地见效。",
    "十四五规划开局之年。", "“三会一课”制度落实到位。", "一分部署，九分落实。", "G20杭州峰会期间。", "3号楼2单元。",
    "从2021年3月起实施。", "一起研究解决问题。", "他只要有时间就下村。", "深刻领会两个确立的决定性意义。",
    "他三天两头往村里跑。", "坚持一个中心、两个基本点。", "2个维护和4个意识要牢记。", "办法五花八门。",
    "深入开展“两学一做”学习教育。", "做好六稳六保工作。", "统筹推进五位一体总体布局。",
])
def test_stress_not_metrics(text):
    assert find_metrics(text) == [], [m.text for m in find_metrics(text)]


def test_a_before_after_is_told_apart_and_ranges_are_one_figure():
    found = metrics("平均办理时长从15天缩短至3天。")
    assert found["15天"].subject.endswith("(缩短前)") and found["3天"].subject.endswith("(缩短后)")
    assert [m.text for m in find_metrics("每班20-30人。")] == ["20-30人"]
    assert metrics("从6个方面系统回顾了历史。")["6个"].subject == "方面"  # 从 without a change: not a before/after


def test_a_part_after_a_comma_is_not_a_list():
    found = metrics("收到问题267条，238条已立行立改；受理事项8749件，办结5754件。")
    assert found["238条"].subject != found["267条"].subject


def test_batches_and_subjects_after_wei_min_or_before_a_verb_of_use():
    found = metrics("全镇分12批次组织参观。全县38个为民服务项目全部完工。镇里筹集资金260万元用于修建村道。")
    assert found["12批次"].unit == "批次" and found["12批次"].value == 12
    assert found["38个"].subject == "为民服务项目"
    assert found["260万元"].subject == "资金"
    assert metrics("为3个村解决饮水问题。")["3个"].subject == "村"


def test_a_time_phrase_is_not_what_is_counted_and_the_sentences_subject_carries():
    found = {m.text: m for m in find_metrics("全乡列出实事清单560件，截至11月底已完成512件。")}
    assert found["512件"].subject == "实事清单"
    found = {m.text: m for m in find_metrics("全旗共排查隐患86处，剩余7处。")}
    assert found["86处"].subject == "隐患"


def test_thresholds_and_shares_per_person_are_not_figures_of_the_work():
    found = {m.text for m in find_metrics("年收入30万元以上的村达到86个。12名县级领导每人联系2个村。培训党员3000人以上。")}
    assert found == {"86个", "12名", "3000人以上"}


def test_the_recent_years_a_clause_opens_with_are_a_period():
    found = metrics("全县推进乡村振兴。近三年累计投入资金2.6亿元，过去五年新建道路120公里。")
    assert set(found) == {"2.6亿元", "120公里"}
    assert "3年" in metrics("他扎根基层工作了3年。")  # a duration in the clause is a figure


def test_figures_of_what_a_unit_has_count_the_sentences_topic():
    found = metrics("赤溪村下辖14个自然村，有400余户1800多人，其中畲族群众800余人。")
    assert found["400余户"].subject == "赤溪村" and found["1800多人"].subject == "赤溪村"
    found = metrics("开展主题教育期间，共有25787人次接受革命传统教育。")
    assert found["25787人次"].subject == "接受革命传统教育"  # a verb after the figure says what is counted
    found = metrics("据统计，全镇有400余户1800多人。目前，共有230个。")
    assert found["400余户"].subject == "全镇" and found["230个"].subject == ""  # not 1800多人, not 目前
