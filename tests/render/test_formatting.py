"""Alphabetical order per language, and prose reduced to a plain-text description."""

from __future__ import annotations

import pytest
from rhaglen.render.formatting import Formatter, english_sort_key, welsh_sort_key
from rhaglen.render.markup import plain

# (earlier, later) in Welsh order, each the behaviour of CLDR's Welsh collation.
WELSH_BEFORE = [
    ("Y Gymraeg", "Ymgysylltu"),  # a space weighs less than any letter: word by word
    ("Y Gymraeg", "Y gymuned"),  # ... and then the second word decides (r < u)
    ("Lyons", "Llandudno"),  # ll is a letter of its own, after l
    ("Lori", "Llanelli"),
    ("Cymru", "Chwilog"),  # ch after c
    ("Dyfed", "Ddôl"),  # dd after d
    ("Fron", "Fflint"),  # ff after f
    ("Gwynedd", "Ngwyneb"),  # ng after g ...
    ("Ngwyneb", "Harlech"),  # ... and before h
    ("Pyrs", "Phil"),  # ph after p
    ("Ruthin", "Rhyl"),  # rh after r
    ("Tywyn", "Theatr"),  # th after t
    ("Tîm rheoli tybaco", "Timau Dechrau'n Deg"),  # "tîm" ends first: the space decides
    ("Dechrau newydd", "Dechrau'n Deg"),  # the apostrophe joins "dechraun", no new word
    ("Cerdded i'r Ysgol", "Cerdded yn ddiogel"),  # "i'r" is read "ir": i < y
    ("Cerdded i'r Ysgol", "Cerdded ir Ysgol"),  # a tie on the letters: punctuation last
    ("Llan-faes", "Llanfair"),  # the hyphen is ignored: "llanfaes" < "llanfair"
    ("Angor", "An-gof"),  # no digraph across a hyphen: n then g, and n comes after ng
    ("Angor", "Anhysbys"),  # "ng" in one piece sorts before h
    ("tan", "tân"),  # accents only break a tie on the letters
    ("tân", "tanau"),
    ("gwr", "gŵr"),
    ("Wy", "Ŵy"),
    ("hyn", "hŷn"),
    ("cam", "Cam"),  # lower case before upper case, after everything else
    ("2026", "Aber"),  # digits before letters
]
# (earlier, later) in English order, by CLDR's root collation.
ENGLISH_BEFORE = [
    ("Y Gymraeg", "Ymgysylltu"),
    ("Llandudno", "Lyons"),  # no digraphs in English
    ("Chwilog", "Cwm"),
    ("Phil", "Pyrs"),
    ("Theatr", "Tywyn"),
    ("Walk to School", "Walker"),
    ("Cerdded i'r Ysgol", "Cerdded yn ddiogel"),
    ("cook", "co-op"),  # read "coop": k before p
    ("St Davids", "St. Davids"),  # a tie on the letters: punctuation last
    ("resume", "résumé"),
    ("Élan", "Elland"),  # "elan" < "elland"
    ("apple", "Apple"),
    ("9 Streets", "Nine"),
]


def test_welsh_order_follows_cldr_case_by_case() -> None:
    for earlier, later in WELSH_BEFORE:
        assert welsh_sort_key(earlier) < welsh_sort_key(later), (earlier, later)


def test_english_order_follows_cldr_case_by_case() -> None:
    for earlier, later in ENGLISH_BEFORE:
        assert english_sort_key(earlier) < english_sort_key(later), (earlier, later)


def test_a_list_sorts_differently_in_each_language() -> None:
    names = ["Ymgysylltu", "Lyons", "Y Gymraeg", "Llandudno", "Cwm", "Chwilog"]
    assert sorted(names, key=welsh_sort_key) == [
        "Cwm", "Chwilog", "Lyons", "Llandudno", "Y Gymraeg", "Ymgysylltu"]
    assert sorted(names, key=english_sort_key) == [
        "Chwilog", "Cwm", "Llandudno", "Lyons", "Y Gymraeg", "Ymgysylltu"]


@pytest.mark.parametrize(("lang", "first"), [("cy", "Lyons"), ("en", "Llandudno")])
def test_the_formatter_sorts_in_the_page_language(lang: str, first: str) -> None:
    assert min(["Lyons", "Llandudno"], key=Formatter(lang).sort_key) == first


def test_texts_that_differ_only_in_punctuation_keep_a_stable_order() -> None:
    for key in (welsh_sort_key, english_sort_key):
        assert sorted(["a-b", "ab", "a'b"], key=key) == sorted(["ab", "a'b", "a-b"], key=key)


@pytest.mark.parametrize(("prose", "text"), [
    ("Beth maen *nhw*, i ni?", "Beth maen nhw, i ni?"),  # no space before the comma
    ("**Bold**; then _emphasis_.", "Bold; then emphasis."),
    ("See [the report](https://example.org/r), then act.", "See the report, then act."),
    ("First paragraph.\n\nSecond paragraph.", "First paragraph. Second paragraph."),
    ("Items:\n\n- one\n- two\n\nAfter.", "Items: one two After."),
    ("Fish &amp; chips < 5", "Fish & chips < 5"),
    ("Line one  \nline two", "Line one line two"),
])
def test_plain_gives_the_text_a_reader_sees(prose: str, text: str) -> None:
    assert plain(prose) == text


def test_plain_shortens_a_long_text_at_a_word() -> None:
    shortened = plain("gair " * 60)
    assert len(shortened) <= 160 and shortened.endswith("gair…")
