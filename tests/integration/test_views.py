"""The HTML views, opened in Debian's headless Chromium with the network blocked."""
import io
import shutil
from pathlib import Path

import pytest

from conftest import run_kg
from kg.graph.export import read_graph
from kg.views import select, write_views
from kg.views.select import in_edges, kind_of, out_edges, page_name

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-sync"]
XSS_NAME = '<img src=x onerror="window.__pwned=1">李猛<script>window.__pwned=2</script>'
XSS_SENTENCE = '市委书记</script><script>window.__pwned=3</script>"\\\'李猛讲话'


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


class Page:
    """A page opened offline: every non-file request is blocked and recorded."""

    def __init__(self, browser, path: Path):
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.remote, self.failed, self.errors = [], [], []
        self.context.route("**/*", lambda route: (self.remote.append(route.request.url), route.abort())
                           if not route.request.url.startswith("file:") else route.continue_())
        self.page = self.context.new_page()
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.resolve().as_uri())

    def wait_drawn(self):
        self.page.wait_for_function("window.kg && window.kg.drawn", timeout=30_000)
        self.page.wait_for_timeout(300)

    def assert_clean(self):
        assert self.remote == [] and self.failed == [] and self.errors == []

    def hover(self, node_id: str) -> str:
        """Move the mouse onto a node and return the tooltip's text."""
        self.page.evaluate("id => window.kg.network.setOptions({physics: false})", node_id)
        x, y = self.page.evaluate("""id => { const n = window.kg.network; const p = n.getPosition(id);
            const d = n.canvasToDOM(p); const r = document.querySelector('#network canvas').getBoundingClientRect();
            return [r.left + d.x, r.top + d.y]; }""", node_id)
        self.page.mouse.move(x - 40, y - 40)
        self.page.mouse.move(x, y, steps=4)
        tip = self.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
        return tip.inner_text()

    def close(self):
        self.context.close()


@pytest.fixture
def open_page(browser):
    pages = []

    def opener(path):
        pages.append(Page(browser, path))
        return pages[-1]

    yield opener
    for p in pages:
        p.close()


def city_of(g, name):
    return next(n for n in g if kind_of(g, n) == "City" and g.nodes[n]["name"] == name)


def official_of(g, name):
    return next(n for n in g if kind_of(g, n) == "Official" and g.nodes[n]["name"] == name)


def expected_city_nodes(g, city):
    """Computed here from the graph, not by the view code: the city, its parent and
    children, officials holding posts in it or under it, programmes it ran."""
    area, todo = {city}, [city]
    while todo:
        for child, _ in in_edges(g, todo.pop(), "PART_OF"):
            area.add(child)
            todo.append(child)
    ids = {city} | {p for p, _ in out_edges(g, city, "PART_OF")} | {c for c, _ in in_edges(g, city, "PART_OF")}
    ids |= {u for u, v, d in g.edges(data=True) if d["label"] == "HOLDS" and v in area}
    ids |= {v for u, v, d in g.edges(data=True) if d["label"] == "RUNS" and u in area}
    return ids


def test_build_writes_views_and_index(seeds_out):
    views = seeds_out / "views"
    assert (views / "index.html").exists() and (views / "overview.html").exists()
    assert (views / "assets" / "vis-network.min.js").exists()
    index = (views / "index.html").read_text(encoding="utf-8")
    assert "德州市" in index and "李猛" in index and "cdn" not in index.lower()
    for page in views.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "http://" not in html and "https://" not in html, page.name  # nothing remote to fetch


