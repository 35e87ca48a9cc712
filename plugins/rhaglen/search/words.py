"""The extra words a page is indexed under, so search finds Welsh in every form.

Pagefind indexes the words of a page as written. A Welsh page says "yng Ngogledd Cymru";
a reader types "gogledd". So each page also carries, in a hidden block that Pagefind
indexes at a lower weight, the dictionary forms (radicals) of its mutated Welsh words and
the accent-free spelling of words with a circumflex ("dŵr" → "dwr"). Stop words are left
out. English needs only the folding: Pagefind stems English itself. The block has an id
(`BLOCK_ID`): Pagefind records where it starts, so the search box never shows its words
in an excerpt. The search box reads queries the other way (`search_box`): a mutated form
typed is also searched as its radicals, by the rules of `mutations.rules`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from .mutations import STOP_WORDS, fold, radicals, rules

MARKER = "<!--rh-search-words-->"
BLOCK_ID = "rh-search-words"
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
    block = (f'<div id="{BLOCK_ID}" class="rh-search-words" hidden data-pagefind-weight="0.5">'
             f"{html.escape(' '.join(extra))}</div>") if extra else ""
    return page[:start] + body + block + page[at + len(MARKER):]


# The search box's words, by their keys under `search.` in the catalogues.
BOX_WORDS = ("label", "placeholder", "clear", "load_more", "many_results", "one_result",
             "zero_results", "searching")


def search_box(t: Callable[[str], str], lang: str) -> dict[str, Any]:
    """What the header search box needs, as JSON for its script: its words in the page's
    language, the id of the hidden words block, and, on a Welsh page, the mutation rules
    to read a query by (None elsewhere: English words are not mutated)."""
    return {"words": {key: t(f"search.{key}") for key in BOX_WORDS}, "block": BLOCK_ID,
            "rules": rules() if lang == "cy" else None}
