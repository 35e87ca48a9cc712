"""Every text a page shows is in the page's language: the data's and the interface's.

Each data text (Text, Prose) and each interface string is tagged with the language it was
taken in, then every page of the demo and the every-status fixture is rendered in both
languages: a Welsh page holding an English tag (or the reverse) took a text in the wrong
language, such as a view calling `title("cy")` or `Strings("en")`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rhaglen.model.types import Prose, Text
from rhaglen.pages.generate import site_files
from rhaglen.text.i18n import Strings

from .test_golden_pages import AS_OF, DEFAULT, LANGUAGES, _portfolio

TAG = {"cy": "zqcyzq", "en": "zqenzq"}  # letters only: no escaping changes them


def _tagged(call: Callable[..., str]) -> Callable[..., str]:
    def tagged(self: Any, lang: str, *args: Any, **kwargs: Any) -> str:
        return f"{TAG[lang]}{call(self, lang, *args, **kwargs)}"
    return tagged


def _tagged_string(call: Callable[..., str]) -> Callable[..., str]:
    def tagged(self: Strings, *args: Any, **kwargs: Any) -> str:
        return f"{TAG[self.lang]}{call(self, *args, **kwargs)}"
    return tagged


@pytest.mark.parametrize("source", ["demo", "fixture"])
def test_no_page_shows_a_text_in_the_other_language(source: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    portfolio = _portfolio(source)
    monkeypatch.setattr(Text, "__call__", _tagged(Text.__call__))
    monkeypatch.setattr(Prose, "__call__", _tagged(Prose.__call__))
    monkeypatch.setattr(Strings, "__call__", _tagged_string(Strings.__call__))
    monkeypatch.setattr(Strings, "plural", _tagged_string(Strings.plural))
    files = site_files(portfolio, AS_OF, LANGUAGES, DEFAULT)
    for name, page in files.items():
        lang = "en" if name.endswith(".en.md") else "cy"
        other = "cy" if lang == "en" else "en"
        assert TAG[lang] in page, name  # the tags reach the page
        found = [line for line in page.splitlines() if TAG[other] in line]
        assert not found, (name, found[:3])
