"""The words a page is indexed under: Welsh radicals, folded spellings, cells kept apart."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from rhaglen.search.mutations import radicals, rules
from rhaglen.search.words import (
    BLOCK_ID,
    MARKER,
    add_search_words,
    extra_words,
    search_box,
    words_of,
)
from rhaglen.text.i18n import Strings


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
    assert block is not None and block.has_attr("hidden") and block["id"] == BLOCK_ID
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
    cy, en = search_box(Strings("cy"), "cy")["words"], search_box(Strings("en"), "en")["words"]
    assert cy["many_results"].replace("[COUNT]", "19").startswith("19 canlyniad ")
    assert "canlyniadau" not in " ".join(cy.values())
    assert cy["zero_results"].startswith("Dim ") and en["zero_results"].startswith("No ")
    assert en["many_results"] == "[COUNT] results for [SEARCH_TERM]"
    assert set(cy) == set(en) >= {"label", "placeholder", "zero_results", "one_result", "clear"}


def test_only_a_welsh_page_reads_queries_by_the_mutation_rules() -> None:
    welsh, english = search_box(Strings("cy"), "cy"), search_box(Strings("en"), "en")
    assert welsh["rules"] == rules() and english["rules"] is None
    assert welsh["block"] == english["block"] == BLOCK_ID
    json.dumps(welsh)  # the box reads it as JSON


def read_by_rules(word: str, given: dict[str, Any]) -> list[str]:
    """`radicals` as javascripts/rhaglen-search.js computes it from the rules alone."""
    letter = next((d for d in given["letters"] if word.startswith(d)), word[:1])
    forms = [word, *(radical + word[len(letter):] for radical in given["radicals"].get(letter, []))]
    forms += [dropped + word for dropped, before in given["dropped"].items() if letter in before]
    forms += [word[len(added):] for added, before in given["prefixed"].items()
              if word.startswith(added) and word[len(added):][:1] in before]
    return list(dict.fromkeys(forms))


def test_the_rules_given_to_the_search_box_are_all_radicals_needs(demo_site: Path) -> None:
    given = json.loads(json.dumps(rules()))  # as the page carries them
    text = " ".join(fragment["content"] for fragment in fragments(demo_site))
    words = {w.lower() for w in text.split()} | {"nghymru", "gymru", "chymru", "bont", "mhont",
                                                   "phont", "hafon", "lyfr", "ardd", "ngh", "h", ""}
    assert len(words) > 1000
    for word in sorted(words):
        assert set(read_by_rules(word, given)) == radicals(word), word
    assert set(given["stop"]) >= {"y", "yr", "yng", "a"} and "cymru" not in given["stop"]


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


def test_the_index_knows_where_the_hidden_words_begin(demo_site: Path) -> None:
    # The box cuts excerpts at the block's anchor: the block's words, and only they, follow it.
    checked = 0
    for fragment in fragments(demo_site):
        anchor = [a for a in fragment["anchors"] if a["id"] == BLOCK_ID]
        if not anchor:
            continue
        page = (demo_site / fragment["url"].lstrip("/") / "index.html").read_text("utf-8")
        block = BeautifulSoup(page, "html.parser").select_one(f"#{BLOCK_ID}")
        assert block is not None
        words = re.split(r"[\r\n\s]+", fragment["content"])  # as pagefind.js splits it
        hidden = [word.rstrip(".") for word in words[anchor[0]["location"]:]]  # Pagefind ends
        assert hidden == block.get_text().split(), fragment["url"]  # a block with a full stop
        checked += 1
    assert checked > 40
