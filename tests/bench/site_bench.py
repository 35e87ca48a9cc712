"""`make bench`: every figure of a build as the portfolio grows, printed, never asserted.

For each portfolio size (copies of the demo programmes, `build_time.make_project`):

- pages built (both languages) and `rhaglen validate` time;
- `rhaglen build` wall and CPU seconds (the build and every process it starts), time per
  page, and peak memory: the most the build's processes held at once (their
  proportional set size, sampled every 20 ms: a page two forked processes share counts
  once) and the largest single process (its peak resident size);
- the same build of one language only (static-i18n's `build_only_locale: cy`), and the
  ratio of the bilingual build to it;
- with `--preview`, `rhaglen serve`: time from a change to one update file to its page
  showing the change (median of 5, `preview_time.py`);
- when `hugo` is on the PATH, Hugo building the same bilingual pages (`hugo_compare.py`)
  and the ratio to it.

Runs alternate bilingual and one-language builds (`--runs`, default 3), medians. Usage:
`python tests/bench/site_bench.py [--runs N] [--preview] [counts...]` (default 30 100 300).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_time import AS_OF, make_project
from hugo_compare import hugo_seconds
from preview_time import preview_seconds

MIB = 1024 * 1024
RHAGLEN = str(Path(sys.executable).with_name("rhaglen"))


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    together_mib: float  # the most all the build's processes held at once (PSS)
    single_mib: float  # the largest one process held (peak RSS)


def _tree(root: int) -> list[int]:
    """`root` and every process below it."""
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as children:
                    queue.extend(int(child) for child in children.read().split())
        except OSError:
            continue
    return found


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def measured(command: list[str], cwd: Path) -> Run:
    """Run `command` in `cwd`: wall and CPU seconds, and its memory."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    most = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal most
        while not done.wait(0.02):
            most = max(most, sum(_pss(pid) for pid in _tree(process.pid)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu, most / MIB, after.ru_maxrss / 1024)


def one_language_config(project: Path) -> Path:
    """A copy of the project's configuration that builds Welsh only."""
    config = project / "mkdocs-cy.yml"
    text = (project / "mkdocs.yml").read_text("utf-8")
    config.write_text(text.replace("  - i18n:\n", "  - i18n:\n      build_only_locale: cy\n", 1),
                      encoding="utf-8")
    return config


def median(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(run, field) for run in runs)


def bench(count: int, root: Path, runs: int, preview: bool) -> None:
    project = make_project(root, count)
    checks = [measured([RHAGLEN, "validate", "programmes", "--as-of", AS_OF], project).wall
              for _ in range(max(runs, 3))]
    one_config = one_language_config(project)
    both: list[Run] = []
    one: list[Run] = []
    for _ in range(runs):  # alternate, so the machine's load falls on both alike
        both.append(measured([RHAGLEN, "build", "--as-of", AS_OF, "-d", "site"], project))
        one.append(measured([RHAGLEN, "build", "--as-of", AS_OF, "-f", str(one_config),
                             "-d", "site-cy"], project))
    pages = sum(1 for _ in (project / "site").rglob("index.html"))
    wall, cpu = median(both, "wall"), median(both, "cpu")
    print(f"\n{count} programmes, {pages} pages (both languages)")
    print(f"  validate            {statistics.median(checks):8.2f} s")
    print(f"  build, bilingual    {wall:8.2f} s wall {cpu:8.2f} s CPU "
          f"{1000 * wall / pages:6.2f} ms/page wall {1000 * cpu / pages:6.2f} ms/page CPU")
    print(f"  peak memory         {max(r.together_mib for r in both):8.0f} MiB all processes "
          f"at once (PSS), {max(r.single_mib for r in both):.0f} MiB the largest one (RSS)")
    one_wall, one_cpu = median(one, "wall"), median(one, "cpu")
    print(f"  build, Welsh only   {one_wall:8.2f} s wall {one_cpu:8.2f} s CPU")
    print(f"  bilingual / one     {wall / one_wall:8.2f}x wall {cpu / one_cpu:8.2f}x CPU")
    if preview:
        _, changes = preview_seconds(project)
        print(f"  preview, one change {statistics.median(changes):8.2f} s (median of "
              f"{len(changes)}: {' '.join(f'{t:.2f}' for t in changes)})")
    hugo = hugo_seconds(project / "site")
    if hugo is None:
        print("  Hugo                not on the PATH (apt-get install hugo): not compared")
    else:
        print(f"  Hugo, same pages    {hugo[0]:8.2f} s wall {hugo[1]:8.2f} s CPU; Rhaglen / Hugo "
              f"{wall / hugo[0]:.1f}x wall {cpu / hugo[1]:.1f}x CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[30, 100, 300])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--preview", action="store_true")
    options = parser.parse_args()
    print(f"as of {AS_OF}; {date.today()}; {platform.node()}: {os.cpu_count()} cores, "
          f"{platform.machine()}, Python {platform.python_version()}; medians of "
          f"{options.runs} runs")
    with tempfile.TemporaryDirectory() as tmp:
        for count in options.counts:
            bench(count, Path(tmp), options.runs, options.preview)


if __name__ == "__main__":
    main()
