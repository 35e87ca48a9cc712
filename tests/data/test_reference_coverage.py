"""Every reference field of the model has a golden case in tests/golden/problems/.

A reference field is a field the model declares with `RefTo` (the kinds of record it may
name). The fields are found by walking the model from each file's class (`FILE_MODELS`
and the updates' `UpdateFile`) through every nested model, not listed by hand, so a new
reference field without a case fails `test_every_reference_field_has_a_golden_case`.

Each field is known by its file and its path in that file, written as the validator
writes a location with the list indices left out: `issues[].owner` in `risks.yml`,
`agreed_with[]` for each name of a list, and `updates/*.yml` for any update. A field
is covered when an expected line of some case is in that file, at a location that reads
as that path once its indices are dropped (`issues[0].owner`), and says the value
names no record of the kinds the field declares (`'rheolwyr' names no role in this
programme`, with or without a guess).

The cases written for this are named after the field, `ref-<file>-<path>.yml`
(`ref-risks-issues-owner.yml`, `ref-update-actions-owner.yml`); a case so named whose
field the model no longer declares a reference fails
`test_every_reference_case_names_a_reference_field`, so removing a field's `RefTo`
(a misspelt owner would then be published as text) fails here as well as in the case.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import rhaglen.model
from rhaglen.model.portfolio import FILE_MODELS, UPDATES_DIR
from rhaglen.model.types import Model, Prose, RefTo, Text
from rhaglen.model.updates import UpdateFile

from .test_problem_cases import CASES, read_case

UPDATES = f"{UPDATES_DIR}/*.yml"
FILES: dict[str, type[Model]] = {**FILE_MODELS, UPDATES: UpdateFile}
_LINE = re.compile(r"^programmes/[^/]+/(?P<file>[^:]+):\d+:\d+: (?P<loc>[^:]+): (?P<message>.*)$")
_UNKNOWN = re.compile(r"^'[^']*' names no (?P<what>.+?) in this programme"
                      r"(?:; did you mean '[^']*'\?)?$")
_UPDATE_FILE = re.compile(rf"^{UPDATES_DIR}/\d{{4}}-\d{{2}}-\d{{2}}\.yml$")


@dataclass(frozen=True)
class Reference:
    """One reference field: where it stands in which file, and what it may name."""

    file: str
    path: str
    field: str  # Class.attribute, for the reader of a failure
    kinds: tuple[str, ...]

    def shown(self) -> str:
        what = ", ".join(self.kinds) or "any record"
        return f"{self.file} {self.path} ({self.field}, names {what})"

    def case_name(self) -> str:
        """The name of the case written for this field."""
        stem = "update" if self.file == UPDATES else self.file.removesuffix(".yml")
        words = re.sub(r"[^a-z0-9]+", "-", self.path.replace("[]", "").lower()).strip("-")
        return f"ref-{stem}-{words}"


def _declared(annotation: Any) -> Iterator[RefTo]:
    """Each `RefTo` anywhere in an annotation, however deep in `Annotated`."""
    if isinstance(annotation, RefTo):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _declared(arg)


def _bare(annotation: Any) -> Any:
    """The annotation without `Annotated` and without `None` from an optional."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        rest = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(rest) == 1:
            return _bare(rest[0])
    return annotation


def _models(annotation: Any, listed: bool = False) -> Iterator[tuple[type[Model], bool]]:
    """Each model an annotation may hold, with whether it stands in a list."""
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return
    if origin is typing.Annotated:
        yield from _models(typing.get_args(annotation)[0], listed)
    elif origin is tuple:
        for arg in typing.get_args(annotation):
            if arg is not Ellipsis:
                yield from _models(arg, True)
    elif origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _models(arg, listed)
    elif isinstance(annotation, type) and issubclass(annotation, Model) and not issubclass(
            annotation, (Text, Prose)):
        yield annotation, listed


def _walk(model: type[Model], file: str, path: str,
          seen: tuple[type[Model], ...]) -> Iterator[tuple[type[Model], Reference]]:
    for name, info in model.model_fields.items():
        key = info.alias or name
        at = f"{path}.{key}" if path else key
        targets = [*(m for m in info.metadata if isinstance(m, RefTo)),
                   *_declared(info.annotation)]
        if targets:
            listed = typing.get_origin(_bare(info.annotation)) is tuple
            kinds = tuple(dict.fromkeys(k for t in targets for k in t.kinds))
            yield model, Reference(file, at + ("[]" if listed else ""),
                                   f"{model.__name__}.{name}", kinds)
            continue
        for nested, listed in _models(info.annotation):
            if nested not in seen:
                yield from _walk(nested, file, at + ("[]" if listed else ""), (*seen, nested))


def reference_fields() -> list[Reference]:
    """Every reference field of every file, in the order of the files and their fields."""
    return [ref for file, model in FILES.items() for _, ref in _walk(model, file, "", (model,))]


def _all_models() -> set[type[Model]]:
    """Every model class defined in the package's `model` modules."""
    for module in pkgutil.iter_modules(rhaglen.model.__path__):
        importlib.import_module(f"rhaglen.model.{module.name}")
    found: set[type[Model]] = set()
    todo: list[type[Model]] = [Model]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub not in found and sub.__module__.startswith("rhaglen.model."):
                found.add(sub)
            todo.append(sub)
    return found


