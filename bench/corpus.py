"""Realistic synthetic corpora: real sentences, recombined, with other places and people.

The seed articles are extracted once; in every sentence the names kg found —
the home unit and its parents (full and short forms), the units below it,
officials (by post) and other persons — become slots. Article *i* of a corpus
takes a window of one seed's sentences plus a few from the others, a real
unit of the same kind as that seed's home (a prefecture-level city, or a
county-level city with its prefecture and province), and fills the slots:

* places from the gazetteer (the unit, its parents, its counties or towns);
* an official from the city's roster *by post*, so 市委书记 of a city is the
  same generated person in every article about that city — entity resolution
  across articles has real work to do;
* figures with their digits redrawn (dates kept), so metrics differ.

Article *i* depends only on (seed, i): a corpus of 2,020 is the corpus of
2,000 plus 20 articles, which is what the incremental benchmark needs.

    python bench/corpus.py --n 2000 --out bench/.work/corpus
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract.gazetteer import Gazetteer, load_gazetteer  # noqa: E402
from kg.language.text import split_sentences  # noqa: E402
from kg.language.units import strip_unit_suffix  # noqa: E402

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "建国明华伟强军平志刚红英海涛磊洪杰文斌丽敏静立新春晓东光辉宏亮永宁德胜利民福生荣庆玉兰秀云峰学成凯锋波"
SLOT = "\x00"  # slots are \x00name\x00: no article contains NUL
_SLOT = re.compile(f"{SLOT}([^{SLOT}]+){SLOT}")
_NUMBER = re.compile(r"(?<![第\d.])(\d+(?:\.\d+)?)(?![\d年月日时号])")


@dataclass
class Template:
    """One seed article with its names replaced by slots."""

    title: str
    sentences: list[str]
    home_level: int                       # gazetteer level of the seed's home unit
    shape: tuple[int, ...]                # levels of the home chain, province first


@dataclass
class Target:
    chain: list[int]                      # gazetteer ids, province first; the home unit last
    below: list[int] = field(default_factory=list)


def short_of(gaz: Gazetteer, idx: int) -> str:
    return gaz.short(idx) or strip_unit_suffix(gaz.name(idx))


def templates_from_seeds(seeds: Path) -> list[Template]:
    """Extract the seeds with kg itself and turn what it found into slots."""
    from kg.extract.batch import extract_articles
    from loaders import Article, iter_articles

    gaz = load_gazetteer()
    articles = [a for a in iter_articles([seeds]) if isinstance(a, Article)]
    out = []
    for article, outcome in zip(articles, extract_articles(articles)):
        if outcome.record is None or not outcome.record.home:
            continue
        rec = outcome.record.to_dict()
        home = next((p for p in rec["places"] if p["adcode"] and f"place:{p['adcode']}" == rec["home"]), None)
        if home is None:
            continue
        chain_ids = [gaz.named(c["name"])[0] for c in home["chain"] if gaz.named(c["name"])]
        slots: dict[str, str] = {}
        for k, idx in enumerate(chain_ids):
            slots[gaz.name(idx)] = f"c{k}"
            slots.setdefault(short_of(gaz, idx), f"c{k}s")
        below = [p for p in rec["places"] if len(p["chain"]) > len(home["chain"])
                 and [c["name"] for c in p["chain"][:len(home["chain"])]] == [c["name"] for c in home["chain"]]]
        for j, p in enumerate(below):
            slots.setdefault(p["name"], f"b{j}")
            for m in p["mentions"]:
                slots.setdefault(m["text"], f"b{j}")
        for o in rec["officials"]:
            post = o["titles"][0]["title"] if o["titles"] else "person"
            slots.setdefault(o["name"], f"o{post}")
        for j, person in enumerate(rec["persons"]):
            slots.setdefault(person["name"], f"p{j}")
        names = sorted((s for s in slots if len(s) >= 2), key=len, reverse=True)
        pattern = re.compile("|".join(map(re.escape, names)))
        fill = lambda text: pattern.sub(lambda m: SLOT + slots[m.group()] + SLOT, text)  # noqa: E731
        sentences = [fill(article.text[s:e].strip()) for s, e in split_sentences(article.text)]
        levels = tuple(gaz.depth(i) for i in chain_ids)
        out.append(Template(fill(article.title or ""), [s for s in sentences if s], levels[-1], levels))
    if not out:
        raise SystemExit(f"no seed in {seeds} has a home unit kg can resolve")
    return out


def targets(gaz: Gazetteer, level: int) -> list[Target]:
    """Units like a seed's home: cities (名…市) at that level, with a unit below to name."""
    children = {p: [c for c in kids if gaz.depth(c) == level + 1] for p, kids in gaz.children().items()}
    out = []
    for i in gaz.units(level):
        if gaz.name(i).endswith("市") and children.get(i):
            out.append(Target(list(reversed([i] + gaz.parents_of(i))), children[i]))
    return out


