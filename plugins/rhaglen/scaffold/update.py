"""`rhaglen new-update SLUG`: start a monitoring update from the programme's current state.

Every objective, milestone (but cancelled ones), budget line, open risk and open action
is carried forward with its last values as the starting values, and a comment saying
where each came from; `rag` and `summary` are left empty, so the file does not validate
until the team has written them.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from ..data.load import SLUG, load_portfolio
from ..model.portfolio import UPDATES_DIR, Programme
from ..model.types import Text
from ..state.asof import AsOfError, resolve_as_of
from ..state.current import CurrentState, current_state
from ..text.names import name_problem
from ..text.problems import display_path, printable

HEADER = """\
# Monitoring update of {day} for {slug}, started by `rhaglen new-update` from
# {source}.
# Every value below is carried forward: change the ones that moved, delete what you do
# not report, choose rag, write the summary in both languages, then run
# `rhaglen validate`.
"""


class NewUpdateError(Exception):
    """The update cannot be started as asked (a usage error, exit code 2)."""


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _text(value: Text, indent: str) -> list[str]:
    return [f"{indent}cy: {json.dumps(value.cy, ensure_ascii=False)}",
            f"{indent}en: {json.dumps(value.en, ensure_ascii=False)}"]


def _objectives(state: CurrentState) -> list[str]:
    lines = ["objectives:"] if state.objectives else []
    for o in state.objectives:
        obj = o.objective
        was = (f"last reported {_number(o.latest)}, as of {o.readings[-1].date}" if o.readings
               else f"nothing reported yet: the baseline of {obj.baseline.date}")
        lines += [f"  - id: {obj.id}  # {obj.indicator.en}",
                  f"    value: {_number(o.latest)}  # {was}; target {_number(obj.target.value)}"
                  f" by {obj.target.date}"]
    return lines


def _milestones(state: CurrentState) -> list[str]:
    kept = [m for m in state.milestones if not m.milestone.cancelled]
    lines = ["milestones:"] if kept else []
    for m in kept:
        ms = m.milestone
        head = f"  - id: {ms.id}  # {ms.title.en}; due {ms.due}"
        if m.completed:
            lines += [head, f"    completed: {m.completed}  # already reported done"]
        elif m.forecast:
            lines += [head, f"    forecast: {m.forecast}  # the latest forecast"]
        else:
            lines.append(f"{head}; add forecast: or completed: when known")
    return lines


def _spend(state: CurrentState) -> list[str]:
    heading = "spend:  # spend to date on each line, not in this period only"
    lines = [heading] if state.budget else []
    for b in state.budget:
        was = f"{_number(b.spent)} on {b.history[-1][0]}" if b.history else "nothing yet"
        lines += [f"  - line: {b.line.id}  # {b.line.title.en}; planned {_number(b.line.planned)}",
                  f"    spent: {_number(b.spent)}  # last reported: {was}"]
    return lines


def _risks(state: CurrentState) -> list[str]:
    kept = [r for r in state.risks if r.status == "open"]
    lines = ["risks:  # open risks; add status: closed to close one"] if kept else []
    for r in kept:
        when = r.current.date or "the register"
        lines += [f"  - id: {r.risk.id}  # {r.risk.title.en}",
                  f"    likelihood: {r.current.likelihood}  # from {when}",
                  f"    impact: {r.current.impact}  # from {when}"]
    return lines


def _actions(state: CurrentState) -> list[str]:
    kept = [a for a in state.actions if a.action.status != "done"]
    lines = ["actions:  # open actions, as last reported"] if kept else []
    for a in kept:
        act = a.action
        lines += [f"  - id: {act.id}  # last reported {a.last_reported}",
                  f"    responds_to: {act.responds_to}", "    title:", *_text(act.title, "      ")]
        lines += [f"    owner: {act.owner}"] if act.owner else []
        lines += [f"    due: {act.due}"] if act.due else []
        lines.append(f"    status: {act.status}  # planned, in-progress or done")
    return lines


def update_text(programme: Programme, day: date) -> str:
    """The prefilled update of `day`, from the updates before it."""
    earlier = tuple(u for u in programme.updates if u.date < day)
    state = current_state(replace(programme, updates=earlier), day)
    if earlier:
        start = earlier[-1].report.period.end + timedelta(days=1)
        why = "the day after the previous update's period ended"
        source = f"the current state after the update of {earlier[-1].date}"
    else:
        start, why, source = programme.programme.start, "the programme's start", "the plan"
    lines = [HEADER.format(day=day, slug=programme.slug, source=source).rstrip("\n"),
             "period:", f"  start: {start}  # {why}", f"  end: {day}",
             "rag:  # green, amber or red", "summary:",
             "  cy:  # crynodeb: beth ddigwyddodd yn y cyfnod hwn",
             "  en:  # summary: what happened in this period",
             *_objectives(state), *_milestones(state), *_spend(state), *_risks(state),
             *_actions(state)]
    return "\n".join(lines) + "\n"


def start_update(root: Path, slug: str, day: date) -> Path:
    """Write `root/slug/updates/DAY.yml`; never overwrite. Raises NewUpdateError."""
    folder = root / slug
    if not SLUG.fullmatch(slug) or name_problem(slug, "folder name"):
        raise NewUpdateError(f"no programme folder {display_path(root)}/{printable(slug)}")
    if not folder.is_dir() or folder.is_symlink():
        raise NewUpdateError(f"no programme folder {display_path(folder)}")
    target = folder / UPDATES_DIR / f"{day.isoformat()}.yml"
    if target.exists() or target.is_symlink():
        raise NewUpdateError(f"{display_path(target)} already exists: edit it, or choose "
                             "another --date")
    return target


def new_update_command(root: Path, slug: str, day: date | None) -> int:
    """Write the prefilled update; exit 0 written, 1 the data is invalid, 2 usage."""
    try:
        today = resolve_as_of(None)
        chosen = day or today
        target = start_update(root, slug, chosen)
    except (AsOfError, NewUpdateError) as exc:
        print(f"rhaglen new-update: {exc}", file=sys.stderr)
        return 2
    result = load_portfolio(root, max(chosen, today))
    if result.portfolio is None:
        for problem in result.problems:
            print(problem.format(), file=sys.stderr)
        print("rhaglen new-update: fix these problems first; nothing was written.",
              file=sys.stderr)
        return 1
    text = update_text(result.portfolio.programme(slug), chosen)
    try:
        target.parent.mkdir(exist_ok=True)
        with target.open("x", encoding="utf-8") as out:
            try:
                out.write(text)
            except OSError:
                target.unlink()  # half an update would stop the next try: "already exists"
                raise
    except OSError as exc:
        print(f"rhaglen new-update: could not write {display_path(target)}: "
              f"{exc.strerror or exc}; check that {display_path(target.parent)} is a "
              "writable folder", file=sys.stderr)
        return 1
    print(f"Created {display_path(target)}: change the figures that moved, choose rag, "
          f"write the summary, then run `rhaglen validate {display_path(root)}`.")
    return 0
