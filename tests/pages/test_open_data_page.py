"""The "Open data" page, in both languages: every file of the contract, the licence and
how to cite the data, reached from the navigation of every page."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..helpers import article, find_all, parse, text_of
from ..open_data import CONTRACT_TABLES

PAGES = [("cy", "data/", "Data agored", "26 Tachwedd 2026", "<tabl>"),
         ("en", "en/data/", "Open data", "26 November 2026", "<table>")]


@pytest.mark.parametrize(("lang", "path", "name", "as_of", "table"), PAGES)
def test_the_open_data_page_names_every_file_of_the_contract(
        demo_site: Path, lang: str, path: str, name: str, as_of: str, table: str) -> None:
    page = article((demo_site / path / "index.html").read_text(encoding="utf-8"))
    assert text_of(find_all(page, "h1")[0]) == name
    code = {text_of(c) for c in find_all(page, "code")}
    assert {"data/datapackage.json", f"data/{table}.csv", f"data/programmes/<slug>/{table}.csv",
            "data/programmes/<slug>.json", "schema/export.schema.json", "feed.xml",
            "en/feed.xml", "programmes/<slug>/feed.xml", "en/programmes/<slug>/feed.xml",
            "licence"} <= code
    assert {f"{name}.csv" for name in CONTRACT_TABLES} <= code
    licence = [a for a in find_all(page, "a") if a.attrs.get("rel") == ["license"]]
    assert [text_of(a) for a in licence] == ["CC-BY-4.0"]
    assert f"/deed.{lang}" in licence[0].attrs["href"]
    citation = text_of(find_all(page, "blockquote")[-1])
    assert as_of in citation and "cerdded-i-r-ysgol.json" in citation


@pytest.mark.parametrize(("lang", "path", "name", "as_of", "table"), PAGES)
def test_every_page_reaches_the_open_data_page_from_the_navigation(
        demo_site: Path, lang: str, path: str, name: str, as_of: str, table: str) -> None:
    root = demo_site / path.removesuffix("data/")
    for page in ("", "programmes/cerdded-i-r-ysgol/plan/", "lessons/tags/timing/"):
        html = parse((root / page / "index.html").read_text(encoding="utf-8"))
        links = [a for a in find_all(html, "a", class_="md-nav__link") if text_of(a) == name]
        assert links, page
        target = (root / page / links[0].attrs["href"]).resolve()
        assert target == (demo_site / path).resolve()