def test_overview_and_pages_render_offline(open_page, seeds_out, seeds_graph):
    g = read_graph(seeds_out / "graph.graphml")
    views = seeds_out / "views"
    page = open_page(views / "overview.html")
    page.wait_drawn()
    page.assert_clean()
    expected = sum(kind_of(g, n) in ("City", "Official", "Programme") for n in g)
    assert page.page.evaluate("window.kg.nodes.length") == expected
    assert page.page.evaluate("document.querySelector('#network canvas').width") > 0
    shots = seeds_out / "screenshots"
    shots.mkdir(exist_ok=True)
    page.page.screenshot(path=shots / "overview.png")

    dezhou = city_of(g, "德州市")
    page = open_page(views / page_name("city", dezhou))
    page.wait_drawn()
    page.assert_clean()
    assert set(page.page.evaluate("window.kg.nodes.getIds()")) == expected_city_nodes(g, dezhou)
    n_reports = len(out_edges(g, dezhou, "REPORTS"))
    assert page.page.evaluate("document.querySelectorAll('#facts tbody tr').length") >= n_reports > 0
    page.page.screenshot(path=shots / "city-德州市.png", full_page=False)
    assert (shots / "overview.png").stat().st_size > 20_000 and (shots / "city-德州市.png").stat().st_size > 20_000

    li = official_of(g, "李猛")
    evidence = next(d["evidence"][0]["sentence"] for _, _, d in g.out_edges(li, data=True) if d["label"] == "HOLDS")
    assert evidence in page.hover(li)  # the tooltip carries the evidence sentence


def test_index_search_and_entity_pages(open_page, seeds_out):
    views = seeds_out / "views"
    page = open_page(views / "index.html")
    page.page.fill("#search", "德州")
    visible = page.page.evaluate("[...document.querySelectorAll('li')].filter(li => li.offsetParent).map(li => li.innerText)")
    assert visible and all("德州" in v for v in visible)
    for query in ("長沙", "changsha"):  # Traditional script and pinyin find the Simplified name
        page.page.fill("#search", query)
        visible = page.page.evaluate("[...document.querySelectorAll('li')].filter(li => li.offsetParent)"
                                     ".map(li => li.innerText)")
        assert any(v.startswith("长沙市") for v in visible), (query, visible)
    page.assert_clean()
    for href in page.page.evaluate("[...document.querySelectorAll('a')].map(a => a.getAttribute('href'))"):
        assert (views / href).exists(), href
    official = page.page.evaluate("[...document.querySelectorAll('a')].find(a => a.innerText === '李猛').getAttribute('href')")
    p = open_page(views / official)
    p.wait_drawn()
    p.assert_clean()
    labels = p.page.evaluate("window.kg.nodes.get().map(n => n.label)")
    assert "德州市" in labels and "李猛" in labels


def test_injected_markup_renders_as_text_and_never_runs(open_page, seeds_out, tmp_path):
    g = read_graph(seeds_out / "graph.graphml")
    li = official_of(g, "李猛")
    g.nodes[li]["name"] = XSS_NAME
    for _, _, d in g.out_edges(li, data=True):
        d["evidence"] = [{"article": e["article"], "sentence": XSS_SENTENCE, "offset": 0} for e in d["evidence"]] \
            if isinstance(d.get("evidence"), list) else XSS_SENTENCE
    views = tmp_path / "views"
    write_views(g, views)
    city = city_of(g, "德州市")
    article = next(a for a, _ in in_edges(g, li, "MENTIONS"))
    for path in (views / "index.html", views / "overview.html", views / page_name("city", city),
                 views / page_name("official", li), views / page_name("article", article)):
        page = open_page(path)
        if path.name.startswith(("index", "article")):
            assert XSS_NAME in page.page.inner_text("body")  # as text
        else:
            page.wait_drawn()  # the label is cut to fit; the tooltip has the whole name
            assert any(XSS_NAME in (tip or "") for tip in page.page.evaluate("window.kg.nodes.get().map(n => n.tip)"))
        if path.name.startswith("city-"):
            tip = page.hover(li)
            assert "<script>window.__pwned=3</script>" in tip
        page.page.wait_for_timeout(200)
        assert page.page.evaluate("window.__pwned") is None, path.name
        assert page.page.evaluate("document.querySelectorAll('img[src=x], .vis-tooltip script').length") == 0
        page.assert_clean()


