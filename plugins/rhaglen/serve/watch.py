"""Noticing that a site's sources changed, by comparing what their files look like on disk.

Polling needs no dependency and misses nothing, whatever the filesystem. The generated
folders of the docs tree are skipped: every build rewrites them, and a build must not
start another (FINDINGS.md: with `mkdocs serve` one edit cost two full rebuilds).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

Fingerprint = frozenset[tuple[str, int, int]]

# What editors write beside a file while it is open (.x.swp, .#x, #x#, x~): not an edit.
EDITOR_FILES = re.compile(r"^\.#|^#.*#$|~$|\.sw[a-p]$")


def _mark(path: str) -> tuple[str, int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:  # deleted while we looked: the next look will miss it
        return None
    return path, stat.st_mtime_ns, stat.st_size


def fingerprint(watched: Iterable[Path], skipped: Iterable[Path] = ()) -> Fingerprint:
    """Each file under `watched` (files or folders) with its modification time and size.

    Folders in `skipped`, and files editors keep beside an open file, are left out.
    """
    skip = {os.path.abspath(p) for p in skipped}
    marks: list[tuple[str, int, int] | None] = []
    for place in map(os.path.abspath, watched):
        if os.path.isfile(place):
            marks.append(_mark(place))
        for top, dirs, names in os.walk(place):
            dirs[:] = [d for d in dirs if os.path.join(top, d) not in skip]
            marks.extend(_mark(os.path.join(top, name)) for name in names
                         if not EDITOR_FILES.search(name))
    return frozenset(mark for mark in marks if mark is not None)


def only_under(changes: Fingerprint, folder: Path) -> bool:
    """Whether every change between two fingerprints (their symmetric difference) is a
    file inside `folder`, and there is at least one."""
    inside = os.path.abspath(folder) + os.sep
    return bool(changes) and all(mark[0].startswith(inside) for mark in changes)
