"""The built site as a reader meets it, in Welsh and in English."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rhaglen.text.i18n import catalogue

from ..helpers import Element, article, find_all, lang_root, parse, text_of, walk

WALK = "programmes/cerdded-i-r-ysgol/"
# Interface words of the English catalogue and of Material's English chrome. None may
# appear on a Welsh page outside data (data is bilingual and checked separately).
ENGLISH_CHROME = {"skip", "content", "search", "initializing", "edit", "page", "back", "top",
                  "made", "with", "home", "programmes", "about", "overview", "mission", "values",
                  "organisations", "organisation", "target", "groups", "type", "stage", "dates",
                  "lead", "website", "role", "insight", "size", "people", "campaign",
                  "implementing", "evaluating", "table", "contents", "navigation", "header",
                  "clear", "select", "language", "previous", "next", "the", "and", "of", "to"}


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_exists_in_both_languages(demo_site: Path) -> None:
    welsh = {p.relative_to(demo_site) for p in pages(demo_site)
             if not p.is_relative_to(demo_site / "en")}
    english = {p.relative_to(demo_site / "en") for p in pages(demo_site / "en")}
    assert welsh == english
    assert Path(WALK, "index.html") in welsh


@pytest.mark.parametrize("lang", ["cy", "en"])
def test_html_lang_matches_the_page_language(demo_site: Path, lang: str) -> None:
    root = lang_root(demo_site, lang)
    for page in pages(root):
        if lang == "cy" and page.is_relative_to(demo_site / "en"):
            continue
        opening = re.search(r"<html[^>]*>", page.read_text(encoding="utf-8"))
        assert opening is not None and f'lang="{lang}"' in opening.group(0), page


@pytest.mark.parametrize(("path", "other"), [
    (WALK, "en/" + WALK), ("en/" + WALK, WALK), ("programmes/", "en/programmes/"),
    ("", "en/"), ("en/about/", "about/"),
])
def test_language_switcher_goes_to_the_same_page(demo_site: Path, path: str, other: str) -> None:
    links = find_all(parse(html(demo_site, path)), "a", class_="md-select__link")
    target_lang = "en" if other.startswith("en/") else "cy"
    switch = [a for a in links if a.attrs["hreflang"] == target_lang]
    assert len(switch) == 1
    href = switch[0].attrs["href"]
    base = demo_site if href.startswith("/") else demo_site / path
    resolved = (base / href.lstrip("/")).resolve()
    assert resolved == (demo_site / other).resolve()


def test_overview_shows_the_programme_in_welsh(demo_site: Path) -> None:
    page = article(html(demo_site, WALK))
    text = text_of(page)
    assert text_of(find_all(page, "h1")[0]) == "Cerdded i'r Ysgol"
    assert "Ymgyrch (tymor canolig)" in text and "Gweithredu" in text
    assert "1 Medi 2025 i 31 Gorffennaf 2027" in text
    assert "Gwneud y daith i'r ysgol yn iachach" in text
    assert [text_of(h) for h in find_all(page, "h2")] == [
        "Y sefyllfa bresennol", "Cenhadaeth", "Nod ymddygiad", "Gwerthoedd", "Sefydliadau",
        "Grwpiau targed", "Data agored"]
    assert "1,240 o bobl" in text
    strong = [text_of(s) for s in find_all(page, "strong")]
    assert "gerdded, olwyno neu feicio" in strong
    assert "Walk to School" not in text


def test_overview_shows_the_programme_in_english(demo_site: Path) -> None:
    page = article(html(demo_site, "en/" + WALK))
    text = text_of(page)
    assert text_of(find_all(page, "h1")[0]) == "Walk to School"
    assert "Campaign (medium term)" in text and "Implementing" in text
    assert "1 September 2025 to 31 July 2027" in text
    assert "1,240 people" in text
    rows = [text_of(r) for r in find_all(find_all(page, "tbody")[0], "tr")]
    assert rows == ["Cardiff Council Lead https://www.cardiff.gov.uk",
                    "Public Health Wales Evaluator", "Sustrans Cymru Delivery",
                    "Welsh Government Funder"]


def test_names_are_in_welsh_alphabetical_order_on_welsh_pages(demo_site: Path) -> None:
    for path in (WALK, WALK + "stakeholders/"):
        rows = [text_of(r) for r in find_all(find_all(article(html(demo_site, path)), "tbody")[0],
                                             "tr")]
        assert [r.split(" ")[0] for r in rows] == ["Cyngor", "Iechyd", "Llywodraeth", "Sustrans"]


@pytest.mark.parametrize(("path", "expected"), [
    ("programmes/", ["Anadlu'n Rhydd", "Cerdded i'r Ysgol"]),
    ("en/programmes/", ["Breathe Free", "Walk to School"]),
])
def test_portfolio_lists_every_programme(demo_site: Path, path: str,
                                         expected: list[str]) -> None:
    page = article(html(demo_site, path))
    assert [text_of(h) for h in find_all(page, "h2")] == expected
    links = [a.attrs["href"] for h in find_all(page, "h2") for a in find_all(h, "a")]
    assert all((demo_site / path / link / "index.html").is_file() for link in links)


def _chrome_words(page_html: str) -> set[str]:
    """Words a Welsh reader sees outside the data: chrome, headings, labels, attributes."""
    source = re.sub(r"<(script|style)\b.*?</\1>", "", page_html, flags=re.S)
    source = re.sub(r'<a [^>]*hreflang="en"[^>]*>.*?</a>', "", source, flags=re.S)  # "English"
    source = re.sub(r'<a [^>]*rel="license"[^>]*>.*?</a>', "", source, flags=re.S)  # CC-BY-4.0
    tree = parse(source)
    texts = [a.attrs.get(k, "") for a in find_all_any(tree)
             for k in ("title", "aria-label", "placeholder", "alt")]
    for tag in ("h1", "h2", "h3", "dt", "th", "nav", "footer", "header", "label", "title",
                "caption"):
        texts += [text_of(e) for e in find_all(tree, tag) if tag != "th" or ("scope" in e.attrs
                  and e.attrs["scope"] == "col")]
    return {w.lower() for t in texts for w in re.findall(r"[A-Za-z]+", t)}


def find_all_any(root: Element) -> list[Element]:
    return list(walk(root))


def _catalogue_words(lang: str) -> set[str]:
    words: set[str] = set()
    for value in catalogue(lang).values():
        for text in (value.values() if isinstance(value, dict) else [value]):
            words |= {w.lower() for w in re.findall(r"[A-Za-z]+", text.replace("{n}", ""))}
    return words


def test_welsh_pages_show_no_english_interface_words(demo_site: Path) -> None:
    # Every word of the English catalogue that Welsh does not share, and Material's chrome.
    english_only = (_catalogue_words("en") | ENGLISH_CHROME) - _catalogue_words("cy")
    assert {"objectives", "milestones", "overdue", "evaluation"} <= english_only
    checked = 0
    for page in pages(demo_site):
        if page.is_relative_to(demo_site / "en"):
            continue
        english = _chrome_words(page.read_text(encoding="utf-8")) & english_only
        assert not english, (page, english)
        checked += 1
    assert checked > 30


def test_english_pages_are_checked_by_the_same_rule(demo_site: Path) -> None:
    # The check above would catch English: it finds the English chrome on English pages.
    words = _chrome_words(html(demo_site, "en/" + WALK))
    assert {"search", "overview", "mission"} <= words


def test_root_404_is_welsh_and_english_404_is_under_en(demo_site: Path) -> None:
    welsh = (demo_site / "404.html").read_text(encoding="utf-8")
    english = (demo_site / "en" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="cy"' in welsh and "Nôl i'r brig" in welsh
    assert '<html lang="en"' in english and "Back to top" in english


def test_edit_link_of_a_generated_page_points_at_its_yaml(demo_site: Path) -> None:
    edits = {a.attrs["href"] for a in find_all(parse(html(demo_site, WALK)), "a")
             if "/edit/" in a.attrs.get("href", "")}
    assert edits == {"https://github.com/rhaglen/rhaglen/edit/main/programmes/"
                     "cerdded-i-r-ysgol/programme.yml"}
    portfolio = html(demo_site, "programmes/")
    assert "/edit/" not in portfolio  # built from every programme: no single file to edit


def test_search_has_one_index_per_language_and_no_lunr_index(demo_site: Path) -> None:
    entry = json.loads((demo_site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    counts = {lang: entry["languages"][lang]["page_count"] for lang in entry["languages"]}
    assert set(counts) == {"cy", "en"} and counts["cy"] == counts["en"] > 40
    assert entry["languages"]["en"]["wasm"] == "en"  # English stemmed
    assert entry["languages"]["cy"]["wasm"] is None  # no English stemming on Welsh
    assert not (demo_site / "search").exists()
    # The box is Rhaglen's own, on pagefind.js: none of Pagefind's ready-made interfaces.
    assert (demo_site / "pagefind" / "pagefind.js").is_file()
    assert not list((demo_site / "pagefind").glob("pagefind-*ui*")), "unused interfaces"
    assert not (demo_site / "pagefind" / "pagefind-highlight.js").exists()
    assert (demo_site / "javascripts" / "rhaglen-search.js").is_file()
    for page in pages(demo_site):
        assert "pagefind-ui" not in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize(("lang", "words", "target"), [
    ("cy", "Datganiad hygyrchedd", "accessibility/index.html"),
    ("en", "Accessibility statement", "en/accessibility/index.html")])
def test_every_page_links_the_accessibility_statement_in_its_language(
        demo_site: Path, lang: str, words: str, target: str) -> None:
    checked = 0
    for path in pages(lang_root(demo_site, lang)):
        if lang == "cy" and path.is_relative_to(demo_site / "en"):
            continue
        footer = parse(path.read_text(encoding="utf-8")).select_one("footer .rh-footer-link")
        assert footer is not None and text_of(footer) == words, path
        linked = (path.parent / footer.attrs["href"]).resolve()
        if path.name == "404.html":  # served from anywhere: its links are from the root
            continue
        assert linked.relative_to(demo_site.resolve()).as_posix() == target.removesuffix(
            "/index.html"), path
        checked += 1
    assert checked > 30
    statement = article(html(demo_site, target.removesuffix("index.html")))
    assert text_of(find_all(statement, "h1")[0]) == (
        "Datganiad hygyrchedd Rhaglen" if lang == "cy" else "Accessibility statement for Rhaglen")
