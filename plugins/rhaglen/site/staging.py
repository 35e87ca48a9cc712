"""Build beside the site folder, then swap: the old site stays until the new one is whole.

The temporary folders have fixed names (`.site.rhaglen-building`, `.site.rhaglen-old`),
so the next build finds and removes whatever a killed build left, whatever its process
id was. A lock on the parent folder keeps two builds into the same place apart.

Every build of a project also writes its generated pages into the one docs folder, then
MkDocs reads them: two builds at once (into two sites, or a build beside the preview)
would publish each other's pages. A second lock, on the docs folder, makes the later
build wait until the first has read its pages.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no lock, builds into one folder must not overlap
    fcntl = None  # type: ignore[assignment]


class Busy(Exception):
    """Another build into the same folder is running."""


def building(site: Path) -> Path:
    """Where the new site is built."""
    return site.with_name(f".{site.name}.rhaglen-building")


def previous(site: Path) -> Path:
    """Where the old site waits while the new one takes its place."""
    return site.with_name(f".{site.name}.rhaglen-old")


def _leftovers(site: Path) -> list[Path]:
    """Temporary folders of earlier builds, including the per-process names once used."""
    legacy = re.compile(rf"\.{re.escape(site.name)}\.(building|old)-[0-9]+")
    fixed = {building(site).name, previous(site).name}
    return [path for path in site.parent.iterdir()
            if (path.name in fixed or legacy.fullmatch(path.name))
            and path.is_dir() and not path.is_symlink()]


def clear_leftovers(site: Path) -> None:
    """Restore a site a killed build had moved aside, then remove every leftover."""
    if previous(site).is_dir() and not site.exists() and not site.is_symlink():
        previous(site).rename(site)
    for path in _leftovers(site):
        shutil.rmtree(path)


@contextmanager
def _flocked(folder: Path, busy: Callable[[], None]) -> Iterator[None]:
    """Hold an exclusive lock on `folder` (its own file descriptor); if another process
    holds it, call `busy` first, which either raises or says why this one waits."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            busy()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` while building; Busy if another build holds it."""
    def busy() -> None:
        raise Busy(f"another build is writing into {folder}; wait for it to finish")

    if fcntl is None:
        yield
        return
    with _flocked(folder, busy):
        yield


# The docs folders whose lock this process holds, and how many times (a build holds it,
# then the plugin it runs asks again). Forked children share their parent's lock.
_HELD: dict[Path, int] = {}


def _say_waiting(folder: Path) -> None:
    print(f"rhaglen: another build is writing the pages in {folder}; waiting for it to "
          "finish", file=sys.stderr, flush=True)


@contextmanager
def generating(docs: Path, waiting: Callable[[Path], None] = _say_waiting) -> Iterator[None]:
    """Hold the lock on the generated pages of `docs` while writing and building them,
    after `waiting` (one line) for another process's build to end if there is one."""
    key = docs.resolve()
    first = key not in _HELD and fcntl is not None and key.is_dir()
    with _flocked(key, lambda: waiting(docs)) if first else nullcontext():
        _HELD[key] = _HELD.get(key, 0) + 1
        try:
            yield
        finally:
            _HELD[key] -= 1
            if not _HELD[key]:
                del _HELD[key]


def replace(built: Path, site: Path) -> None:
    """Put `built` where `site` is, keeping the old site until the new one is in place."""
    old = previous(site)
    if site.exists():
        site.rename(old)
    try:
        built.rename(site)
    except OSError:
        if old.exists():
            old.rename(site)
        raise
    if old.exists():
        shutil.rmtree(old)
