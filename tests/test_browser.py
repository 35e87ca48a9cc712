"""Behaviour that lives in the browser: the language switcher, phone width, print."""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser import browser, needs_chromium, serve

pytestmark = [pytest.mark.browser, needs_chromium]
PLAN = "programmes/anadlu-n-rhydd/plan/"


@pytest.mark.parametrize(("start", "lang", "target"), [
    ("/en/" + PLAN, "cy", "/" + PLAN),
    ("/" + PLAN, "en", "/en/" + PLAN),
    ("/programmes/cerdded-i-r-ysgol/monitoring/2026-04-10/", "en",
     "/en/programmes/cerdded-i-r-ysgol/monitoring/2026-04-10/"),
])
def test_clicking_the_language_switcher_opens_the_same_page(demo_site: Path, start: str,
                                                            lang: str, target: str) -> None:
    with serve(demo_site) as base, browser() as tab:
        tab.goto(base + start)
        tab.eval(f"document.querySelector('a.md-select__link[hreflang=\"{lang}\"]').click()")
        tab.until(f"document.documentElement.lang === '{lang}' && location.pathname")
        assert tab.eval("location.pathname") == target


def test_a_page_fits_a_phone_and_its_charts_stay_readable(demo_site: Path) -> None:
    with serve(demo_site) as base, browser() as tab:
        tab.send("Emulation.setDeviceMetricsOverride", width=390, height=844,
                 deviceScaleFactor=2, mobile=True)
        tab.goto(f"{base}/{PLAN}")
        assert tab.eval("document.documentElement.scrollWidth") <= 390  # no sideways page
        charts = tab.eval("""[...document.querySelectorAll('svg.rh-chart')].map(svg => {
            const box = svg.getBoundingClientRect();
            const sizes = [...svg.querySelectorAll('text')].map(
                t => t.getBoundingClientRect().height).filter(h => h > 0);
            return {left: box.left, right: box.right, smallest: Math.min(...sizes)};
        })""")
        assert len(charts) == 3
        for chart in charts:
            assert chart["left"] >= 0 and chart["right"] <= 390
            assert chart["smallest"] >= 9  # CSS pixels: small print, but legible
        wide = tab.eval("""[...document.querySelectorAll('.rh-scroll')].map(
            d => getComputedStyle(d).overflowX)""")
        assert wide and set(wide) == {"auto"}  # wide tables scroll inside their box


def test_the_evaluation_prints_without_navigation_and_keeps_its_tables(demo_site: Path) -> None:
    with serve(demo_site) as base, browser() as tab:
        tab.goto(f"{base}/programmes/anadlu-n-rhydd/evaluation/")
        tab.send("Emulation.setEmulatedMedia", media="print")
        shown = tab.eval("""Object.fromEntries(['.md-header', '.md-sidebar--primary',
            '.md-sidebar--secondary', '.rh-local', '.rh-breadcrumbs', '.md-footer',
            'article table', 'article h1'].map(s => {
                const el = document.querySelector(s);
                return [s, el ? getComputedStyle(el).display : 'missing'];
            }))""")
        assert shown[".md-header"] == shown[".md-sidebar--primary"] == "none"
        assert shown[".rh-local"] == shown[".rh-breadcrumbs"] == shown[".md-footer"] == "none"
        assert shown["article table"] == "table" and shown["article h1"] == "block"
        pdf = tab.send("Page.printToPDF", printBackground=True)
        assert len(pdf["data"]) > 10_000  # a real document comes out
