"""The benchmark corpus generator: real sentences, other places and people, reproducible."""
import json
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from corpus import SLOT, Generator  # noqa: E402

pytestmark = pytest.mark.pipeline


@pytest.fixture(scope="module")
def gen():
    return Generator(ROOT / "seeds", seed=7)


def test_article_depends_only_on_seed_and_index(gen, tmp_path):
    assert gen.article(11) == Generator(ROOT / "seeds", seed=7).article(11)
    assert gen.article(11) != gen.article(12)
    gen.write(tmp_path / "a", 3)
    gen.write(tmp_path / "b", 5)
    for f in (tmp_path / "a").rglob("*.txt"):
        assert f.read_bytes() == (tmp_path / "b" / f.relative_to(tmp_path / "a")).read_bytes()
    assert len(list((tmp_path / "b").rglob("*.txt"))) == 5


def test_names_are_replaced_and_every_slot_filled(gen, seeds_out):
    seeds = [json.loads(line) for line in (seeds_out / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    # Local officials; national ones stay (习近平 also stands in 习近平新时代中国特色社会主义思想).
    seed_people = {o["name"] for r in seeds for o in r["officials"] if any(t["place"] for t in o["titles"])}
    assert len(seed_people) >= 10
    texts = ["\n".join(gen.article(i)) for i in range(40)]
    assert not any(SLOT in t for t in texts)
    leaked = {name for name in seed_people for t in texts if name in t}
    assert not leaked


def test_a_citys_post_has_the_same_holder_in_every_article(gen):
    target = gen.targets[1][0]
    assert gen.official(target, "市委书记") == gen.official(target, "市委书记")
    assert gen.official(target, "市委书记") != gen.official(gen.targets[1][1], "市委书记")


def test_articles_are_about_real_units(gen, gaz):
    for lv, targets in gen.targets.items():
        for t in targets[:50]:
            assert gaz.depth(t.chain[-1]) == lv and gaz.name(t.chain[-1]).endswith("市")
            assert all(gaz.parents_of(b)[0] == t.chain[-1] for b in t.below)
