"""Rules of the current state for risks and for how recent monitoring is: no site, no MkDocs."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError
from rhaglen.model.portfolio import Programme
from rhaglen.model.programme import ProgrammeFile
from rhaglen.model.risks import RisksFile
from rhaglen.state.current import current_state, high_risks, open_risks
from rhaglen.state.freshness import reporting_interval, update_freshness

from .test_state import programme_file, risk, update

DAY = date(2026, 11, 26)


def rescores(rid: str, *scores: tuple[int, int]) -> tuple[Any, ...]:
    """One update per score, a month apart, re-scoring the risk `rid`."""
    return tuple(update(f"2026-{month:02d}-01",
                        risks=[{"id": rid, "likelihood": lk, "impact": im}])
                 for month, (lk, im) in enumerate(scores, start=2))


def risk_programme(*risks: dict[str, Any], updates: tuple[Any, ...] = ()) -> Programme:
    return Programme("p", programme_file(), risks=RisksFile.model_validate({"risks": risks}),
                     updates=updates)


def test_a_risk_that_rose_and_held_is_steady_lately_but_up_overall() -> None:
    # 12 → 16 → 20 → 20: "Stable" alone would hide that it rose from 12.
    programme = risk_programme(risk("r", "threat", 3, 4),
                               updates=rescores("r", (4, 4), (5, 4), (5, 4)))
    (state,) = current_state(programme, DAY).risks
    assert [s.value for s in state.history] == [12, 16, 20, 20]
    assert state.trend == "steady" and state.direction == "rising"
    assert state.previous is not None and state.previous.value == 20


@pytest.mark.parametrize(("scores", "trend", "direction"), [
    (((2, 4), (3, 4)), "rising", "falling"),  # 16 → 8 → 12: up lately, down overall
    (((4, 4), (2, 2)), "falling", "falling"),
    (((5, 4), (4, 4)), "falling", "steady"),  # 16 → 20 → 16: back where it started
])
def test_the_last_change_and_the_overall_direction_are_judged_apart(
        scores: tuple[tuple[int, int], ...], trend: str, direction: str) -> None:
    programme = risk_programme(risk("r", "threat", 4, 4), updates=rescores("r", *scores))
    (state,) = current_state(programme, DAY).risks
    assert (state.trend, state.direction) == (trend, direction)


def test_a_risk_never_re_scored_has_no_trend_or_direction_yet() -> None:
    (state,) = current_state(risk_programme(risk("r", "threat", 3, 4)), DAY).risks
    assert state.trend == state.direction == "new" and state.previous is None


def test_high_threats_and_high_opportunities_are_counted_apart() -> None:
    programme = risk_programme(
        risk("t-high", "threat", 4, 4), risk("t-low", "threat", 1, 2),
        risk("t-closed", "threat", 5, 5, status="closed"),
        risk("o-high", "opportunity", 3, 5), risk("o-mid", "opportunity", 3, 3))
    risks = current_state(programme, DAY).risks
    assert high_risks(risks, "threat") == 1
    assert high_risks(risks, "opportunity") == 1
    assert [r.risk.id for r in open_risks(risks, "threat")] == ["t-high", "t-low"]
    assert [r.risk.id for r in open_risks(risks, "opportunity")] == ["o-high", "o-mid"]


def with_programme(updates: tuple[Any, ...] = (), **fields: Any) -> Programme:
    return Programme("p", programme_file().model_copy(update=fields), updates=updates)


@pytest.mark.parametrize(("latest", "stage", "freshness"), [
    ("2026-07-29", "implementing", "current"),  # 120 days: just within the interval
    ("2026-07-28", "implementing", "stale"),  # 121 days
    ("2026-04-10", "evaluating", "stale"),
    ("2026-04-10", "closed", "final"),  # no more updates are expected
])
def test_an_update_older_than_the_interval_is_stale(latest: str, stage: str,
                                                    freshness: str) -> None:
    programme = with_programme((update(latest),), stage=stage)
    assert update_freshness(programme, DAY, 120) == freshness


@pytest.mark.parametrize(("stage", "start", "freshness"), [
    ("implementing", "2025-01-01", "missing"),  # running for long enough: one is due
    ("piloting", "2026-10-01", "none"),  # started less than an interval ago
    ("scoping", "2025-01-01", "none"),  # scoping and developing publish no monitoring
    ("developing", "2025-01-01", "none"),
    ("closed", "2025-01-01", "none"),
])
def test_a_programme_without_updates_is_warned_about_only_when_one_is_due(
        stage: str, start: str, freshness: str) -> None:
    programme = with_programme(stage=stage, start=date.fromisoformat(start))
    assert update_freshness(programme, DAY, 120) == freshness


def test_a_programme_sets_its_own_reporting_interval() -> None:
    assert reporting_interval(with_programme(), 120) == 120
    own = with_programme((update("2026-04-10"),), reporting_interval=365)
    assert reporting_interval(own, 120) == 365
    assert update_freshness(own, DAY, reporting_interval(own, 120)) == "current"


@pytest.mark.parametrize("days", [0, -30])
def test_a_reporting_interval_is_at_least_one_day(days: int) -> None:
    data = programme_file().model_dump(mode="json", by_alias=True, exclude_none=True)
    with pytest.raises(ValidationError, match="a number of days is a whole number from 1 up"):
        ProgrammeFile.model_validate({**data, "reporting_interval": days})
