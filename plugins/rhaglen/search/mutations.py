"""Welsh initial mutations, circumflex folding and stop words, for search.

A Welsh word changes its first letter by grammar: "Cymru" is also "Gymru" (soft),
"Nghymru" (nasal) and "Chymru" (aspirate); "afon" is also "hafon" (h- before a vowel).
`radicals` gives every dictionary form a written word may come from, `mutations` every
form a dictionary word may take, so an index can hold both and a reader find either.
Letters are Welsh letters: "ll", "rh", "ch", "ph", "th", "dd", "ff", "ng" are one letter
each, so "llyfr" softens to "lyfr", and "chwarae" is not a mutated "cwarae" only.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

VOWELS = frozenset("aeiouwy")
# Radical → its mutated forms, by kind; "" is the soft mutation of "g" (it drops).
SOFT = {"p": "b", "t": "d", "c": "g", "b": "f", "d": "dd", "g": "", "m": "f",
        "ll": "l", "rh": "r"}
NASAL = {"p": "mh", "t": "nh", "c": "ngh", "b": "m", "d": "n", "g": "ng"}
ASPIRATE = {"p": "ph", "t": "th", "c": "ch"}
TABLE: dict[str, tuple[str, ...]] = {
    radical: tuple(dict.fromkeys(kind[radical] for kind in (SOFT, NASAL, ASPIRATE)
                                 if radical in kind))
    for radical in ("p", "t", "c", "b", "d", "g", "m", "ll", "rh")
}
# Welsh letters written with two characters: never split them.
DIGRAPHS = ("ngh", "ch", "dd", "ff", "ng", "ll", "ph", "rh", "th", "mh", "nh")
# The radical the soft mutation drops ("g"): a word that begins with it may lose it, so
# these letters may begin a soft-mutated "g" word ("ardd", "wlad", "las").
DROPPED = next(radical for radical, soft in SOFT.items() if soft == "")
_AFTER_DROPPED_G = VOWELS | {"l", "r"}
# The letter put before a word that begins with a vowel ("ei hafon").
H_BEFORE_VOWEL = "h"

_STOP_TEXT = """
a â ac ag am ar at y yr 'r i o yn yng ym mae maen oes ei eu ein eich fy dy gan gyda
hefyd hwn hon hyn hynny na nac neu ond os pan sy sydd wedi wrth heb dros drwy trwy fel
beth pwy yw ydy oedd bod i'r o'r er hyd mewn rhwng tan dan ni nid nad ddim fe fo hi
nhw chi ti mi ei'r a'r ôl dim mwy iawn
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


@lru_cache(maxsize=65536)  # a site says the same words on many pages
def fold(word: str) -> str:
    """Lower case without accents: "Dŵr" → "dwr", "copïo" → "copio"."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", bare)


def first_letter(word: str) -> str:
    """The Welsh first letter of a lower-case word: "llyfr" → "ll", "ngheg" → "ngh"."""
    for digraph in DIGRAPHS:
        if word.startswith(digraph):
            return digraph
    return word[:1]


def mutations(word: str) -> set[str]:
    """Every form `word` (a dictionary form) may take, itself included, in lower case."""
    low = word.lower()
    letter = first_letter(low)
    forms = {low}
    rest = low[len(letter):]
    for mutated in TABLE.get(letter, ()):
        if mutated or rest:
            forms.add(mutated + rest)
    if letter[:1] in VOWELS:
        forms.add(H_BEFORE_VOWEL + low)
    return forms


# Mutated first letter → the radicals it may stand for (the table read backwards).
_BACK: dict[str, set[str]] = {}
for _radical, _forms in TABLE.items():
    for _form in _forms:
        if _form:
            _BACK.setdefault(_form, set()).add(_radical)


def rules() -> dict[str, list[str] | dict[str, list[str]]]:
    """The rules `radicals` reads a word by, as data for the search box's script.

    The browser reads a reader's query as this module reads a page's words: "Gymru" is
    also searched as "cymru". So the script holds no Welsh of its own; it is given this:
    mutated first letter → radicals; the Welsh letters written with more than one
    character (in the order to try them); the letter the soft mutation drops, with the
    letters that may then begin the word; the letter put before a vowel, with the vowels;
    and the stop words (never expanded). `radicals` reads the same tables; a test holds
    the script to it.
    """
    return {"radicals": {form: sorted(back) for form, back in sorted(_BACK.items())},
            "letters": list(DIGRAPHS),
            "dropped": {DROPPED: sorted(_AFTER_DROPPED_G)},
            "prefixed": {H_BEFORE_VOWEL: sorted(VOWELS)},
            "stop": sorted(STOP_WORDS)}


@lru_cache(maxsize=65536)
def radicals(word: str) -> frozenset[str]:
    """Every dictionary form `word` may be a mutation of, itself included, in lower case.

    "Gymru" → {"gymru", "cymru"}; "nghymru" → {"nghymru", "cymru"}; "lyfr" → {"lyfr",
    "llyfr", "glyfr"}; "hafon" → {"hafon", "afon"}; "ardd" → {"ardd", "gardd"}.
    """
    low = word.lower()
    forms = {low}
    if not low:
        return frozenset(forms)
    letter = first_letter(low)
    rest = low[len(letter):]
    for radical in _BACK.get(letter, ()):
        forms.add(radical + rest)
    if letter in _AFTER_DROPPED_G:  # soft "g" drops: "ardd", "wlad", "las" ← "g…"
        forms.add(DROPPED + low)
    after = low[len(H_BEFORE_VOWEL):]
    if low.startswith(H_BEFORE_VOWEL) and after[:1] in VOWELS:
        forms.add(after)
    return frozenset(forms)
