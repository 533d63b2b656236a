"""Bad input: each case gives a clear reason naming the file; the batch goes on."""
import json

from kg.settings import load_settings
from loaders import Article, BadInput, iter_articles
from loaders.sources import count_inputs, iter_inputs

BODY = "我县扎实开展党史学习教育，全县共组织宣讲120场，覆盖群众3万人次。"


def _read(tmp_path, **settings):
    return list(iter_articles([tmp_path], load_settings(**settings)))


def test_folder_with_every_kind_of_bad_input(tmp_path):
    (tmp_path / "ok.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "gbk.txt").write_bytes(BODY.encode("gbk"))
    (tmp_path / "big5.txt").write_bytes("我縣紮實開展黨史學習教育，組織宣講活動。".encode("big5"))
    (tmp_path / "huge.txt").write_bytes(("很长的文章。" * 1_200_000).encode("utf-8"))  # ~21 MB
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    lines = [json.dumps({"text": BODY, "title": "标题", "date": "2021-05-06"}, ensure_ascii=False),
             '{"text": "broken', json.dumps({"title": "no text"}), json.dumps([1, 2])]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = _read(tmp_path)
    errors = {e.source: e.reason for e in items if isinstance(e, BadInput)}
    good = {a.source: a for a in items if isinstance(a, Article)}
    assert set(good) == {"ok.txt", "gbk.txt", "big5.txt", "batch.jsonl:1"}
    assert good["gbk.txt"].text == BODY
    assert "党史学习教育" in good["big5.txt"].text  # Big5 decoded, then simplified
    assert good["batch.jsonl:1"].date == "2021-05-06" and good["batch.jsonl:1"].title == "标题"
    assert errors["empty.txt"] == "empty file"
    assert "binary" in errors["binary.txt"]
    assert "too large" in errors["huge.txt"] and "MB" in errors["huge.txt"]
    assert "unsupported file type .pdf" in errors["notes.pdf"]
    assert "malformed JSON" in errors["batch.jsonl:2"]
    assert errors["batch.jsonl:3"] == 'record has no "text"'
    assert "expected a JSON object" in errors["batch.jsonl:4"]
    # nothing silently dropped: every input is either an article or an error
    assert len(items) == 7 + 4


def test_html_main_text_and_metadata(tmp_path):
    html = """<html><head><title>网页标题</title><meta property="og:site_name" content="某市新闻网">
    <meta name="PubDate" content="2020-01-09 08:00"><script>var x = "不是正文";</script></head>
    <body><nav>首页 | 新闻</nav><div class="content"><p>市委书记王大明主持会议。</p><p>会议研究部署了全市重点工作，共确定任务20项。</p>
    <p>这一段很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。</p></div>
    <footer>版权所有</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    (art,) = _read(tmp_path)
    assert art.title == "网页标题" and art.publisher == "某市新闻网" and art.date == "2020-01-09"
    assert "市委书记王大明主持会议。" in art.text and "不是正文" not in art.text and "首页" not in art.text


def test_inputs_are_counted_without_reading_and_a_missing_path_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "一"}\n\n{"text": "二"}\n', encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(BODY, encoding="utf-8")
    assert count_inputs([tmp_path]) == 3
    items = list(iter_inputs([tmp_path, tmp_path / "nope.txt"]))
    assert [getattr(i, "source") for i in items] == ["a.txt", "b.jsonl:1", "b.jsonl:3", str(tmp_path / "nope.txt")]
    assert items[-1].reason == "no such file or folder"


def test_metadata_that_is_not_text_is_not_metadata(tmp_path):
    """Found by the property-based test: ``"title": true`` crashed the cleaner."""
    lines = ['{"text": "全县建成书屋12个。", "title": true, "date": ["x"], "publisher": 12}']
    (tmp_path / "r.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (art,) = _read(tmp_path)
    assert art.title is None and art.date is None and art.publisher == "12"


def test_records_of_a_json_array_have_the_article_size_limit(tmp_path):
    records = [{"id": "small", "text": BODY}, {"id": "big", "text": "长" * 400}]
    (tmp_path / "a.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    items = _read(tmp_path, max_article_bytes=1000)
    assert isinstance(items[0], Article) and "record too large" in items[1].reason


def test_a_cache_file_inside_the_input_folder_is_not_an_input(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    for name in ("cache.sqlite", "cache.sqlite-journal", "cache.sqlite.corrupt-20260101-000000"):
        (tmp_path / name).write_bytes(b"x")
    items = list(iter_inputs([tmp_path], exclude=[tmp_path / "cache.sqlite"]))
    assert [i.source for i in items] == ["a.txt"]
