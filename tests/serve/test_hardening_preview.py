"""The preview answers only its own address, redirects only to itself, and keeps the terminal
clean, whatever a request carries (issue 17, round three).

A `PreviewServer` serves a small hand-made site on a free loopback port; requests are
written byte for byte on a socket, so Host headers and paths are exactly as a hostile
page or client would send them. Every socket has a timeout.
"""

from __future__ import annotations

import http.client
import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from rhaglen.serve.pages import GENERATION_PATH
from rhaglen.serve.server import PreviewHandler, PreviewServer, Shown

PAGES = {"index.html": "Hafan", "404.html": "Dim tudalen", "programmes/index.html": "Rhaglenni",
         "en/index.html": "Home", "en/404.html": "No page"}
# A Location a browser can only read as a path on the same host: one slash, then neither
# slash nor backslash (a browser reads "\" as "/"), no backslash or control character.
SAFE_LOCATION = re.compile(r"/(?![/\\])[^\\\x00-\x20\x7f]*")
Answer = tuple[int, dict[str, str], bytes]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[PreviewServer]:
    """A preview server on a free loopback port, showing a small built site."""
    for name, text in PAGES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"<html><body>{text}</body></html>", encoding="utf-8")
    running = PreviewServer(("127.0.0.1", 0))
    running.show(Shown(1, tmp_path))
    thread = threading.Thread(target=running.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield running
    finally:
        running.shutdown()
        running.server_close()
        thread.join(5)


def port(server: PreviewServer) -> int:
    return int(server.server_address[1])


def own(server: PreviewServer) -> bytes:
    return f"127.0.0.1:{port(server)}".encode()


def ask(server: PreviewServer, target: bytes, hosts: list[bytes] | None = None,
        method: str = "GET") -> Answer:
    """The status, headers and body of one request written as given: `hosts` are its Host
    headers (default: the preview's own address; none at all: HTTP/1.0). Status 0: no
    answer, the connection closed."""
    hosts = [own(server)] if hosts is None else hosts
    version = b"HTTP/1.1" if hosts else b"HTTP/1.0"
    head = b"%s %s %s\r\n" % (method.encode(), target, version)
    head += b"".join(b"Host: %s\r\n" % host for host in hosts)
    with socket.create_connection(("127.0.0.1", port(server)), timeout=5) as sock:
        sock.sendall(head + b"Connection: close\r\n\r\n")
        answer = http.client.HTTPResponse(sock, method=method)
        try:
            answer.begin()
        except http.client.RemoteDisconnected:
            return 0, {}, b""
        return answer.status, dict(answer.getheaders()), answer.read()


def terminal_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    captured = capsys.readouterr()
    return (captured.out + captured.err).splitlines()


def clean(lines: list[str]) -> bool:
    """Whether every line is short and free of control characters (C0, DEL and C1)."""
    return all(len(line) <= 200 and not re.search(r"[\x00-\x1f\x7f-\x9f]", line)
               for line in lines)


@pytest.mark.parametrize("host", [
    b"evil.example:{port}", b"evil.example", b"localhost", b"127.0.0.1", b"[::1]",
    b"localhost:1", b"127.0.0.1:{port}0", b"127.0.0.1.evil.example:{port}",
    b"evil.example:{port}@127.0.0.1", b"localhost.:{port}", b"", b":{port}"])
@pytest.mark.parametrize("path", [b"/", b"/programmes", b"/nowhere/",
                                  GENERATION_PATH.encode()])
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_a_request_to_another_host_name_is_misdirected(server: PreviewServer, host: bytes,
                                                       path: bytes, method: str) -> None:
    name = host.replace(b"{port}", str(port(server)).encode())
    status, headers, body = ask(server, path, [name], method)
    assert status == 421, (name, path)
    assert headers["Content-Type"].startswith("text/plain") and "Location" not in headers
    assert body == (b"421 Misdirected Request\n" if method == "GET" else b"")


def test_a_second_host_header_or_a_build_under_way_changes_nothing(server: PreviewServer
                                                                   ) -> None:
    assert ask(server, b"/", [own(server), b"evil.example"])[0] == 421
    assert ask(server, b"/", [b"evil.example", own(server)])[0] == 421
    server.show(Shown())  # the first build not done: the building page, to its own host only
    assert ask(server, b"/", [b"evil.example:%d" % port(server)])[0] == 421
    assert ask(server, GENERATION_PATH.encode(), [b"evil.example"])[2] == (
        b"421 Misdirected Request\n")
    assert ask(server, b"/")[0] == 503


@pytest.mark.parametrize("host", [b"127.0.0.1:{port}", b"localhost:{port}",
                                  b"LocalHost:{port}", b"[::1]:{port}", None])
def test_the_preview_s_own_names_are_answered(server: PreviewServer, host: bytes | None
                                              ) -> None:
    hosts = [] if host is None else [host.replace(b"{port}", str(port(server)).encode())]
    assert ask(server, b"/", hosts)[::2] == (200, ask(server, b"/")[2])
    assert b"Hafan" in ask(server, b"/", hosts)[2]
    assert ask(server, GENERATION_PATH.encode(), hosts)[::2] == (200, b"1")
    assert ask(server, b"/en?x=1", hosts)[:2] == (301, ask(server, b"/en?x=1")[1])


@pytest.mark.parametrize("target", [
    b"/\\evil.example/..", b"/\\evil.example", b"//evil.example/..", b"///evil.example/..",
    b"/\\/evil.example/..", b"/%5Cevil.example/..", b"/%5cevil.example/..",
    b"/%5C%5Cevil.example/..", b"/%2F%2Fevil.example/..", b"/%2f%5cevil.example/..",
    b"/%2F/evil.example/..", b"\\\\evil.example/..", b"\\evil.example/..",
    b"http://evil.example/..", b"/programmes/..\\..\\evil.example/..",
    b"/programmes/%5C..", b"/\x1b/..", b"/%09/evil.example/..", b"/%0A/evil.example/.."])
def test_no_redirect_leads_to_another_host(server: PreviewServer, target: bytes) -> None:
    status, headers, body = ask(server, target)
    base = f"http://127.0.0.1:{port(server)}/"
    if status == 301:
        location = headers["Location"]
        assert SAFE_LOCATION.fullmatch(location), location
        # as a browser reads it: "\" as "/", tabs and line ends dropped
        read = re.sub(r"[\t\n\r]", "", location.replace("\\", "/"))
        assert urlsplit(urljoin(base, read)).netloc == urlsplit(base).netloc, location
    else:
        assert (status, b"Dim tudalen" in body) == (404, True), target


@pytest.mark.parametrize("target", [b"/\\evil.example/..", b"/%5Cevil.example/..",
                                    b"/%2F%2Fevil.example/..", b"\\\\evil.example/.."])
def test_a_folder_behind_a_backslash_or_two_slashes_is_not_found(server: PreviewServer,
                                                                 target: bytes) -> None:
    status, headers, body = ask(server, target)
    assert (status, "Location" in headers, b"Dim tudalen" in body) == (404, False, True)


@pytest.mark.parametrize(("target", "location"), [
    (b"/en", "/en/"), (b"/programmes?a=1&b=2", "/programmes/?a=1&b=2"),
    (b"/en/../programmes", "/en/../programmes/"), (b"/en%2F", "/en%2F/")])
def test_a_folder_without_its_slash_is_still_redirected(server: PreviewServer, target: bytes,
                                                        location: str) -> None:
    status, headers, _ = ask(server, target)
    assert (status, headers.get("Location")) == (301, location)


@pytest.mark.parametrize(("target", "page"), [
    (b"/" + b"a" * 300, b"Dim tudalen"), (b"/" + b"a" * 300 + b"/", b"Dim tudalen"),
    (b"/en/" + b"b" * 256 + b"/index.html", b"No page"), (b"/programmes/" + b"\xc3\xa9" * 200,
                                                          b"Dim tudalen"),
    (b"/" + b"%E2%80%AE" * 100, b"Dim tudalen"), (b"/en" + b"/abc" * 2000, b"No page"),
    (b"/" + b"c" * 300, b"Dim tudalen")])
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_a_name_too_long_is_not_found_and_the_terminal_hears_nothing(
        server: PreviewServer, capsys: pytest.CaptureFixture[str], target: bytes,
        page: bytes, method: str) -> None:
    status, headers, body = ask(server, target, method=method)
    assert status == 404, target[:40]
    assert headers["Content-Type"].startswith("text/html")
    assert page in body if method == "GET" else body == b""
    assert ask(server, b"/")[0] == 200  # and the preview goes on answering
    assert terminal_lines(capsys) == []


def test_a_failed_request_is_one_short_line_without_control_characters(
        server: PreviewServer, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(handler: PreviewHandler, path: str) -> str:  # as OSError names a file: decoded
        raise RuntimeError(f"cannot look up {unquote(path)}")

    monkeypatch.setattr(PreviewHandler, "translate_path", fail)
    target = b"/\x1b]0;owned\x07\x1b[2J\x1b[31m\x9b31m\x08\x7f\x00" + b"x" * 5000
    assert ask(server, target)[0] == 0  # no answer: the request failed
    assert ask(server, b"/%1B%5B2J")[0] == 0
    lines = terminal_lines(capsys)
    assert len(lines) == 2 and clean(lines), lines
    assert lines[0].startswith("rhaglen serve: a request failed: cannot look up /\\x1b]0;owned")
    assert "\\x9b" in lines[0] and lines[0].endswith("…")
    assert lines[1] == "rhaglen serve: a request failed: cannot look up /\\x1b[2J"
