from kg.extract.records import place_key
from kg.extract.rules.officials import Context, PlaceRef, find_people
from kg.extract.rules.places import PlaceFinder


def people(gaz, text, home_name="湖州市", is_word=None, person_at=None):
    home = gaz.named(home_name)[0]
    chain = gaz.chain(home)
    hits = PlaceFinder(gaz).find(text, home)
    refs = [PlaceRef(h.start, h.end, place_key(h.chain), h.chain[-1].level, h.chain[-1].name) for h in hits
            if h.kind != "ref"]
    ref = lambda i: PlaceRef(-1, -1, place_key(chain[:i + 1]), chain[i].level, chain[i].name)  # noqa: E731
    ctx = Context(home=ref(len(chain) - 1), province=ref(0), places=refs,
                  lineage=[ref(i) for i in range(len(chain) - 1, -1, -1)])
    officials, persons = find_people(text, ctx, is_word=is_word, person_at=person_at)
    return ({o.name: o for o in officials}, {p.name: p.role for p in persons}, ctx)


def titles(o):
    return [t.title for t in o.titles]


def test_shared_titles_split_to_the_right_person(gaz):
    offs, _, ctx = people(gaz, "市委书记王建国，市委副书记、市长刘志强出席会议。")
    assert titles(offs["王建国"]) == ["市委书记"]
    assert titles(offs["刘志强"]) == ["市委副书记", "市长"]
    assert offs["刘志强"].titles[0].place == ctx.home.key


def test_name_list_before_deng_takes_the_title(gaz):
    offs, _, _ = people(gaz, "陈明、赵光华等市委常委参加活动。")
    assert set(offs) == {"陈明", "赵光华"} and titles(offs["陈明"]) == ["市委常委"]


def test_provincial_title_and_department(gaz):
    offs, _, ctx = people(gaz, "省委常委、组织部部长孙立新到会指导。")
    assert titles(offs["孙立新"]) == ["省委常委", "组织部部长"]
    assert {t.place for t in offs["孙立新"].titles} == {ctx.province.key}


def test_place_prefixed_title_and_village_post(gaz):
    offs, _, _ = people(gaz, "吴兴区委书记郑海涛说。湖州市吴兴区织里镇某新村党委书记钱一鸣介绍经验。")
    assert titles(offs["郑海涛"]) == ["区委书记"]
    assert titles(offs["钱一鸣"]) == ["村党委书记"]


def test_two_and_three_character_names(gaz):
    offs, _, _ = people(gaz, "市委书记林涛带领干部调研，市长何志明对此提出要求。")
    assert set(offs) == {"林涛", "何志明"}


def test_word_after_title_is_not_a_name(gaz):
    offs, _, _ = people(gaz, "由市委书记任组长，嘎查党支部书记为老党员送学。")
    assert offs == {}


def test_national_post_before_name(gaz):
    offs, _, _ = people(gaz, "习近平总书记强调，要关于党的建设。")
    assert set(offs) == {"习近平"} and titles(offs["习近平"]) == ["总书记"]


def test_historical_and_role_persons_are_not_officials(gaz):
    offs, persons, _ = people(gaz, "抗日战争时期担任县委书记周先烈事迹感人。方志敏同志故居。村民党员吴小红说。市民郑强告诉记者。")
    assert offs == {}
    assert persons["周先烈"] == "historical" and persons["方志敏"] == "historical"
    assert persons["吴小红"] == "party member" and persons["郑强"] == "resident"


def test_name_ends_before_a_word_that_follows_names(gaz):
    offs, _, _ = people(gaz, "市委书记贺平强调，要抓好落实。第一书记庞伟帮村民卖菜。市长杜明亮出席会议。")
    assert set(offs) == {"贺平", "庞伟", "杜明亮"}


def test_leader_list_after_a_title_shares_it(gaz):
    offs, _, _ = people(gaz, "县领导蒋文涛、邹海平、苏立新陪同调研。市领导和乡镇干部参加会议。")
    assert set(offs) == {"蒋文涛", "邹海平", "苏立新"}
    assert all(titles(o) == ["县领导"] for o in offs.values())


def test_list_after_a_title_stops_at_the_next_title(gaz):
    offs, _, ctx = people(gaz, "省委第三督导组组长葛远航、副组长邱晓东出席会议。")
    assert titles(offs["葛远航"]) == ["省委第三督导组组长"]
    assert titles(offs["邱晓东"]) == ["省委第三督导组副组长"]  # the deputy takes the group of the title before
    assert offs["邱晓东"].titles[0].place == ctx.province.key


