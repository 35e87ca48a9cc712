"""Benchmark: what a reader downloads before the first search result, and index build time.

Builds portfolios of 30 and 300 programmes (copies of the demo programmes, as
`build_time.py` makes them), then, for each language, adds up the files the browser fetches
for a first query: Pagefind's script, entry file, language metadata, word-matching
WebAssembly, the largest index chunk a word can need (worst case) and the five largest
page fragments (the first screen of results). The search box's own script and style are
printed apart. Index build time is Pagefind run again on the finished site (median of 3).
Usage: `python tests/bench/search_size.py [counts...]`. Prints; asserts nothing.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_time import AS_OF, make_project, timed

KB = 1024


def first_query_bytes(bundle: Path, lang: str) -> int:
    """Bytes of the index a first query in `lang` downloads, in the worst case."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))["languages"][lang]
    wasm = bundle / f"wasm.{entry['wasm'] or 'unknown'}.pagefind"
    fixed = [bundle / "pagefind.js", bundle / "pagefind-worker.js",
             bundle / "pagefind-entry.json", bundle / f"pagefind.{entry['hash']}.pf_meta", wasm]
    chunks = sorted(p.stat().st_size for p in (bundle / "index").glob(f"{lang}_*"))
    fragments = sorted(p.stat().st_size for p in (bundle / "fragment").glob(f"{lang}_*"))
    return sum(p.stat().st_size for p in fixed if p.exists()) + chunks[-1] + sum(fragments[-5:])


def index_seconds(site: Path, out: Path) -> float:
    """Median wall time of indexing the built `site` with Pagefind."""
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--silent",
                        "--output-path", str(out)], check=True)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> None:
    counts = [int(n) for n in sys.argv[1:]] or [30, 300]
    rhaglen = str(Path(sys.executable).with_name("rhaglen"))
    print("programmes  pages  build s  index s  first query KB (cy / en)  UI KB  index MB")
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            project = make_project(Path(tmp), count)
            build, _ = timed([rhaglen, "build", "--as-of", AS_OF], project)
            site = project / "site"
            bundle = site / "pagefind"
            pages = sum(json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
                        ["languages"][lang]["page_count"] for lang in ("cy", "en"))
            seconds = index_seconds(site, Path(tmp) / f"again{count}")
            cy, en = (first_query_bytes(bundle, lang) / KB for lang in ("cy", "en"))
            ui = sum((bundle / n).stat().st_size for n in ("pagefind-ui.js", "pagefind-ui.css"))
            whole = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
            print(f"{count:>10}  {pages:>5}  {build:>7.1f}  {seconds:>7.2f}  "
                  f"{cy:>12.0f} / {en:<10.0f}  {ui / KB:>5.0f}  {whole / KB / KB:>8.1f}")


if __name__ == "__main__":
    main()
