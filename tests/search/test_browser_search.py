"""The header search in a real Chromium: the page's language only, Welsh in every form.

The box is Rhaglen's own (javascripts/rhaglen-search.js on Pagefind's JS API). Most tests
search the demo site; the issue's words that the demo data does not hold ("bont",
"mhont", "hafon"...) are on a few extra pages of a copy of it, one word form a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from rhaglen.search.mutations import radicals, rules
from rhaglen.search.words import BLOCK_ID
from rhaglen.site.build import build_site
from rhaglen.text.i18n import Strings

from ..browser import DESK, PHONE, needs_chromium, serve
from ..helpers import AS_OF, copy_project

pytestmark = [pytest.mark.browser, needs_chromium]
BOX = "#rh-search-input"
STATUS = ".rh-search__status"
RESULTS = ".rh-search__results li"
MORE = ".rh-search__more"
# (dictionary form, mutated form only the demo data's Welsh pages hold)
WELSH = [("gogledd", "ngogledd"), ("Cymru", "Gymru"), ("Cymru", "Nghymru"), ("pob", "mhob"),
         ("tymor", "nhymor"), ("Conwy", "Nghonwy"), ("cofnod", "nghofnod"),
         ("clinigau", "nghlinigau"), ("Caernarfon", "Nghaernarfon"),
         ("Caerdydd", "Nghaerdydd"), ("pobl", "bobl"), ("data", "ddata"),
         ("cynllun", "gynllun"), ("rhieni", "rieni"), ("rhaglen", "raglen"),
         ("teuluoedd", "theuluoedd"), ("teulu", "deulu"), ("plant", "blant"),
         ("cerdded", "gerdded")]
# The issue's words, one form a page (/prawf/<form>/), each in a sentence that takes it.
FORMS = {"cymru": "Mae Cymru yn wlad fach.", "gymru": "Croeso i Gymru.",
         "nghymru": "Rydym yn byw yng Nghymru.", "chymru": "Lloegr a Chymru.",
         "pont": "Mae pont dros y dyffryn.", "bont": "Croesodd hi'r bont.",
         "mhont": "Dyma fy mhont i.", "phont": "Dyma ei phont hi.",
         "afon": "Mae afon yn y dyffryn.", "hafon": "Dyma ei hafon hi."}
# Text that is HTML only if someone reads a page's text as HTML (Pagefind escapes < and >,
# not "&": this is "&lt;img …&gt;" as the reader sees it).
UNSAFE = "Ffugdestun &amp;lt;img src=x onerror=window.rhPwned=1&amp;gt; diogel."


def page_of(form: str) -> str:
    return f"/prawf/{form}/"


@pytest.fixture(scope="module")
def words(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A copy of the demo site with a Welsh page for each of the issue's word forms."""
    project = copy_project(tmp_path_factory.mktemp("words") / "project")
    folder = project / "docs" / "prawf"
    folder.mkdir()
    for form, sentence in {**FORMS, "diogel": UNSAFE}.items():
        (folder / f"{form}.md").write_text(f"# Prawf\n\n{sentence}\n", encoding="utf-8")
    assert build_site(project / "mkdocs.yml", project / "site", date.fromisoformat(AS_OF)) == 0
    with serve(project / "site") as base:
        yield base, project / "site"


@pytest.fixture(scope="module")
def tab(browser: Any) -> Iterator[Any]:
    page = browser.new_page(viewport=DESK)
    yield page
    page.close()


def search(tab: Any, site: str, path: str, query: str, *, every: bool = True
           ) -> tuple[str, list[str]]:
    """Type `query` into the header search of `path`; the count line and every result
    (all of them, pressing "more results" while there is more, unless not `every`)."""
    if tab.url != site + path:
        tab.goto(site + path)
    tab.locator(BOX).fill("")
    tab.locator(BOX).press_sequentially(query)
    status = tab.locator(STATUS)
    status.filter(has_text=re.compile(rf"^(\d+|Dim|No) .*{re.escape(query)}$")).wait_for()
    more = tab.locator(MORE)
    while every and more.is_visible():
        shown = tab.locator(RESULTS).count()
        more.click()
        tab.wait_for_function(f"document.querySelectorAll({RESULTS!r}).length > {shown}")
    hrefs = tab.eval_on_selector_all(f"{RESULTS} > a",
                                     "links => links.map(a => a.getAttribute('href'))")
    return status.inner_text(), hrefs