def test_section_court_and_task_force_posts(gaz):
    offs, _, _ = people(gaz, "县交通局运输科科长聂文斌说。县人民法院院长骆文华、县人民检察院检察长桂永生出席。"
                             "驻村工作队队长邬建平带领队员走访。志愿服务队队长柏小燕说。")
    assert titles(offs["聂文斌"]) == ["县交通局运输科科长"]
    assert titles(offs["骆文华"]) == ["县人民法院院长"] and titles(offs["桂永生"]) == ["县人民检察院检察长"]
    assert titles(offs["邬建平"]) == ["驻村工作队队长"]
    assert "柏小燕" not in offs


def test_working_committee_acting_and_party_group_posts(gaz):
    offs, _, _ = people(gaz, "开发区党工委书记、管委会主任卜永新主持会议。县委副书记、代县长岳青山作报告。"
                             "市政协副主席、党组成员龚晓明参加。")
    assert titles(offs["卜永新"]) == ["区党工委书记", "管委会主任"]
    assert titles(offs["岳青山"]) == ["县委副书记", "代县长"]
    assert titles(offs["龚晓明"]) == ["市政协副主席", "党组成员"]


def test_chained_title_with_an_unknown_qualifier(gaz):
    offs, _, ctx = people(gaz, "市委常委、滨江新区工委书记汤立群讲话。")
    assert titles(offs["汤立群"]) == ["市委常委", "滨江新区工委书记"]
    assert offs["汤立群"].titles[1].place == ctx.home.key


def test_village_first_secretary_is_placed_at_the_village(gaz):
    offs, _, ctx = people(gaz, "织里镇桃园村第一书记马小东介绍。")
    village = [p for p in ctx.places if p.name == "桃园村"]
    assert titles(offs["马小东"]) == ["村第一书记"] and offs["马小东"].titles[0].place == village[0].key


def test_heads_of_companies_and_residents_committees_are_persons(gaz):
    offs, persons, _ = people(gaz, "某某公司董事长詹国强介绍。小区业委会主任翟红梅说。书记向大家介绍情况。")
    assert offs == {}
    assert persons == {"詹国强": "entrepreneur", "翟红梅": "resident"}


# Posts at every level, on invented report openings (real gazetteer units).

def placed_at(ctx, o):
    """The name of the place of an official's first post."""
    return {p.name for p in ctx.places if p.key == o.titles[0].place}


def test_banner_township_and_gacha_posts(gaz):
    offs, _, ctx = people(gaz, "我旗召开推进会。旗委书记张志刚出席，旗长刘海主持。上都镇党委书记李文明汇报。"
                               "上都镇青格勒图嘎查党支部书记王海介绍经验。", "正蓝旗")
    assert offs["张志刚"].titles[0].place == offs["刘海"].titles[0].place == ctx.home.key
    assert placed_at(ctx, offs["李文明"]) == {"上都镇"} and placed_at(ctx, offs["王海"]) == {"青格勒图嘎查"}


def test_league_autonomous_prefecture_and_diwei_posts(gaz):
    offs, _, ctx = people(gaz, "盟委书记王建华主持，盟长李国强讲话。", "锡林郭勒盟")
    assert offs["王建华"].titles[0].place == offs["李国强"].titles[0].place == ctx.home.key
    offs, _, ctx = people(gaz, "州委书记金明哲主持，州长林成浩讲话。", "延边朝鲜族自治州")
    assert offs["金明哲"].titles[0].place == offs["林成浩"].titles[0].place == ctx.home.key
    offs, _, ctx = people(gaz, "地委书记赵立新主持。", "阿克苏地区")
    assert titles(offs["赵立新"]) == ["地委书记"] and offs["赵立新"].titles[0].place == ctx.home.key


def test_superiors_posts_in_a_county_report(gaz):
    offs, _, ctx = people(gaz, "县委书记杨明出席。州委书记李华到鹤峰调研。市委书记周华讲话。", "鹤峰县")
    assert offs["杨明"].titles[0].place == ctx.home.key
    assert offs["李华"].titles[0].place == ctx.lineage[1].key  # 恩施土家族苗族自治州, the county's superior
    assert offs["周华"].titles[0].place is None  # no 市 above 鹤峰县: not guessed
    offs, _, ctx = people(gaz, "我县召开大会。县委书记刘明讲话，市委书记王林出席。", "长阳土家族自治县")
    assert offs["刘明"].titles[0].place == ctx.home.key
    assert offs["王林"].titles[0].place == ctx.lineage[1].key and ctx.lineage[1].name == "宜昌市"


