"""Benchmark: `rhaglen validate` time as the portfolio grows, and the command's start-up.

Makes portfolios of 30, 100 and 300 programmes (copies of the demo programmes, as
`build_time.py` makes them), then prints, for each, the median of 5 runs of `rhaglen
validate`: wall time and CPU time (user and system). Start-up is the median wall time of
`rhaglen --help`, which imports what every command imports and reads no data.
Usage: `python tests/bench/validate_time.py [counts...]`. Prints; asserts nothing:
figures depend on the machine and on what else it is doing.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_time import AS_OF, make_project

RUNS = 5


def run(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [30, 100, 300]
    rhaglen = str(Path(sys.executable).with_name("rhaglen"))
    print(f"as of {AS_OF}, medians of {RUNS} runs; {os.cpu_count()} cores, "
          f"Python {sys.version.split()[0]}, {date.today()}")
    with tempfile.TemporaryDirectory() as tmp:
        startup = [run([rhaglen, "--help"], Path(tmp))[0] for _ in range(RUNS)]
        print(f"start-up (rhaglen --help): {statistics.median(startup):.2f} s wall")
        print(f"{'programmes':>10} {'files':>6} {'wall s':>7} {'CPU s':>6}")
        for count in sizes:
            project = make_project(Path(tmp), count)
            files = sum(1 for _ in (project / "programmes").rglob("*.yml"))
            runs = [run([rhaglen, "validate", "programmes", "--as-of", AS_OF], project)
                    for _ in range(RUNS)]
            print(f"{count:>10} {files:>6} {statistics.median(r[0] for r in runs):>7.2f} "
                  f"{statistics.median(r[1] for r in runs):>6.2f}")


if __name__ == "__main__":
    main()
