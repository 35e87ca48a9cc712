"""From the page to the data: CSV links under tables, the overview's data, feeds, lessons.

Links are checked by the path they reach from the site root (Welsh at the root, English
under /en/), against the contract's paths written out in `tests/open_data.py`.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest
from bs4 import BeautifulSoup
from rhaglen.pages.generate import site_files
from rhaglen.render.pages import site_pages
from rhaglen.text.i18n import Strings
from rhaglen.views.data_links import TABLES, table_path

from ..helpers import AS_OF
from ..open_data import CONTRACT_TABLES, ROOT, contract_kind, reached
from ..view_helpers import BREATHE, WALK, demo, every_status, view_of

DAY = date.fromisoformat(AS_OF)
LANGS = ("cy", "en")


def csv_of(slug: str, table: str) -> str:
    return f"data/programmes/{slug}/{table}.csv"


@cache
def files(source: str) -> dict[str, str]:
    portfolio = demo() if source == "demo" else every_status()
    return site_files(portfolio, DAY, LANGS, "cy")


def soup(source: str, path: str, lang: str) -> BeautifulSoup:
    name = f"{path}index{'' if lang == 'cy' else '.' + lang}.md"
    return BeautifulSoup(files(source)[name], "html.parser")


def test_the_code_names_the_contracts_tables() -> None:
    assert TABLES == CONTRACT_TABLES
    with pytest.raises(ValueError, match="'objective' is not a table"):
        table_path("objective", BREATHE)


# What each page's tables link to, for the programme that has every file.
PAGE_TABLES = {
    "": ["organisations", "target_groups"],
    "plan/": ["objectives", *["indicator_values"] * 4, "milestones", "budget_lines",
              *["spend"] * 7],
    "strategy/": ["evidence", "interventions"],
    "stakeholders/": ["organisations", "target_groups", "stakeholders", "engagement"],
    "risks/": ["risks", "risks", "risk_scores", "risk_scores", "issues"],
    "monitoring/": ["actions", "changes"],
    "monitoring/2026-07-17/": ["indicator_values", "milestones", "spend", "risk_scores",
                               "actions", "changes"],
    "pilot/": ["pilot_results"],
    "evaluation/": ["evaluation_results"],
    "lessons/": ["lessons"],
    "sustainability/": ["sustainability_actions", "opportunities"],
    "compliance/": ["compliance"] * 5,
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("subpath", list(PAGE_TABLES))
def test_each_table_links_its_own_csv_from_the_page(lang: str, subpath: str) -> None:
    path = f"programmes/{BREATHE}/{subpath}"
    links = soup("demo", path, lang).select("p.rh-download a")
    assert [reached(path, lang, a["href"]) for a in links] == [
        csv_of(BREATHE, table) for table in PAGE_TABLES[subpath]]
    label = Strings(lang)("data.download_table")
    assert {a.get_text() for a in links} == {label}
    assert label == {"cy": "Lawrlwytho'r tabl hwn (CSV)", "en": "Download this table (CSV)"}[lang]


@pytest.mark.parametrize(("lang", "prefix"), [("cy", "../../../"), ("en", "../../../../")])
def test_a_views_csv_link_is_relative_to_its_language_root(lang: str, prefix: str) -> None:
    plan = view_of(f"programmes/{WALK}/plan/", lang)
    assert plan.csv_objectives.href == f"{prefix}data/programmes/{WALK}/objectives.csv"
    assert plan.csv_budget_lines.href == f"{prefix}data/programmes/{WALK}/budget_lines.csv"
    update = view_of(f"programmes/{WALK}/monitoring/2026-04-10/", lang)
    assert update.csv_spend.href == f"../{prefix}data/programmes/{WALK}/spend.csv"


# Tables with no table of the contract: roles, staff support, the list of updates, and
# who heard the evaluation.
UNLINKED = {"plan.roles", "plan.staff_support", "monitoring.updates", "evaluation.presented"}


@pytest.mark.parametrize("source", ["demo", "fixture"])
@pytest.mark.parametrize("lang", LANGS)
def test_every_table_of_the_contract_on_every_programme_page_has_its_link(
        source: str, lang: str) -> None:
    t = Strings(lang)
    unlinked = {t(key) for key in UNLINKED}
    portfolio = demo() if source == "demo" else every_status()
    checked = 0
    for page in site_pages(portfolio, DAY):
        if not page.path.startswith("programmes/") or page.path == "programmes/":
            continue
        for region in soup(source, page.path, lang).select("div.rh-scroll"):
            link = region.find_next_sibling()
            has_link = link is not None and "rh-download" in link.get("class", [])
            assert has_link == (region.caption.get_text() not in unlinked), (
                page.path, region.caption.get_text())
            if has_link:
                assert link is not None
                kind = contract_kind(reached(page.path, lang, link.a["href"]))
                assert kind is not None and kind[0] == "tables"
                checked += 1
    assert checked > 50


@pytest.mark.parametrize("lang", LANGS)
def test_the_overview_links_the_programmes_json_tables_and_feed(lang: str) -> None:
    path = f"programmes/{WALK}/"
    data = view_of(path, lang).data
    assert reached(path, lang, data.json.href) == f"data/programmes/{WALK}.json"
    assert data.json.file == f"{WALK}.json"
    assert reached(path, lang, data.schema.href) == "schema/export.schema.json"
    assert reached(path, lang, data.feed.href) == f"{ROOT[lang]}programmes/{WALK}/feed.xml"
    assert [reached(path, lang, f.href) for f in data.tables] == [
        csv_of(WALK, table) for table in CONTRACT_TABLES]
    assert [f.file for f in data.tables] == [f"{table}.csv" for table in CONTRACT_TABLES]
    assert data.tables[5].label == {"cy": "Amcanion", "en": "Objectives"}[lang]
    assert reached(path, lang, data.about.href) == f"{ROOT[lang]}data"  # the "Open data" page
    source = files("demo")[f"{path}index{'' if lang == 'cy' else '.en'}.md"]
    heading = {"cy": "Data agored", "en": "Open data"}[lang]
    assert f'<h2 id="open-data">{heading}</h2>' in source
    shown = soup("demo", path, lang)
    assert len(shown.select("ul.rh-data a[download]")) == 1 + len(CONTRACT_TABLES)


@pytest.mark.parametrize(("lang", "label"), [
    ("cy", "Dilyn diweddariadau a gwersi pob rhaglen (ffrwd Atom)"),
    ("en", "Follow every programme's updates and lessons (Atom feed)"),
])
def test_the_portfolio_links_the_sites_feed_in_its_language(lang: str, label: str) -> None:
    view = view_of("programmes/", lang)
    assert view.feed.label == label
    assert reached("programmes/", lang, view.feed.href) == f"{ROOT[lang]}feed.xml"
    assert reached("programmes/", lang, view.data.href) == f"{ROOT[lang]}data"
    feed = soup("demo", "programmes/", lang).select_one("p.rh-feed a")
    assert feed is not None and feed["type"] == "application/atom+xml"


@pytest.mark.parametrize(("lang", "label"), [
    ("cy", "Dilyn diweddariadau a gwersi'r rhaglen hon (ffrwd Atom)"),
    ("en", "Follow this programme's updates and lessons (Atom feed)"),
])
def test_the_monitoring_page_links_its_programmes_feed(lang: str, label: str) -> None:
    path = f"programmes/{BREATHE}/monitoring/"
    view = view_of(path, lang)
    assert view.feed.label == label
    assert reached(path, lang, view.feed.href) == f"{ROOT[lang]}programmes/{BREATHE}/feed.xml"
    feeds = soup("demo", path, lang).select("p.rh-feed a")
    assert [a.get_text() for a in feeds] == [label]


def test_the_export_writes_exactly_the_tables_the_pages_link() -> None:
    from rhaglen.export.tables import TABLES as WRITTEN
    from rhaglen.render.opendata import TABLE_NAMES

    assert [table.name for table in WRITTEN] == list(TABLE_NAMES)
