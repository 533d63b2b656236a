"""The extraction cache: keyed by input content and name, one extractor version per file."""
from pathlib import Path


def test_cache_keeps_one_extractor_version(tmp_path):
    from kg.runtime.cache import ExtractionCache, extractor_version
    from kg.settings import load_settings

    assert extractor_version(load_settings(segmenter="pkuseg")) != extractor_version(load_settings(segmenter="char"))
    cache = ExtractionCache(tmp_path / "c.sqlite", "v1")
    cache.put_many([("a", '{"x": 1}'), ("b", '{"x": "二"}')])
    assert cache.get_many(["a", "b", "c"]) == {"a": '{"x": 1}', "b": '{"x": "二"}'}
    cache.close()
    reopened = ExtractionCache(tmp_path / "c.sqlite", "v2")
    assert reopened.dropped == 2 and len(reopened) == 0 and reopened.get_many(["a"]) == {}


def test_input_key_is_the_content_and_name():
    from kg.runtime.cache import input_key
    from loaders import RawInput

    a = RawInput("a.txt", "全市建成驿站30个。".encode(), "file")
    assert input_key(a) == input_key(RawInput("a.txt", "全市建成驿站30个。".encode(), "file"))
    assert input_key(a) != input_key(RawInput("b.txt", "全市建成驿站30个。".encode(), "file"))
    assert input_key(a) != input_key(RawInput("a.txt", "全市建成驿站31个。".encode(), "file"))


def test_a_locked_cache_is_not_taken_for_a_damaged_one(tmp_path):
    """Another build holding the cache: it is not moved aside, only not used this time."""
    import sqlite3

    from kg.runtime.cache import ExtractionCache

    path = tmp_path / "c.sqlite"
    ExtractionCache(path, "v1").close()
    other = sqlite3.connect(path, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    try:
        cache = ExtractionCache(path, "v2")
        assert cache.db is None and "not used this time" in cache.warnings[0]
        assert cache.get_many(["a"]) == {} and not list(tmp_path.glob("*.corrupt-*"))
        cache.put_many([("a", "{}")])  # nothing happens, nothing raises
    finally:
        other.rollback()
        other.close()
    assert path.exists()


def test_a_cache_where_none_can_be_is_not_a_crash():
    from kg.runtime.cache import ExtractionCache

    cache = ExtractionCache(Path("/proc/kg-cache.sqlite"), "v1")
    assert cache.db is None and cache.warnings