def unknown_reference(line: str) -> tuple[str, str, str] | None:
    """An expected line saying a reference names nothing: its file (an update's as
    `updates/*.yml`), its location with the indices dropped, and the kinds it names."""
    match = _LINE.match(line)
    unknown = _UNKNOWN.match(match.group("message")) if match else None
    if match is None or unknown is None:
        return None
    file = match.group("file")
    file = UPDATES if _UPDATE_FILE.match(file) else file
    return file, re.sub(r"\[\d+\]", "[]", match.group("loc")), unknown.group("what")


def _names(reference: Reference, what: str) -> bool:
    """Whether the message's `what` ("stakeholder, target group or organisation") is the
    kinds the field declares."""
    if not reference.kinds:
        return what == "record"
    named = re.split(r", | or ", what)
    return named == [k.replace("-", " ") for k in reference.kinds]


def covered(references: list[Reference], lines: list[str]) -> set[Reference]:
    """The references that some line reports as naming no record of their kinds."""
    found = [u for u in map(unknown_reference, lines) if u is not None]
    return {r for r in references
            if any((file, path) == (r.file, r.path) and _names(r, what)
                   for file, path, what in found)}


def golden_lines() -> list[str]:
    return [line for path in CASES for line in (read_case(path).get("expect") or {}).get(
        "lines", [])]


def test_every_reference_field_has_a_golden_case() -> None:
    references = reference_fields()
    done = covered(references, golden_lines())
    missing = [f"{r.shown()}: write tests/golden/problems/{r.case_name()}.yml"
               for r in references if r not in done]
    assert not missing, (
        "reference fields without a golden case in which a misspelt value names no record "
        "(one misspelt reference in that field, then UPDATE_GOLDEN=1 and read the line):\n"
        + "\n".join(missing))


def test_every_reference_case_names_a_reference_field() -> None:
    by_name = {r.case_name(): r for r in reference_fields()}
    stems = {"update", *(f.removesuffix(".yml") for f in FILE_MODELS)}
    for path in CASES:
        stem = path.stem
        if not any(stem.startswith(f"ref-{s}-") for s in stems):
            continue  # the cases about the message itself: ref-wrong-kind, ref-names-nothing-...
        reference = by_name.get(stem)
        assert reference is not None, (
            f"{path.name}: the model declares no reference field this case is named after; "
            f"if the field's RefTo was removed, a misspelt value is now published as text")
        expect = read_case(path).get("expect") or {}
        assert expect.get("exit") == 1, f"{path.name}: a misspelt reference is an error"
        assert covered([reference], expect.get("lines", [])) == {reference}, (
            f"{path.name}: no line says the value in {reference.shown()} names nothing")


def test_the_walk_finds_every_declared_reference() -> None:
    references = reference_fields()
    assert len(references) >= 28
    assert len({(r.file, r.path) for r in references}) == len(references)
    assert len({r.case_name() for r in references}) == len(references)
    shown = {(r.file, r.path, r.field) for r in references}
    for expected in [("programme.yml", "lead", "ProgrammeFile.lead"),
                     ("risks.yml", "issues[].owner", "Issue.owner"),
                     ("plan.yml", "budget.lines[].funder", "BudgetLine.funder"),
                     ("programme.yml", "engagement[].with[]", "Engagement.with_"),
                     (UPDATES, "actions[].responds_to", "Action.responds_to")]:
        assert expected in shown, expected
    # a model that declares a reference but that no file holds would be left out unseen
    reached = {model for file, model in FILES.items() for model, _ in
               _walk(model, file, "", (model,))}
    declaring = {m for m in _all_models() if any(
        any(isinstance(x, RefTo) for x in info.metadata) or any(_declared(info.annotation))
        for info in m.model_fields.values())}
    assert declaring <= reached, sorted(m.__name__ for m in declaring - reached)


@pytest.mark.parametrize(("line", "found"), [
    ("programmes/walk/risks.yml:8:12: issues[0].owner: 'rheolwyr' names no role in this "
     "programme; did you mean 'rheolwr'?", ("risks.yml", "issues[].owner", "role")),
    ("programmes/walk/updates/2026-02-10.yml:7:19: changes[0].agreed_with[1]: 'x' names no "
     "stakeholder, target group or organisation in this programme",
     (UPDATES, "changes[].agreed_with[]", "stakeholder, target group or organisation")),
    ("programmes/walk/lessons.yml:10:15: lessons[0].related[0]: 'Q9' names no record in "
     "this programme", ("lessons.yml", "lessons[].related[]", "record")),
    ("programmes/walk/risks.yml:11:12: risks[0].owner: 'M1' is a milestone; owner must name "
     "a role", None),
    ("programmes/walk/plan.yml:2:5: objectives[0].unit: missing required key 'unit'", None),
])
def test_a_line_maps_to_its_field(line: str, found: tuple[str, str, str] | None) -> None:
    assert unknown_reference(line) == found


def test_a_line_covers_only_its_own_field_and_kinds() -> None:
    owner = Reference("risks.yml", "issues[].owner", "Issue.owner", ("role",))
    related = Reference("lessons.yml", "lessons[].related[]", "Lesson.related", ())
    line = "programmes/walk/risks.yml:8:12: issues[0].owner: 'x' names no role in this programme"
    assert covered([owner, related], [line]) == {owner}
    assert not covered([owner], [line.replace("risks.yml", "plan.yml")])
    assert not covered([owner], [line.replace("issues[0].owner", "risks[0].owner")])
    assert not covered([owner], [line.replace("no role", "no organisation")])
    assert owner.case_name() == "ref-risks-issues-owner"
    assert Reference(UPDATES, "changes[].agreed_with[]", "Change.agreed_with",
                     ()).case_name() == "ref-update-changes-agreed-with"