def test_district_street_and_community_posts(gaz):
    offs, _, ctx = people(gaz, "区委书记李明主持。解放碑街道较场口社区党委书记张红介绍经验。", "渝中区")
    assert offs["李明"].titles[0].place == ctx.home.key
    assert placed_at(ctx, offs["张红"]) == {"较场口社区"}


def test_officials_with_transliterated_names(gaz):
    """Mongolian, Uyghur and Tibetan officials have no Han surname (invented names)."""
    offs, _, _ = people(gaz, "旗委书记阿拉坦仓主持会议，苏木党委书记乌日图那顺、嘎查党支部书记斯日古楞作交流发言。"
                             "县委副书记、县长阿不都·热合曼指出，要当好政策宣传员。", "鄂托克旗")
    assert {"阿拉坦仓", "乌日图那顺", "斯日古楞", "阿不都·热合曼"} <= set(offs)
    assert titles(offs["阿不都·热合曼"]) == ["县委副书记", "县长"]


def test_names_ending_in_quan_and_lists_before_deng(gaz):
    offs, _, _ = people(gaz, "县人大常委会主任冯志全，县政协主席白丽出席。沈立新、邵北等县委常委参加。", "长兴县")
    assert titles(offs["冯志全"]) == ["县人大常委会主任"]
    assert titles(offs["邵北"]) == titles(offs["沈立新"]) == ["县委常委"]


def test_leaders_in_charge_of_units_are_not_persons(gaz):
    offs, persons, _ = people(gaz, "落实“三级联包”，市领导包县、县领导包乡、乡领导包村。", "长兴县")
    assert offs == {} and persons == {}


def test_prefecture_commissioner_and_a_joined_name_before_any_verb(gaz):
    offs, _, _ = people(gaz, "地委副书记、行署专员吐尔洪·买买提主持开班式。村党支部书记热合曼·托乎提汇报了工作。", "喀什地区")
    assert titles(offs["吐尔洪·买买提"]) == ["地委副书记", "行署专员"]
    assert "热合曼·托乎提" in offs


def test_posts_in_brackets_after_the_names(gaz):
    """出席会议的还有：甲（职务）、乙（职务）… (invented names), Han and transliterated; a bracket that
    explains something else gives no post."""
    offs, _, _ = people(gaz, "出席会议的还有：顿珠次仁（县人大常委会主任）、郑红梅（县政协主席）、"
                             "韩立军（县委常委、县纪委书记、县监委主任）。会议强调“三个一”（一张清单、一套机制）。", "康定市")
    assert titles(offs["郑红梅"]) == ["县政协主席"]
    assert titles(offs["韩立军"]) == ["县委常委", "县纪委书记", "县监委主任"]
    assert titles(offs["顿珠次仁"]) == ["县人大常委会主任"]
    assert len(offs) == 3


def test_tibetan_and_yi_names_after_a_title(gaz):
    """Names of Kham, Amdo and Liangshan in their Chinese transliteration (invented)."""
    offs, _, _ = people(gaz, "州委常委、组织部部长俄木拉惹陪同调研。镇党委副书记、镇长降央才让说，全镇推广新模式。"
                             "县人大常委会主任益西拉姆出席。", "昭觉县")
    assert {"俄木拉惹", "降央才让", "益西拉姆"} <= set(offs)


def test_withheld_names_of_offenders_are_no_officials(gaz):
    """Cases a discipline body reports name the offender as 王某 or 储某某 (invented)."""
    offs, persons, _ = people(gaz, "一是某镇某村原党支部书记郑某某侵占集体资金。二是县某局原副局长吴某违规收受礼金。"
                                   "县纪委书记冯立新通报。", "岳西县")
    assert set(offs) == {"冯立新"} and not persons


def test_a_committee_working_group_is_the_committee_level_post(gaz):
    """省委第N巡回指导组组长 is a provincial post, whatever report it stands in; the group's name may be long."""
    offs, _, ctx = people(gaz, "省委党纪学习教育第五指导组组长钱立平、副组长孔雪到会指导。")
    assert titles(offs["钱立平"]) == ["省委党纪学习教育第五指导组组长"]
    assert offs["钱立平"].titles[0].place == ctx.province.key
    assert offs["孔雪"].titles[0].place == ctx.province.key


