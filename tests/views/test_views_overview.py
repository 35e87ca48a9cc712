"""The overview and the portfolio: headline figures, how recent they are, the licence."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from rhaglen.model.portfolio import Portfolio, Programme
from rhaglen.model.risks import RisksFile

from ..state.test_state import programme_file, risk, update
from ..view_pages import BREATHE, WALK, demo, soup, view, words

STALE = {
    "cy": "Wedi dyddio: Mae'r diweddariad hwn yn 230 diwrnod oed, sy'n hwy na'r 120 diwrnod "
          "a ddisgwylir rhwng diweddariadau. Efallai nad yw'r ffigurau yma'n gyfredol bellach.",
    "en": "Out of date: This update is 230 days old, more than the 120 days expected between "
          "updates. The figures here may no longer be current.",
}
LATEST = {
    "cy": "Y diweddariad monitro diweddaraf: 10 Ebrill 2026, sy'n cwmpasu 1 Ionawr 2026 i "
          "31 Mawrth 2026.",
    "en": "Latest monitoring update: 10 April 2026, covering 1 January 2026 to 31 March 2026.",
}


def facts(dl: Any) -> dict[str, str]:
    return {words(div.dt): words(div.dd) for div in dl.find_all("div")}


@pytest.mark.parametrize("lang", ["cy", "en"])
def test_an_old_update_is_dated_linked_and_warned_about_on_the_overview(lang: str) -> None:
    latest = soup(demo(), WALK, lang).find("section", class_="rh-latest")
    first, warning = latest.find_all("p")[:2]
    assert words(first) == LATEST[lang]
    assert first.a["href"] == "monitoring/2026-04-10/"
    assert words(warning) == STALE[lang]
    summary = {"cy": "Mae'r strydoedd ysgol ar waith ond yn hwyr; mae teithio llesol wedi codi.",
               "en": "The school streets are in place but late; active travel has risen."}
    assert words(latest.find("div", class_="rh-latest__summary")) == summary[lang]


@pytest.mark.parametrize(("path", "lang"), [
    ("programmes/", "cy"), ("programmes/", "en"), (WALK + "monitoring/", "cy"),
    (WALK + "monitoring/", "en")])
def test_the_portfolio_and_monitoring_page_warn_about_the_old_update(path: str,
                                                                     lang: str) -> None:
    page = soup(demo(), path, lang)
    warnings = [words(p) for p in page.find_all("p", class_="rh-warning")]
    assert warnings == [STALE[lang]]  # the walk programme only: breathe is up to date


def test_a_recent_update_is_not_warned_about() -> None:
    latest = view(demo(), BREATHE, "en").latest
    assert latest.freshness == "current" and latest.warning is None
    assert "13 November 2026" in latest.sentence and "1 July 2026 to 31 October 2026" in (
        latest.sentence)


def test_the_site_and_the_programme_can_allow_a_longer_interval() -> None:
    assert view(demo(), WALK, "en", interval=240).latest.warning is None
    walk = demo().programme("cerdded-i-r-ysgol")
    relaxed = Programme(**{**walk.__dict__, "programme": walk.programme.model_copy(
        update={"reporting_interval": 365})})
    assert view(Portfolio((relaxed,)), WALK, "cy").latest.warning is None
    strict = view(Portfolio((relaxed,)), WALK, "cy", as_of=date(2027, 6, 1)).latest
    assert strict.warning is not None and "417 diwrnod" in strict.warning


def without_updates(stage: str, start: str = "2025-01-01") -> Portfolio:
    file = programme_file().model_copy(update={"stage": stage,
                                               "start": date.fromisoformat(start)})
    return Portfolio((Programme("p", file),))


@pytest.mark.parametrize(("lang", "none", "missing"), [
    ("cy", "Nid oes diweddariad monitro wedi'i gyhoeddi eto.",
     "Nid oes diweddariad monitro wedi'i gyhoeddi eto, er i'r rhaglen ddechrau ar "
     "1 Ionawr 2025, fwy na 120 diwrnod yn ôl."),
    ("en", "No monitoring update has been published yet.",
     "No monitoring update has been published yet, though the programme started on "
     "1 January 2025, more than 120 days ago.")])
def test_a_programme_without_updates_says_so_and_warns_only_when_one_is_due(
        lang: str, none: str, missing: str) -> None:
    scoping = soup(without_updates("scoping"), "programmes/p/", lang)
    assert words(scoping.find("section", class_="rh-latest")) == none
    assert scoping.find("p", class_="rh-warning") is None
    running = soup(without_updates("implementing"), "programmes/p/", lang)
    assert [words(p) for p in running.find_all("p", class_="rh-warning")] == [
        f"{'Wedi dyddio' if lang == 'cy' else 'Out of date'}: {missing}"]


@pytest.mark.parametrize(("lang", "threats", "opportunities"), [
    ("cy", "Bygythiadau uchel agored", "Cyfleoedd uchel agored"),
    ("en", "Open high threats", "Open high opportunities")])
def test_the_headline_counts_high_threats_and_names_high_opportunities_apart(
        lang: str, threats: str, opportunities: str) -> None:
    # Breathe Free: R1 and R2 are high threats; R5 is a high opportunity, not a third risk.
    shown = facts(soup(demo(), BREATHE, lang).find("dl", class_="rh-headline"))
    assert shown[threats] == "2" and shown[opportunities] == "1"
    walk = facts(soup(demo(), WALK, lang).find("dl", class_="rh-headline"))
    assert walk[threats] == "0" and opportunities not in walk


def test_only_an_opportunity_scored_high_counts_no_high_threat() -> None:
    register = RisksFile.model_validate({"risks": [risk("o", "opportunity", 5, 5),
                                                   risk("t", "threat", 2, 2)]})
    portfolio = Portfolio((Programme("p", programme_file(), risks=register,
                                     updates=(update("2026-10-01"),)),))
    headline = view(portfolio, "programmes/p/", "en").headline
    assert {f.term: f.value for f in headline.facts}["Open high threats"] == "0"
    assert {f.term: f.value for f in headline.facts}["Open high opportunities"] == "1"
    assert (headline.rag.value, headline.rag.label) == ("amber", "Amber – some problems")


@pytest.mark.parametrize(("lang", "term", "href"), [
    ("cy", "Trwydded y data", "https://creativecommons.org/licenses/by/4.0/deed.cy"),
    ("en", "Data licence", "https://creativecommons.org/licenses/by/4.0/deed.en")])
def test_the_overview_names_the_data_licence_among_the_key_facts(lang: str, term: str,
                                                                 href: str) -> None:
    key_facts = soup(demo(), WALK, lang).find("dl", class_="rh-facts")
    licence = next(div for div in key_facts.find_all("div") if words(div.dt) == term)
    assert words(licence.dd) == "CC-BY-4.0"
    assert licence.dd.a["href"] == href and licence.dd.a["rel"] == ["license"]


@pytest.mark.parametrize(("lang", "titles"), [
    ("cy", ["Anadlu'n Rhydd", "Cerdded i'r Ysgol"]),
    ("en", ["Breathe Free", "Walk to School"])])
def test_the_portfolio_lists_programmes_by_title_in_the_pages_language(
        lang: str, titles: list[str]) -> None:
    cards = view(demo(), "programmes/", lang).cards
    assert [c.title.label for c in cards] == titles
    by_title = {c.title.label: c for c in cards}
    assert by_title[titles[1]].latest.freshness == "stale"
    assert by_title[titles[1]].title.href == "cerdded-i-r-ysgol/"
    assert by_title[titles[1]].latest.sentence.count('href="cerdded-i-r-ysgol/monitoring/'
                                                     '2026-04-10/"') == 1


def test_the_plugin_option_defaults_to_the_core_interval_and_refuses_zero() -> None:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import PluginError
    from rhaglen.site.plugin import RhaglenConfig, RhaglenPlugin

    config = RhaglenConfig()
    config.load_dict({})
    assert config.validate() == ([], []) and config.reporting_interval == 120
    plugin = RhaglenPlugin()
    plugin.load_config({"reporting_interval": 0})
    with pytest.raises(PluginError, match="reporting_interval is a number of days, 1 or more"):
        plugin.on_config(MkDocsConfig())
