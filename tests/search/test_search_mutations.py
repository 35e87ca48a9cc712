"""Welsh initial mutations for search: the table, both directions, digraphs, folding."""

from __future__ import annotations

import pytest
from rhaglen.search.mutations import STOP_WORDS, TABLE, fold, mutations, radicals

# (dictionary form, a mutated form as written) — the issue's cases, then the demo data's.
PAIRS = [
    ("Cymru", "Gymru"), ("Cymru", "Nghymru"), ("Cymru", "Chymru"),
    ("pont", "bont"), ("pont", "mhont"), ("pont", "phont"), ("afon", "hafon"),
    ("gogledd", "ngogledd"), ("pob", "mhob"), ("llyfr", "lyfr"), ("rhaglen", "raglen"),
    ("gardd", "ardd"), ("gardd", "ngardd"), ("gwlad", "wlad"), ("glas", "las"),
    ("grant", "rant"), ("gradd", "radd"),  # the soft "g" drops before "r" too
    ("mam", "fam"), ("bara", "fara"), ("bara", "mara"), ("dydd", "ddydd"), ("dydd", "nydd"),
    ("tad", "dad"), ("tad", "nhad"), ("tad", "thad"),
    # from programmes/*/
    ("tymor", "nhymor"), ("Conwy", "Nghonwy"), ("cofnod", "nghofnod"),
    ("clinigau", "nghlinigau"), ("Caernarfon", "Nghaernarfon"), ("Caerdydd", "Nghaerdydd"),
    ("pobman", "mhobman"), ("pobl", "bobl"), ("data", "ddata"), ("cynllun", "gynllun"),
    ("rhieni", "rieni"), ("teuluoedd", "theuluoedd"), ("teuluoedd", "deuluoedd"),
    ("teulu", "deulu"), ("plant", "blant"), ("cerdded", "gerdded"),
]


@pytest.mark.parametrize(("radical", "mutated"), PAIRS)
def test_a_mutated_word_leads_back_to_its_dictionary_form(radical: str, mutated: str) -> None:
    assert radical.lower() in radicals(mutated)
    assert radical.lower() in radicals(mutated.upper())  # case does not matter


@pytest.mark.parametrize(("radical", "mutated"), PAIRS)
def test_a_dictionary_form_gives_its_mutated_forms(radical: str, mutated: str) -> None:
    assert mutated.lower() in mutations(radical)


def test_the_table_holds_soft_nasal_and_aspirate_mutations() -> None:
    assert TABLE["c"] == ("g", "ngh", "ch")
    assert TABLE["p"] == ("b", "mh", "ph")
    assert TABLE["t"] == ("d", "nh", "th")
    assert TABLE["b"] == ("f", "m") and TABLE["d"] == ("dd", "n")
    assert TABLE["g"] == ("", "ng") and TABLE["m"] == ("f",)
    assert TABLE["ll"] == ("l",) and TABLE["rh"] == ("r",)


def test_digraphs_are_single_letters() -> None:
    assert mutations("llyfr") == {"llyfr", "lyfr"}  # not "fyfr" or "gylfr"
    assert mutations("rhaglen") == {"rhaglen", "raglen"}
    assert mutations("chwarae") == {"chwarae"}  # "ch" is its own letter
    assert mutations("ffordd") == {"ffordd"}
    assert mutations("theatr") == {"theatr"}
    assert "ngogledd" in mutations("gogledd") and "ogledd" in mutations("gogledd")
    assert radicals("ddata") == {"ddata", "data"}  # "dd" softens "d", not "t"
    assert radicals("nghymru") == {"nghymru", "cymru"}
    assert radicals("ngogledd") == {"ngogledd", "gogledd"}
    assert radicals("ffordd") == {"ffordd"}


def test_every_word_is_its_own_radical() -> None:
    for word in ("ysmygu", "ffordd", "chwarae", "haf", "lyfr", "phont"):
        assert word in radicals(word)
    assert radicals("") == {""}


def test_h_before_a_vowel() -> None:
    assert mutations("afon") == {"afon", "hafon"}
    assert radicals("hafon") >= {"afon"}
    assert "h" + "ysgol" in mutations("ysgol")


def test_circumflexes_and_diaereses_fold_to_the_base_letter() -> None:
    assert fold("Dŵr") == "dwr"
    assert fold("tŷ") == "ty"
    assert fold("âêîôûŵŷ") == "aeiouwy"
    assert fold("copïo") == "copio"
    assert fold("CYMRU") == "cymru"


def test_welsh_stop_words() -> None:
    assert {"y", "yr", "a", "ac", "yn", "mae", "i", "o"} <= STOP_WORDS
    assert "cymru" not in STOP_WORDS and "the" not in STOP_WORDS
