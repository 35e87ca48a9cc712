"""Generated pages skip Markdown: their title ids and outline, as Markdown gave them."""

from __future__ import annotations

from rhaglen.render.headings import anchor_ids, number_headings, outline


def test_the_title_gets_an_id_from_its_text_unique_on_the_page() -> None:
    page = '<h1>Anadlu&#39;n Rhydd: 2026</h1>\n<h2 id="anadlun-rhydd-2026">Eto</h2>'
    assert number_headings(page).startswith('<h1 id="anadlun-rhydd-2026_1">Anadlu&#39;n')
    assert number_headings("<h1>Topic: Timing</h1>") == '<h1 id="topic-timing">Topic: Timing</h1>'


def test_headings_with_an_id_or_a_class_keep_theirs() -> None:
    page = '<h1 id="given">A</h1><h3 class="rh-record__title" id="r1-detail">B</h3>'
    assert number_headings(page) == page


def test_the_outline_nests_sections_and_leaves_records_out() -> None:
    page = ('<h1 id="t">Title</h1><h2 id="a">A &amp; <em>b</em></h2><h3 id="a1">A1</h3>'
            '<h3 class="rh-record__title" id="r">Record</h3><h4 id="deep">Deep</h4>'
            '<h2 id="c">C</h2>')
    [title] = outline(page)
    assert (title["id"], title["name"], title["level"]) == ("t", "Title", 1)
    assert [(h["id"], h["name"]) for h in title["children"]] == [("a", "A &amp; b"), ("c", "C")]
    assert [h["id"] for h in title["children"][0]["children"]] == ["a1"]
    assert anchor_ids(page) == {"t", "a", "a1", "r", "deep", "c"}
