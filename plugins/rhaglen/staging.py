"""Build beside the site folder, then swap: the old site stays until the new one is whole.

The temporary folders have fixed names (`.site.rhaglen-building`, `.site.rhaglen-old`),
so the next build finds and removes whatever a killed build left, whatever its process
id was. A lock on the parent folder keeps two builds into the same place apart.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
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
def locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` (its own file descriptor) while building."""
    if fcntl is None:
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy(f"another build is writing into {folder}; wait for it to finish"
                       ) from None
        yield
    finally:
        os.close(fd)


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
