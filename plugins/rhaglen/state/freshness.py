"""How recent a programme's monitoring is, judged against the as-of date: pure rules, so
the pages, the exports and the change summary say the same."""

from __future__ import annotations

from datetime import date
from typing import Literal

from ..model.portfolio import Programme
from ..model.programme import Stage

Freshness = Literal["current", "stale", "final", "missing", "none"]
DEFAULT_REPORTING_INTERVAL = 120  # days between monitoring updates, unless set otherwise
# Stages in which a programme is expected to publish monitoring updates.
MONITORED_STAGES: frozenset[Stage] = frozenset(
    ("piloting", "implementing", "evaluating", "following-up"))


def reporting_interval(programme: Programme, default: int = DEFAULT_REPORTING_INTERVAL) -> int:
    """Days between monitoring updates: the programme's `reporting_interval`, else the site's."""
    return programme.programme.reporting_interval or default


def update_freshness(programme: Programme, as_of: date, interval: int) -> Freshness:
    """Whether the latest monitoring update is recent enough to present the state as current.

    current: the latest update is at most `interval` days before the as-of date; stale:
    older, and the programme is still running; final: older, but the programme is closed,
    so no more are expected. Without any update: missing when the programme is at a stage
    that reports (piloting to following-up) and started more than `interval` days ago,
    otherwise none (scoping and developing publish no monitoring yet).
    """
    stage = programme.programme.stage
    if programme.updates:
        latest = max(u.date for u in programme.updates)
        if (as_of - latest).days <= interval:
            return "current"
        return "final" if stage == "closed" else "stale"
    started = (as_of - programme.programme.start).days > interval
    return "missing" if stage in MONITORED_STAGES and started else "none"
