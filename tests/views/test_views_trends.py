"""Figures over time: each objective against its expected path, spend against the budget,
and the status at each update; the chart and the table beside it show the same figures."""

from __future__ import annotations

from datetime import date

import pytest
from rhaglen.views.monitoring import MonitoringView
from rhaglen.views.plan import PlanView

from ..state.test_state import make
from ..view_helpers import built_view, demo_view, svg

BREATHE = "programmes/anadlu-n-rhydd/"


def plotted(chart: object, style: str, variant: str = "wide") -> list[tuple[float, float]]:
    """The points of one line of a trend chart, in drawing units."""
    line = svg(chart, variant).find("polyline", class_=f"rh-line--{style}")  # type: ignore[arg-type]
    return [tuple(map(float, p.split(","))) for p in line["points"].split()]  # type: ignore[misc]


@pytest.mark.parametrize(("lang", "points", "dates"), [
    ("cy", ["Llinell sylfaen"] + ["Diweddariad"] * 7 + ["Targed"],
     ("31 Mawrth 2024", "31 Rhagfyr 2024", "31 Mawrth 2027")),
    ("en", ["Baseline"] + ["Update"] * 7 + ["Target"],
     ("31 March 2024", "31 December 2024", "31 March 2027"))])
def test_an_objective_trend_lists_baseline_every_update_and_target(
        lang: str, points: list[str], dates: tuple[str, str, str]) -> None:
    view: PlanView = demo_view(BREATHE + "plan/", lang)
    o1 = next(t for t in view.trends if t.anchor == "objective-o1-trend")
    assert [r.point.label for r in o1.rows] == points
    assert (o1.rows[0].date, o1.rows[1].date, o1.rows[-1].date) == dates
    assert o1.rows[1].point.href == "../monitoring/2025-01-17/"
    assert o1.rows[0].point.href is None
    # The expected value is the baseline at the start and the target at the end.
    assert (o1.rows[0].value, o1.rows[0].expected) == ("11", "11")
    assert (o1.rows[-1].value, o1.rows[-1].expected) == ("25", "25")
    assert [r.value for r in o1.rows[1:-1]] == ["12", "16", "18", "20", "21", "22", "23"]


def test_the_expected_column_is_the_straight_line_on_each_update_date() -> None:
    view: PlanView = demo_view(BREATHE + "plan/", "en")
    o1 = next(t for t in view.trends if t.anchor == "objective-o1-trend")
    first = o1.rows[1]  # true on 31 December 2024, the end of the period the update of
    # 17 January 2025 reports: 275 of the 1095 days from baseline to target
    assert (first.value, first.expected) == ("12", f"{11 + 14 * 275 / 1095:.2f}")
    o3 = next(t for t in view.trends if t.anchor == "objective-o3-trend")
    assert [r.expected for r in o3.rows[-4:]] == ["80"] * 4  # after the target date


@pytest.mark.parametrize("variant", ["narrow", "wide"])
def test_an_objective_chart_draws_the_same_points_as_its_table(variant: str) -> None:
    view: PlanView = demo_view(BREATHE + "plan/", "en")
    for trend in view.trends:
        values = [float(r.value) for r in trend.rows]  # baseline, each update, target
        reported = plotted(trend.chart, "reported", variant)
        expected = plotted(trend.chart, "expected", variant)
        assert len(reported) == len(values) - 1  # the baseline and each update
        assert expected[0] == reported[0]  # the expected path starts at the baseline
        # One scale for every point: height is a straight function of the table's value.
        (x0, y0), (_, y1) = expected
        slope = (y1 - y0) / (values[-1] - values[0])
        for (_, y), value in zip(reported, values, strict=False):
            assert y == pytest.approx(y0 + slope * (value - values[0]), abs=0.15)
        assert [x for x, _ in reported] == sorted(x for x, _ in reported) and x0 == reported[0][0]


@pytest.mark.parametrize(("lang", "words"), [
    ("cy", "Llinell sylfaen 11 ar 31 Mawrth 2024. Adroddwyd: 12 ar 31 Rhagfyr 2024"),
    ("en", "Baseline 11 on 31 March 2024. Reported: 12 on 31 December 2024")])
