"""Every chart readable on a phone and a desk: measured in Chromium, not estimated."""

from __future__ import annotations

from typing import Any

import pytest

from ..browser import DESK, PHONE, needs_chromium

pytestmark = [pytest.mark.browser, needs_chromium]
BREATHE = "programmes/anadlu-n-rhydd/"
CHART_PAGES = [BREATHE + "plan/", BREATHE + "monitoring/", BREATHE + "risks/",
               BREATHE + "stakeholders/"]
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["390", "1280"])
LANGS = pytest.mark.parametrize("lang", ["", "en/"], ids=["cy", "en"])

# Every shown chart: its words' rendered font sizes and boxes, and the as-of line's box.
MEASURE = """() => [...document.querySelectorAll('svg.rh-chart')]
  .filter(svg => svg.getBoundingClientRect().width > 0).map(svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const box = e => { const r = e.getBoundingClientRect();
                       return [r.left, r.top, r.right, r.bottom]; };
    const texts = [...svg.querySelectorAll('text')];
    return {id: svg.getAttribute('aria-labelledby').split(' ')[0],
            width: svg.getBoundingClientRect().width,
            sizes: texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale),
            words: texts.map(t => t.textContent),
            boxes: texts.map(box),
            lines: [...svg.querySelectorAll('.rh-as-of-line')].map(box)};
  })"""


def overlap(a: list[float], b: list[float], slack: float = 0.5) -> bool:
    return (min(a[2], b[2]) - max(a[0], b[0]) > slack
            and min(a[3], b[3]) - max(a[1], b[1]) > slack)


def charts_on(browser: Any, url: str, viewport: dict[str, int]) -> list[dict[str, Any]]:
    page = browser.new_page(viewport=viewport)
    page.goto(url)
    charts: list[dict[str, Any]] = page.evaluate(MEASURE)
    page.close()
    return charts


@VIEWPORTS
@LANGS
@pytest.mark.parametrize("path", CHART_PAGES)
def test_every_chart_is_as_wide_as_the_content_and_its_words_at_least_12px(
        site: str, browser: Any, lang: str, path: str, viewport: dict[str, int]) -> None:
    charts = charts_on(browser, f"{site}/{lang}{path}", viewport)
    assert charts, "no chart shown"
    for chart in charts:
        assert chart["width"] >= 0.9 * {390: 358, 1280: 688}[viewport["width"]], chart["id"]
        small = [(w, round(s, 1)) for w, s in zip(chart["words"], chart["sizes"], strict=True)
                 if s < 12]
        assert not small, f"{chart['id']}: {small}"


@VIEWPORTS
@LANGS
@pytest.mark.parametrize("path", CHART_PAGES)
def test_no_words_in_a_chart_overlap_other_words_or_the_as_of_line(
        site: str, browser: Any, lang: str, path: str, viewport: dict[str, int]) -> None:
    for chart in charts_on(browser, f"{site}/{lang}{path}", viewport):
        boxes, words = chart["boxes"], chart["words"]
        clashes = [(words[i], words[j]) for i in range(len(boxes))
                   for j in range(i + 1, len(boxes)) if overlap(boxes[i], boxes[j])]
        clashes += [(words[i], "as-of line") for i in range(len(boxes))
                    for line in chart["lines"] if overlap(boxes[i], line, 0)]
        assert not clashes, f"{chart['id']}: {clashes}"
        right = max((b[2] for b in boxes), default=0)
        left = min((b[0] for b in boxes), default=0)
        assert right - left <= chart["width"] + 0.5, f"{chart['id']}: words past the edge"


@VIEWPORTS
def test_each_stakeholder_marker_is_centred_on_its_ticks(site: str, browser: Any,
                                                        viewport: dict[str, int]) -> None:
    page = browser.new_page(viewport=viewport)
    page.goto(f"{site}/{BREATHE}stakeholders/")
    found = page.evaluate("""() => {
      const svg = [...document.querySelectorAll('svg.rh-chart')]
        .find(s => s.getBoundingClientRect().width > 0);
      const centre = e => { const r = e.getBoundingClientRect();
                            return [(r.left + r.right) / 2, (r.top + r.bottom) / 2]; };
      const ticks = sel => Object.fromEntries([...svg.querySelectorAll(sel)]
        .map(t => [t.textContent, centre(t)]));
      return {across: ticks('.rh-tick-x'), up: ticks('.rh-tick-y'),
              points: [...svg.querySelectorAll('.rh-point')].map(p => ({
                x: p.dataset.x, y: p.dataset.y, centre: centre(p)}))};
    }""")
    page.close()
    assert len(found["points"]) == 8
    for point in found["points"]:
        x, y = point["centre"]
        assert abs(x - found["across"][point["x"]][0]) <= 1, point
        assert abs(y - found["up"][point["y"]][1]) <= 1, point
