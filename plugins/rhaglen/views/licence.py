"""Where a reader finds the text of a data licence, in their language where one exists."""

from __future__ import annotations

_CREATIVE_COMMONS = {
    "CC-BY-4.0": "by/4.0",
    "CC-BY-SA-4.0": "by-sa/4.0",
    "CC-BY-NC-4.0": "by-nc/4.0",
    "CC-BY-ND-4.0": "by-nd/4.0",
}
_OGL_BASE = "https://www.nationalarchives.gov.uk/doc/open-government-licence"
_OGL = {
    "OGL-UK-3.0": {"cy": f"{_OGL_BASE}-cymraeg/version/3/", "en": f"{_OGL_BASE}/version/3/"},
}


def licence_url(spdx: str, lang: str) -> str:
    """The licence's own text (Creative Commons and OGL in Welsh on Welsh pages), else SPDX."""
    if spdx in _CREATIVE_COMMONS:
        return f"https://creativecommons.org/licenses/{_CREATIVE_COMMONS[spdx]}/deed.{lang}"
    if spdx == "CC0-1.0":
        return f"https://creativecommons.org/publicdomain/zero/1.0/deed.{lang}"
    if spdx in _OGL:
        return _OGL[spdx][lang]
    return f"https://spdx.org/licenses/{spdx}.html"
