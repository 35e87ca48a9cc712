"""References become links to the record's place on its page, in the page's language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from ..model.portfolio import Programme
from ..model.records import RecordEntry, records
from ..model.types import Model, Text

# Where each kind of record is shown: the programme page (its subpath) and the anchor's
# prefix. Actions live on the update page that last reported them.
HOMES: dict[str, tuple[str, str]] = {
    "organisation": ("stakeholders/", "org"),
    "target-group": ("stakeholders/", "tg"),
    "stakeholder": ("stakeholders/", "sh"),
    "objective": ("plan/", "objective"),
    "milestone": ("plan/", "milestone"),
    "role": ("plan/", "role"),
    "resource": ("plan/", "resource"),
    "budget-line": ("plan/", "budget"),
    "evidence": ("strategy/", "evidence"),
    "intervention": ("strategy/", "intervention"),
    "landscape": ("strategy/", "landscape"),
    "risk": ("risks/", "risk"),
    "issue": ("risks/", "issue"),
    "action": ("monitoring/", "action"),
    "lesson": ("lessons/", "lesson"),
    "sustainability-action": ("sustainability/", "action"),
    "opportunity": ("sustainability/", "opportunity"),
    "requirement": ("compliance/", "requirement"),
}
_LABEL_FIELDS = ("name", "title", "statement", "description")


def update_subpath(day: date) -> str:
    """Where the update of `day` is published, below its programme's folder."""
    return f"monitoring/{day.isoformat()}/"


def anchor(kind: str, record_id: str) -> str:
    """The HTML id of a record on its page (ids are already safe characters)."""
    return f"{HOMES[kind][1]}-{record_id.lower()}"


def label(record: Model, lang: str) -> str:
    """What a reader calls the record: its name, title, statement or description."""
    for field in _LABEL_FIELDS:
        value = getattr(record, field, None)
        if isinstance(value, Text):
            return value(lang)
    return str(record.__dict__.get("id", ""))


def record_index(programme: Programme) -> dict[str, RecordEntry]:
    """Every record by lower-cased id; a re-reported action keeps its latest report."""
    return {entry.id.lower(): entry for entry in records(programme)}


@dataclass
class Links:
    """Resolves references of one programme for one page in one language."""

    programme: Programme
    index: dict[str, RecordEntry]  # from record_index, built once per programme
    lang: str
    link: Callable[[str], str]
    published: frozenset[str]  # subpaths of the programme pages that exist

    def href(self, ref: str) -> str | None:
        """A relative link to the record, or None if its page is not published."""
        entry = self.index.get(ref.lower())
        if entry is None:
            return None
        subpath = HOMES[entry.kind][0]
        if entry.kind == "action":
            day = entry.file.removeprefix("updates/").removesuffix(".yml")
            subpath = update_subpath(date.fromisoformat(day))
        if subpath.split("/")[0] + ("/" if subpath else "") not in self.published:
            return None
        target = f"programmes/{self.programme.slug}/{subpath}"
        here = self.link(target)
        return f"{'' if here == './' else here}#{anchor(entry.kind, entry.id)}"

    def target(self, ref: str) -> tuple[str, str | None]:
        """The record's label in this language, and the link to its place (or None)."""
        entry = self.index.get(ref.lower())
        return (label(entry.record, self.lang) if entry else ref), self.href(ref)

    def __call__(self, ref: str) -> Markup:
        """The record's label, linked to its place."""
        text, href = self.target(ref)
        if href is None:
            return Markup("{}").format(text)
        return Markup('<a href="{}">{}</a>').format(href, text)

    def many(self, refs: tuple[str, ...]) -> Markup:
        """Several references, comma-separated."""
        return Markup(", ").join(self(ref) for ref in refs)

    def kind(self, ref: str) -> str:
        """The kind of record a reference names."""
        return self.index[ref.lower()].kind

