from kg.extract.records import place_key
from kg.extract.rules.officials import Context, PlaceRef, find_people
from kg.extract.rules.places import PlaceFinder


def people(gaz, text, home_name="湖州市"):
    home = gaz.named(home_name)[0]
    chain = gaz.chain(home)
    hits = PlaceFinder(gaz).find(text, home)
    refs = [PlaceRef(h.start, h.end, place_key(h.chain), h.chain[-1].level, h.chain[-1].name) for h in hits
            if h.kind != "ref"]
    ctx = Context(home=PlaceRef(-1, -1, place_key(chain), chain[-1].level, chain[-1].name),
                  province=PlaceRef(-1, -1, place_key(chain[:1]), "province", chain[0].name), places=refs)
    officials, persons = find_people(text, ctx)
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
