"""Behaviour that lives in the browser: the switcher, phone width, print, requests, axe-core."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from ..browser import DESK, PHONE, needs_chromium

pytestmark = [pytest.mark.browser, needs_chromium]
BREATHE = "programmes/anadlu-n-rhydd/"
PLAN = BREATHE + "plan/"
# One page of every kind, each in both languages (English under en/).
PAGE_KINDS = ["", "about/", "accessibility/", "data/", "programmes/", "lessons/",
              "lessons/tags/timing/", "lessons/kinds/worked-well/", BREATHE, PLAN,
              BREATHE + "strategy/",
              BREATHE + "stakeholders/", BREATHE + "risks/", BREATHE + "monitoring/",
              BREATHE + "monitoring/2026-11-13/", BREATHE + "pilot/", BREATHE + "evaluation/",
              BREATHE + "lessons/", BREATHE + "sustainability/", BREATHE + "compliance/",
              "404.html"]


@pytest.mark.parametrize(("start", "lang", "target"), [
    ("/en/" + PLAN, "cy", "/" + PLAN),
    ("/" + PLAN, "en", "/en/" + PLAN),
    ("/programmes/cerdded-i-r-ysgol/monitoring/2026-04-10/", "en",
     "/en/programmes/cerdded-i-r-ysgol/monitoring/2026-04-10/"),
])
def test_clicking_the_language_switcher_opens_the_same_page(site: str, browser: Any, start: str,
                                                            lang: str, target: str) -> None:
    page = browser.new_page(viewport=DESK)
    page.goto(site + start)
    page.locator(f'a.md-select__link[hreflang="{lang}"]').dispatch_event("click")
    page.wait_for_function(f"document.documentElement.lang === '{lang}'")
    assert page.evaluate("location.pathname") == target
    page.close()


def test_a_page_fits_a_phone_and_its_charts_stay_readable(site: str, browser: Any) -> None:
    page = browser.new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page.goto(f"{site}/{PLAN}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways page
    charts = page.evaluate("""[...document.querySelectorAll('svg.rh-chart')]
        .filter(svg => svg.getBoundingClientRect().width > 0).map(svg => {
        const box = svg.getBoundingClientRect();
        const sizes = [...svg.querySelectorAll('text')].map(
            t => t.getBoundingClientRect().height).filter(h => h > 0);
        return {left: box.left, right: box.right, smallest: Math.min(...sizes)};
    })""")
    assert len(charts) == 14  # the phone's drawing of each chart, the desk's hidden
    for chart in charts:
        assert chart["left"] >= 0 and chart["right"] <= 390
        assert chart["smallest"] >= 12  # CSS pixels
    wide = page.evaluate("""[...document.querySelectorAll('.rh-scroll')].map(
        d => getComputedStyle(d).overflowX)""")
    assert wide and set(wide) == {"auto"}  # wide tables scroll inside their box
    page.close()


def test_the_evaluation_prints_on_a4_without_navigation_and_keeps_its_tables(
        site: str, browser: Any) -> None:
    page = browser.new_page(viewport=DESK)
    page.goto(f"{site}/{BREATHE}evaluation/")
    page.emulate_media(media="print")
    shown = page.evaluate("""Object.fromEntries(['.md-header', '.md-sidebar--primary',
        '.md-sidebar--secondary', '.rh-local', '.rh-breadcrumbs', '.md-footer',
        'article table', 'article h1'].map(s => {
            const el = document.querySelector(s);
            return [s, el ? getComputedStyle(el).display : 'missing'];
        }))""")
    assert shown[".md-header"] == shown[".md-sidebar--primary"] == "none"
    assert shown[".rh-local"] == shown[".rh-breadcrumbs"] == shown[".md-footer"] == "none"
    assert shown["article table"] == "table" and shown["article h1"] == "block"
    page.close()


@pytest.mark.parametrize(("lang", "running"), [("", "Gwerthuso – Anadlu'n Rhydd"),
                                              ("en/", "Evaluation – Breathe Free")])
def test_every_printed_page_is_a4_and_names_the_programme_and_page(
        site: str, browser: Any, lang: str, running: str) -> None:
    page = browser.new_page(viewport=DESK)
    page.goto(f"{site}/{lang}{BREATHE}evaluation/")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    page.close()
    assert len(pdf.pages) > 1
    for number, sheet in enumerate(pdf.pages, start=1):
        assert (round(float(sheet.mediabox.width)), round(float(sheet.mediabox.height))) == (
            596, 843)  # A4 in points
        lines = sheet.extract_text().splitlines()
        assert lines[0] == running and lines[1] == f"{number} / {len(pdf.pages)}"


@pytest.mark.parametrize("lang", ["", "en/"], ids=["cy", "en"])
def test_no_page_asks_anything_of_another_site(site: str, browser: Any, lang: str) -> None:
    page = browser.new_page(viewport=DESK)
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    for path in PAGE_KINDS:
        page.goto(f"{site}/{lang}{path}", wait_until="networkidle")
    outside = sorted({url for url in asked if not url.startswith(site + "/")})
    assert len(asked) > len(PAGE_KINDS) and not outside, outside
    page.close()


@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["390", "1280"])
@pytest.mark.parametrize("lang", ["", "en/"], ids=["cy", "en"])
def test_axe_core_finds_nothing_serious_on_any_kind_of_page(site: str, browser: Any, lang: str,
                                                           viewport: dict[str, int]) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe, page = Axe(), browser.new_page(viewport=viewport)
    found = []
    for path in PAGE_KINDS:
        page.goto(f"{site}/{lang}{path}")
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                target = violation["nodes"][0]["target"]
                found.append(f"/{lang}{path}: {violation['id']} ({violation['impact']}) "
                             f"at {target}, {len(violation['nodes'])} element(s)")
    page.close()
    assert not found, "\n".join(found)