def test_an_objective_chart_describes_its_figures_in_the_page_language(
        lang: str, words: str) -> None:
    view: PlanView = demo_view(BREATHE + "plan/", lang)
    chart = svg(view.trends[0].chart)
    assert chart.find("desc").get_text().startswith(words)
    assert chart.find("svg")["aria-labelledby"] == "trend-o1-title trend-o1-desc"


@pytest.mark.parametrize(("lang", "first", "total"), [
    ("cy", "Cyllideb", "Cyfanswm"), ("en", "Budget", "Total")])
def test_spend_over_time_per_line_and_in_total(lang: str, first: str, total: str) -> None:
    view: PlanView = demo_view(BREATHE + "plan/", lang)
    spend = view.spend_trend
    assert spend is not None
    assert [s.name.split(" ")[0] for s in spend.series] == [
        "B1", "B2", "B3", "B4", "B5", "B6", total]
    for series in spend.series:
        assert series.rows[0].point.label == first and len(series.rows) == 8
    last = [series.rows[-1].spent for series in spend.series]
    assert [c.amount for c in last][1::5] == ["£193,750", "£926,350"]
    assert [c.over for c in last] == [False, True] + [False] * 5
    assert all(series.chart for series in spend.series)


def test_spend_before_any_update_has_no_trend_and_spend_carries_forward() -> None:
    assert built_view(make(()), "plan/", "en", date(2026, 6, 1)).spend_trend is None
    spend = built_view(make(), "plan/", "en", date(2026, 6, 1)).spend_trend
    assert [[r.spent.amount for r in series.rows] for series in spend.series] == [
        ["£1,000", "£400", "£700"], ["£500", "£300", "£560"], ["£1,500", "£700", "£1,260"]]
    assert [series.rows[2].spent.over for series in spend.series] == [False, True, False]


@pytest.mark.parametrize(("lang", "words"), [
    ("cy", ["Gwyrdd – ar y trywydd", "Ambr – rhai problemau", "Coch – problemau difrifol"]),
    ("en", ["Green – on track", "Amber – some problems", "Red – serious problems"])])
def test_the_status_strip_has_a_linked_patterned_worded_cell_per_update(
        lang: str, words: list[str]) -> None:
    view: MonitoringView = demo_view(BREATHE + "monitoring/", lang)
    for variant in ("narrow", "wide"):
        strip = svg(view.history_chart, variant)
        cells = strip.select("a")
        assert [a["href"] for a in cells] == [e.link.href for e in view.history]
        assert len(cells) == 7
        fills = {a.rect["class"][1]: a.rect["fill"] for a in cells}
        assert fills["rh-strip--green"] == "#e3f1e6"
        assert fills["rh-strip--amber"].endswith("-dots)")
        assert fills["rh-strip--red"].endswith("-hatch)")
        labels = [" ".join(t.get_text(" ").split()) for a in cells
                  for t in a.find_all("text")[:1]]
        assert {labels[0], labels[1], labels[5]} == set(words)
    assert view.history[0].link.label in svg(view.history_chart).find("desc").get_text()


def test_the_status_strip_is_a_group_of_links_not_an_image() -> None:
    view: MonitoringView = demo_view(BREATHE + "monitoring/", "en")
    assert svg(view.history_chart).find("svg")["role"] == "group"  # links inside an img: unread


@pytest.mark.parametrize("lang", ["cy", "en"])
@pytest.mark.parametrize("variant", ["narrow", "wide"])
def test_long_labels_wrap_onto_lines_and_are_never_cut(lang: str, variant: str) -> None:
    view: PlanView = demo_view(BREATHE + "plan/", lang)
    for chart, names in ((view.objectives_chart, [t.name.split(" (")[0] for t in view.trends]),
                         (view.milestones_chart, [m.name for m in view.milestones]),
                         (view.budget_chart, [b.name for b in view.budget])):
        drawn = [" ".join(t.get_text(" ").split()) for t in svg(chart, variant).find_all("text")]
        assert not [w for w in drawn if "…" in w]
        for name in names:
            assert any(w.startswith(name) for w in drawn), name
