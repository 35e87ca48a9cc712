"""The preview's HTTP server: the last good site, or the page saying why there is none.

Each request gets a thread of its own and reads one immutable `Shown`, which the builder
replaces whole when a build ends; so no request waits for a build, and none sees half of
one. Files are read from disk when asked for, without caching, in the site's own layout.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..i18n import LANGUAGES
from .pages import GENERATION_PATH, building_page, page_language, problem_page, reload_script

HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Shown:
    """What the preview serves: a built site, or the lines that stopped the last build."""

    generation: int = 0  # 0 until the first build ends; one more at each build
    site: Path | None = None
    problems: tuple[str, ...] = ()
    default_language: str = LANGUAGES[0]


def with_reload(page: bytes, generation: int) -> bytes:
    """The page with the reload script added just before its closing body tag."""
    script = reload_script(generation).encode()
    at = page.lower().rfind(b"</body>")
    return page + script if at < 0 else page[:at] + script + page[at:]


class PreviewServer(ThreadingHTTPServer):
    """Serves `shown`; the builder replaces it with `show`."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int]) -> None:
        super().__init__(address, PreviewHandler)
        self.shown = Shown()

    def show(self, shown: Shown) -> None:
        """Serve `shown` from the next request on."""
        self.shown = shown

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/"

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that went away is no error; anything else is said in one line."""
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError):
            print(f"rhaglen serve: a request failed: {error}", file=sys.stderr)


class PreviewHandler(SimpleHTTPRequestHandler):
    """Answers from the current `Shown`: a file of the site, its 404 page, or a preview page."""

    server: PreviewServer

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def log_message(self, format: str, *args: Any) -> None:
        """No line per request: the terminal keeps to what the person editing needs."""

    def _answer(self, with_body: bool) -> None:
        shown = self.server.shown
        path = urlsplit(self.path).path
        if path == GENERATION_PATH:
            self._send(200, "text/plain; charset=utf-8", str(shown.generation).encode(),
                       with_body)
            return
        lang = page_language(path, shown.default_language)
        if shown.site is None:
            page = (problem_page(shown.problems, lang, shown.generation) if shown.problems
                    else building_page(lang, shown.generation))
            self._send(503, HTML, page.encode(), with_body)
            return
        self._send_file(shown, shown.site, path, lang, with_body)

    def _send_file(self, shown: Shown, site: Path, path: str, lang: str, with_body: bool
                   ) -> None:
        self.directory = str(site)
        target = Path(self.translate_path(path))
        if target.is_dir() and not path.endswith("/"):
            query = urlsplit(self.path).query
            self.send_response(301)
            self.send_header("Location", path + "/" + (f"?{query}" if query else ""))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if target.is_dir():
            target = target / "index.html"
        status = 200
        if not target.is_file():
            prefix = "" if lang == shown.default_language else f"{lang}/"
            status, target = 404, site / prefix / "404.html"
        try:
            body = target.read_bytes()
        except OSError:  # a site without a 404 page, or one removed since
            self._send(404, "text/plain; charset=utf-8", b"404\n", with_body)
            return
        kind = self.guess_type(str(target))
        if kind == "text/html":
            body, kind = with_reload(body, shown.generation), HTML
        self._send(status, kind, body, with_body)

    def _send(self, status: int, kind: str, body: bytes, with_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if with_body:
            self.wfile.write(body)
