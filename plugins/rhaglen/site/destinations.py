"""Where a build may write: the site folder, and the generated folders of the docs tree.

A build deletes what it replaces, so each place it writes is checked first. The site
folder may not be, hold or sit inside the project's sources, and an existing folder is
replaced only if it is empty or looks like a built site. Generated folders are never
written or emptied through a symbolic link, which could point anywhere.

A build also publishes what it reads, so no source folder may be, lie under or hold a
symbolic link: `ln -s /proc/self/environ docs/env.txt` would publish the build machine's
environment. (Links inside the data folder are the loader's to report, each at its place.)
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..data.links import UnsafePath, first_link, linked_paths
from ..text.problems import display_path

GENERATED_FOLDERS = ("programmes", "lessons", "schema")  # under the docs folder
SOURCE_FOLDERS = ("docs", "programmes", "overrides", "plugins", "tests", ".git")
SITE_FILES = ("index.html", "sitemap.xml")  # every MkDocs build writes both
EXPORT_FILE = "data/datapackage.json"  # every `rhaglen export` writes it


def _contains(outer: Path, inner: Path) -> bool:
    return inner == outer or inner.is_relative_to(outer)


def looks_like_site(folder: Path) -> bool:
    """Whether `folder` holds a site built before (and so may be replaced)."""
    return all((folder / name).is_file() for name in SITE_FILES)


def _check_place(site: Path, project: Path, sources: Iterable[Path], usual: str = "site"
                 ) -> Path:
    """`site` made absolute, if it is not the project, a source, a link or a file."""
    absolute = Path(os.path.abspath(site))
    if absolute.is_symlink():
        raise UnsafePath(f"{site} is a symbolic link; give the real folder with -d")
    resolved, root = absolute.resolve(), project.resolve()
    if _contains(resolved, root):
        raise UnsafePath(f"{site} is the project folder or holds it ({root}); the site "
                         f"would replace the sources: use a folder such as {root / usual}")
    for source in [*(root / name for name in SOURCE_FOLDERS), *sources]:
        source = source.resolve()
        if _contains(source, resolved) or _contains(resolved, source):
            raise UnsafePath(f"{site} is, holds or sits inside the source folder {source}; "
                             f"use a folder of its own such as {root / usual}")
    if resolved.exists() and not resolved.is_dir():
        raise UnsafePath(f"{site} is a file, not a folder; choose another with -d")
    return resolved


def check_site_dir(site: Path, project: Path, sources: Iterable[Path] = ()) -> Path:
    """The site folder, made absolute, if a build may replace it; else raise UnsafePath.

    Refused: the project folder (where mkdocs.yml is) or any folder above it; any source
    folder (SOURCE_FOLDERS of the project, and `sources`), a folder inside one, or one
    holding one; a symbolic link; a file; and a folder with other content that does
    not look like a built site. `site/` in the project is the usual, allowed, choice.
    """
    resolved = _check_place(site, project, sources)
    if resolved.is_dir() and any(resolved.iterdir()) and not looks_like_site(resolved):
        raise UnsafePath(f"{site} is not empty and does not look like a built site (no "
                         f"{' and '.join(SITE_FILES)}); empty it or choose another with -d")
    return resolved


def check_export_dir(folder: Path, project: Path, sources: Iterable[Path] = ()) -> Path:
    """The folder `rhaglen export` replaces, made absolute, if it may; else raise UnsafePath.

    Refused as for a site folder, except that a folder with content must hold an earlier
    export (EXPORT_FILE) rather than a built site: a site is never replaced by its data.
    """
    resolved = _check_place(folder, project, sources, "export")
    if resolved.is_dir() and any(resolved.iterdir()) and not (resolved / EXPORT_FILE).is_file():
        raise UnsafePath(f"{folder} is not empty and does not hold an earlier export (no "
                         f"{EXPORT_FILE}); empty it or choose another with -d")
    return resolved


def check_generated(docs_dir: Path, folders: Iterable[str] = GENERATED_FOLDERS) -> None:
    """Raise UnsafePath if a generated folder is, or holds, a symbolic link."""
    for name in folders:
        links = linked_paths(docs_dir / name)
        if links:
            raise UnsafePath(f"{links[0]} is a symbolic link where every build rewrites "
                             f"generated pages ({docs_dir / name}): delete the link; Rhaglen "
                             "never writes or deletes through one")


def check_sources(project: Path, folders: Iterable[Path], data: Path) -> None:
    """Raise UnsafePath if a source folder (docs, theme overrides) or the data folder is,
    or lies under, a symbolic link inside `project`, or if a source folder holds one."""
    for folder in [*folders, data]:
        link = first_link(folder, project)
        if link is None and folder != data and folder.is_dir():
            link = next(iter(linked_paths(folder)), None)
        if link is not None:
            raise UnsafePath(f"{display_path(link)} is a symbolic link among the site's "
                             "sources: replace it with the file or folder itself; Rhaglen "
                             "never publishes through a link, which could lead to any file "
                             "of this machine")