def test_a_title_does_not_run_across_a_locative_into_a_unit_word(gaz):
    offs, _, _ = people(gaz, "在工作推进会上县农业农村局局长邵志刚作表态发言。")
    assert titles(offs["邵志刚"]) == ["县农业农村局局长"]


def test_a_lower_units_post_takes_the_unit_named_earlier_in_the_paragraph(gaz):
    """区委书记 in a city's report, the district named in the sentence before; 镇党委书记 likewise."""
    text = "南浔区聚焦乡村振兴，推动产业升级。区委书记钟立新要求，要抓实抓细。\n练市镇建成共富工坊5家。镇党委书记沈立群介绍了做法。"
    offs, _, _ = people(gaz, text)
    assert offs["钟立新"].titles[0].place.endswith(place_key(gaz.chain(gaz.named("南浔区")[0])))
    assert offs["沈立群"].titles[0].place is not None


def test_a_short_transliterated_name_closed_by_a_reporting_verb(gaz):
    """Without a tagger: a two-character run after a title that the segmenter does not know as a word, closed by
    punctuation or a reporting verb, is a name; a run cut short by an unknown character (才让东|主) is not."""
    words = {(0, 2)}
    no_word = lambda s, e: (s - 10, e - 10) in words  # noqa: E731  (nothing after the title is a word)
    offs, _, _ = people(gaz, "嘎查党支部书记乌力吉带领牧民建设棚圈。", "鄂托克旗", is_word=no_word)
    assert "乌力吉" in offs
    offs, _, _ = people(gaz, "嘎查党支部书记宝音带领牧民建设棚圈。", "鄂托克旗", is_word=no_word)
    assert "宝音" in offs
    offs, _, _ = people(gaz, "指导组组长才让东主、副组长马林到会。", "贵德县", is_word=no_word)
    assert "才让东" not in offs


def test_korean_chinese_and_modern_surnames(gaz):
    offs, _, _ = people(gaz, "州委书记朴成哲主持会议。村党支部书记代玉林介绍情况，村委会主任代表村两委发言。", "延吉市")
    assert {"朴成哲", "代玉林"} <= set(offs) and not any(n.startswith("代表") for n in offs)


def test_a_common_word_after_a_bare_post_is_not_a_name_unless_the_tagger_sees_one(gaz):
    """书记|项目, 第一书记|管理: two characters the segmenter keeps as one word and the tagger does not call a person."""
    text = "把难题列为书记项目。部分第一书记管理松散。村党支部书记贾明介绍情况。"
    words = {(text.index(w), text.index(w) + 2) for w in ("项目", "管理", "松散", "贾明")}
    tagged = {text.index("贾明"): 2}
    offs, _, _ = people(gaz, text, "长兴县", is_word=lambda s, e: (s, e) in words, person_at=tagged.get)
    assert set(offs) == {"贾明"}


def test_nothing_after_a_national_post_written_after_its_holder(gaz):
    offs, _, _ = people(gaz, "习近平总书记曾两次到我县考察。中共中央总书记胡明出席。", "兰考县")
    assert "曾两次" not in offs and "胡明" in offs


def test_a_township_post_takes_the_one_township_the_article_names(gaz):
    offs, _, ctx = people(gaz, "镇人大主席丁立平表示，织里镇将深化协作。", "湖州市")
    assert placed_at(ctx, offs["丁立平"]) == {"织里镇"}


def test_a_working_group_with_a_long_campaign_name(gaz):
    offs, _, ctx = people(gaz, "市委深入贯彻中央八项规定精神学习教育第五指导组组长彭立东到吴兴区调研。", "吴兴区")
    assert titles(offs["彭立东"]) == ["市委深入贯彻中央八项规定精神学习教育第五指导组组长"]
    assert offs["彭立东"].titles[0].place == ctx.lineage[1].key


def test_a_chain_of_titles_goes_on_after_a_comma(gaz):
    offs, _, _ = people(gaz, "区委常委、组织部部长，区委主题教育领导小组办公室主任钱立新介绍了情况。", "吴兴区")
    assert titles(offs["钱立新"]) == ["区委常委", "组织部部长", "区委主题教育领导小组办公室主任"]
    offs, _, _ = people(gaz, "会议由区委书记主持，区长孙明出席。", "吴兴区")
    assert titles(offs["孙明"]) == ["区长"]


def test_a_seconded_rank_in_brackets_closes_a_title_in_a_chain(gaz):
    offs, _, _ = people(gaz, "市委常委、副市长（挂职），市委宣传部副部长（常务）顾小平介绍。", "湖州市")
    assert "市委常委" in titles(offs["顾小平"])


