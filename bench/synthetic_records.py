"""Synthetic extraction records, without NLP, for the assembly benchmark and tests.

Entities recur the way they do in a corpus: each article reports on one of
``cities`` real prefectures (chains from the gazetteer) and often one of its
counties, names three of that city's officials (a pool of six per city, with
posts at the city, at a county or at a body without a place), two of the city's
programmes (a pool of eight, some with aliases), a person, an organization and
a dozen figures of its own. Confidences and methods vary so that the merge
rules (best confidence, the method that raised it, first value wins) have
something to decide; one article in 97 is the text of the one before under
another name (one Article, two sources), one in 13 has no date.

Article ``i`` is the same whatever chunk produces it (its generator is seeded by
``i``), so a corpus can be cut into chunks for any number of workers.

>>> a = list(SyntheticChunk(0, 3).records())
>>> b = list(SyntheticChunk(2, 1).records())
>>> a[2].to_dict() == b[0].to_dict()
True
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.gazetteer import load_gazetteer
from kg.extract.records import (ArticleRecord, Mention, Metric, Official, Organization, Person, Place, PlaceLevel,
                                Programme, Title, place_key)

CITY_TITLES = [("市委书记", "title:party-secretary"), ("市长", "title:mayor"), ("市委副书记", "title:list"),
               ("常务副市长", "title:list"), ("市委组织部部长", "title:organ")]
COUNTY_TITLES = [("县委书记", "title:party-secretary"), ("县长", "title:mayor")]
HEADS = ["工程", "行动", "机制", "工作法", "服务站", "讲习所", "模式", "项目"]
SUBJECTS = ["党组织", "党员干部", "群众满意度", "专项整治任务", "问题", "民生实事", "信访积案", "培训班"]
METHODS = ["rule", "rule+ner", "gazetteer", "title", "quote"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "建国明华伟强军平志刚红英海涛磊洪杰文斌丽敏静"


@lru_cache(maxsize=4)
def pools(cities: int = 300, seed: int = 7) -> list[dict]:
    """Per city: its chain, six officials and eight programmes (the same in every process)."""
    rng = random.Random(seed)
    gaz = load_gazetteer()
    prefectures = gaz.units(depth=1)
    out = []
    for unit in rng.sample(prefectures, k=min(cities, len(prefectures))):
        out.append({"chain": gaz.chain(unit),
                    "people": [rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=2)) for _ in range(6)],
                    "programmes": [f"“{rng.choice('一二三四五六')}{rng.choice('个项大')}{rng.choice(['提升', '落实', '服务'])}”"
                                   f"{rng.choice(HEADS)}" for _ in range(8)]})
    return out


def _county(chain: list[PlaceLevel], i: int) -> list[PlaceLevel]:
    """A county under the city (an invented name: the gazetteer's own are not needed to test merging)."""
    name = f"{chain[-1].name[:-1]}{'东西南北'[i]}县"
    return chain + [PlaceLevel(name, "county", None)]


def record(i: int, cities: int = 300) -> ArticleRecord:
    """Article ``i`` of the synthetic corpus."""
    src = i - 1 if i % 97 == 1 and i > 1 else i          # the same text as the article before, under another name
    rng = random.Random(src * 1_000_003 + 11)
    pool = pools(cities)
    city = pool[rng.randrange(len(pool))]
    chain = city["chain"]
    key = place_key(chain)
    name = chain[-1].name
    sentence = f"{name}深入开展主题教育，第{src}篇报道。"
    conf = lambda: round(rng.uniform(0.6, 0.99), 2)  # noqa: E731
    places = [Place(name, chain[-1].level, chain[-1].adcode, chain, [Mention(0, len(name), name, sentence)],
                    rng.choice(METHODS), conf())]
    county = None
    if rng.random() < 0.6:
        cc = _county(chain, rng.randrange(4))
        county = place_key(cc)
        places.append(Place(cc[-1].name, "county", None, cc, [Mention(3, 6, cc[-1].name, f"{cc[-1].name}召开会议。")],
                            rng.choice(METHODS), conf()))
    officials = []
    for person in rng.sample(city["people"], k=3):
        titles = [Title(t, key, None, m, conf()) for t, m in rng.sample(CITY_TITLES, k=rng.choice((1, 1, 2)))]
        if county and rng.random() < 0.2:
            t, m = rng.choice(COUNTY_TITLES)
            titles.append(Title(t, county, None, m, conf()))
        if rng.random() < 0.1:
            titles.append(Title("督导组组长", None, "省委第三督导组", "title:work-team", conf()))
        start = -1 if rng.random() < 0.05 else rng.randrange(100)
        officials.append(Official(person, titles, [Mention(start, start + 3, person, f"{person}出席会议。{sentence}")]))
    progs = []
    for p in rng.sample(city["programmes"], k=2):
        aliases = [p.strip("“”")[:4]] if rng.random() < 0.3 else []
        progs.append(Programme(p, aliases, [Mention(10, 16, p, f"实施{p}。")], rng.choice(METHODS), conf()))
    metrics = []
    for k in range(12):
        value = rng.randint(1, 5000)
        subject = rng.choice(SUBJECTS)
        metrics.append(Metric(f"{value}个", float(value), "个", subject, None, None,
                              Mention(20 + k, 25 + k, f"{value}个", f"共{value}个{subject}。{progs[k % 2].name}"),
                              key, progs[k % 2].name if k % 3 == 0 else None, "counter", conf()))
    persons = [Person(rng.choice(SURNAMES) + "某", "群众", [Mention(40, 43, "某", "群众某某说。")], "role", conf())]
    orgs = [Organization(f"{name}委组织部", key, [Mention(50, 56, "组织部", "组织部牵头。")], "title", conf())]
    date = None if src % 13 == 0 else f"{2019 + src % 6}-{1 + src % 12:02d}-{1 + src % 28:02d}"
    return ArticleRecord(article={"id": f"article:syn{src:08d}", "source": f"syn_{i:08d}.txt",
                                  "title": f"{name}报道{src}", "date": date, "chars": 2900},
                         home=key, home_method="title", places=places, officials=officials, persons=persons,
                         organizations=orgs, programmes=progs, metrics=metrics).assign_ids()


@dataclass(frozen=True)
class SyntheticChunk:
    """Articles ``start`` … ``start + n - 1``: a chunk for :func:`kg.runtime.assembly.assemble`."""

    start: int
    n: int
    cities: int = 300

    def records(self):
        for i in range(self.start, self.start + self.n):
            yield record(i, self.cities)


def chunks(n_articles: int, size: int = 20_000, cities: int = 300) -> list[SyntheticChunk]:
    return [SyntheticChunk(s, min(size, n_articles - s), cities) for s in range(0, n_articles, size)]
