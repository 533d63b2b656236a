"""A synthetic graph with the shape of a real corpus, for load and view benchmarks.

Cities, counties and names come from the real gazetteer and surname list;
each article reports on one city, names a few of that city's officials and
programmes (drawn from pools, so entities recur across articles the way they
do in a corpus) and two dozen figures.
"""
from __future__ import annotations

import random

import networkx as nx

from kg.extract.gazetteer import load_gazetteer
from kg.extract.records import ArticleRecord, Mention, Metric, Official, Place, PlaceLevel, Programme, Title, place_key
from kg.graph.builder import GraphBuilder

TITLES = ["市委书记", "市长", "市委副书记", "常务副市长", "市委组织部部长", "市委宣传部部长", "副市长"]
HEADS = ["工程", "行动", "机制", "专项整治", "服务站", "讲习所", "模式"]
SUBJECTS = ["党组织", "党员干部", "群众满意度", "专项整治任务", "问题", "民生实事", "信访积案", "培训班"]


def _cities(rng: random.Random, n: int) -> list[list[PlaceLevel]]:
    gaz = load_gazetteer()
    prefectures = gaz.units(depth=1)
    return [gaz.chain(i) for i in rng.sample(prefectures, k=min(n, len(prefectures)))]


def synthetic_graph(n_articles: int, n_cities: int = 300, seed: int = 1) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    cities = _cities(rng, n_cities)
    surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
    given = "建国明华伟强军平志刚红英海涛磊洪伟杰文斌丽敏静"
    people = {i: [rng.choice(surnames) + "".join(rng.choices(given, k=2)) for _ in range(6)] for i in range(len(cities))}
    programmes = [f"“{rng.choice('一二三四五六')}{rng.choice('个项大')}{rng.choice('提升落实服务')}”{rng.choice(HEADS)}"
                  for _ in range(n_cities * 2)]
    b = GraphBuilder()
    for a in range(n_articles):
        ci = rng.randrange(len(cities))
        chain = cities[ci]
        city = chain[-1].name
        sentence = f"{city}深入开展主题教育，第{a}篇报道。"
        m = Mention(0, len(city), city, sentence)
        place = Place(city, "prefecture", chain[-1].adcode, chain, [m])
        key = place_key(chain)
        officials = [Official(name, [Title(rng.choice(TITLES), key)], [Mention(5, 8, name, f"{name}出席会议。{sentence}")])
                     for name in rng.sample(people[ci], k=3)]
        progs = [Programme(p, [], [Mention(10, 16, p, f"实施{p}。")]) for p in rng.sample(programmes, k=4)]
        metrics = []
        for k in range(24):
            value = rng.randint(1, 5000)
            subject = rng.choice(SUBJECTS)
            metrics.append(Metric(f"{value}个", float(value), "个", subject, None, None,
                                  Mention(20 + k, 25 + k, f"{value}个", f"共{value}个{subject}。"), key,
                                  progs[k % 4].name if k % 3 == 0 else None))
        b.add(ArticleRecord(article={"id": f"article:syn{a:07d}", "source": f"syn_{a:07d}.txt", "title": f"{city}报道{a}",
                                  "date": f"2020-{1 + a % 12:02d}-{1 + a % 28:02d}"},
                         home=key, places=[place], officials=officials, programmes=progs, metrics=metrics))
    return b.graph