def test_a_concurrent_post_after_jian_is_a_second_title(gaz):
    """县委组织部副部长兼县委老干部局局长甲: 兼 joins two titles, it is never part of a department's name."""
    offs, _, _ = people(gaz, "县委组织部副部长兼县委老干部局局长吴晓敏参加。", home_name="宁远县")
    assert titles(offs["吴晓敏"]) == ["县委组织部副部长", "县委老干部局局长"]


def test_a_diqu_title_keeps_its_unit_word(gaz):
    """地区纪委副书记 is the 地区's, not 区纪委副书记 of no place."""
    offs, _, ctx = people(gaz, "地区纪委副书记、监委副主任王海燕参加。", home_name="和田地区")
    assert titles(offs["王海燕"]) == ["地区纪委副书记", "监委副主任"]
    assert offs["王海燕"].titles[0].place == ctx.home.key


def test_a_departments_party_committee_is_part_of_its_title(gaz):
    offs, _, _ = people(gaz, "市公安局党委书记、局长范立伟，县教育局党组书记陈思远出席。")
    assert titles(offs["范立伟"]) == ["市公安局党委书记", "局长"]
    assert titles(offs["陈思远"]) == ["县教育局党组书记"]


def test_the_doubled_unit_word_ends_the_units_name(gaz):
    """武当乡乡长: the township's 乡 and the post 乡长, not a post 乡乡长; a 办事处 is a department."""
    offs, _, _ = people(gaz, "武当乡乡长严明，仙桃市市委书记胡玮，城南街道办事处主任龙文出席。", home_name="宜章县")
    assert titles(offs["严明"]) == ["乡长"] and titles(offs["胡玮"]) == ["市委书记"]
    assert titles(offs["龙文"])[0].endswith("办事处主任")


def test_a_short_transliterated_name_before_its_posts_in_brackets(gaz):
    """图雅（…苏木党委副书记、苏木达）: the posts in brackets make the short name a person; the 苏木 the place and the
    post share belongs to both."""
    offs, _, _ = people(gaz, "图雅（伊和乌素苏木党委副书记、苏木达）说，要办好实事。", home_name="杭锦旗")
    assert titles(offs["图雅"]) == ["苏木党委副书记", "苏木达"]
    offs, _, _ = people(gaz, "旗委书记张强、伊和乌素苏木党委书记王刚出席。", home_name="杭锦旗")
    assert titles(offs["王刚"]) == ["苏木党委书记"]


def test_posts_of_mass_organizations_and_full_time_deputies(gaz):
    offs, _, ctx = people(gaz, "团县委书记李红、县妇联主席王芳、县总工会主席张伟、村监委会主任刘强出席。"
                               "镇人武部部长周涛、县文明办专职副主任郑洁参加。", home_name="宜章县")
    got = {n: titles(o) for n, o in offs.items()}
    assert got == {"李红": ["团县委书记"], "王芳": ["县妇联主席"], "张伟": ["县总工会主席"], "刘强": ["村监委会主任"],
                   "周涛": ["镇人武部部长"], "郑洁": ["县文明办专职副主任"]}
    assert offs["李红"].titles[0].place == ctx.home.key  # the Youth League's county committee is the county's


def test_a_bare_group_title_refers_back_to_the_group_named_with_its_body(gaz):
    """指导组组长甲 after 百色市委第三巡回指导组 is the city's group, not the county's; a group never named is not."""
    offs, _, ctx = people(gaz, "近日，百色市委第三巡回指导组到我县督导。指导组组长黄志勇指出，要抓好落实。", home_name="乐业县")
    (baise,) = [p for p in ctx.places if p.name == "百色市"]
    assert offs["黄志勇"].titles[0].place == baise.key
    offs, _, ctx = people(gaz, "督导组组长黄志勇指出，要抓好落实。", home_name="乐业县")
    assert offs["黄志勇"].titles[0].place == ctx.home.key


def test_sumu_and_gacha_heads_and_a_verb_after_the_general_secretary(gaz):
    offs, _, _ = people(gaz, "苏木党委副书记、苏木长张海说，嘎查长李宝山参加。总书记来过之后，村里变化很大。",
                        home_name="鄂托克旗")
    assert "来过" not in offs
    assert titles(offs["张海"]) == ["苏木党委副书记", "苏木长"] and titles(offs["李宝山"]) == ["嘎查长"]
