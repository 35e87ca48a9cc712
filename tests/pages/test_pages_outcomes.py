"""Strategy, stakeholders, pilot, evaluation, lessons, sustainability, compliance, library."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from rhaglen.render.formatting import english_sort_key, welsh_sort_key

from ..helpers import REPO, Element, article, children, find_all, parse, text_of, walk
from ..open_data import check_open_data_link, is_open_data

WALK = "programmes/cerdded-i-r-ysgol/"
BREATHE = "programmes/anadlu-n-rhydd/"
LANGS = [("cy", ""), ("en", "en/")]


def page(site: Path, path: str) -> Element:
    return article((site / path / "index.html").read_text(encoding="utf-8"))


def h2s(root: Element) -> list[str]:
    return [text_of(h) for h in find_all(root, "h2")]


def by_id(root: Element, element_id: str) -> Element:
    found = [e for e in walk(root) if e.attrs.get("id") == element_id]
    assert len(found) == 1, element_id
    return found[0]


def after(root: Element, element_id: str, tag: str) -> Element:
    """The first `tag` element that follows the element with `element_id`."""
    seen = False
    for element in walk(root):
        seen = seen or element.attrs.get("id") == element_id
        if seen and element.name == tag:
            return element
    raise AssertionError(element_id)


def test_welsh_order_puts_ll_after_l_and_ch_after_c() -> None:
    assert sorted(["Llanelli", "Lori", "Lyn"], key=welsh_sort_key) == ["Lori", "Lyn", "Llanelli"]
    assert sorted(["Chwilog", "Cwm", "Cymru"], key=welsh_sort_key) == ["Cwm", "Cymru", "Chwilog"]
    assert sorted(["Rhyl", "Ruthin", "Dolgellau", "Ddôl", "Ffos", "Fflint", "Fron"],
                  key=welsh_sort_key) == ["Dolgellau", "Ddôl", "Fron", "Fflint", "Ffos",
                                          "Ruthin", "Rhyl"]
    assert sorted(["Llanelli", "Lori", "Chwilog", "Cwm"], key=english_sort_key) == [
        "Chwilog", "Cwm", "Llanelli", "Lori"]


@pytest.mark.parametrize(("lang", "prefix", "groups"), [
    ("cy", "", ["Beth sy'n cymell", "Beth sy'n atal", "Beth sy'n gweithio wrth ymyrryd"]),
    ("en", "en/", ["Motivators", "Inhibitors", "Interventions that work"]),
])
def test_strategy_groups_evidence_and_links_it_both_ways(demo_site: Path, lang: str,
                                                         prefix: str, groups: list[str]) -> None:
    strategy = page(demo_site / prefix, BREATHE + "strategy/")
    assert [text_of(h) for h in find_all(strategy, "h3")][:3] == groups
    evidence = by_id(strategy, "evidence-e6")
    used_by = {a.attrs["href"] for a in find_all(evidence, "a")
               if a.attrs["href"].startswith("#intervention")}
    assert used_by == {"#intervention-i2", "#intervention-i5"}  # which interventions use it
    intervention = by_id(strategy, "intervention-i1")
    addresses = {a.attrs["href"] for a in find_all(intervention, "a")}
    assert {"#evidence-e1", "#evidence-e2", "#evidence-e7"} <= addresses
    words = {"cy": ("Pris", "Cynnig cymhellion", "Isel iawn"),
             "en": ("Price", "Incentivisation", "Very low")}[lang]
    assert words[0] in text_of(intervention) and words[1] in text_of(intervention)
    assert words[2] in text_of(by_id(strategy, "evidence-e7"))
    scopes = {"cy": ["Rhyngwladol", "Cenedlaethol", "Lleol"],
              "en": ["International", "National", "Local"]}[lang]
    assert [t for t in (text_of(h) for h in find_all(strategy, "h3")) if t in scopes] == scopes


@pytest.mark.parametrize(("lang", "prefix", "none"), [
    ("cy", "", "Dilyn i fyny: Dim ymgysylltu wedi'i gofnodi ar y cam hwn"),
    ("en", "en/", "Following up: No engagement recorded at this stage"),
])
def test_stakeholders_show_every_stage_and_name_the_one_without_engagement(
        demo_site: Path, lang: str, prefix: str, none: str) -> None:
    stakeholders = page(demo_site / prefix, BREATHE + "stakeholders/")
    checklist = find_all(stakeholders, "ul", class_="rh-stage-check")[0]
    items = [text_of(li).replace(" :", ":") for li in find_all(checklist, "li")]
    assert len(items) == 6 and items[-1] == none
    assert sum(1 for li in find_all(checklist, "li") if "rh-no" in li.attrs["class"]) == 1
    grid = find_all(stakeholders, "svg", class_="rh-chart--wide")[0]
    assert len(find_all(grid, "rect", class_="rh-point")) == 8  # each at its own scores
    rows = find_all(find_all(stakeholders, "tbody")[1], "tr")
    assert [text_of(r).split(" ")[0] for r in rows] == [str(n) for n in range(1, 9)]


def name(row_heading: Element) -> str:
    """A row heading's first line: a stakeholder's name (its kind and organisation follow)."""
    return " ".join(str(row_heading.contents[0]).split())


def test_stakeholder_names_follow_welsh_order_on_welsh_pages(demo_site: Path) -> None:
    for prefix, key in (("", welsh_sort_key), ("en/", english_sort_key)):
        rows = find_all(find_all(page(demo_site / prefix, BREATHE + "stakeholders/"),
                                 "tbody")[1], "tr")
        names = [name(find_all(r, "th")[0]) for r in rows]
        assert names == sorted(names, key=key)  # type: ignore[arg-type]
    welsh = [name(find_all(r, "th")[0]) for r in find_all(find_all(
        page(demo_site, BREATHE + "stakeholders/"), "tbody")[1], "tr")]
    assert welsh.index("Tîm rheoli tybaco Llywodraeth Cymru") < welsh.index(
        "Timau Dechrau'n Deg")  # word by word, as CLDR: "Tîm" ends before "Timau" does


@pytest.mark.parametrize(("prefix", "words"), [
    ("", ("Addasu", "Wedi'i gyrraedd yn rhannol", "Heb ei gyrraedd")),
    ("en/", ("Adapt", "Partly met", "Not met")),
])
def test_pilot_shows_results_beside_each_objectives_target(demo_site: Path, prefix: str,
                                                           words: tuple[str, ...]) -> None:
    pilot = page(demo_site / prefix, BREATHE + "pilot/")
    assert words[0] in text_of(find_all(pilot, "dl")[0])
    rows = [[text_of(c) for c in children(r) if c.name in ("th", "td")]
            for r in find_all(find_all(pilot, "tbody")[0], "tr")]
    assert [r[3] for r in rows][:3] == ["25", "10", "80"]  # targets, whole
    assert rows[3][3].startswith("35 (")  # O4: the pilot's own target, said to be so
    assert [r[2] for r in rows] == ["21", "13.9", "84", "38"]
    assert rows[0][1] == words[1] and rows[3][1] == words[2]  # met? beside the objective


@pytest.mark.parametrize(("prefix", "kinds"), [
    ("", "Gwerthuso'r broses, Gwerthuso'r canlyniadau, Gwerthuso economaidd"),
    ("en/", "Process evaluation, Outcome evaluation, Economic evaluation"),
])
def test_evaluation_reports_every_objective_and_who_heard_it(demo_site: Path, prefix: str,
                                                             kinds: str) -> None:
    evaluation = page(demo_site / prefix, BREATHE + "evaluation/")
    assert kinds in text_of(find_all(evaluation, "dl")[0])
    results = [[text_of(c) for c in children(r) if c.name in ("th", "td")]
               for r in find_all(find_all(evaluation, "tbody")[0], "tr")]
    assert [r[4] for r in results] == ["11", "14.6", "34", "41"]  # baselines
    assert [r[2] for r in results] == ["23", "11.8", "84", "27"]  # achieved
    presented = find_all(find_all(evaluation, "tbody")[1], "tr")
    assert len(presented) == 2
    assert len(find_all(find_all(evaluation, "ol")[-1], "li")) == 5


def test_lessons_show_tag_labels_in_the_page_language(demo_site: Path) -> None:
    for prefix, label in (("", "Recriwtio cyfranogwyr"), ("en/", "Recruiting participants")):
        lesson = by_id(page(demo_site / prefix, BREATHE + "lessons/"), "lesson-ll1")
        tags = [text_of(a) for a in find_all(lesson, "a", class_="rh-tag")]
        assert label in tags, tags


def test_lessons_library_gathers_every_programmes_lessons(demo_site: Path) -> None:
    for prefix, tag, kind in (("", "Amseru", "I'w wella"), ("en/", "Timing", "To improve")):
        library = page(demo_site / prefix, "lessons/")
        index = {text_of(a): a.attrs["href"] for a in find_all(library, "a")}
        assert index[tag] == "tags/timing/" and index[kind] == "kinds/to-improve/"
        timing = page(demo_site / prefix, "lessons/tags/timing/")
        assert "Cerdded i'r Ysgol" in text_of(timing) or "Walk to School" in text_of(timing)
        links = [a.attrs["href"] for a in find_all(library, "a")
                 if "#lesson-" in a.attrs.get("href", "")]
        assert "../programmes/cerdded-i-r-ysgol/lessons/#lesson-ll1" in links
        assert len(set(links)) == 7  # six lessons of one programme, one of the other


def test_topics_in_the_library_follow_each_languages_order(demo_site: Path) -> None:
    for prefix, key in (("", welsh_sort_key), ("en/", english_sort_key)):
        library = page(demo_site / prefix, "lessons/")
        tags = [text_of(a) for a in find_all(after(library, "by-tag", "ul"), "a")]
        assert tags == sorted(tags, key=key) and len(tags) >= 8  # type: ignore[arg-type]


@pytest.mark.parametrize(("prefix", "flag"), [("", "Adolygiad yn hwyr"),
                                              ("en/", "Review overdue")])
def test_compliance_flags_an_overdue_review(demo_site: Path, prefix: str, flag: str) -> None:
    compliance = page(demo_site / prefix, BREATHE + "compliance/")
    assert flag in text_of(by_id(compliance, "requirement-c2"))
    assert flag not in text_of(by_id(compliance, "requirement-c5"))  # due 10 December 2026
    assert len(h2s(compliance)) == 5  # one section per kind


def test_sustainability_links_owners_and_relationships(demo_site: Path) -> None:
    sustainability = page(demo_site / "en", BREATHE + "sustainability/")
    owner = find_all(by_id(sustainability, "action-s4"), "a")[0]
    assert owner.attrs["href"] == "../stakeholders/#org-ash-cymru"


@pytest.mark.parametrize(("lang", "prefix", "words"), [
    ("cy", "", "Nid yw'r rhan hon o'r rhaglen wedi'i chyhoeddi eto."),
    ("en", "en/", "This part of the programme has not been published yet."),
])
def test_a_missing_file_shows_not_published_yet(demo_site: Path, lang: str, prefix: str,
                                                words: str) -> None:
    for sub in ("pilot/", "evaluation/", "sustainability/"):  # the walk has none of these
        shown = page(demo_site / prefix, WALK + sub)
        assert text_of(find_all(shown, "p", class_="rh-not-published")[0]) == words
    assert not find_all(page(demo_site / prefix, BREATHE + "pilot/"), "p",
                        class_="rh-not-published")


def _targets(site: Path, html_file: Path) -> list[tuple[str, Path, str]]:
    links = []
    for a in find_all(article(html_file.read_text(encoding="utf-8")), "a"):
        href = a.attrs.get("href", "")
        if not href or re.match(r"^[a-z]+:", href):
            continue
        path, fragment = urldefrag(href)
        target = (html_file.parent / path).resolve() if path else html_file
        if target.is_dir() or not target.suffix:
            target = target / "index.html"
        links.append((href, target, fragment))
    return links


def test_every_link_in_every_page_reaches_its_record(demo_site: Path) -> None:
    checked = 0
    ids: dict[Path, set[str]] = {}
    for html_file in sorted(demo_site.rglob("*.html")):
        if html_file.name == "404.html":
            continue
        for href, target, fragment in _targets(demo_site, html_file):
            if is_open_data(target):
                check_open_data_link(demo_site.resolve(), html_file, target)
                checked += 1
                continue
            assert target.is_file(), (html_file, href)
            assert target.is_relative_to(demo_site / "en") == html_file.is_relative_to(
                demo_site / "en"), (html_file, href)  # same language
            if fragment:
                if target not in ids:
                    ids[target] = {e.attrs["id"] for e in walk(parse(target.read_text(
                        encoding="utf-8"))) if "id" in e.attrs}
                assert fragment in ids[target], (html_file, href)
            checked += 1
    assert checked > 1000


def test_every_reference_in_the_data_has_a_published_place() -> None:
    from datetime import date

    from rhaglen.data.load import load_portfolio
    from rhaglen.model.records import walk as walk_model
    from rhaglen.model.types import RefTo
    from rhaglen.render.links import Links, record_index
    from rhaglen.render.pages import PUBLISHED

    portfolio = load_portfolio(REPO / "programmes", date(2026, 11, 26)).portfolio
    assert portfolio is not None
    seen = 0
    for programme in portfolio.programmes:
        links = Links(programme, record_index(programme), "en", lambda target: target,
                      PUBLISHED)
        for _, model in programme.files():
            for record, _loc in walk_model(model):
                for name, info in type(record).model_fields.items():
                    if not any(isinstance(m, RefTo) for m in info.metadata):
                        continue
                    value = getattr(record, name)
                    refs = value if isinstance(value, tuple) else (value,) if value else ()
                    for ref in refs:
                        assert links.href(ref) is not None, (programme.slug, name, ref)
                        assert str(links(ref)).startswith("<a href="), ref
                        seen += 1
    assert seen > 150


def test_print_stylesheet_hides_navigation_on_the_evaluation_page(demo_site: Path) -> None:
    html = (demo_site / BREATHE / "evaluation" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../stylesheets/rhaglen.css"' in html
    css = (demo_site / "stylesheets" / "rhaglen.css").read_text(encoding="utf-8")
    block = css[css.index("@media print"):]
    hidden = block[:block.index("{", block.index("{") + 1)]
    for selector in (".md-header", ".md-sidebar", ".md-footer", ".rh-local", ".rh-breadcrumbs",
                     ".md-content__button"):
        assert selector in hidden
    assert "display: none !important" in block
    for element in ('class="rh-local"', 'class="rh-breadcrumbs"', "md-sidebar--primary"):
        assert element in html  # what the print rules hide is on the page