def shown(tab: Any) -> list[dict[str, Any]]:
    """Each result on screen: its link, title, excerpt and the words marked in it."""
    return list(tab.eval_on_selector_all(RESULTS, """items => items.map(li => ({
        href: li.querySelector('a').getAttribute('href'), title: li.querySelector('a').innerText,
        excerpt: li.querySelector('p').innerText,
        marks: [...li.querySelectorAll('mark')].map(m => m.innerText),
        elements: [...li.querySelectorAll('*')].map(e => e.localName)}))"""))


@pytest.mark.parametrize(("path", "query"), [("/", "smoking"), ("/", "ysmygu"), ("/", "Nghymru"),
                                             ("/en/", "smoking"), ("/en/", "Cymru")])
def test_results_are_pages_of_the_page_language_only_and_each_once(
        site: str, tab: Any, path: str, query: str) -> None:
    message, hrefs = search(tab, site, path, query)
    assert hrefs, message
    english = [href for href in hrefs if href.startswith("/en/")]
    assert english == (hrefs if path == "/en/" else [])
    assert len(hrefs) == len(set(hrefs))  # no duplicates, though "Nghymru" runs two searches
    count = int(message.split()[0])
    assert count == len(hrefs)


def test_welsh_counts_take_the_singular(site: str, tab: Any) -> None:
    message, hrefs = search(tab, site, "/", "ysmygu")
    assert re.fullmatch(r"\d+ canlyniad ar gyfer ysmygu", message), message
    assert len(hrefs) > 1
    message, hrefs = search(tab, site, "/", "qwxz")
    assert (message, hrefs) == ("Dim canlyniad ar gyfer qwxz", [])
    message, hrefs = search(tab, site, "/en/", "qwxz")
    assert (message, hrefs) == ("No results for qwxz", [])


@pytest.mark.parametrize(("radical", "mutated"), WELSH)
def test_a_welsh_dictionary_form_finds_its_mutated_forms(site: str, tab: Any, radical: str,
                                                         mutated: str) -> None:
    _, written = search(tab, site, "/", mutated)
    assert written  # the demo data's Welsh pages hold the mutated form
    _, found = search(tab, site, "/", radical)
    assert set(written) <= set(found), set(written) - set(found)


@pytest.mark.parametrize(("radical", "mutated"), [
    ("Cymru", ["gymru", "nghymru", "chymru"]), ("pont", ["bont", "mhont", "phont"]),
    ("afon", ["hafon"])])
def test_the_issue_s_dictionary_forms_find_every_mutated_form(
        words: tuple[str, Path], tab: Any, radical: str, mutated: list[str]) -> None:
    _, found = search(tab, words[0], "/", radical)
    assert {page_of(form) for form in [radical.lower(), *mutated]} <= set(found)


@pytest.mark.parametrize(("typed", "radical", "others"), [
    ("Gymru", "cymru", ["nghymru", "chymru"]), ("Nghymru", "cymru", ["gymru", "chymru"]),
    ("Chymru", "cymru", ["gymru", "nghymru"]), ("bont", "pont", ["mhont", "phont"]),
    ("mhont", "pont", ["bont", "phont"]), ("phont", "pont", ["bont", "mhont"]),
    ("hafon", "afon", [])])
def test_a_mutated_form_typed_finds_the_dictionary_form_and_the_other_forms(
        words: tuple[str, Path], tab: Any, typed: str, radical: str, others: list[str]) -> None:
    _, found = search(tab, words[0], "/", typed)
    assert page_of(radical) in found  # only "Cymru", "pont", "afon" on that page
    assert {page_of(typed.lower()), *map(page_of, others)} <= set(found)


