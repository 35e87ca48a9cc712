"""Benchmark: validation and whole-site build time as the portfolio grows.

Makes portfolios of N programmes (copies of the demo programmes under new slugs) in a
temporary folder, then prints, for each N, the median of several runs of validation and
of `rhaglen build` (both languages), with pages built and peak memory. Run with
`make bench`; figures depend on the machine, so nothing here asserts a time.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-26"


def site_skeleton(project: Path) -> Path:
    """A site project in `project` (config, docs, overrides, tags) with no programme yet;
    returns its programmes folder."""
    shutil.copytree(REPO / "docs", project / "docs",
                    ignore=shutil.ignore_patterns("programmes", "lessons", "schema"))
    shutil.copytree(REPO / "overrides", project / "overrides")
    shutil.copy2(REPO / "mkdocs.yml", project / "mkdocs.yml")
    programmes = project / "programmes"
    programmes.mkdir()
    shutil.copy2(REPO / "programmes" / "tags.yml", programmes / "tags.yml")
    return programmes


def make_project(root: Path, count: int) -> Path:
    project = root / f"n{count}"
    programmes = site_skeleton(project)
    sources = sorted(p for p in (REPO / "programmes").iterdir() if p.is_dir())
    for i in range(count):
        source = sources[i % len(sources)]
        shutil.copytree(source, programmes / f"{source.name}-{i:04d}")
    return project


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall time in seconds and peak memory (MiB) of one run of `command`."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return elapsed, peak


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [2, 20, 60]
    runs = 3
    rhaglen = str(Path(sys.executable).with_name("rhaglen"))
    print(f"as of {AS_OF}, {runs} runs each, medians; {os.cpu_count()} cores, "
          f"Python {sys.version.split()[0]}, {date.today()}")
    print(f"{'programmes':>10} {'pages':>6} {'validate s':>10} {'build s':>8} "
          f"{'ms/page':>8} {'peak MiB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for count in sizes:
            project = make_project(Path(tmp), count)
            checks = [timed([rhaglen, "validate", "programmes", "--as-of", AS_OF], project)[0]
                      for _ in range(runs)]
            builds = [timed([rhaglen, "build", "--as-of", AS_OF], project) for _ in range(runs)]
            pages = len(list((project / "site").rglob("index.html")))
            build_s = statistics.median(b[0] for b in builds)
            print(f"{count:>10} {pages:>6} {statistics.median(checks):>10.2f} {build_s:>8.2f} "
                  f"{1000 * build_s / pages:>8.1f} {max(b[1] for b in builds):>8}")


if __name__ == "__main__":
    main()
