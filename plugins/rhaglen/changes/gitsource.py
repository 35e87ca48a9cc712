"""The programmes folder of one side of a comparison: a folder, or a git revision's.

A revision's folder is copied out of git object by object (`git ls-tree` and
`git cat-file --batch`, never a shell, never git's export attributes) into a temporary
folder. Only what the loader could read is read, one blob at a time in bounded pieces: a
blob over the loader's size limit becomes a file of its size with nothing written in it,
which the loader refuses as too large exactly as in a working tree. A symbolic link is
copied as a link to nowhere useful, so that the loader refuses it where it stands, exactly
as in a working tree; nothing is ever written through one. A tree that no folder could
hold (a name such as `..`, a file and a folder of one name) is refused before anything is
written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..text.yamlload import MAX_FILE_BYTES

SYMLINK, SUBMODULE = "120000", "160000"
NAME_MAX = 255  # bytes in one file name, on the file systems a folder is checked out to
PIECE = 64 * 1024  # bytes of a blob held at once while it is copied


class SourceError(Exception):
    """A side that cannot be read: the message is one line for the person running it."""


class TreeError(SourceError):
    """A revision whose tree no folder could hold: its data is wrong, not the command."""


@dataclass(frozen=True)
class _Entry:
    """A file of `git ls-tree -r -l`: its size is None for a submodule, and its path is
    inside the programmes folder."""

    mode: str
    obj: str
    size: int | None
    path: str


def _git_command() -> str:
    git = shutil.which("git")
    if git is None:
        raise SourceError("git is not installed: compare two folders instead")
    return git


def _git(args: list[str], cwd: Path) -> bytes:
    done = subprocess.run([_git_command(), *args], cwd=cwd, capture_output=True, check=False)
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


def _entries(listing: bytes, prefix: str) -> Iterator[_Entry]:
    """The files of `git ls-tree -r -l -z` under `prefix`, named from there."""
    for record in listing.split(b"\0"):
        meta, tab, name = record.partition(b"\t")
        path = name.decode("utf-8", errors="surrogateescape")
        if tab and path.startswith(prefix):
            mode, _, obj, size = meta.decode().split()
            yield _Entry(mode, obj, None if size == "-" else int(size), path[len(prefix):])


def _unholdable(name: str) -> str | None:
    """Why no folder could hold a file or folder of this name, if none could."""
    if name in ("", ".", ".."):
        return f"'{name}' is not a name"
    if "\\" in name:
        return "a name holds a backslash, which separates folders on Windows"
    if len(os.fsencode(name)) > NAME_MAX:
        return f"a name is longer than {NAME_MAX} bytes"
    return None


def _check_tree(entries: list[_Entry], revision: str, relative: str) -> None:
    """Refuse, before anything is written, a tree that no folder could hold."""
    files: set[str] = set()
    folders: set[str] = set()
    for entry in entries:
        parts = entry.path.split("/")
        shown = f"{relative}/{entry.path}".removeprefix("./")
        why = next(filter(None, map(_unholdable, parts)), None)
        if why is not None:
            raise TreeError(f"{revision} holds '{shown}', which no folder can hold: {why}")
        if entry.path in files:
            raise TreeError(f"{revision} holds '{shown}' twice")
        files.add(entry.path)
        folders.update("/".join(parts[:n]) for n in range(1, len(parts)))
    both = min(files & folders, default=None)
    if both is not None:
        shown = f"{relative}/{both}".removeprefix("./")
        raise TreeError(f"{revision} holds both a file and a folder at '{shown}'")


class _Blobs:
    """`git cat-file --batch`, asked for one blob at a time: each is copied to its file in
    pieces of at most PIECE bytes, so that no more is ever held at once."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdin is not None and process.stdout is not None
        self.ask, self.answer = process.stdin, process.stdout

    def copy(self, entry: _Entry, target: Path) -> None:
        self.ask.write(f"{entry.obj}\n".encode())
        self.ask.flush()
        if self.answer.readline().split()[1:] != [b"blob", str(entry.size).encode()]:
            raise SourceError(f"git cannot read the blob {entry.obj}")
        left = entry.size or 0
        with target.open("xb") as out:
            while left:
                piece = self.answer.read(min(left, PIECE))
                if not piece:
                    raise SourceError(f"git stopped while reading the blob {entry.obj}")
                out.write(piece)
                left -= len(piece)
        self.answer.read(1)  # the line break after each blob


@contextmanager
def _blob_reader(top: Path) -> Iterator[_Blobs]:
    with subprocess.Popen([_git_command(), "cat-file", "--batch"], cwd=top,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL) as process:
        yield _Blobs(process)


def _write(entry: _Entry, target: Path, blobs: _Blobs) -> None:
    """One file of the tree at `target`, never through a link (the tree was checked)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if entry.mode == SUBMODULE:
        target.mkdir()  # a folder the loader refuses for what it holds
    elif entry.mode == SYMLINK:
        target.symlink_to(os.devnull)  # refused by the loader where it stands
    elif entry.size is not None and entry.size > MAX_FILE_BYTES:
        with target.open("xb") as out:
            out.truncate(entry.size)  # its size without its content: refused as too large
    else:
        blobs.copy(entry, target)


def extract_revision(revision: str, folder: Path, into: Path, top: Path) -> None:
    """Copy `folder` (a path in the working tree) as it is at `revision` into `into`.

    A revision without that folder gives an empty folder: every programme is new.
    """
    commit = _commit(revision, top)
    relative = _inside(top, folder)
    into.mkdir(parents=True, exist_ok=True)
    listing = _git(["ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", relative], top)
    entries = list(_entries(listing, "" if relative == "." else relative + "/"))
    _check_tree(entries, revision, relative)
    with _blob_reader(top) as blobs:
        for entry in entries:
            try:
                _write(entry, into.joinpath(*entry.path.split("/")), blobs)
            except OSError as exc:
                shown = f"{relative}/{entry.path}".removeprefix("./")
                raise SourceError(f"cannot copy '{shown}' of {revision} out of git: "
                                  f"{exc.strerror or exc}") from None


def repository_top(start: Path) -> Path:
    """The top folder of the git repository that holds `start`."""
    return Path(os.fsdecode(_git(["rev-parse", "--show-toplevel"], start).rstrip(b"\n")))


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
