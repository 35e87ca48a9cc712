"""Benchmark: how long `rhaglen serve` takes to show a change to one programme's file.

Makes a portfolio of N programmes (`build_time.make_project`), starts the preview on a
loopback port, waits for the first build, then, several times, changes the summary of
one monitoring update and times until the update's page, fetched from the preview,
shows the new words. Prints the first build's time and the median of the changes.
Usage: `python tests/bench/preview_time.py [counts...]` (default 30). Asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_time import AS_OF, make_project
from rhaglen.serve.session import Preview

MARKER = "Cyflwynwyd adroddiad y peilot"


def _shown(url: str, words: str, deadline: float) -> bool:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                if words in answer.read().decode("utf-8"):
                    return True
        except OSError:
            pass
        time.sleep(0.02)
    return False


def preview_seconds(project: Path, changes: int = 5) -> tuple[float, list[float]]:
    """The first build's time, and each change's time until the page shows it."""
    update = next(project.glob("programmes/anadlu-n-rhydd-0000/updates/2025-10-17.yml"))
    page = "programmes/anadlu-n-rhydd-0000/monitoring/2025-10-17/"
    started = time.monotonic()
    with Preview(project / "mkdocs.yml", date.fromisoformat(AS_OF), ("127.0.0.1", 0),
                 poll=0.05) as preview:
        if not _shown(preview.url + page, MARKER, started + 600):
            raise SystemExit("the preview never showed the page")
        first = time.monotonic() - started
        times = []
        for number in range(changes):
            words = f"Newid rhif {number}"
            text = update.read_text("utf-8").replace(MARKER, f"{words}. {MARKER}", 1)
            changed = time.monotonic()
            update.write_text(text, encoding="utf-8")
            if not _shown(preview.url + page, words, changed + 120):
                raise SystemExit("the preview never showed the change")
            times.append(time.monotonic() - changed)
            while not preview.settled():
                time.sleep(0.05)
    return first, times


def main() -> None:
    counts = [int(n) for n in sys.argv[1:]] or [30]
    print("programmes  first build s  one change s (median of 5)  all changes s")
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            first, times = preview_seconds(make_project(Path(tmp), count))
            print(f"{count:>10}  {first:>13.1f}  {statistics.median(times):>26.2f}  "
                  + " ".join(f"{t:.2f}" for t in times))


if __name__ == "__main__":
    main()
