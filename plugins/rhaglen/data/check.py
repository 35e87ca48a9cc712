"""What `rhaglen validate` prints: every problem, and how many programmes are valid.

Validating needs no portfolio, only its problems and a count, and each programme is
checked on its own. So where forking is safe and worth it (Linux, this process running
one thread, two cores or more for it, enough programmes), a child process checks every
other programme and sends back its problems while this one checks the rest. If the child
fails or sends nothing, this process checks its share too: the problems printed are the
same either way, sorted as `load_portfolio` sorts them.
"""

from __future__ import annotations

import marshal
import os
import sys
import threading
from collections.abc import Collection, Sequence
from dataclasses import astuple, dataclass
from datetime import date
from pathlib import Path
from typing import NoReturn

from ..text.problems import Problem
from .load import cycle_collection_paused, load_programme, scan_portfolio

MIN_PROGRAMMES = 8  # below this, starting a process costs more than it saves


@dataclass
class Checked:
    """Every problem, sorted, and the number of programmes found valid."""

    problems: list[Problem]
    valid: int


def _check(folders: Sequence[Path], tags: Collection[str] | None, as_of: date
           ) -> tuple[list[Problem], int]:
    problems: list[Problem] = []
    valid = sum(load_programme(folder, tags, as_of, problems) is not None for folder in folders)
    return problems, valid


def _forking_pays(count: int) -> bool:
    return (sys.platform.startswith("linux") and count >= MIN_PROGRAMMES
            and threading.active_count() == 1 and len(os.sched_getaffinity(0)) > 1)


def _child(folders: Sequence[Path], tags: Collection[str] | None, as_of: date,
           answer: int) -> NoReturn:
    """Check `folders`, write the result to the pipe `answer`, and end the process without
    running anything of the parent's (exit handlers, buffered output), also on an error,
    which leaves the answer empty."""
    try:
        problems, valid = _check(folders, tags, as_of)
        with open(answer, "wb") as out:
            out.write(marshal.dumps((valid, [astuple(p) for p in problems])))
    finally:
        os._exit(0)


def _in_two(folders: Sequence[Path], tags: Collection[str] | None, as_of: date
            ) -> tuple[list[Problem], int]:
    theirs = folders[1::2]
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return _check(folders, tags, as_of)
    if pid == 0:
        os.close(read)
        _child(theirs, tags, as_of, write)
    os.close(write)
    try:
        with open(read, "rb") as answer:  # closed on an error here, which ends the child
            problems, valid = _check(folders[0::2], tags, as_of)
            sent = answer.read()
    finally:
        os.waitpid(pid, 0)
    try:
        their_valid, their_problems = marshal.loads(sent)
    except (EOFError, ValueError, TypeError):  # the child failed: check its share here
        more, their_valid = _check(theirs, tags, as_of)
    else:
        more = [Problem(*fields) for fields in their_problems]
    return problems + more, valid + their_valid


def check_portfolio(root: Path, as_of: date) -> Checked:
    """Check every programme under `root` as `load_portfolio` does, judging dates against
    `as_of`; on two cores where it is safe."""
    problems: list[Problem] = []
    valid = 0
    with cycle_collection_paused():
        scan = scan_portfolio(root, problems)
        if scan is not None:
            check = _in_two if _forking_pays(len(scan.folders)) else _check
            found, valid = check(scan.folders, scan.named, as_of)
            problems += found
    problems.sort()
    return Checked(problems, valid)