def test_english_is_stemmed(site: str, tab: Any) -> None:
    _, plural = search(tab, site, "/en/", "pharmacies")
    _, singular = search(tab, site, "/en/", "pharmacy")
    assert plural and set(plural) <= set(singular)
    marked = {mark.lower() for result in shown(tab) for mark in result["marks"]}
    assert "pharmacies" in marked


def test_english_words_are_not_read_as_welsh_mutations(site: str, tab: Any) -> None:
    _, hrefs = search(tab, site, "/en/", "Gymru")  # on an English page, not "Cymru"
    assert hrefs == []


@pytest.mark.parametrize(("path", "query", "programme"), [
    ("/en/", "Breathe", "anadlu-n-rhydd"), ("/", "Anadlu", "anadlu-n-rhydd"),
    ("/en/", "Walk", "cerdded-i-r-ysgol"), ("/", "Cerdded", "cerdded-i-r-ysgol")])
def test_titles_rank_above_body_text(site: str, tab: Any, path: str, query: str,
                                     programme: str) -> None:
    search(tab, site, path, query)
    results = shown(tab)
    assert results[0]["href"].startswith(f"{path}programmes/{programme}/"), results[0]
    titled = [query.lower() in result["title"].lower() for result in results]
    assert titled[0] and sorted(titled, reverse=True) == titled, [
        (r["title"], r["href"]) for r in results]  # every titled page before any other
    assert not all(titled)  # and there were pages that hold the word in their text only


def hidden_only(site_dir: Path, href: str) -> set[str]:
    """Words of the page's hidden search block that its visible text does not hold."""
    soup = BeautifulSoup((site_dir / href.lstrip("/") / "index.html").read_text("utf-8"),
                         "html.parser")
    block = soup.select_one(f"#{BLOCK_ID}")
    if block is None:
        return set()
    hidden = set(block.get_text().split())
    block.decompose()
    body = soup.select_one("[data-pagefind-body]")
    assert body is not None
    visible = {word.strip(".,;:()'’").lower() for word in body.get_text(" ").split()}
    return hidden - visible


@pytest.mark.parametrize(("on_words", "query"), [(False, "gogledd"), (False, "Caerdydd"),
                                                 (True, "pont"), (True, "Cymru")])
def test_excerpts_never_show_the_hidden_words_and_mark_the_form_on_the_page(
        site: str, demo_site: Path, words: tuple[str, Path], tab: Any, on_words: bool,
        query: str) -> None:
    base, site_dir = words if on_words else (site, demo_site)
    search(tab, base, "/", query)
    results = shown(tab)
    assert results
    only_hidden = 0
    for result in results:
        extra = hidden_only(site_dir, result["href"])
        written = {word.strip(".,;:()'’…").lower() for word in result["excerpt"].split()}
        assert not written & extra, (result["href"], written & extra)
        assert result["marks"], result  # the form on the page is marked, whichever it is
        only_hidden += query.lower() in extra
    assert only_hidden  # some pages matched through their hidden words alone


def test_excerpts_and_titles_are_text_never_html(words: tuple[str, Path], tab: Any) -> None:
    search(tab, words[0], "/", "ffugdestun")
    results = shown(tab)
    assert [r["href"] for r in results] == [page_of("diogel")]
    assert "&lt;img src=x" in results[0]["excerpt"]
    assert set(results[0]["elements"]) <= {"a", "p", "mark"}
    assert tab.evaluate("window.rhPwned") is None


def test_the_box_downloads_nothing_until_used_and_asks_nothing_of_another_site(
        site: str, browser: Any) -> None:
    page = browser.new_page(viewport=DESK)
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(site + "/", wait_until="networkidle")
    assert site + "/javascripts/rhaglen-search.js" in asked
    assert not [url for url in asked if "/pagefind/" in url]  # nothing of the index yet
    page.focus(BOX)
    page.wait_for_load_state("networkidle")
    assert site + "/pagefind/pagefind.js" in asked
    search(page, site, "/", "Cymru")
    assert [url for url in asked if "/fragment/" in url]
    assert not [url for url in asked if not url.startswith(site + "/")]
    assert not [url for url in asked if "pagefind-ui" in url or "pagefind-worker" in url]
    page.close()