class Generator:
    def __init__(self, seeds: Path, seed: int = 1):
        self.gaz = load_gazetteer()
        self.seed = seed
        self.templates = templates_from_seeds(seeds)
        self.targets = {lv: targets(self.gaz, lv) for lv in {t.home_level for t in self.templates}}

    def name(self, rng: random.Random) -> str:
        return rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2, 2))))

    def official(self, target: Target, post: str) -> str:
        """The same person holds a post of a city in every article about it."""
        return self.name(random.Random(f"{self.seed}:{target.chain[-1]}:{post}"))

    def article(self, i: int) -> tuple[str, str]:
        rng = random.Random(f"{self.seed}:{i}")
        base = rng.choice(self.templates)
        target = rng.choice(self.targets[base.home_level])
        n = len(base.sentences)
        size = max(8, int(n * rng.uniform(0.5, 1.0)))
        start = 0 if rng.random() < 0.5 else rng.randrange(max(1, n - size))
        sentences = base.sentences[start:start + size]
        peers = [t for t in self.templates if t.home_level == base.home_level and t is not base]
        for _ in range(rng.randint(0, 8) if peers else 0):
            donor = rng.choice(peers)
            sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(donor.sentences))
        persons: dict[str, str] = {}

        def slot(m: re.Match) -> str:
            key = m.group(1)
            kind, rest = key[0], key[1:]
            if kind == "c":
                k = int(rest.rstrip("s"))
                idx = target.chain[min(k, len(target.chain) - 1)]
                return short_of(self.gaz, idx) if rest.endswith("s") else self.gaz.name(idx)
            if kind == "b":
                return self.gaz.name(target.below[int(rest) % len(target.below)])
            if kind == "o" and rest != "person":
                return self.official(target, rest)
            return persons.setdefault(key, self.name(rng))

        def figures(text: str) -> str:
            def redraw(m: re.Match) -> str:
                whole, _, frac = m.group(1).partition(".")
                new = str(rng.randint(10 ** (len(whole) - 1) if len(whole) > 1 else 1, 10 ** len(whole) - 1))
                return new + ("." + "".join(rng.choices("0123456789", k=len(frac))) if frac else "")
            return _NUMBER.sub(redraw, text)

        body = [figures(_SLOT.sub(slot, s)) for s in sentences]
        paragraphs = ["".join(body[k:k + 4]) for k in range(0, len(body), 4)]
        return _SLOT.sub(slot, base.title) or paragraphs[0][:20], "\n".join(paragraphs)

    def write(self, out: Path, n: int, start: int = 0) -> int:
        """Write articles start..n-1 as OUT/<thousands>/<i>.txt; returns characters written."""
        chars = 0
        for i in range(start, n):
            title, body = self.article(i)
            path = out / f"{i // 1000:04d}" / f"{i:07d}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
            chars += len(body)
        return chars


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, required=True, help="articles 0..n-1")
    p.add_argument("--start", type=int, default=0, help="first article index (to grow a corpus)")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    chars = Generator(args.seeds, args.seed).write(args.out, args.n, args.start)
    print(f"{args.n - args.start} articles, {chars:,} characters in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
