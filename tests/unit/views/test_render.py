"""Rendering: article text reaches the page as escaped JSON, never as markup."""
from kg.views import select
from kg.views.render import render_index, render_view


def test_untrusted_names_are_escaped(tiny_graph):
    node = next(n for n, d in tiny_graph.nodes(data=True) if d.get("name") == "王建国")
    tiny_graph.nodes[node]["name"] = "<img src=x onerror=alert(1)>"
    view = select.official_view(tiny_graph, node, 60)
    html = render_view(view, physics_max=150)
    assert "<img src=x" not in html and "\\u003cimg src=x" in html
    assert "assets/vis-network.min.js" in html and "http://" not in html.split("<body")[0]


def test_index_lists_sections():
    html = render_index("kg", [("官员 Officials", [{"label": "<b>王</b>", "url": "o.html", "detail": "1"}])],
                        {"articles": 1})
    assert "&lt;b&gt;王&lt;/b&gt;" in html and 'href="o.html"' in html


def test_article_page_marks_entities_in_the_cited_sentences_and_escapes_them(tiny_graph):
    from kg.views.render import render_article

    article = next(n for n in tiny_graph if select.kind_of(tiny_graph, n) == "Article")
    page = select.article_page(tiny_graph, article)
    assert page.title == "标题" and ("date", "2021-06-04") in page.meta
    first = page.sentences[0]
    assert first["anchor"] == select.sentence_anchor("市委书记王建国出席会议。")
    marked = {s["text"]: s["kind"] for s in first["segments"] if s.get("kind")}
    assert marked == {"王建国": "Official"}
    official = next(n for n in tiny_graph if tiny_graph.nodes[n].get("name") == "王建国")
    tiny_graph.nodes[official]["name"] = "<script>王建国</script>"
    html = render_article(select.article_page(tiny_graph, article))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_table_cells_cite_the_sentence_on_the_article_page(tiny_graph):
    city = next(n for n in tiny_graph if select.kind_of(tiny_graph, n) == "City")
    view = select.city_view(tiny_graph, city, 60)
    cell = view.table[0][6]
    article_page = select.page_name("article", "article:tiny.txt")
    assert cell["text"] == "标题" and cell["href"].startswith(article_page + "#s-")
    assert f'"href": "{article_page}#s-' in render_view(view, physics_max=150)  # the rows travel as JSON


def test_bar_chart_is_escaped_sized_and_byte_stable():
    from kg.views.charts import bar_chart

    rows = [("党员干部", 12), ("<script>x</script>", 3), ("很长很长很长很长很长很长很长很长的主体", 1.5)]
    svg = bar_chart("数据 <b>", rows)
    assert svg == bar_chart("数据 <b>", rows) and "<script>" not in svg and "&lt;b&gt;" in svg
    widths = [float(w) for w in __import__("re").findall(r'class="bar" x="\d+" y="\d+" width="([\d.]+)"', svg)]
    assert len(widths) == 3 and widths[0] == max(widths) and widths[0] / widths[1] == 4


def test_article_page_with_the_whole_text_marks_mentions_where_they_stand(tiny_graph):
    text = "市委书记王建国出席会议。全市建成驿站30个。"
    article = next(n for n in tiny_graph if select.kind_of(tiny_graph, n) == "Article")
    official = next(n for n in tiny_graph if tiny_graph.nodes[n].get("name") == "王建国")
    metric = next(n for n in tiny_graph if select.kind_of(tiny_graph, n) == "Metric")
    texts = {article: {"text": text, "spans": [(0, 7, official), (18, 21, metric), (0, 3, "not-in-graph")]}}
    page = select.article_page(tiny_graph, article, texts)
    units = page.paragraphs[0]
    assert "".join(s["text"] for u in units for s in u["segments"]) == text
    marked = [(s["text"], s["kind"]) for u in units for s in u["segments"] if s.get("kind")]
    assert marked == [("市委书记王建国", "Official"), ("30个", "Metric")]
    assert units[0]["anchor"] == select.sentence_anchor("市委书记王建国出席会议。")


def test_a_timeline_takes_periods_and_leaves_out_dates_it_cannot_place():
    """Figures are dated by periods (2019-12-10/2019-12-19); one date a source wrote its own
    way must not fail every page of the build."""
    from kg.views.charts import timeline_chart

    svg = timeline_chart("t", [("a", "2019-12-10/2019-12-19", "2021-03"), ("b", "10/2019", "10/2019")])
    assert svg.count('class="span"') == 1 and ">2019<" in svg
