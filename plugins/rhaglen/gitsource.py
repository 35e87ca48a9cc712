"""The programmes folder of one side of a comparison: a folder, or a git revision's.

A revision's folder is copied out of git object by object (`git ls-tree` and
`git cat-file --batch`, never a shell, never git's export attributes) into a temporary
folder. A symbolic link is copied as a link to nowhere useful, so that the loader refuses
it where it stands, exactly as in a working tree; nothing is ever written through one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

SYMLINK, SUBMODULE = "120000", "160000"


class SourceError(Exception):
    """A side that cannot be read: the message is one line for the person running it."""


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    git = shutil.which("git")
    if git is None:
        raise SourceError("git is not installed: compare two folders instead")
    done = subprocess.run([git, *args], cwd=cwd, input=stdin, capture_output=True,
                          check=False)
    if done.returncode != 0:
        detail = done.stderr.decode(errors="replace").strip().splitlines()
        raise SourceError(detail[-1] if detail else f"git {args[0]} failed")
    return done.stdout


def _commit(revision: str, top: Path) -> str:
    if revision.startswith("-") or not revision.strip():
        raise SourceError(f"'{revision}' is not a revision")
    try:
        return _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
                    top).decode().strip()
    except SourceError:
        raise SourceError(f"'{revision}' is neither a folder nor a revision of this "
                          "repository") from None


def _inside(top: Path, folder: Path) -> str:
    try:
        return folder.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        raise SourceError(f"{folder} is not inside the repository at {top}") from None


def _entries(listing: bytes) -> Iterator[tuple[str, str, str]]:
    """(mode, object, path) of each entry of `git ls-tree -r -z`."""
    for record in listing.split(b"\0"):
        if record:
            meta, _, path = record.decode("utf-8", errors="surrogateescape").partition("\t")
            mode, _, rest = meta.partition(" ")
            yield mode, rest.split(" ")[-1], path


def _blobs(objects: list[str], top: Path) -> list[bytes]:
    """The contents of `objects`, read in one `git cat-file --batch`."""
    out = _git(["cat-file", "--batch"], top, "".join(f"{o}\n" for o in objects).encode())
    contents, at = [], 0
    for _ in objects:
        header_end = out.index(b"\n", at)
        size = int(out[at:header_end].split()[-1])
        contents.append(out[header_end + 1:header_end + 1 + size])
        at = header_end + 1 + size + 1
    return contents


def _target(into: Path, relative: str) -> Path:
    parts = PurePosixPath(relative).parts
    if not parts or any(p in ("", ".", "..") for p in parts):
        raise SourceError(f"git lists an unsafe path: {relative!r}")
    target = into.joinpath(*parts)
    if any(into.joinpath(*parts[:n]).is_symlink() for n in range(1, len(parts))):
        raise SourceError(f"git lists a path through a symbolic link: {relative!r}")
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def extract_revision(revision: str, folder: Path, into: Path, top: Path) -> None:
    """Copy `folder` (a path in the working tree) as it is at `revision` into `into`.

    A revision without that folder gives an empty folder: every programme is new.
    """
    commit = _commit(revision, top)
    relative = _inside(top, folder)
    into.mkdir(parents=True, exist_ok=True)
    listing = list(_entries(_git(["ls-tree", "-r", "-z", "--full-tree", commit, "--",
                                  relative], top)))
    prefix = relative.rstrip("/") + "/"
    files = [(mode, obj, path[len(prefix):]) for mode, obj, path in listing
             if path.startswith(prefix)]
    blobs = [obj for mode, obj, _ in files if mode != SUBMODULE]
    contents = dict(zip(blobs, _blobs(blobs, top), strict=True))
    for mode, obj, path in files:
        target = _target(into, path)
        if mode == SUBMODULE:
            target.mkdir()  # a folder the loader refuses for what it holds
        elif mode == SYMLINK:
            target.symlink_to(os.devnull)  # refused by the loader where it stands
        else:
            target.write_bytes(contents[obj])


def repository_top(start: Path) -> Path:
    """The top folder of the git repository that holds `start`."""
    return Path(_git(["rev-parse", "--show-toplevel"], start).decode().strip())


@contextmanager
def side_folder(side: str | None, programmes: Path) -> Iterator[Path]:
    """The programmes folder of one side, for as long as the `with` block lasts.

    None: `programmes` as it is on disk. An existing folder: that folder (it is the
    programmes folder). Anything else: a git revision of the repository `programmes` is
    in, copied into a temporary folder that is removed afterwards.
    """
    if side is None:
        yield programmes
        return
    if Path(side).is_dir():
        yield Path(side)
        return
    existing = next((p for p in (programmes.absolute(), *programmes.absolute().parents)
                     if p.is_dir()), Path.cwd())
    top = repository_top(existing)
    with tempfile.TemporaryDirectory(prefix="rhaglen-diff-") as temp:
        into = Path(temp) / (programmes.name or "programmes")
        extract_revision(side, programmes, into, top)
        yield into
