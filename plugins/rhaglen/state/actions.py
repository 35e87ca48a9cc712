"""Actions across updates: each as last reported, carried forward, overdue or not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model.portfolio import Update
from ..model.updates import Action


def due_overdue(due: date | None, status: str, as_of: date) -> bool:
    """Past its due date by the as-of date and not done (for every record with a due date)."""
    return due is not None and due < as_of and status != "done"


@dataclass(frozen=True)
class ActionState:
    action: Action
    first_reported: date
    last_reported: date
    overdue: bool


def action_overdue(action: Action, as_of: date) -> bool:
    """An action not done whose due date has passed by the as-of date."""
    return due_overdue(action.due, action.status, as_of)


CARRIED_FORWARD = ("owner", "due")  # an action's fields a later report may leave out


def carried_forward(before: Action, now: Action) -> Action:
    """A later report of an action stands, but keeps the owner and due date it leaves out."""
    kept = {name: getattr(before, name) for name in CARRIED_FORWARD
            if getattr(now, name) is None and getattr(before, name) is not None}
    return now.model_copy(update=kept) if kept else now


def action_states(updates: tuple[Update, ...], as_of: date) -> tuple[ActionState, ...]:
    """Each action as last reported, with what later reports left out carried forward."""
    first: dict[str, date] = {}
    latest: dict[str, tuple[date, Action]] = {}
    for update in updates:
        for action in update.report.actions:
            key = action.id.lower()
            first.setdefault(key, update.date)
            if key in latest:
                action = carried_forward(latest[key][1], action)
            latest[key] = (update.date, action)
    return tuple(
        ActionState(action, first[key], reported, action_overdue(action, as_of))
        for key, (reported, action) in latest.items()
    )
