"""Symbolic links: found without ever being followed, and the refusal to read or write
through one. A link could lead to any file of the machine that builds the site, which
would then be published, or replaced.
"""

from __future__ import annotations

import os
from pathlib import Path


class UnsafePath(Exception):
    """A build would write or delete where it must not; the message says where and why."""


def first_link(path: Path, top: Path | None = None) -> Path | None:
    """The first symbolic link on the way from `top` down to `path` (`path` included), or
    None. Without `top`, the way is `path`'s own components when it is relative (below
    the working folder), else `path` alone."""
    if top is None:
        parts = path.parts if not path.is_absolute() else ()
        steps = [Path(*parts[:n]) for n in range(1, len(parts) + 1)] or [path]
    else:
        try:
            inside = Path(os.path.abspath(path)).relative_to(os.path.abspath(top))
        except ValueError:
            inside = Path()
        steps = [Path(top, *inside.parts[:n]) for n in range(1, len(inside.parts) + 1)]
        steps = steps or [path]
    return next((step for step in steps if step.is_symlink()), None)


def linked_paths(folder: Path) -> list[Path]:
    """`folder` if it is a symbolic link, else every link inside it; links are not followed."""
    if folder.is_symlink():
        return [folder]
    found: list[Path] = []
    for top, dirs, names in os.walk(folder, followlinks=False):
        found.extend(Path(top, name) for name in [*dirs, *names]
                     if os.path.islink(os.path.join(top, name)))
    return sorted(found)
