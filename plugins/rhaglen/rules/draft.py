"""What the rules read: the files of one programme that could be built, and what is missing.

A programme with a problem is never published, but its other files (and the other
records of a file with a problem) are still checked, so that every problem comes in one
run. The rules therefore read a `Draft`: any file may be absent, some records may have
been left out, and `Gaps` says what, so that a reference to a record that was left out
is not reported as naming nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from ..model.outcomes import LessonsFile, PilotFile
from ..model.plan import PlanFile
from ..model.portfolio import FILE_MODELS, Update
from ..model.programme import ProgrammeFile
from ..model.risks import RisksFile
from ..model.types import Record

T = TypeVar("T", bound=Record)


@dataclass(frozen=True)
class Gaps:
    """What is missing from a draft: records left out, kinds that may be, files not whole."""

    ids: frozenset[str] = frozenset()  # lower-case ids of the records left out
    kinds: frozenset[str] = frozenset()  # kinds of record of which some may be missing
    files: frozenset[str] = frozenset()  # files, inside the folder, with anything missing

    def hide(self, ref: str, kinds: Collection[str]) -> bool:
        """Whether `ref` may name a record that is missing (so is not reported)."""
        wanted = set(kinds) if kinds else set(self.kinds)
        return ref.lower() in self.ids or bool(self.kinds & wanted)


@dataclass(frozen=True)
class Draft:
    """The files of one programme folder that could be built, by name, and the updates."""

    slug: str
    named: Mapping[str, Record]
    updates: tuple[Update, ...] = ()  # in date order
    gaps: Gaps = field(default_factory=Gaps)

    def _file(self, name: str, kind: type[T]) -> T | None:
        model = self.named.get(name)
        return model if isinstance(model, kind) else None

    @property
    def programme(self) -> ProgrammeFile | None:
        return self._file("programme.yml", ProgrammeFile)

    @property
    def plan(self) -> PlanFile | None:
        return self._file("plan.yml", PlanFile)

    @property
    def risks(self) -> RisksFile | None:
        return self._file("risks.yml", RisksFile)

    @property
    def pilot(self) -> PilotFile | None:
        return self._file("pilot.yml", PilotFile)

    @property
    def lessons(self) -> LessonsFile | None:
        return self._file("lessons.yml", LessonsFile)

    def files(self) -> Iterator[tuple[str, Record]]:
        """Each file present, in the order of the contract, then the updates by date."""
        for name in FILE_MODELS:
            if name in self.named:
                yield name, self.named[name]
        for update in self.updates:
            yield update.source, update.report
