"""Every Prose text on every page goes through the sanitiser, whichever view places it.

Prose is checked when it is loaded, so hostile HTML is refused before any page is built;
the sanitiser is the second line. Here every Prose value of the demo and the fixture is
replaced after loading by hostile Markdown, and every page in both languages must show
its emphasis as HTML and its markup as text.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from pydantic import BaseModel
from rhaglen.model.portfolio import Portfolio
from rhaglen.model.types import Prose
from rhaglen.pages.generate import site_files

from ..helpers import parse
from ..pages.test_golden_pages import AS_OF, DEFAULT, LANGUAGES, _portfolio

HOSTILE = Prose.model_construct(
    cy='<script>alert("cy")</script><img src=x onerror="alert(1)"> *pwysig*',
    en='<script>alert("en")</script><img src=x onerror="alert(1)"> *important*')


def _hostile(value: Any) -> Any:
    """`value` with every Prose inside it replaced by HOSTILE."""
    if isinstance(value, Prose):
        return HOSTILE
    if isinstance(value, BaseModel):
        return value.model_copy(update={name: _hostile(getattr(value, name))
                                        for name in type(value).model_fields})
    if isinstance(value, tuple | list):
        return type(value)(_hostile(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _hostile(getattr(value, f.name))
                                             for f in dataclasses.fields(value)})
    return value


@pytest.mark.build
@pytest.mark.parametrize("source", ["demo", "fixture"])
def test_hostile_prose_is_sanitised_on_every_page(source: str) -> None:
    original = _portfolio(source)
    portfolio = Portfolio(tuple(_hostile(p) for p in original.programmes), original.tags)
    files = site_files(portfolio, AS_OF, LANGUAGES, DEFAULT)
    emphasis = 0
    for name, page in files.items():
        assert "<script" not in page and "<img" not in page, name
        elements = list(parse(page).find_all(True))
        assert not [e.name for e in elements if any(a.startswith("on") for a in e.attrs)], name
        emphasis += sum(1 for e in elements if e.name == "em" and e.get_text() in (
            "pwysig", "important"))
    assert emphasis > len(files)  # the Markdown was rendered, on most pages more than once
