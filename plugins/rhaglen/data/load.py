"""Load a `programmes/` folder: every file strictly, every problem at its line."""

from __future__ import annotations

import difflib
import gc
import re
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..model.errors import validation_problems
from ..model.portfolio import FILE_MODELS, UPDATES_DIR, Portfolio, Programme, Update
from ..model.types import TAG_PATTERN, Record, Text
from ..model.updates import UpdateFile
from ..rules.across_records import programme_problems
from ..rules.draft import Draft, Gaps
from ..text.names import NAME, name_problem
from ..text.problems import Problem, display_path, errors
from ..text.yamlload import Document, load_yaml
from .links import first_link
from .salvage import Salvage, kinds_in, validate_file

SLUG = NAME
UPDATE_NAME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})\.yml")
TAGS_FILE = "tags.yml"
LINK_REFUSED = ("is a symbolic link, which Rhaglen never follows: commit the file or folder "
                "itself here")
INTERNAL = "internal"
_TEXT = TypeAdapter(Text)


@dataclass
class LoadResult:
    """The portfolio when the data is valid, and every problem (warnings included)."""

    portfolio: Portfolio | None
    problems: list[Problem] = field(default_factory=list)


def _file_problem(path: Path, message: str) -> Problem:
    return Problem(display_path(path), 1, 1, "file", message)


Loaded = dict[str, tuple[Document | None, Salvage]]


def _load_file(path: Path, model: type[Record], problems: list[Problem]
               ) -> tuple[Document | None, Salvage]:
    """A file read as far as it can be, and its model built from the records that held."""
    doc = load_yaml(path, problems, partial=True)
    if doc is None:  # not read at all (its size, its bytes)
        return None, Salvage(None, missing_kinds=kinds_in(model))
    return doc, validate_file(doc, model, problems)


def _unknown(path: Path, known: list[str]) -> Problem:
    if path.name.startswith("."):
        return _file_problem(path, f"hidden file '{path.name}' is not part of a programme: "
                             "delete it (and list it in .gitignore)")
    close = difflib.get_close_matches(path.name, known, n=1, cutoff=0.6)
    holds = ", ".join(known)
    hint = f"; did you mean {close[0]}?" if close else f"; a programme folder holds {holds}"
    return _file_problem(path, f"unknown file or folder '{path.name}'{hint}")


def _entries(folder: Path, problems: list[Problem]) -> list[Path]:
    """Every entry of a folder, hidden ones included: the contract allows no other files.

    A symbolic link is reported and left out, never followed: its target could be any
    file on the machine that builds the site, which would then be published.
    """
    entries = []
    for path in sorted(folder.iterdir()):
        if path.is_symlink():
            problems.append(_file_problem(path, LINK_REFUSED))
        else:
            entries.append(path)
    return entries


def _load_updates(folder: Path, problems: list[Problem]) -> Loaded:
    loaded: Loaded = {}
    for path in _entries(folder, problems):
        match = UPDATE_NAME.fullmatch(path.name)
        valid_date = True
        if match:
            try:
                date.fromisoformat(match.group(1))
            except ValueError:
                valid_date = False
        if not match or not valid_date or not path.is_file():
            problems.append(_file_problem(
                path, f"'{path.name}' is not an update file: name updates YYYY-MM-DD.yml "
                "with the date of the report"))
            continue
        loaded[f"{UPDATES_DIR}/{path.name}"] = _load_file(path, UpdateFile, problems)
    return loaded


def _draft(slug: str, loaded: Loaded) -> Draft:
    """What the rules read: every file that could be built, and what is missing."""
    built = {name: s.model for name, (_, s) in loaded.items() if s.model is not None}
    updates = tuple(
        Update(date.fromisoformat(name[len(UPDATES_DIR) + 1:-4]), model)
        for name, model in sorted(built.items()) if name.startswith(UPDATES_DIR)
    )
    named = {name: model for name, model in built.items() if name in FILE_MODELS}
    salvages = [s for _, s in loaded.values()]
    gaps = Gaps(frozenset().union(*(s.missing_ids for s in salvages)),
                frozenset().union(*(s.missing_kinds for s in salvages)),
                frozenset(name for name, (_, s) in loaded.items() if not s.whole))
    return Draft(slug, named, updates, gaps)