def test_keyboard_only(site: str, browser: Any) -> None:
    page = browser.new_page(viewport=DESK)
    page.goto(site + "/en/")
    page.keyboard.press("Tab")  # "Skip to content", then on through the header
    for _ in range(12):
        if page.evaluate("document.activeElement.id") == "rh-search-input":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "rh-search-input"
    page.keyboard.type("smoking")
    page.locator(STATUS).filter(has_text=re.compile(r"^\d+ results")).wait_for()
    hrefs = page.eval_on_selector_all(f"{RESULTS} > a", "a => a.map(x => x.getAttribute('href'))")
    page.keyboard.press("Tab")  # straight into the results
    assert page.evaluate("document.activeElement.getAttribute('href')") == hrefs[0]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == hrefs[1]
    page.keyboard.press("Escape")  # clears, and back in the box
    assert page.evaluate("document.activeElement.id") == "rh-search-input"
    assert page.input_value(BOX) == "" and not page.locator(".rh-search__panel").is_visible()
    page.keyboard.type("smoking")
    page.locator(STATUS).filter(has_text=re.compile(r"^\d+ results")).wait_for()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(site + hrefs[0])
    page.close()


def test_more_results_are_a_button_away_and_take_the_focus(site: str, tab: Any) -> None:
    message, _ = search(tab, site, "/", "Cymru", every=False)
    total = int(message.split()[0])
    assert total > 20 and tab.locator(RESULTS).count() == 10
    more = tab.locator(MORE)
    assert more.inner_text() == Strings("cy")("search.load_more")
    more.click()
    tab.wait_for_function(f"document.querySelectorAll({RESULTS!r}).length === 20")
    assert tab.evaluate("document.activeElement.getAttribute('href')") == tab.locator(
        f"{RESULTS} > a").nth(10).get_attribute("href")


@pytest.mark.parametrize("lang", ["cy", "en"])
def test_every_word_of_the_box_is_in_the_page_language(site: str, tab: Any, lang: str) -> None:
    t, other = Strings(lang), Strings("en" if lang == "cy" else "cy")
    path = "/" if lang == "cy" else "/en/"
    message, _ = search(tab, site, path, "data", every=False)
    interface = {
        "label": tab.locator("label[for='rh-search-input']").inner_text(),
        "placeholder": tab.get_attribute(BOX, "placeholder"),
        "clear": tab.locator(".rh-search__clear").inner_text(),
        "load_more": tab.locator(MORE).inner_text(),
        "region": tab.get_attribute(".rh-search", "aria-label"),
    }
    assert interface == {"label": t("search.label"), "placeholder": t("search.placeholder"),
                         "clear": t("search.clear"), "load_more": t("search.load_more"),
                         "region": t("search.label")}
    pattern = re.escape(t("search.many_results")).replace(r"\[COUNT\]", r"\d+").replace(
        r"\[SEARCH_TERM\]", "data")
    assert re.fullmatch(pattern, message), message
    foreign = {other(f"search.{key}") for key in ("label", "clear", "load_more")}
    assert not foreign & {*interface.values(), message}
    assert tab.get_attribute(".rh-search__status", "aria-live") == "polite"
    assert tab.get_attribute(BOX, "type") == "search"


# What a string replacement reads as patterns ("$&" the match, "$'" what follows it...).
DOLLARS = "qwxz $& $' $` $$"


def told(lang: str, key: str, query: str) -> re.Pattern[str]:
    """The words of the box's `key` in `lang`, with any count and the query as typed."""
    return re.compile(re.escape(Strings(lang)(f"search.{key}")).replace(r"\[COUNT\]", r"\d+")
                      .replace(r"\[SEARCH_TERM\]", re.escape(query)))


@pytest.mark.parametrize(("path", "query", "key"), [
    ("/en/", DOLLARS, "zero_results"), ("/", DOLLARS, "zero_results"),
    ("/en/", "smoking $& $'", "many_results"), ("/", "ysmygu $` $$", "many_results")])
