"""The extraction cache: keyed by input content and name, one extractor version per file."""


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