def test_kg_views_reports_a_bad_graph(tmp_path):
    (tmp_path / "g.graphml").write_text("not xml", encoding="utf-8")
    proc = run_kg("views", tmp_path / "g.graphml", "--out", tmp_path / "v")
    assert proc.returncode == 2 and "g.graphml" in proc.stderr and "not a readable GraphML" in proc.stderr


def test_big_views_get_positions_and_no_physics(tmp_path):
    import networkx as nx

    from kg.settings import load_settings

    g = nx.MultiDiGraph()
    for i in range(40):
        g.add_node(f"c{i}", id=f"c{i}", labels=":Place:City", name=f"市{i}")
        for j in range(5):
            g.add_node(f"o{i}-{j}", id=f"o{i}-{j}", labels=":Official", name=f"官{i}{j}", titles=["市长"])
            g.add_edge(f"o{i}-{j}", f"c{i}", key="k", label="HOLDS", title="市长")
    written = write_views(g, tmp_path, load_settings(view_max_nodes=120, view_physics_max=50))
    assert written.overview_nodes == 120
    html = (tmp_path / "overview.html").read_text(encoding="utf-8")
    assert '"physics": false' in html or '"enabled": false' in html
    assert "best-connected of 240" in html


def test_article_pages_highlight_entities_and_are_linked_from_tables_and_nodes(open_page, seeds_out):
    """An article's page shows its headline and the sentences the graph cites with the extracted entities marked and
    linked; an official's table row and a click on the official's node both lead to the sentence on that page."""
    g = read_graph(seeds_out / "graph.graphml")
    views = seeds_out / "views"
    li = official_of(g, "李猛")
    official = open_page(views / page_name("official", li))
    official.wait_drawn()
    row_link = official.page.locator("#facts a").first
    href = row_link.get_attribute("href")
    assert href.startswith("article-") and "#s-" in href
    official.page.evaluate("id => window.kg.network.selectNodes([id])", li)
    official.page.evaluate("id => window.kg.network.body.emitter.emit('click', {nodes: [id], edges: []})", li)
    panel_links = official.page.locator("#details a")
    assert panel_links.count() >= 1 and all(panel_links.nth(i).get_attribute("href").startswith("article-")
                                            for i in range(panel_links.count()))
    holds = official.page.evaluate("window.kg.edges.get().filter(e => e.rel === 'HOLDS')[0].id")
    official.page.evaluate("id => window.kg.network.body.emitter.emit('click', {nodes: [], edges: [id]})", holds)
    edge_link = official.page.locator("#details a").first.get_attribute("href")
    assert edge_link.startswith("article-") and "#s-" in edge_link  # a fact links to its evidence sentence
    official.assert_clean()
    file, anchor = href.split("#", 1)
    article = open_page(views / file)
    sentence = article.page.locator(f"[id='{anchor}']")
    assert sentence.count() == 1 and "李猛" in sentence.inner_text()
    mark = sentence.locator("mark.k-Official", has_text="李猛").first
    assert mark.get_attribute("title").startswith("Official: 李猛 · confidence")
    assert mark.locator("a").get_attribute("href") == page_name("official", li)
    (a,) = [n for n in g if page_name("article", n) == file]
    assert article.page.locator("h1").inner_text() == g.nodes[a]["title"]
    # the whole text is there (the build keeps it in entities.jsonl), not only the cited sentences
    shown = article.page.evaluate("[...document.querySelectorAll('main > p:not(.note)')].map(p => p.textContent).join('')")
    assert len(shown) >= 0.95 * int(g.nodes[a]["chars"]) - 200
    article.assert_clean()