def load_programme(
    folder: Path, tags: Collection[str] | None, as_of: date, problems: list[Problem]
) -> Programme | None:
    """Check every file of one folder; the programme when all of it is valid.

    A file with a problem does not stop the checks of the others, nor of its own records
    that held: the rules run on the draft of what could be built.
    """
    before = len(problems)
    if not SLUG.fullmatch(folder.name):
        problems.append(_file_problem(folder, f"'{folder.name}' is not a valid folder name: "
                                      "use lower-case letters and digits joined by -"))
        return None
    if reason := name_problem(folder.name, "folder name"):
        problems.append(_file_problem(folder, reason))
        return None
    known = [*FILE_MODELS, UPDATES_DIR + "/"]
    loaded: Loaded = {}
    for path in _entries(folder, problems):
        if path.name == UPDATES_DIR and path.is_dir():
            loaded.update(_load_updates(path, problems))
        elif path.name in FILE_MODELS and path.is_file():
            loaded[path.name] = _load_file(path, FILE_MODELS[path.name], problems)
        else:
            problems.append(_unknown(path, known))
    required = folder / "programme.yml"
    if not (required.exists() or required.is_symlink()):
        problems.append(_file_problem(required, "missing: every programme "
                                      "folder needs a programme.yml"))
    unread: dict[str, type[Record]] = {**FILE_MODELS, UPDATES_DIR: UpdateFile}
    for name, model in unread.items():
        if (name == "programme.yml" and name not in loaded) or (folder / name).is_symlink():
            loaded[name] = (None, Salvage(None, missing_kinds=kinds_in(model)))  # not read
    draft = _draft(folder.name, loaded)
    docs = {name: doc for name, (doc, _) in loaded.items() if doc is not None}
    problems.extend(programme_problems(draft, docs, tags, as_of))
    if errors(problems[before:]) or draft.programme is None:
        return None
    files: dict[str, Any] = {name.removesuffix(".yml"): m for name, m in draft.named.items()}
    return Programme(slug=folder.name, updates=draft.updates, **files)


def _load_tags(path: Path, problems: list[Problem]) -> tuple[dict[str, Text], set[str] | None]:
    """The tags' labels, and every tag named (None when the file could not be read whole)."""
    doc = load_yaml(path, problems)
    if doc is None or doc.data is None:
        return {}, None if doc is None else set()
    if not isinstance(doc.data, dict):
        line, col = doc.mark(())
        problems.append(Problem(display_path(path), line, col, "file",
                                "expected a mapping from tag to {cy: ..., en: ...}"))
        return {}, None
    tags: dict[str, Text] = {}
    for key, value in doc.data.items():
        if key == INTERNAL:  # private notes, as at the top of any file: never a tag
            continue
        if not re.fullmatch(TAG_PATTERN, key):
            line, col = doc.key_mark((key,))
            problems.append(Problem(display_path(path), line, col, key,
                                    f"'{key}' is not a valid tag (lower-case words joined by -)"))
            continue
        if reason := name_problem(key, "tag"):
            line, col = doc.key_mark((key,))
            problems.append(Problem(display_path(path), line, col, key, reason))
            continue
        try:
            tags[key] = _TEXT.validate_python(value)
        except ValidationError as exc:
            problems.extend(validation_problems(doc, exc, Text, prefix=(key,)))
    return tags, {key for key in doc.data if key != INTERNAL}


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector while loading, then restore it as it was.

    Loading makes hundreds of thousands of small objects (YAML values, their marks,
    models) that refer to nothing that refers back, so reference counting frees them;
    the collector, started every 700 new objects, would walk them again and again for
    nothing: a seventh of `validate`'s time at 100 programmes. What is kept (the
    portfolio) is long-lived, so it goes straight to the oldest generation (frozen and
    unfrozen, which walks nothing), rather than be walked at once by the collector of
    the youngest: another twentieth, which `validate` would spend just before it exits.
    Objects frozen by someone else are left so.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


@dataclass
class Scan:
    """A `programmes/` folder at a glance: its programme folders, and its tags."""

    folders: list[Path]
    tags: dict[str, Text]  # their labels
    named: set[str] | None  # every tag named (None when tags.yml could not be read whole)


def scan_portfolio(root: Path, problems: list[Problem]) -> Scan | None:
    """The programme folders under `root`, and the tags; anything else there is reported,
    and so is a `root` that is not a folder, or is or lies under a symbolic link: it could
    lead anywhere on the machine (then None, nothing inside it listed)."""
    link = first_link(root)
    if link is not None:
        problems.append(_file_problem(link, LINK_REFUSED))
        return None
    if not root.is_dir():
        problems.append(_file_problem(root, "no such folder"))
        return None
    entries = _entries(root, problems)
    tags_path = root / TAGS_FILE
    tags, named = ((_load_tags(tags_path, problems)) if tags_path in entries
                   and tags_path.is_file() else ({}, set()))
    folders = []
    for path in entries:
        if path.is_dir():
            folders.append(path)
        elif path.name != TAGS_FILE:
            problems.append(_file_problem(
                path, f"unknown file '{path.name}': programmes/ holds {TAGS_FILE} and one "
                "folder per programme"))
    return Scan(folders, tags, named)


def load_portfolio(root: Path, as_of: date) -> LoadResult:
    """Load and check every programme under `root`, judging dates against `as_of`."""
    problems: list[Problem] = []
    with cycle_collection_paused():
        scan = scan_portfolio(root, problems)
        if scan is None:
            return LoadResult(None, problems)
        programmes = [programme for folder in scan.folders if (programme := load_programme(
            folder, scan.named, as_of, problems)) is not None]
    problems.sort()
    if errors(problems):
        return LoadResult(None, problems)
    return LoadResult(Portfolio(tuple(programmes), scan.tags), problems)
