"""Long articles in pieces: cut at the strongest boundary, records merged with offsets shifted."""
from conftest import tiny_record
from kg.extract.chunks import merge, split_text


def test_pieces_cover_the_text_and_respect_the_size():
    text = "第一段很长。" * 50 + "\n" + "没有标点的文字" * 300
    pieces = split_text(text, 1000)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 1000 for _, p in pieces)
    assert [o for o, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]
    assert pieces[0][1].endswith("\n")  # the paragraph break is the first cut


def test_records_of_pieces_merge_into_one():
    a, b = tiny_record(), tiny_record()
    merged = merge([(0, a), (1000, b)])
    (official,) = merged.officials
    assert [m.start for m in official.mentions] == [0, 1000]
    assert len(merged.places) == 1 and len(merged.places[0].mentions) == 2
    assert len(merged.metrics) == 1  # the same figure twice is reported once
    assert a.officials[0].mentions[0].start == 0  # the pieces' records are not changed


def test_the_merged_record_keeps_the_home_vote_of_the_first_piece():
    first, second = tiny_record(), tiny_record()
    first.home_method, first.home_confidence = "home:contested", 0.5
    merged = merge([(0, first), (10, second)])
    assert (merged.home_method, merged.home_confidence) == ("home:contested", 0.5)
