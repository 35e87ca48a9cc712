"""The extra words a page is indexed under, so search finds Welsh in every form.

Pagefind indexes the words of a page as written. A Welsh page says "yng Ngogledd Cymru";
a reader types "gogledd". So each page also carries, in a hidden block that Pagefind
indexes at a lower weight, the dictionary forms (radicals) of its mutated Welsh words and
the accent-free spelling of words with a circumflex ("dŵr" → "dwr"). Stop words are left
out. English needs only the folding: Pagefind stems English itself.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from .mutations import STOP_WORDS, fold, radicals

MARKER = "<!--rh-search-words-->"
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LANG = re.compile(r'<html[^>]*\blang="([a-z]+)"')
# The end of a cell, term or block: Pagefind would glue the next element's first word on.
_CELL_END = re.compile(r"(</(?:td|th|dt|dd|li|p|h[1-6]|caption|figcaption|div|span)>)(?=<)")
# Elements whose content is not text a reader reads.
_SKIPPED = re.compile(r"<(script|style|svg|template)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_MARKUP = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)


def words_of(fragment: str) -> list[str]:
    """The words of an HTML fragment, in order: "<td>a</td><td>b</td>" → ["a", "b"].

    Every tag parts words, as an HTML parser's text events would; a regular expression
    does it in a fraction of the time, which counts on every page of a large site.
    """
    text = _MARKUP.sub(" ", _SKIPPED.sub(" ", fragment))
    return WORD.findall(html.unescape(text))


def extra_words(words: list[str], lang: str) -> list[str]:
    """Forms of `words` a reader may type that the page does not hold, sorted."""
    present = {word.lower() for word in words}
    extra: set[str] = set()
    for word in present - STOP_WORDS if lang == "cy" else present:
        forms = radicals(word) if lang == "cy" else {word}
        extra.update(fold(form) for form in forms)
        extra.update(forms)
    return sorted(extra - present - (STOP_WORDS if lang == "cy" else set()))


def add_search_words(page: str) -> str:
    """Fill the page's search-words marker with the extra words of its indexed body."""
    at = page.find(MARKER)
    start = page.find("data-pagefind-body")
    lang = _LANG.search(page)
    if at < 0 or start < 0 or lang is None:
        return page
    body = _CELL_END.sub(r"\1 ", page[start:at])
    extra = extra_words(words_of(body.partition(">")[2]), lang.group(1))
    block = ('<div class="rh-search-words" hidden data-pagefind-weight="0.5">'
             f"{html.escape(' '.join(extra))}</div>") if extra else ""
    return page[:start] + body + block + page[at + len(MARKER):]


def search_words(t: Callable[[str], str]) -> dict[str, str]:
    """The search box's interface words in the page's language, as Pagefind's UI names them."""
    keys = ("placeholder", "clear", "load_more", "many_results", "one_result",
            "zero_results", "searching")
    names = {"clear": "clear_search"}
    words = {names.get(key, key): t(f"search.{key}") for key in keys}
    words["search_label"] = t("search.label")
    return words
