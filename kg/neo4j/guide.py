r"""A Neo4j Browser guide of the query library: one slide per question, its ``:param`` lines and its query as
runnable blocks (a click puts the code in Browser's editor). Browser plays a guide from an address on its allowed
hosts (``browser.remote_content_hostname_whitelist``, by default ``localhost`` and Neo4j's own), fetched by the
web page itself, so the server that serves it must allow that origin: :func:`serve` does, on localhost.

>>> from kg.neo4j.queries import CypherQuery
>>> q = CypherQuery("officials_of_city", None, ":param city => '德州市';\nMATCH (c {name: $city}) RETURN c;",
...                 "Officials of a city.", {"city": "德州市"})
>>> html = guide_html([q])
>>> "Officials of a city." in html and html.count('class="pre-scrollable code runnable"') == 2
True
"""
from __future__ import annotations

import http.server
import socket
import threading
from html import escape
from typing import Iterable

from kg.neo4j.queries import CypherQuery

GUIDE_FILE = "kg-guide.html"


def guide_html(queries: Iterable[CypherQuery]) -> str:
    """The guide in Browser's format (``article.guide`` of ``slide`` elements): an opening slide listing every
    question, then one slide per query."""
    queries = list(queries)
    listing = "".join(f"<li><b>{escape(q.name)}</b>: {escape(q.summary)}</li>" for q in queries)
    slides = [f'<slide class="row-fluid"><div class="col-sm-12"><h3>kg: the query library</h3>'
              f"<p>One question per slide. Click the <code>:param</code> block to set the example parameters "
              f"(change the values to ask about another place or person), then the query block, and run each "
              f"with the play button.</p><ol>{listing}</ol></div></slide>"]
    for q in queries:
        blocks = ""
        if q.param_lines:
            blocks += f'<pre class="pre-scrollable code runnable">{escape(q.param_lines)}</pre>'
        blocks += f'<pre class="pre-scrollable code runnable">{escape(q.statement)}</pre>'
        slides.append(f'<slide class="row-fluid"><div class="col-sm-12"><h3>{escape(q.name)}</h3>'
                      f"<p>{escape(q.summary)}</p>{blocks}</div></slide>")
    return ('<article class="guide"><carousel class="deck container-fluid">' + "".join(slides)
            + "</carousel></article>\n")


class _Handler(http.server.BaseHTTPRequestHandler):
    body = b""

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")  # Browser's page fetches it from its own origin
        self.send_header("Access-Control-Allow-Headers", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, OPTIONS")

    def do_OPTIONS(self):  # noqa: N802 (the http.server name): the page's CORS preflight
        self.send_response(204)
        self._cors()
        self.end_headers()

    def do_GET(self):  # noqa: N802
        if self.path.split("?")[0] != "/" + GUIDE_FILE:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self._cors()
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):  # quiet: the CLI says where it serves
        pass


class _IPv6Server(http.server.ThreadingHTTPServer):
    address_family = socket.AF_INET6


class GuideServer:
    """The guide on localhost — 127.0.0.1 and, where the machine has it, ::1 (a browser may resolve localhost to
    either) — on one port; ``port`` says which."""

    def __init__(self, html: str, port: int = 0):
        handler = type("GuideHandler", (_Handler,), {"body": html.encode("utf-8")})
        self.servers = [http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)]
        self.port = self.servers[0].server_address[1]
        try:
            self.servers.append(_IPv6Server(("::1", self.port), handler))
        except OSError:
            pass  # no IPv6 loopback: localhost is 127.0.0.1
        for s in self.servers:
            threading.Thread(target=s.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}/{GUIDE_FILE}"

    def shutdown(self) -> None:
        for s in self.servers:
            s.shutdown()
            s.server_close()


def serve(html: str, port: int = 0) -> GuideServer:
    """Serve the guide on localhost:``port`` (0: any free port) in background threads. Browser then plays it with
    ``:play`` and the server's ``url``."""
    return GuideServer(html, port)
