"""Rules across records: ids, references, responses, dates, tags and durations.

The sense checks (`sense.py`: periods, spend, units, off-track objectives) run last.

The models declare what each reference may name (`RefTo`) and what kind each record is
(`kind_name`), so these rules walk any file without a table of their own to keep in step.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection
from datetime import date
from functools import cache

from ..model.records import RecordEntry, located, records_among
from ..model.risks import OPPORTUNITY_RESPONSES, THREAT_RESPONSES
from ..model.types import Model, RefTo
from ..text.problems import Problem, Severity, display_path
from ..text.yamlload import Document, Key, format_location
from .draft import Draft
from .sense import sense_problems

DURATION_YEARS = {"plan": (0.0, 1.0), "campaign": (1.0, 3.0), "programme": (2.5, 99.0)}
TYPE_DURATIONS = {"plan": "under a year", "campaign": "1 to 3 years", "programme": "about 3 years"}


def _kind_text(kind: str) -> str:
    return kind.replace("-", " ")


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _listing(kinds: tuple[str, ...]) -> str:
    names = [_kind_text(k) for k in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


@cache
def _references(model: type[Model]) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Each field of a model class that names records: attribute, key, the kinds it may name."""
    found = []
    for name, info in model.model_fields.items():
        target = next((m for m in info.metadata if isinstance(m, RefTo)), None)
        if target is not None:
            found.append((name, info.alias or name, target.kinds))
    return tuple(found)


class _Checker:
    def __init__(self, programme: Draft, docs: dict[str, Document]) -> None:
        self.programme = programme
        self.docs = docs
        self.models = located(programme)
        self.problems: list[Problem] = []
        self.index: dict[str, RecordEntry] = {}

    def report(self, file: str, loc: Key, message: str, severity: Severity = "error") -> None:
        doc = self.docs[file]
        loc = doc.source(loc)  # as it stands in the file, records left out counted
        line, col = doc.mark(loc)
        self.problems.append(Problem(display_path(doc.path), line, col, format_location(loc),
                                     message, severity))

    def where(self, entry: RecordEntry) -> str:
        doc = self.docs[entry.file]
        line, col = doc.mark(doc.source(entry.loc))
        return f"{display_path(doc.path)}:{line}:{col}"

    def collect_ids(self) -> None:
        for entry in records_among(self.models):
            first = self.index.get(entry.id.lower())
            if first is None:
                self.index[entry.id.lower()] = entry
            elif not (entry.kind == first.kind == "action" and entry.file != first.file):
                self.report(entry.file, entry.loc, f"duplicate id '{entry.id}': already used "
                            f"by {_a(_kind_text(first.kind))} at {self.where(first)}")

    def check_refs(self) -> None:
        for file, record, loc in self.models:
            for name, key, kinds in _references(type(record)):
                value = getattr(record, name)
                if value is None:
                    continue
                refs = [((*loc, key, i), v) for i, v in enumerate(value)] if isinstance(
                    value, tuple) else [((*loc, key), value)]
                for ref_loc, ref in refs:
                    self.check_ref(file, ref_loc, key, str(ref), kinds)

    def check_ref(self, file: str, loc: Key, key: str, ref: str, kinds: tuple[str, ...]) -> None:
        entry = self.index.get(ref.lower())
        if entry is None and self.programme.gaps.hide(ref, kinds):
            return  # it may name a record left out for a problem of its own
        if entry is None:
            candidates = [i for i, e in self.index.items() if not kinds or e.kind in kinds]
            close = difflib.get_close_matches(ref.lower(), candidates, n=1, cutoff=0.6)
            hint = f"; did you mean '{self.index[close[0]].id}'?" if close else ""
            what = _listing(kinds) if kinds else "record"
            self.report(file, loc, f"'{ref}' names no {what} in this programme{hint}")
        elif kinds and entry.kind not in kinds:
            self.report(file, loc, f"'{ref}' is {_a(_kind_text(entry.kind))}; {key} must name "
                        f"{_a(_listing(kinds))}")


def _check_responses(check: _Checker) -> None:
    if check.programme.risks is None:
        return
    for i, risk in enumerate(check.programme.risks.risks):
        fits = THREAT_RESPONSES if risk.kind == "threat" else OPPORTUNITY_RESPONSES
        if risk.response not in fits:
            other = "opportunity" if risk.kind == "threat" else "threat"
            check.report("risks.yml", ("risks", i, "response"),
                         f"'{risk.response}' is a response to {_a(other)}; {_a(risk.kind)} takes "
                         f"{', '.join(fits[:-1])} or {fits[-1]}")


