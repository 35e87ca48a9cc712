"""Dates, numbers, money and alphabetical order in the page's language, through Babel."""

from __future__ import annotations

import datetime
import unicodedata

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from .i18n import BABEL_LOCALES

# Welsh letters in alphabetical order; the digraphs are letters of their own.
WELSH_ALPHABET = (
    "a", "b", "c", "ch", "d", "dd", "e", "f", "ff", "g", "ng", "h", "i", "j",
    "l", "ll", "m", "n", "o", "p", "ph", "r", "rh", "s", "t", "th", "u", "w", "y",
)
_WELSH_RANK = {letter: rank for rank, letter in enumerate(WELSH_ALPHABET)}


def _base_letters(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def welsh_sort_key(text: str) -> tuple[tuple[int, str], ...]:
    """Welsh alphabetical order: ch after c, dd after d, ll after l, and so on.

    "ng" is taken as one letter wherever it appears; words such as "Bangor", where n and
    g are two letters, sort as if it were one (telling them apart needs a dictionary).
    """
    base = _base_letters(text)
    key: list[tuple[int, str]] = []
    i = 0
    while i < len(base):
        pair = base[i:i + 2]
        if pair in _WELSH_RANK and len(pair) == 2:
            key.append((_WELSH_RANK[pair], pair))
            i += 2
            continue
        char = base[i]
        key.append((_WELSH_RANK.get(char, len(WELSH_ALPHABET) + ord(char)), char))
        i += 1
    return tuple(key)


def english_sort_key(text: str) -> tuple[str, str]:
    """English order: letters compared without accents, then with them."""
    return (_base_letters(text), text)


class Formatter:
    """Formats values for one language's pages."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.locale = BABEL_LOCALES[lang]

    def date(self, value: datetime.date) -> str:
        """`15 Ebrill 2026` / `15 April 2026`."""
        return format_date(value, "long", locale=self.locale)

    def month(self, value: datetime.date) -> str:
        """`Ion 2026` / `Jan 2026`, for chart axes."""
        return format_date(value, "MMM y", locale=self.locale)

    def percent(self, share: float) -> str:
        """`46%`."""
        return format_percent(share, locale=self.locale)

    def number(self, value: float) -> str:
        """A number with the locale's grouping; whole numbers without decimals."""
        if float(value).is_integer():
            return format_decimal(int(value), locale=self.locale)
        return format_decimal(value, format="#,##0.##", locale=self.locale)

    def money(self, value: float, currency: str) -> str:
        """`£322,400`, or `£1,234.50` when there are pence."""
        if float(value).is_integer():
            return format_currency(int(value), currency, format="¤#,##0", locale=self.locale,
                                   currency_digits=False)
        return format_currency(value, currency, locale=self.locale)

    def sort_key(self, text: str) -> tuple[object, ...]:
        """The key that puts `text` in this language's alphabetical order."""
        return welsh_sort_key(text) if self.lang == "cy" else english_sort_key(text)
