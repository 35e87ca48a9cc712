"""The words a page is indexed under: Welsh radicals, folded spellings, cells kept apart."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from rhaglen.i18n import Strings
from rhaglen.search.words import MARKER, add_search_words, extra_words, search_words, words_of


def page(lang: str, body: str) -> str:
    return (f'<html lang="{lang}"><body><nav>Gogledd</nav><article>'
            f"<div data-pagefind-body>{body}{MARKER}</div></article></body></html>")


def test_a_welsh_page_is_indexed_under_the_radicals_of_its_words() -> None:
    extra = extra_words(["yng", "Ngogledd", "mhob", "Gymru", "dŵr", "hafon"], "cy")
    assert {"gogledd", "pob", "cymru", "dwr", "afon"} <= set(extra)
    assert "ngogledd" not in extra  # already on the page
    assert not {"yng", "gyng"} & set(extra)  # stop words are left out


def test_an_english_page_gets_no_welsh_radicals() -> None:
    assert extra_words(["pharmacies", "Bont", "café"], "en") == ["cafe"]


def test_the_words_are_added_hidden_inside_the_indexed_body_only() -> None:
    html = add_search_words(page("cy", "<p>Yng Ngogledd Cymru</p>"))
    soup = BeautifulSoup(html, "html.parser")
    block = soup.select_one("[data-pagefind-body] .rh-search-words")
    assert block is not None and block.has_attr("hidden")
    assert block["data-pagefind-weight"] == "0.5"
    assert block.get_text().split() == ["gogledd"]
    assert MARKER not in html


def test_table_cells_are_kept_apart() -> None:
    html = add_search_words(page("en", "<table><tr><td>overall</td><td>Amber</td></tr></table>"
                                       "<dl><dt>Period</dt><dd>1 April</dd></dl>"))
    body = BeautifulSoup(html, "html.parser").select_one("[data-pagefind-body]")
    assert body is not None
    assert body.get_text().split() == ["overall", "Amber", "Period", "1", "April"]
    assert words_of("<td>a</td><td>b</td>") == ["a", "b"]


def test_a_page_without_the_marker_is_left_alone() -> None:
    assert add_search_words("<html lang='cy'><p>x</p></html>") == "<html lang='cy'><p>x</p></html>"


def test_welsh_result_counts_take_the_singular() -> None:
    cy, en = search_words(Strings("cy")), search_words(Strings("en"))
    assert cy["many_results"].replace("[COUNT]", "19").startswith("19 canlyniad ")
    assert "canlyniadau" not in " ".join(cy.values())
    assert en["many_results"] == "[COUNT] results for [SEARCH_TERM]"
    assert set(cy) == set(en) >= {"placeholder", "zero_results", "one_result", "clear_search"}


def fragments(site: Path) -> list[dict[str, Any]]:
    """Pagefind's stored pages (gzip of "pagefind_dcd" + JSON)."""
    return [json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])
            for path in sorted((site / "pagefind" / "fragment").iterdir())]


def test_the_built_index_keeps_cells_apart_and_holds_no_menus(demo_site: Path) -> None:
    stored = fragments(demo_site)
    contents = [fragment["content"] for fragment in stored]
    assert not any("cyffredinolAmbr" in text or "Cyfnod1" in text for text in contents)
    assert any("cyffredinol Ambr" in text for text in contents)
    menu = BeautifulSoup((demo_site / "programmes" / "anadlu-n-rhydd" / "plan" / "index.html")
                         .read_text("utf-8"), "html.parser").select_one(".rh-local")
    assert menu is not None
    menu_words = " ".join(menu.get_text().split())
    assert not any(menu_words in " ".join(text.split()) for text in contents)
    for lang in ("cy", "en"):  # the links to a page's data are not what a reader searches
        assert not any(Strings(lang)("data.download_table") in text for text in contents)
    urls = [fragment["url"] for fragment in stored]
    assert len(urls) == len(set(urls))  # each page once
    assert "/programmes/anadlu-n-rhydd/plan/" in urls and "/en/programmes/" in urls
