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
