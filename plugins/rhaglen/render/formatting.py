"""Dates, numbers, money and alphabetical order in the page's language, through Babel."""

from __future__ import annotations

import datetime
import unicodedata
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from ..text.i18n import BABEL_LOCALES

# Welsh letters in alphabetical order; the digraphs are letters of their own. Letters
# Welsh borrows (k, q, v, x, z) keep their places in the Latin alphabet, as in CLDR's
# Welsh tailoring (&C<ch &D<dd &F<ff &G<ng &L<ll &P<ph &R<rh &T<th).
WELSH_ALPHABET = (
    "a", "b", "c", "ch", "d", "dd", "e", "f", "ff", "g", "ng", "h", "i", "j", "k",
    "l", "ll", "m", "n", "o", "p", "ph", "q", "r", "rh", "s", "t", "th", "u", "v", "w",
    "x", "y", "z",
)
ENGLISH_ALPHABET = tuple("abcdefghijklmnopqrstuvwxyz")
_DIGRAPHS = frozenset(letter for letter in WELSH_ALPHABET if len(letter) == 2)
_WELSH_RANK = {letter: rank for rank, letter in enumerate(WELSH_ALPHABET)}
_ENGLISH_RANK = {letter: rank for rank, letter in enumerate(ENGLISH_ALPHABET)}

# A sort key: words compared in turn by their letters (primary), then accents
# (secondary), then case (tertiary), then the text itself, punctuation and all.
SortKey = tuple[tuple[tuple[int, ...], ...], tuple[tuple[str, ...], ...],
                tuple[tuple[bool, ...], ...], str]


_BREAK = ("", "", False)


def _words(text: str) -> list[list[tuple[str, str, bool]]]:
    """Each word's letters as (base letter, accents, upper case); whitespace splits words.

    Every character that is not a letter or digit is punctuation, kept as _BREAK so that
    no digraph is read across it; the key then leaves it out.
    """
    words: list[list[tuple[str, str, bool]]] = []
    for word in text.split():
        letters: list[tuple[str, str, bool]] = []
        for char in unicodedata.normalize("NFD", word):
            if unicodedata.combining(char) and letters:
                base, marks, upper = letters[-1]
                letters[-1] = (base, marks + char, upper)
            elif char.isalnum():
                letters.append((char.casefold(), "", char != char.casefold()))
            else:
                letters.append(_BREAK)  # no digraph across it: "n-g" is two letters
        words.append(letters)
    return words


def _join_digraphs(letters: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """Welsh: two letters that make one (ch, dd, ff, ng, ll, ph, rh, th) become one."""
    joined: list[tuple[str, str, bool]] = []
    for letter in letters:
        if joined and letter[0] and joined[-1][0] + letter[0] in _DIGRAPHS and not joined[-1][1]:
            base, _, upper = joined[-1]
            joined[-1] = (base + letter[0], letter[1], upper)
        else:
            joined.append(letter)
    return joined


def _collation_key(text: str, rank: dict[str, int], digraphs: bool) -> SortKey:
    """A key that mirrors CLDR collation for one alphabet (see the callers)."""
    words = [[letter for letter in (_join_digraphs(w) if digraphs else w) if letter[0]]
             for w in _words(text)]
    words = [w for w in words if w]

    def weight(base: str) -> int:
        if base.isdigit():
            return unicodedata.digit(base, 0) - 10  # digits before letters
        return rank.get(base, len(rank) + ord(base[0]))  # other scripts after z

    return (tuple(tuple(weight(b) for b, _, _ in w) for w in words),
            tuple(tuple(m for _, m, _ in w) for w in words),
            tuple(tuple(u for _, _, u in w) for w in words),
            text)


def welsh_sort_key(text: str) -> SortKey:
    """Welsh alphabetical order, as CLDR's Welsh collation gives it.

    - ch after c, dd after d, ff after f, ng after g, ll after l, ph after p, rh after r,
      th after t: each digraph is one letter (so "Lyons" before "Llandudno").
    - Words are compared one by one: a space weighs less than any letter, so
      "Y Gymraeg" comes before "Ymgysylltu" (CLDR gives space the lowest weight).
    - Punctuation (apostrophes, hyphens, full stops) is ignored unless two texts differ
      only in it: "Cerdded i'r Ysgol" sorts as "Cerdded ir Ysgol" (CLDR's "shifted"
      handling of punctuation).
    - Accents count only between texts with the same letters ("tan" before "tân"), then
      lower case before upper case, as CLDR's secondary and tertiary levels do.
    - Digits come before letters.

    "ng" is taken as one letter wherever it appears; words such as "Bangor", where n and
    g are two letters, sort as if it were one (telling them apart needs a dictionary, and
    CLDR does the same).
    """
    return _collation_key(text, _WELSH_RANK, digraphs=True)


def english_sort_key(text: str) -> SortKey:
    """English alphabetical order, as CLDR's root collation gives it.

    The same rules as `welsh_sort_key` (words one by one, punctuation ignored, accents
    then case only to break ties, digits first) with the 26 letters of English.
    """
    return _collation_key(text, _ENGLISH_RANK, digraphs=False)


# The same few dates and figures are formatted on many pages: Babel's formatting is
# pure, so each distinct value is formatted once.
_date = lru_cache(maxsize=16384)(format_date)
_percent = lru_cache(maxsize=4096)(format_percent)
_decimal = lru_cache(maxsize=16384)(format_decimal)
_currency = lru_cache(maxsize=16384)(format_currency)


class Formatter:
    """Formats values for one language's pages."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.locale = BABEL_LOCALES[lang]

    def date(self, value: datetime.date) -> str:
        """`15 Ebrill 2026` / `15 April 2026`."""
        return _date(value, "long", locale=self.locale)

    def month(self, value: datetime.date) -> str:
        """`Ion 2026` / `Jan 2026`, for chart axes."""
        return _date(value, "MMM y", locale=self.locale)

    def percent(self, share: float) -> str:
        """`46%`."""
        return _percent(share, locale=self.locale)

    def number(self, value: float) -> str:
        """A number with the locale's grouping; whole numbers without decimals."""
        if float(value).is_integer():
            return _decimal(int(value), locale=self.locale)
        return _decimal(value, format="#,##0.##", locale=self.locale)

    def money(self, value: float, currency: str) -> str:
        """`£322,400`, or `£1,234.50` when there are pence."""
        if float(value).is_integer():
            return _currency(int(value), currency, format="¤#,##0", locale=self.locale,
                                   currency_digits=False)
        return _currency(value, currency, locale=self.locale)

    def sort_key(self, text: str) -> tuple[object, ...]:
        """The key that puts `text` in this language's alphabetical order."""
        return welsh_sort_key(text) if self.lang == "cy" else english_sort_key(text)