def test_overview_search_filters_labels_and_phone_layout(open_page, seeds_out, browser):
    """Search by Simplified, Traditional or pinyin selects the node; unticking a type hides its nodes; labels drawn
    at fit are 11 px or more; relation names are Chinese; a phone-sized window does not scroll sideways."""
    g = read_graph(seeds_out / "graph.graphml")
    views = seeds_out / "views"
    page = open_page(views / "overview.html")
    page.wait_drawn()
    changsha = next(n for n in g if g.nodes[n].get("name") == "长沙市")
    assert page.page.evaluate("window.kg.nodes.get().some(n => n.id === arguments[0])".replace("arguments[0]",
                                                                                                 f"'{changsha}'"))
    for text in ("長沙", "changsha", "长沙"):
        found = page.page.evaluate("q => window.kg.search(q)", text)
        assert changsha in found, text
        assert changsha in page.page.evaluate("window.kg.network.getSelectedNodes()")
    page.page.evaluate("window.kg.search('')")
    page.page.evaluate("window.kg.network.fit({animation: false})")
    page.page.evaluate("window.kg.network.emit('zoom', {})")
    sizes = page.page.evaluate("window.kg.labelSizes()")
    assert sizes and min(s["px"] for s in sizes) >= 11, sorted(s["px"] for s in sizes)[:5]
    officials = page.page.evaluate("window.kg.nodes.get().filter(n => n.group === 'Official').length")
    assert officials > 0
    page.page.locator(".kg-type[value=Official]").uncheck()
    assert page.page.evaluate("window.kg.nodes.get().filter(n => n.group === 'Official' && !n.hidden).length") == 0
    assert page.page.evaluate("window.kg.nodes.get().filter(n => n.group !== 'Official' && n.hidden).length") == 0
    labels = set(page.page.evaluate("window.kg.edges.get().map(e => e.label)"))
    assert not {"RUNS", "PART_OF", "HOLDS"} & labels and "开展" in labels
    page.assert_clean()
    for name in ("overview.html", page_name("city", city_of(g, "德州市"))):
        phone = browser.new_context(viewport={"width": 390, "height": 844})
        p = phone.new_page()
        p.goto((views / name).resolve().as_uri())
        p.wait_for_function("window.kg && window.kg.drawn", timeout=30_000)
        assert p.evaluate("document.documentElement.scrollWidth") <= 390, name
        phone.close()


def test_a_page_without_its_assets_says_so(open_page, seeds_out, tmp_path):
    page_file = tmp_path / "overview.html"
    shutil.copy(seeds_out / "views" / "overview.html", page_file)  # no assets/ beside it
    page = open_page(page_file)
    page.page.wait_for_selector("#kg-noassets", state="visible", timeout=10_000)
    assert "assets/" in page.page.inner_text("#kg-noassets")


