"""Load a `programmes/` folder: every file strictly, every problem at its line."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .model.errors import validation_problems
from .model.portfolio import FILE_MODELS, UPDATES_DIR, Portfolio, Programme, Update
from .model.types import TAG_PATTERN, Record, Text
from .model.updates import UpdateFile
from .problems import Problem, display_path, errors
from .rules import programme_problems
from .yamlload import Document, load_yaml

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
UPDATE_NAME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})\.yml")
TAGS_FILE = "tags.yml"
INTERNAL = "internal"
_TEXT = TypeAdapter(Text)


@dataclass
class LoadResult:
    """The portfolio when the data is valid, and every problem (warnings included)."""

    portfolio: Portfolio | None
    problems: list[Problem] = field(default_factory=list)


def _file_problem(path: Path, message: str) -> Problem:
    return Problem(display_path(path), 1, 1, "file", message)


def _validate(doc: Document, model: type[Record], problems: list[Problem]) -> Any:
    try:
        return model.model_validate({} if doc.data is None else doc.data)
    except ValidationError as exc:
        problems.extend(validation_problems(doc, exc, model))
        return None


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
            problems.append(_file_problem(path, "is a symbolic link, which Rhaglen never "
                                          "follows: commit the file or folder itself here"))
        else:
            entries.append(path)
    return entries


def _load_updates(folder: Path, problems: list[Problem]) -> dict[str, tuple[Document, Any]]:
    loaded: dict[str, tuple[Document, Any]] = {}
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
        doc = load_yaml(path, problems)
        if doc is not None and (model := _validate(doc, UpdateFile, problems)):
            loaded[f"{UPDATES_DIR}/{path.name}"] = (doc, model)
    return loaded


def _load_programme(
    folder: Path, tags: dict[str, Text], as_of: date, problems: list[Problem]
) -> Programme | None:
    before = len(problems)
    if not SLUG.fullmatch(folder.name):
        problems.append(_file_problem(folder, f"'{folder.name}' is not a valid folder name: "
                                      "use lower-case letters and digits joined by -"))
        return None
    known = [*FILE_MODELS, UPDATES_DIR + "/"]
    loaded: dict[str, tuple[Document, Any]] = {}
    for path in _entries(folder, problems):
        if path.name == UPDATES_DIR and path.is_dir():
            loaded.update(_load_updates(path, problems))
        elif path.name in FILE_MODELS and path.is_file():
            doc = load_yaml(path, problems)
            if doc is not None and (model := _validate(doc, FILE_MODELS[path.name], problems)):
                loaded[path.name] = (doc, model)
        else:
            problems.append(_unknown(path, known))
    if "programme.yml" not in loaded:
        required = folder / "programme.yml"
        if not (required.exists() or required.is_symlink()):
            problems.append(_file_problem(required, "missing: every programme "
                                          "folder needs a programme.yml"))
        return None
    complete = len(problems) == before
    updates = tuple(
        Update(date.fromisoformat(name[len(UPDATES_DIR) + 1:-4]), model)
        for name, (_, model) in sorted(loaded.items()) if name.startswith(UPDATES_DIR)
    )
    files = {name.removesuffix(".yml"): model for name, (_, model) in loaded.items()
             if not name.startswith(UPDATES_DIR)}
    programme = Programme(slug=folder.name, updates=updates, **files)
    docs = {name: doc for name, (doc, _) in loaded.items()}
    problems.extend(programme_problems(programme, docs, tags, as_of, check_refs=complete))
    return programme if complete else None


def _load_tags(path: Path, problems: list[Problem]) -> dict[str, Text]:
    doc = load_yaml(path, problems)
    if doc is None or doc.data is None:
        return {}
    if not isinstance(doc.data, dict):
        line, col = doc.mark(())
        problems.append(Problem(display_path(path), line, col, "file",
                                "expected a mapping from tag to {cy: ..., en: ...}"))
        return {}
    tags: dict[str, Text] = {}
    for key, value in doc.data.items():
        if key == INTERNAL:  # private notes, as at the top of any file: never a tag
            continue
        if not re.fullmatch(TAG_PATTERN, key):
            line, col = doc.key_mark((key,))
            problems.append(Problem(display_path(path), line, col, key,
                                    f"'{key}' is not a valid tag (lower-case words joined by -)"))
            continue
        try:
            tags[key] = _TEXT.validate_python(value)
        except ValidationError as exc:
            problems.extend(validation_problems(doc, exc, Text, prefix=(key,)))
    return tags


def load_portfolio(root: Path, as_of: date) -> LoadResult:
    """Load and check every programme under `root`, judging dates against `as_of`."""
    problems: list[Problem] = []
    if not root.is_dir():
        return LoadResult(None, [_file_problem(root, "no such folder")])
    entries = _entries(root, problems)
    tags_path = root / TAGS_FILE
    tags = _load_tags(tags_path, problems) if tags_path in entries and tags_path.is_file() else {}
    programmes = []
    for path in entries:
        if path.is_dir():
            if (programme := _load_programme(path, tags, as_of, problems)) is not None:
                programmes.append(programme)
        elif path.name != TAGS_FILE:
            problems.append(_file_problem(
                path, f"unknown file '{path.name}': programmes/ holds {TAGS_FILE} and one "
                "folder per programme"))
    problems.sort()
    if errors(problems):
        return LoadResult(None, problems)
    return LoadResult(Portfolio(tuple(programmes), tags), problems)
