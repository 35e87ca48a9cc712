"""A programme as a whole, and the portfolio of every programme on the site."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

from .outcomes import ComplianceFile, EvaluationFile, LessonsFile, PilotFile, SustainabilityFile
from .plan import PlanFile
from .programme import ProgrammeFile
from .risks import RisksFile
from .strategy import StrategyFile
from .types import Record, Text
from .updates import UpdateFile

FILE_MODELS: dict[str, type[Record]] = {
    "programme.yml": ProgrammeFile,
    "plan.yml": PlanFile,
    "strategy.yml": StrategyFile,
    "risks.yml": RisksFile,
    "pilot.yml": PilotFile,
    "evaluation.yml": EvaluationFile,
    "lessons.yml": LessonsFile,
    "sustainability.yml": SustainabilityFile,
    "compliance.yml": ComplianceFile,
}
UPDATES_DIR = "updates"


@dataclass(frozen=True)
class Update:
    """One monitoring report; its date is its file name."""

    date: date
    report: UpdateFile

    @property
    def source(self) -> str:
        """The file's path inside the programme folder."""
        return f"{UPDATES_DIR}/{self.date.isoformat()}.yml"


@dataclass(frozen=True)
class Programme:
    """Every file of one programme folder; a file not yet written is None."""

    slug: str
    programme: ProgrammeFile
    plan: PlanFile | None = None
    strategy: StrategyFile | None = None
    risks: RisksFile | None = None
    pilot: PilotFile | None = None
    evaluation: EvaluationFile | None = None
    lessons: LessonsFile | None = None
    sustainability: SustainabilityFile | None = None
    compliance: ComplianceFile | None = None
    updates: tuple[Update, ...] = ()  # in date order

    def files(self) -> Iterator[tuple[str, Record]]:
        """Each file present, with its path inside the programme folder."""
        for name in FILE_MODELS:
            model = getattr(self, name.removesuffix(".yml"))
            if model is not None:
                yield name, model
        for update in self.updates:
            yield update.source, update.report


@dataclass(frozen=True)
class Portfolio:
    """Every programme on the site, by slug, and the site-wide tag labels."""

    programmes: tuple[Programme, ...]
    tags: Mapping[str, Text] = field(default_factory=dict)

    def programme(self, slug: str) -> Programme:
        """The programme with this slug."""
        return next(p for p in self.programmes if p.slug == slug)
