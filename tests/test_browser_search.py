"""The header search in a real Chromium: the page's language only, Welsh in every form."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .browser import DESK, needs_chromium

pytestmark = [pytest.mark.browser, needs_chromium]
BOX = ".pagefind-ui__search-input"
# (dictionary form, mutated form only the demo data's Welsh pages hold)
WELSH = [("gogledd", "ngogledd"), ("Cymru", "Gymru"), ("Cymru", "Nghymru"), ("pob", "mhob"),
         ("tymor", "nhymor"), ("Conwy", "Nghonwy"), ("cofnod", "nghofnod"),
         ("clinigau", "nghlinigau"), ("Caernarfon", "Nghaernarfon"),
         ("Caerdydd", "Nghaerdydd"), ("pobl", "bobl"), ("data", "ddata"),
         ("cynllun", "gynllun"), ("rhieni", "rieni"), ("rhaglen", "raglen"),
         ("teuluoedd", "theuluoedd"), ("teulu", "deulu"), ("plant", "blant"),
         ("cerdded", "gerdded")]


@pytest.fixture(scope="module")
def tab(browser: Any) -> Any:
    page = browser.new_page(viewport=DESK)
    yield page
    page.close()


def search(tab: Any, site: str, path: str, query: str) -> tuple[str, list[str]]:
    """Type `query` into the header search of `path`; the count line and every result."""
    if tab.url != site + path:
        tab.goto(site + path)
    tab.locator(BOX).fill("")
    tab.locator(BOX).press_sequentially(query)
    message = tab.locator(".pagefind-ui__message")
    message.filter(has_text=re.compile(rf"^(\d+|Dim|No) .*{re.escape(query)}$")).wait_for()
    more = tab.locator(".pagefind-ui__button")
    while more.count():
        more.click()
        tab.wait_for_timeout(100)
    hrefs = tab.eval_on_selector_all(".pagefind-ui__result-link",
                                     "links => links.map(a => a.getAttribute('href'))")
    return message.inner_text(), hrefs


@pytest.mark.parametrize(("path", "query"), [("/", "smoking"), ("/", "ysmygu"),
                                             ("/en/", "smoking"), ("/en/", "Cymru")])
def test_results_are_pages_of_the_page_language_only_and_each_once(
        site: str, tab: Any, path: str, query: str) -> None:
    message, hrefs = search(tab, site, path, query)
    assert hrefs, message
    english = [href for href in hrefs if href.startswith("/en/")]
    assert english == (hrefs if path == "/en/" else [])
    assert len(hrefs) == len(set(hrefs))  # no duplicates
    count = int(message.split()[0])
    assert count == len(hrefs)


def test_welsh_counts_take_the_singular(site: str, tab: Any) -> None:
    message, hrefs = search(tab, site, "/", "ysmygu")
    assert re.fullmatch(r"\d+ canlyniad ar gyfer ysmygu", message), message
    assert len(hrefs) > 1


@pytest.mark.parametrize(("radical", "mutated"), WELSH)
def test_a_welsh_dictionary_form_finds_its_mutated_forms(site: str, tab: Any, radical: str,
                                                         mutated: str) -> None:
    _, written = search(tab, site, "/", mutated)
    assert written  # the demo data's Welsh pages hold the mutated form
    _, found = search(tab, site, "/", radical)
    assert set(written) <= set(found), set(written) - set(found)


def test_english_is_stemmed(site: str, tab: Any) -> None:
    _, plural = search(tab, site, "/en/", "pharmacies")
    _, singular = search(tab, site, "/en/", "pharmacy")
    assert plural and set(plural) <= set(singular)