def _order(check: _Checker, file: str, loc: Key, first: date, then: date, names: str) -> None:
    earlier, later = names.split("/")
    if then < first:
        check.report(file, loc, f"{later} ({then}) is before {earlier} ({first})")


def _check_dates(check: _Checker, as_of: date) -> None:
    p = check.programme
    if p.programme is not None:
        _order(check, "programme.yml", ("end",), p.programme.start, p.programme.end,
               "start/end")
    if p.pilot is not None:
        _order(check, "pilot.yml", ("end",), p.pilot.start, p.pilot.end, "start/end")
    if p.plan is not None:
        for i, objective in enumerate(p.plan.objectives):
            _order(check, "plan.yml", ("objectives", i, "target", "date"),
                   objective.baseline.date, objective.target.date, "baseline date/target date")
    if p.risks is not None:
        for i, issue in enumerate(p.risks.issues):
            if issue.resolved is not None:
                _order(check, "risks.yml", ("issues", i, "resolved"), issue.raised,
                       issue.resolved, "raised/resolved")
    for update in p.updates:
        file, report = update.source, update.report
        if update.date > as_of:
            check.report(file, (), f"this update is dated {update.date}, after the as-of date "
                         f"{as_of}; an update reports what has already happened")
        _order(check, file, ("period", "end"), report.period.start, report.period.end,
               "period start/period end")
        _order(check, file, ("period", "end"), report.period.end, update.date,
               "period end/the report's date (the file name)")
        for i, milestone in enumerate(report.milestones):
            if milestone.completed is not None:
                _order(check, file, ("milestones", i, "completed"), milestone.completed,
                       update.date, "completion/the report's date (the file name)")


def _check_repeats(check: _Checker) -> None:
    for update in check.programme.updates:
        report = update.report
        for key, entries, field in (("objectives", report.objectives, "id"),
                                    ("milestones", report.milestones, "id"),
                                    ("risks", report.risks, "id"),
                                    ("spend", report.spend, "line"),
                                    ("actions", report.actions, "id")):
            seen: set[str] = set()
            for i, entry in enumerate(entries):
                ref = str(getattr(entry, field)).lower()
                if ref in seen:
                    check.report(update.source, (key, i, field),
                                 f"'{getattr(entry, field)}' is reported twice in this update")
                seen.add(ref)


def _check_tags(check: _Checker, tags: Collection[str] | None) -> None:
    if check.programme.lessons is None or tags is None:
        return
    for i, lesson in enumerate(check.programme.lessons.lessons):
        for j, tag in enumerate(lesson.tags):
            if tag not in tags:
                close = difflib.get_close_matches(tag, list(tags), n=1, cutoff=0.6)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                check.report("lessons.yml", ("lessons", i, "tags", j),
                             f"tag '{tag}' has no label in programmes/tags.yml{hint}")


def _check_duration(check: _Checker) -> None:
    programme = check.programme.programme
    if programme is None:
        return
    years = (programme.end - programme.start).days / 365.25
    low, high = DURATION_YEARS[programme.type]
    if years >= 0 and not low <= years <= high:  # end before start is an error of its own
        fitting = [t for t, (lo, hi) in DURATION_YEARS.items() if lo <= years <= hi]
        hint = f"; is type '{fitting[0]}' meant?" if fitting else ""
        check.report("programme.yml", ("type",),
                     f"{_a(programme.type)} runs {TYPE_DURATIONS[programme.type]}, but "
                     f"{programme.start} to {programme.end} is {years:.1f} years{hint}",
                     severity="warning")


def programme_problems(
    programme: Draft,
    docs: dict[str, Document],
    tags: Collection[str] | None,
    as_of: date,
) -> list[Problem]:
    """Every problem across the records of one programme, judged against `as_of`.

    The rules read what could be built (`Draft`): a record left out for a problem of its
    own is not checked again, and a reference that may name it is not reported. `tags`
    is None when programmes/tags.yml could not be read.
    """
    check = _Checker(programme, docs)
    check.collect_ids()
    check.check_refs()
    _check_responses(check)
    _check_dates(check, as_of)
    _check_repeats(check)
    _check_tags(check, tags)
    _check_duration(check)
    sense_problems(programme, check.report)
    return check.problems
