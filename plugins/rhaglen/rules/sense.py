"""Sense checks: figures that are valid one by one but cannot all be true together.

Update periods that overlap or run backwards, spend to date that falls, values a unit
cannot take, and an objective off track or a milestone overdue that nothing in the
latest update answers (a warning: the standard asks for action when objectives are not
met). Each check reads what could be built (`Draft`), so it skips what was left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Literal

from ..model.plan import Objective
from ..model.portfolio import Update
from ..state.current import milestone_state, objective_state
from ..text.problems import Severity
from ..text.yamlload import Key
from .draft import Draft

Report = Callable[[str, Key, str, Severity], None]
UnitKind = Literal["percentage", "count"]
_PERCENTAGE = re.compile(r"(%|per ?cent\b|percentage\b)")
_WORDS = re.compile(r"[a-z][a-z' -]*")
# A unit in words counts things unless its first word says it can fall below zero.
SIGNED_WORDS = frozenset({"change", "difference", "net", "balance", "score", "gain"})


def unit_kind(objective: Objective) -> UnitKind | None:
    """What the unit's English says it measures: a percentage, a count of things, or neither.

    A percentage: "%", "percent", "per cent" or "percentage", at the start ("per cent of
    pupils"). A count: any other unit in words only ("children", "cars per morning"),
    unless it starts with a word that allows a negative ("change in ...", "net ...").
    """
    en = " ".join(objective.unit.en.lower().split())
    if _PERCENTAGE.match(en):
        return "percentage"
    if _WORDS.fullmatch(en) and en.split()[0] not in SIGNED_WORDS:
        return "count"
    return None


def _plain(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


def _check_value(report: Report, file: str, loc: Key, objective: Objective,
                 value: float) -> None:
    kind, unit = unit_kind(objective), objective.unit.en
    if kind == "percentage" and not 0 <= value <= 100:
        report(file, loc, f"{_plain(value)} is outside 0 to 100, but the unit of "
               f"{objective.id} ('{unit}') is a percentage", "error")
    elif kind == "count" and value < 0:
        report(file, loc, f"{_plain(value)} is below 0, but the unit of {objective.id} "
               f"('{unit}') counts things", "error")


def check_units(draft: Draft, report: Report) -> None:
    """Baselines, targets and reported values within what each objective's unit allows."""
    objectives = {o.id.lower(): o for o in draft.plan.objectives} if draft.plan else {}
    for i, objective in enumerate(objectives.values()):
        for end in ("baseline", "target"):
            value = getattr(objective, end).value
            _check_value(report, "plan.yml", ("objectives", i, end, "value"), objective, value)
    for update in draft.updates:
        for i, reading in enumerate(update.report.objectives):
            if (found := objectives.get(reading.id.lower())) is not None:
                _check_value(report, update.source, ("objectives", i, "value"), found,
                             reading.value)


def check_periods(draft: Draft, report: Report) -> None:
    """Each update's period after the one before it: not earlier, not overlapping."""
    for before, update in zip(draft.updates, draft.updates[1:], strict=False):
        now, then = update.report.period, before.report.period
        if now.start < then.start:
            report(update.source, ("period", "start"),
                   f"this period starts on {now.start}, before the period of the update "
                   f"before it ({before.source}: {then.start} to {then.end}); is the date "
                   "in the file name or the period wrong?", "error")
        elif now.start <= then.end:
            report(update.source, ("period", "start"),
                   f"this period starts on {now.start}, but the period of {before.source} "
                   f"runs to {then.end}: periods must not overlap, so start this one on "
                   f"{then.end + timedelta(days=1)}", "error")


def check_value_dates(draft: Draft, report: Report) -> None:
    """A value dated when it was true: not after its report, and not on a day an earlier
    update already gave the objective a value for (two histories of one day). Twice in
    one update is a problem of its own (`across_records`)."""
    seen: dict[tuple[str, date], str] = {}
    baselines = {o.id.lower(): o.baseline.date for o in draft.plan.objectives} if (
        draft.plan) else {}
    for update in draft.updates:
        here: dict[tuple[str, date], str] = {}
        for i, value in enumerate(update.report.objectives):
            day = value.date or update.report.period.end
            if value.date is not None and value.date > update.date:
                report(update.source, ("objectives", i, "date"),
                       f"{value.id} is dated {value.date}, after this update of "
                       f"{update.date}: a value reports what was already true", "error")
            elif value.date is not None and value.date < baselines.get(value.id.lower(), day):
                report(update.source, ("objectives", i, "date"),
                       f"{value.id} is dated {value.date}, before its baseline of "
                       f"{baselines[value.id.lower()]}: report only what came after it",
                       "error")
            key = (value.id.lower(), day)
            if key in seen:
                report(update.source, ("objectives", i, "date" if value.date else "id"),
                       f"{value.id} already has a value for {day} ({seen[key]}): give this "
                       "one the date it was true, or delete one", "error")
            here.setdefault(key, update.source)
        seen.update(here)


def check_spend(draft: Draft, report: Report) -> None:
    """Spend to date on each budget line never falls from one update to the next."""
    last: dict[str, tuple[float, Update]] = {}
    for update in draft.updates:
        for i, spend in enumerate(update.report.spend):
            key = spend.line.lower()
            if key in last and spend.spent < last[key][0]:
                before, earlier = last[key]
                report(update.source, ("spend", i, "spent"),
                       f"spend to date on {spend.line} falls from {_plain(before)} "
                       f"({earlier.source}) to {_plain(spend.spent)}; each update gives the "
                       "total spent so far, which cannot fall: correct one of them", "error")
        # compared with earlier updates only: a line reported twice in one update is a
        # problem of its own (rules.py); as in the current state, the last report stands
        for spend in update.report.spend:
            last[spend.line.lower()] = (spend.spent, update)


def _open_answers(update: Update) -> set[str]:
    """What the update's open actions respond to, lower-case."""
    return {a.responds_to.lower() for a in update.report.actions if a.status != "done"}


def _at(update: Update, key: str, ref: str) -> Key:
    entries = getattr(update.report, key)
    found = next((i for i, e in enumerate(entries) if e.id.lower() == ref.lower()), None)
    return () if found is None else (key, found, "id")


def _behind(draft: Draft, day: date) -> Iterator[tuple[str, str, str]]:
    """Each objective off track and milestone overdue on `day`: list key, id, how it stands."""
    if draft.plan is None:
        return
    for objective in draft.plan.objectives:
        if objective_state(objective, draft.updates, day).status == "off-track":
            yield "objectives", objective.id, "is off track"
    for milestone in draft.plan.milestones:
        if milestone_state(milestone, draft.updates, day).status == "overdue":
            yield "milestones", milestone.id, f"is overdue (due {milestone.due})"


def check_answers(draft: Draft, report: Report) -> None:
    """An objective off track or a milestone overdue has an open action in the latest update.

    Judged on the latest update's date, from what its writers knew: a programme that has
    not reported since is warned about by its freshness instead. Skipped when an update
    could not be read whole, since its actions may be the answer.
    """
    if not draft.updates or any(name.startswith("updates") for name in draft.gaps.files):
        return
    latest = draft.updates[-1]
    answered = _open_answers(latest)
    for key, ref, stands in _behind(draft, latest.date):
        if ref.lower() not in answered:
            report(latest.source, _at(latest, key, ref),
                   f"{key.removesuffix('s')} {ref} {stands}, and no open action in this "
                   f"update responds to it: add one to actions with responds_to: {ref}",
                   "warning")


def sense_problems(draft: Draft, report: Report) -> None:
    """Run every sense check, reporting through `report`."""
    check_units(draft, report)
    check_periods(draft, report)
    check_value_dates(draft, report)
    check_spend(draft, report)
    check_answers(draft, report)