def test_a_city_page_charts_its_figures_by_subject(open_page, seeds_out):
    """One bar per subject of the city's figures (at most 15, the most frequent), drawn offline as SVG."""
    from collections import Counter

    g = read_graph(seeds_out / "graph.graphml")
    city = city_of(g, "德州市")
    page = open_page(seeds_out / "views" / page_name("city", city))
    page.wait_drawn()
    csv_rows = list(__import__("csv").reader(io.StringIO(page.page.evaluate("window.kg.tableCsv()"))))[1:]
    subjects = Counter(r[0] for r in csv_rows if r[0])
    assert subjects
    assert page.page.locator("svg.kg-chart rect.bar").count() == min(15, len(subjects))
    first = page.page.locator("svg.kg-chart g title").first.text_content()
    top_subject, top_count = sorted(subjects.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    assert first == f"{top_subject}: {top_count}"
    page.assert_clean()


def test_low_confidence_is_drawn_faded_and_can_be_hidden(open_page, seeds_out):
    page = open_page(seeds_out / "views" / "overview.html")
    page.wait_drawn()
    low = page.page.evaluate("window.kg.nodes.get().filter(n => n.low).map(n => n.id)")
    low_edges = page.page.evaluate("window.kg.edges.get().filter(e => e.low).length")
    assert low or low_edges
    assert all(page.page.evaluate(f"window.kg.nodes.get('{n}').opacity") < 1 for n in low)
    page.page.locator("#kg-low").uncheck()
    assert page.page.evaluate("window.kg.nodes.get().filter(n => n.low && !n.hidden).length") == 0
    assert page.page.evaluate("window.kg.edges.get().filter(e => e.low && !e.hidden).length") == 0
    assert page.page.evaluate("window.kg.nodes.get().filter(n => !n.low && n.hidden).length") == 0
    page.assert_clean()


def test_tables_page_filter_and_export(open_page, seeds_out, seeds_graph):
    """A city's table is drawn 100 rows at a time, filtered in the page, and exported as CSV (what is shown,
    with the header); the network exports as PNG."""
    import csv

    g = read_graph(seeds_out / "graph.graphml")
    city = city_of(g, "德州市")
    page = open_page(seeds_out / "views" / page_name("city", city))
    page.wait_drawn()
    total = page.page.evaluate("window.kg.rows()")
    assert page.page.locator("#facts tbody tr").count() == min(100, total) > 0
    rows = list(csv.reader(io.StringIO(page.page.evaluate("window.kg.tableCsv()"))))
    assert rows[0][0] == "subject 主体" and len(rows) == total + 1
    subject = rows[1][0]
    kept = page.page.evaluate("q => window.kg.filterTable(q)", subject)
    assert 0 < kept <= total and page.page.locator("#facts tbody tr").count() == min(100, kept)
    assert all(subject in " ".join(r) for r in list(csv.reader(io.StringIO(page.page.evaluate("window.kg.tableCsv()"))))[1:])
    assert page.page.evaluate("window.kg.png()").startswith("data:image/png;base64,")
    page.assert_clean()


def test_screenshots_desktop_and_phone(browser, seeds_out):
    """The README's pictures: overview, a city page (with its chart), an article page, on a 1440×900 desktop and a
    390×844 phone, written to the build's screenshots/ folder (set KG_SCREENSHOTS to a folder to copy them there:
    that is how docs/ got them). On the phone no page scrolls sideways."""
    import os

    g = read_graph(seeds_out / "graph.graphml")
    views = seeds_out / "views"
    dezhou = city_of(g, "德州市")
    article = next(a for a, _ in in_edges(g, official_of(g, "李猛"), "MENTIONS"))
    shots = seeds_out / "screenshots"
    shots.mkdir(exist_ok=True)
    pages = {"overview": "overview.html", "city": page_name("city", dezhou), "article": page_name("article", article)}
    for device, (w, h) in {"desktop": (1440, 900), "phone": (390, 844)}.items():
        context = browser.new_context(viewport={"width": w, "height": h})
        for name, file in pages.items():
            p = context.new_page()
            p.goto((views / file).resolve().as_uri())
            if name != "article":
                p.wait_for_function("window.kg && window.kg.drawn", timeout=30_000)
                p.wait_for_timeout(300)
            assert p.evaluate("document.documentElement.scrollWidth") <= w, (device, name)
            p.screenshot(path=shots / f"{name}-{device}.png", full_page=name != "overview")
            if name == "city":
                p.locator("svg.kg-chart").screenshot(path=shots / f"chart-{device}.png")
            p.close()
        context.close()
    written = sorted(shots.glob("*-desktop.png")) + sorted(shots.glob("*-phone.png"))
    assert len(written) == 8 and all(f.stat().st_size > 5_000 for f in written)
    if os.environ.get("KG_SCREENSHOTS"):
        for f in written:
            shutil.copy(f, Path(os.environ["KG_SCREENSHOTS"]) / f.name)


def test_overview_groups_each_province_and_renders_the_same_bytes_twice(seeds_out, tmp_path):
    """Every node of a province sits nearer its own province's centre than any other's; two renders of the same
    graph are byte-identical (layout included)."""
    from kg.settings import load_settings
    from kg.views import render

    g = read_graph(seeds_out / "graph.graphml")
    view = select.overview(g, load_settings().view_max_nodes)
    pos = render.grouped_positions(view)
    regions = {n["id"]: n.get("region") or "" for n in view.nodes}
    centre = {}
    for r in set(regions.values()) - {""}:
        pts = [pos[n] for n, rr in regions.items() if rr == r]
        centre[r] = (sum(x for x, _ in pts) / len(pts), sum(y for _, y in pts) / len(pts))
    assert len(centre) >= 4
    dist = lambda a, b: ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5  # noqa: E731
    for n, r in regions.items():
        if r:
            assert min(centre, key=lambda c: dist(pos[n], centre[c])) == r, (n, r)
    write_views(g, tmp_path / "a")
    write_views(g, tmp_path / "b")
    for page in (tmp_path / "a").glob("*.html"):
        assert page.read_bytes() == (tmp_path / "b" / page.name).read_bytes(), page.name


def test_an_official_page_draws_dated_posts_on_a_timeline(open_page, seeds_out):
    g = read_graph(seeds_out / "graph.graphml")
    dated = {n for n in g if kind_of(g, n) == "Official" and any(d.get("firstSeen") for _, d in out_edges(g, n, "HOLDS"))}
    assert dated  # 004 (嘉兴) gives its date
    official = sorted(dated)[0]
    page = open_page(seeds_out / "views" / page_name("official", official))
    page.wait_drawn()
    spans = sum(1 for _, d in out_edges(g, official, "HOLDS") if d.get("firstSeen"))
    assert page.page.locator("svg.kg-timeline rect.span").count() == spans
    first = min(d["firstSeen"] for _, d in out_edges(g, official, "HOLDS") if d.get("firstSeen"))
    assert first[:4] in page.page.locator("svg.kg-timeline").text_content()
    undated = next(n for n in g if kind_of(g, n) == "Official" and n not in dated)
    assert "kg-timeline" not in (seeds_out / "views" / page_name("official", undated)).read_text(encoding="utf-8")
    page.assert_clean()


def test_a_subject_page_compares_the_places_that_report_it(open_page, seeds_out):
    """A figure subject several places report has its page: one bar per place (its largest figure in the
    subject's most common unit) and every figure in the table, linked from the index."""
    g = read_graph(seeds_out / "graph.graphml")
    shared = select.subjects(g)
    assert shared
    subject, rows = next(iter(shared.items()))
    page = open_page(seeds_out / "views" / page_name("subject", subject))
    page.wait_drawn()
    unit = __import__("collections").Counter(g.nodes[m].get("unit") or "" for m, _, _ in rows).most_common(1)[0][0]
    places = {p for m, p, _ in rows if (g.nodes[m].get("unit") or "") == unit}
    assert page.page.locator("svg.kg-chart rect.bar").count() == min(15, len(places)) >= 2
    assert page.page.evaluate("window.kg.rows()") == len(rows)
    page.assert_clean()
    index = (seeds_out / "views" / "index.html").read_text(encoding="utf-8")
    assert page_name("subject", subject) in index


def test_a_date_range_hides_facts_reported_outside_it(open_page, seeds_out):
    """Where facts carry first/last report dates, a year range hides those outside it; undated facts stay."""
    g = read_graph(seeds_out / "graph.graphml")
    city = next(n for n in g if kind_of(g, n) == "City" and any(
        d.get("firstSeen") for _, _, d in g.in_edges(n, data=True)) and page_name("city", n))
    page = open_page(seeds_out / "views" / page_name("city", city))
    page.wait_drawn()
    dated = page.page.evaluate("window.kg.edges.get().filter(e => e.firstSeen).length")
    undated = page.page.evaluate("window.kg.edges.get().filter(e => !e.firstSeen).length")
    assert dated > 0
    last = int(page.page.get_attribute("#kg-to", "value"))
    page.page.fill("#kg-from", str(last + 1))
    page.page.fill("#kg-to", str(last + 1))
    page.page.dispatch_event("#kg-to", "change")
    assert page.page.evaluate("window.kg.edges.get().filter(e => e.firstSeen && !e.hidden).length") == 0
    assert page.page.evaluate("window.kg.edges.get().filter(e => !e.firstSeen && !e.hidden).length") == undated
    page.assert_clean()
