"""Benchmark: page generation time as one programme's updates grow.

Gives a copy of the walk-to-school programme N daily updates (each reporting objectives,
milestones, spend, a risk and a new action), then times loading, page generation
(`rhaglen.pages.generate.site_files`) and, with `--build`, one whole `rhaglen build`.
Run as `python -m tests.bench.updates_time 200 500 1000 2000 [--build]`. Build time
should grow in proportion to N; nothing here asserts a time.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from .build_time import REPO, site_skeleton

AS_OF = date(2026, 11, 26)
WALK = "cerdded-i-r-ysgol"


def _update(day: date, i: int) -> str:
    return f"""period:
  start: {day.isoformat()}
  end: {day.isoformat()}
rag: {("green", "amber", "red")[i % 3]}
summary:
  cy: Adroddiad {i}.
  en: Report {i}.
objectives:
  - id: O1
    value: {30 + i % 20}
milestones:
  - id: M2
    forecast: 2026-09-30
spend:
  - line: B1
    spent: {1000 + i}
risks:
  - id: R1
    likelihood: {1 + i % 4}
    impact: 3
actions:
  - id: A{i}
    responds_to: R1
    title:
      cy: Cam {i}
      en: Action {i}
    owner: swyddog
    due: {day.isoformat()}
    status: {("planned", "in-progress", "done")[i % 3]}
"""


def make_project(root: Path, count: int) -> Path:
    """A site project whose walk-to-school programme has `count` daily updates."""
    project = root / f"u{count}"
    programmes = site_skeleton(project)
    walk = programmes / WALK
    shutil.copytree(REPO / "programmes" / WALK, walk)
    shutil.rmtree(walk / "updates")
    (walk / "updates").mkdir()
    programme = walk / "programme.yml"
    programme.write_text(programme.read_text(encoding="utf-8").replace(
        "start: 2025-09-01", "start: 2020-09-01").replace("type: campaign", "type: programme"),
        encoding="utf-8")
    for i in range(count):
        day = AS_OF - timedelta(days=count - i)
        (walk / "updates" / f"{day.isoformat()}.yml").write_text(_update(day, i),
                                                                  encoding="utf-8")
    return project


def measure(project: Path, build: bool) -> tuple[float, float, float | None]:
    """Seconds to load, to generate every page, and (optionally) to build the site."""
    from rhaglen.data.load import load_portfolio
    from rhaglen.pages.generate import site_files
    from rhaglen.site.build import build_site

    started = time.perf_counter()
    result = load_portfolio(project / "programmes", AS_OF)
    loaded = time.perf_counter()
    assert result.portfolio is not None, [p.format() for p in result.problems]
    site_files(result.portfolio, AS_OF, ("cy", "en"), "cy")
    generated = time.perf_counter()
    built = None
    if build:
        assert build_site(project / "mkdocs.yml", project / "site", AS_OF) == 0
        built = time.perf_counter() - generated
    return loaded - started, generated - loaded, built


def main() -> None:
    build = "--build" in sys.argv
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()] or [200, 500, 1000]
    print(f"{'updates':>8} {'load s':>8} {'pages s':>8} {'build s':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for count in sizes:
            load_s, pages_s, build_s = measure(make_project(Path(tmp), count), build)
            shown = f"{build_s:>8.1f}" if build_s is not None else f"{'-':>8}"
            print(f"{count:>8} {load_s:>8.2f} {pages_s:>8.2f} {shown}", flush=True)


if __name__ == "__main__":
    main()