def test_the_count_says_the_query_as_typed_whatever_its_dollar_signs(
        site: str, tab: Any, path: str, query: str, key: str) -> None:
    tab.goto(site + path)
    tab.locator(BOX).fill(query)  # one input event: one search, of the whole query
    status = tab.locator(STATUS)
    status.filter(has_text=re.compile(r"^(\d+|Dim|No) ")).wait_for()
    assert told(path.strip("/") or "cy", key, query).fullmatch(status.inner_text()), (
        status.inner_text())


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_the_searching_line_says_the_query_as_typed(site: str, browser: Any, path: str) -> None:
    page = browser.new_page(viewport=DESK)
    held: list[Any] = []
    page.route("**/pagefind/pagefind.js", lambda route: held.append(route))  # never comes
    try:
        page.goto(site + path)
        page.locator(BOX).fill(DOLLARS)
        status = page.locator(STATUS)
        status.filter(has_text=re.compile(r"^(Yn chwilio|Searching) ")).wait_for()
        assert held and told(path.strip("/") or "cy", "searching", DOLLARS).fullmatch(
            status.inner_text()), status.inner_text()
    finally:
        for route in held:  # Playwright's handlers end before the page does
            route.abort()
        page.close()


@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["390", "1280"])
@pytest.mark.parametrize("lang", ["", "en/"], ids=["cy", "en"])
def test_axe_core_finds_nothing_serious_with_results_open(site: str, browser: Any, lang: str,
                                                          viewport: dict[str, int]) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport=viewport)
    search(page, site, "/" + lang, "Cymru" if not lang else "smoking", every=False)
    serious = [f"{v['id']} at {v['nodes'][0]['target']}" for v in Axe().run(page).response[
        "violations"] if v["impact"] in ("serious", "critical")]
    page.close()
    assert not serious, serious


@pytest.mark.parametrize("lang", ["", "en/"], ids=["cy", "en"])
def test_the_results_fit_a_phone(site: str, browser: Any, lang: str) -> None:
    page = browser.new_page(viewport=PHONE, is_mobile=True)
    search(page, site, "/" + lang, "Cymru" if not lang else "smoking", every=False)
    panel = page.locator(".rh-search__panel").bounding_box()
    box = page.locator(BOX).bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert panel and box and header
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= PHONE["width"]
    assert panel["y"] >= header["y"] + header["height"] - 1  # under the header, not over it
    assert box["width"] >= 150 and box["x"] + box["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector("
                         f"'{RESULTS} a')).fontSize)")
    assert size >= 15  # CSS pixels
    page.close()


def test_the_script_reads_welsh_by_the_core_s_rules(site: str, demo_site: Path, tab: Any) -> None:
    tab.goto(site + "/")
    text = " ".join(p.read_text("utf-8") for p in (demo_site / "programmes").rglob("*.html"))
    sample = sorted({w.lower() for w in re.findall(r"[^\W\d_]+", text)} | set(FORMS))[::7]
    assert len(sample) > 300
    found = tab.evaluate("""async ([words, given]) => {
        const box = await import('/javascripts/rhaglen-search.js');
        return words.map(w => box.radicals(w, given));
    }""", [sample, rules()])
    assert {w: set(f) for w, f in zip(sample, found, strict=True)} == {
        w: radicals(w) for w in sample}
    assert all(forms[0] == word for word, forms in zip(sample, found, strict=True))
    queries = tab.evaluate("""async given => {
        const box = await import('/javascripts/rhaglen-search.js');
        return [box.queries('yng Nghymru', given), box.queries('bont gymru dref lyfr', given),
                box.queries('bont', null)];
    }""", rules())
    assert queries[0] == ["yng nghymru", "yng cymru"]  # a stop word is never expanded
    assert len(queries[1]) == 8 and queries[1][0] == "bont gymru dref lyfr"
    assert queries[2] == ["bont"]  # no rules (an English page): as typed
