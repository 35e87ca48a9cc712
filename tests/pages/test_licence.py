"""Every programme page, in both languages, names its data licence linked to its text."""

from __future__ import annotations

import pytest

from ..helpers import parse
from .test_golden_pages import _files

OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence"
SENTENCE = {"cy": "Cyhoeddir data'r rhaglen hon dan y drwydded {}.",
            "en": "This programme's data is published under the {} licence."}


@pytest.mark.parametrize(("source", "slug", "spdx", "hrefs"), [
    ("demo", "anadlu-n-rhydd", "CC-BY-4.0",
     {"cy": "https://creativecommons.org/licenses/by/4.0/deed.cy",
      "en": "https://creativecommons.org/licenses/by/4.0/deed.en"}),
    ("fixture", "lon-las", "CC0-1.0",
     {"cy": "https://creativecommons.org/publicdomain/zero/1.0/deed.cy",
      "en": "https://creativecommons.org/publicdomain/zero/1.0/deed.en"}),
    ("fixture", "y-gymraeg-yn-llandudno", "OGL-UK-3.0",
     {"cy": f"{OGL}-cymraeg/version/3/", "en": f"{OGL}/version/3/"}),
])
def test_every_programme_page_links_its_licence_in_the_pages_language(
        source: str, slug: str, spdx: str, hrefs: dict[str, str]) -> None:
    pages = {name: text for name, text in _files(source).items()
             if name.startswith(f"programmes/{slug}/")}
    assert len(pages) > 20
    for name, text in pages.items():
        lang = "en" if name.endswith(".en.md") else "cy"
        footer = parse(text).find("footer", class_="rh-licence")
        assert footer is not None, name
        assert " ".join(footer.get_text().split()) == SENTENCE[lang].format(spdx), name
        links = footer.find_all("a", rel="license")
        assert [(a["href"], a.get_text()) for a in links] == [(hrefs[lang], spdx)], name
