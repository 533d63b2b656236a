"""The query library in Neo4j Browser, as a user runs it: the server kg provisions serves Browser; in Debian's
headless Chromium a test signs in, pastes each file's ``:param`` lines and runs them, then pastes the query (its
comment lines included) and runs it, and reads the answer Browser shows."""
import re
import shutil

import pytest

from kg.graph.export import read_graph
from kg.neo4j import queries
from kg.neo4j.loader import Neo4jLoader
from kg.settings import load_settings

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-sync"]
RECORDS = re.compile(r"Started streaming (\d+) records?")


@pytest.fixture(scope="module")
def browser_page(neo4j_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = b.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        page.goto(f"http://127.0.0.1:{neo4j_server.http_port}/browser/?dbms=neo4j://127.0.0.1:{neo4j_server.bolt_port}"
                  "&preselectAuthMethod=NATIVE", wait_until="networkidle")
        page.fill("input[data-testid=username]", "neo4j")
        page.fill("input[data-testid=password]", neo4j_server.password)
        page.click("button[data-testid=connect]")
        page.get_by_text("You are connected as user").wait_for(timeout=30_000)
        yield page
        b.close()


def _type(page, text: str) -> None:
    page.locator("#monaco-main-editor").click()
    page.keyboard.insert_text(text)
    page.keyboard.press("Control+Enter")


def _run(page, text: str) -> str:
    """Paste ``text`` into Browser's editor, run it, and return the text of the frame it makes when done
    (frames are cleared first: Browser keeps at most 30)."""
    _type(page, ":clear")
    frames = page.locator("[data-testid=frame]")
    page.wait_for_function("() => document.querySelectorAll('[data-testid=frame]').length === 0", timeout=30_000)
    _type(page, text)
    page.wait_for_function("() => document.querySelectorAll('[data-testid=frame]').length > 0", timeout=30_000)
    frame = frames.first
    for _ in range(150):  # until the answer or an error shows
        shown = frame.inner_text()
        if RECORDS.search(shown) or "no changes, no records" in shown or "ERROR" in shown \
                or "Successfully set your parameters" in shown or (text.startswith(":param") and "\n" in text):
            return shown
        page.wait_for_timeout(200)
    return frame.inner_text()


def test_every_library_query_pasted_into_browser_gives_the_driver_answer(driver, browser_page, seeds_out):
    """Param lines first, then the query as the file has it: Browser shows as many records as the driver gets,
    with no error and no warning but an unknown property (a Cartesian product would be one); and the usage-collection banner never shows (telemetry is off on the server)."""
    Neo4jLoader(driver).load(read_graph(seeds_out))
    shown = {}
    for q in queries.library(load_settings().queries_dir).values():
        if q.param_lines:
            assert "ERROR" not in _run(browser_page, q.param_lines), q.name
            browser_page.wait_for_timeout(500)
        answer = _run(browser_page, "\n".join(line for line in q.text.splitlines()
                                              if not queries.PARAM.match(line)).strip())
        assert "ERROR" not in answer, (q.name, answer[-300:])
        if "\nWarn\n" in answer:
            frame = browser_page.locator("[data-testid=frame]").first
            frame.get_by_text("Warn", exact=True).click()
            codes = set(re.findall(r"Status code: (\S+)", frame.inner_text()))
            # the seeds are text files: no article has a url, and Browser says the property is unknown
            assert codes == {"Neo.ClientNotification.Statement.UnknownPropertyKeyWarning"}, (q.name, codes)
            frame.get_by_text("Table", exact=True).click()
        m = RECORDS.search(answer)
        if not m and "\nGraph\n" in answer:  # a path: Browser draws it; its Table view says how many records
            frame = browser_page.locator("[data-testid=frame]").first
            frame.get_by_text("Table", exact=True).click()
            answer = frame.inner_text()
            m = RECORDS.search(answer)
        shown[q.name] = int(m.group(1)) if m else 0
    expected = {q.name: len(driver.execute_query(q.statement, q.params).records)
                for q in queries.library(load_settings().queries_dir).values()}
    assert shown == expected
    assert all(n > 0 for n in shown.values()), shown
    assert browser_page.get_by_text("collect information on product usage").count() == 0


def test_the_query_guide_plays_in_browser_and_its_blocks_run(driver, browser_page, seeds_out):
    """`kg guide` serves the library as a Browser guide on localhost: `:play` shows a slide per query after the
    list of them; a click on a slide's blocks puts the `:param` lines, then the query, in the editor, and they run."""
    from kg.neo4j import guide

    Neo4jLoader(driver).load(read_graph(seeds_out))
    library = queries.library(load_settings().queries_dir)
    server = guide.serve(guide.guide_html(library.values()))
    try:
        _run(browser_page, f":play {server.url}")
        frame = browser_page.locator("[data-testid=frame]").first
        frame.get_by_text(f"1 / {len(library) + 1}").wait_for(timeout=10_000)
        shown = frame.inner_text()
        assert all(name in shown for name in library), shown[:500]
        first = next(iter(library.values()))  # the first slide after the list
        frame.locator("button.next-slide").first.click()
        frame.get_by_text(f"2 / {len(library) + 1}").wait_for(timeout=10_000)
        blocks = frame.locator("pre.runnable:visible")
        assert blocks.count() == (2 if first.param_lines else 1)
        for i in range(blocks.count()):
            blocks.nth(i).click()  # into the editor
            browser_page.keyboard.press("Control+Enter")
            browser_page.wait_for_timeout(1500)
        answer = browser_page.locator("[data-testid=frame]").first.inner_text()
        assert "ERROR" not in answer and RECORDS.search(answer), answer[-300:]
    finally:
        server.shutdown()
