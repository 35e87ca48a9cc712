"""The preview's HTTP server: the last good site, or the page saying why there is none.

Each request gets a thread of its own and reads one immutable `Shown`, which the builder
replaces whole when a build ends; so no request waits for a build, and none sees half of
one. Files are read from disk when asked for, without caching, in the site's own layout.

It answers only requests made to its own address (against DNS rebinding: a page the person
editing visits cannot read the drafts), redirects only to a path on itself, answers 404
for any path the system cannot look up, and says a failed request in one short line
with its control characters escaped.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..text.i18n import LANGUAGES
from ..text.problems import printable
from .pages import GENERATION_PATH, building_page, page_language, problem_page, reload_script

HTML = "text/html; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
LOOPBACK = ("localhost", "127.0.0.1", "[::1]")  # names of this machine a browser may use
LINE = 200  # characters at most in a line the terminal gets about a request
# A folder's path a redirect may add its slash to: one slash, then neither slash nor
# backslash (which a browser would read as the start of another host), no backslash or
# control character anywhere.
_SAFE_FOLDER = re.compile(r"/(?![/\\])[^\\\x00-\x1f\x7f]*")


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


def host_allowed(header: str | None, bound: tuple[str, int]) -> bool:
    """Whether a request's Host header names the preview: its bound host or a loopback name,
    with its bound port. None (no header, as HTTP/1.0 allows) passes: every browser sends one.
    """
    if header is None:
        return True
    host, colon, port = header.strip().lower().rpartition(":")
    name = bound[0].lower()
    names = {f"[{name}]" if ":" in name else name, *LOOPBACK}
    return bool(colon) and host in names and port == str(bound[1])


def redirect_safe(path: str) -> bool:
    """Whether `path` + "/" can only be read as a path on this host, as sent and decoded."""
    return all(_SAFE_FOLDER.fullmatch(form) for form in (path, unquote(path)))


def one_line(text: str, limit: int = LINE) -> str:
    """`text` fit for a terminal: control characters escaped, at most `limit` characters."""
    shown = printable(text)
    return shown if len(shown) <= limit else shown[:limit - 1] + "…"


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
    def bound(self) -> tuple[str, int]:
        """The host and port the server listens on."""
        host, port = self.server_address[:2]
        return str(host), int(port)

    @property
    def url(self) -> str:
        host, port = self.bound
        return f"http://{host}:{port}/"

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that went away is no error; anything else is said in one line."""
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError):
            print(one_line(f"rhaglen serve: a request failed: {error}"), file=sys.stderr,
                  flush=True)


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
        hosts = self.headers.get_all("Host", [])
        if len(hosts) > 1 or not host_allowed(hosts[0] if hosts else None, self.server.bound):
            self._send(421, TEXT, b"421 Misdirected Request\n", with_body)
            return
        shown = self.server.shown
        path = urlsplit(self.path).path
        if path == GENERATION_PATH:
            self._send(200, TEXT, str(shown.generation).encode(), with_body)
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
        target = self._find(path)
        if target is not None and not path.endswith("/") and target.is_dir():
            self._redirect(path + "/")
            return
        status = 200
        if target is None:
            prefix = "" if lang == shown.default_language else f"{lang}/"
            status, target = 404, site / prefix / "404.html"
        try:
            body = target.read_bytes()
        except OSError:  # a site without a 404 page, or one removed since
            self._send(404, TEXT, b"404\n", with_body)
            return
        kind = self.guess_type(str(target))
        if kind == "text/html":
            body, kind = with_reload(body, shown.generation), HTML
        self._send(status, kind, body, with_body)

    def _find(self, path: str) -> Path | None:
        """The file of the site at `path` (a folder's index.html); the folder itself if
        asked for without its closing slash and safe to redirect to; else None: nothing
        there, or nothing the system can look up (a name too long, say)."""
        try:
            target = Path(self.translate_path(path))
            if target.is_dir():
                if not path.endswith("/"):
                    return target if redirect_safe(path) else None
                target = target / "index.html"
            return target if target.is_file() else None
        except (OSError, ValueError):
            return None

    def _redirect(self, location: str) -> None:
        query = urlsplit(self.path).query
        self.send_response(301)
        self.send_header("Location", location + (f"?{query}" if query else ""))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, kind: str, body: bytes, with_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if with_body:
            self.wfile.write(body)
