"""Property-based: whatever bytes, text or JSON lines arrive, the loaders raise
nothing, and every input comes out as an article or as a reason."""
import json
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders import Article, BadInput, iter_articles

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CHINESE = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
TEXTS = st.text(alphabet=st.one_of(CHINESE, st.sampled_from("。，、！？；：“”《》\n （）0123456789"),
                                   st.characters(blacklist_categories=("Cs",))), max_size=400)  # text a file can hold


def _accounted(tmp_path, expected: int) -> list:
    items = list(iter_articles([tmp_path]))
    assert len(items) == expected
    assert all(isinstance(i, (Article, BadInput)) for i in items)
    assert all(i.reason for i in items if isinstance(i, BadInput))
    return items


@SETTINGS
@given(st.lists(st.binary(max_size=600), min_size=1, max_size=4))
def test_random_bytes_as_text_and_html_files(tmp_path_factory, blobs):
    tmp = tmp_path_factory.mktemp("bytes")
    for i, blob in enumerate(blobs):
        (tmp / f"{i}.{'html' if i % 2 else 'txt'}").write_bytes(blob)
    _accounted(tmp, len(blobs))


@SETTINGS
@given(st.lists(TEXTS, min_size=1, max_size=4))
def test_random_unicode_in_any_encoding(tmp_path_factory, texts):
    tmp = tmp_path_factory.mktemp("text")
    for i, text in enumerate(texts):
        encoding = ("utf-8", "gb18030", "utf-16")[i % 3]
        (tmp / f"{i}.txt").write_bytes(text.encode(encoding, errors="replace"))
    _accounted(tmp, len(texts))


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXTS,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                               st.sampled_from(["text", "title", "date", "url", "id", "publisher", "x"]), inner,
                               max_size=5), max_leaves=8)


@SETTINGS
@given(st.lists(st.one_of(JSON_VALUES.map(lambda v: json.dumps(v, ensure_ascii=False)),
                          st.text(alphabet=string.printable + "“”中文", max_size=80)), min_size=1, max_size=6))
def test_random_json_lines(tmp_path_factory, lines):
    tmp = tmp_path_factory.mktemp("jsonl")
    lines = [line.replace("\n", " ").replace("\r", " ") for line in lines]
    (tmp / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = _accounted(tmp, sum(1 for line in lines if line.strip()))
    sources = [i.source for i in items if isinstance(i, BadInput)]
    assert all(s.startswith("batch.jsonl:") for s in sources)
