"""Benchmark: what a phone downloads before its first search result, and index build time.

Builds portfolios of 30 and 300 programmes (copies of the demo programmes, as
`build_time.py` makes them), serves each site, and in Debian's Chromium (Playwright) opens a
Welsh and an English page, waits for it to settle, then focuses the header search box and
types a query. Every response under /pagefind/ and the box's own script is recorded from
the page's first request until the first results are on screen, and added up as a phone on
a compressing server would get them: text files (.js, .css, .json) at their gzip -9 size,
Pagefind's index, fragments and WebAssembly (already compressed) as they are. A fresh
browser context each time: nothing cached. Each query is typed twice: quickly (one search)
and slowly (a search for every letter typed, the most a reader can cause).

Index build time is Pagefind run again on the finished site with the site's own options
(median of 3). Usage: `python tests/bench/search_size.py [counts...]` (default 30 300),
with the worktree's `plugins` on PYTHONPATH. Prints; asserts nothing.
"""

from __future__ import annotations

import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from browser import chromium, serve
from build_time import AS_OF, make_project, timed
from rhaglen.search.pagefind import EXCLUDE

KB = 1000
# (page, query): a plain word, and on the Welsh page a mutated form (two searches).
QUERIES = [("/", "ysmygu"), ("/", "Nghymru"), ("/en/", "smoking"), ("/en/", "pharmacy")]
PACKED = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", ".pagefind")
OWN = "/javascripts/rhaglen-search.js"


def wire_bytes(url: str, body: bytes) -> int:
    """What the response costs a phone: text gzipped (-9) by the server, the rest as is."""
    path = url.split("?")[0]
    return len(body) if path.endswith(PACKED) else len(gzip.compress(body, 9))


def kind_of(url: str) -> str:
    """box, pagefind.js, entry, meta, wasm, index or fragment."""
    if url.endswith(OWN):
        return "box"
    name = url.split("/pagefind/")[-1]
    for prefix, kind in (("index/", "index"), ("fragment/", "fragment"), ("wasm.", "wasm"),
                         ("pagefind-entry", "entry"), ("pagefind.js", "pagefind.js")):
        if name.startswith(prefix):
            return kind
    return "meta" if name.endswith(".pf_meta") else name


def first_query(browser: Any, base: str, path: str, query: str, delay: int) -> dict[str, Any]:
    """Bytes (by kind) fetched for the search box from the page's first request until
    `query`'s results are on screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    seen: list[Any] = []
    page.on("response", lambda response: seen.append(response))
    page.goto(base + path, wait_until="networkidle")
    page.focus("#rh-search-input")
    page.keyboard.type(query, delay=delay)
    page.locator(".rh-search__status").filter(
        has_text=re.compile(rf"^(\d+|Dim|No) .*{re.escape(query)}$")).wait_for()
    counted = [r for r in list(seen) if "/pagefind/" in r.url or r.url.endswith(OWN)]
    kinds: dict[str, int] = {}
    for response in counted:
        kind = kind_of(response.url)
        kinds[kind] = kinds.get(kind, 0) + wire_bytes(response.url, response.body())
    results = page.locator(".rh-search__results li").count()
    context.close()
    return {"bytes": sum(kinds.values()), "kinds": kinds, "requests": len(counted),
            "results": results}


def index_seconds(site: Path, out: Path) -> float:
    """Median wall time of indexing the built `site` with Pagefind, as the build does."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--silent",
               "--output-path", str(out)]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(command, check=True)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def search_css_bytes() -> int:
    """The gzip -9 size of the box's rules in the site's stylesheet (loaded by every page)."""
    css = (Path(__file__).resolve().parents[2] / "docs" / "stylesheets" / "rhaglen.css")
    rules = "\n".join(line for line in css.read_text("utf-8").splitlines() if "rh-search" in line)
    return len(gzip.compress(rules.encode(), 9))


def main() -> None:
    counts = [int(n) for n in sys.argv[1:]] or [30, 300]
    rhaglen = [sys.executable, "-m", "rhaglen.cli"]
    os.environ.setdefault("PYTHONPATH", str(Path(__file__).resolve().parents[2] / "plugins"))
    print(f"bytes before the first result (KB = 1000 bytes; text at gzip -9): the box's "
          f"script and Pagefind's files; the box's CSS rules add {search_css_bytes()} bytes "
          "to the site's stylesheet")
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        for count in counts:
            project = make_project(Path(tmp), count)
            build, _ = timed([*rhaglen, "build", "--as-of", AS_OF], project)
            site = project / "site"
            pages = len(list(site.rglob("index.html")))
            seconds = index_seconds(site, Path(tmp) / f"again{count}")
            whole = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
            print(f"\n{count} programmes, {pages} pages: site built in {build:.0f} s; "
                  f"Pagefind indexes it in {seconds:.1f} s (median of 3); index "
                  f"{whole / KB / KB:.1f} MB on disk", flush=True)
            with serve(site) as base:
                for path, query in QUERIES:
                    for typing, delay in (("quickly", 60), ("slowly", 450)):
                        got = first_query(browser, base, path, query, delay)
                        kinds = ", ".join(f"{k} {v / KB:.1f}" for k, v in
                                          sorted(got["kinds"].items(), key=lambda kv: -kv[1]))
                        lang = "cy" if path == "/" else "en"
                        print(f"  {lang} {query!r:11} typed {typing:7}: {got['bytes'] / KB:6.1f} KB"
                              f" in {got['requests']:2} requests ({kinds}); "
                              f"{got['results']} results shown")


if __name__ == "__main__":
    main()
