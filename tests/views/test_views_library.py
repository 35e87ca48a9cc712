"""The lessons library: every lesson with its recommendation and programme, a page per tag
and per kind that lists exactly its lessons, and links to the lessons as data."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup
from rhaglen.model.choices import choices
from rhaglen.model.outcomes import Lesson
from rhaglen.model.portfolio import Portfolio
from rhaglen.render.markup import prose
from rhaglen.render.pages import site_pages

from ..helpers import AS_OF
from ..open_data import ROOT, reached
from ..view_helpers import demo, every_status, rendered, view_of

DAY = date.fromisoformat(AS_OF)
LANGS = ("cy", "en")


def portfolios() -> list[Portfolio]:
    return [demo(), every_status()]


def lessons_where(portfolio: Portfolio, keep: object) -> dict[str, tuple[str, Lesson]]:
    """The lessons `keep` chooses, by their place (programme and anchor), from the model."""
    assert callable(keep)
    return {f"programmes/{p.slug}/lessons#lesson-{lesson.id.lower()}": (p.slug, lesson)
            for p in portfolio.programmes if p.lessons
            for lesson in p.lessons.lessons if keep(lesson)}


def check_items(portfolio: Portfolio, path: str, lang: str, items: tuple[object, ...],
                expected: dict[str, tuple[str, Lesson]]) -> None:
    """`items` are exactly the `expected` lessons, each with its recommendation and programme."""
    places = {}
    for item in items:
        lesson_href = item.lesson.href  # type: ignore[attr-defined]
        place = f"{reached(path, lang, lesson_href)}#{lesson_href.split('#')[1]}"
        places[place] = item
    assert set(places) == {ROOT[lang] + place for place in expected}, path  # same language
    for place, (slug, lesson) in expected.items():
        item = places[ROOT[lang] + place]
        assert item.lesson.label == lesson.title(lang)  # type: ignore[attr-defined]
        assert item.recommendation == prose(lesson.recommendation(lang))  # type: ignore[attr-defined]
        programme = item.programme  # type: ignore[attr-defined]
        assert programme.label == portfolio.programme(slug).programme.title(lang)
        assert reached(path, lang, programme.href) == f"{ROOT[lang]}programmes/{slug}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("which", [0, 1], ids=["demo", "fixture"])
def test_each_tag_page_lists_exactly_the_lessons_with_that_tag(lang: str, which: int) -> None:
    portfolio = portfolios()[which]
    tags = {tag for p in portfolio.programmes if p.lessons for lesson in p.lessons.lessons
            for tag in lesson.tags}
    pages = [p.path for p in site_pages(portfolio, DAY) if p.kind == "library_tag"]
    assert sorted(pages) == sorted(f"lessons/tags/{tag}/" for tag in tags)
    for tag in tags:
        path = f"lessons/tags/{tag}/"
        view = view_of(path, lang, portfolio)
        check_items(portfolio, path, lang, view.lessons,
                    lessons_where(portfolio, lambda lesson, tag=tag: tag in lesson.tags))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("which", [0, 1], ids=["demo", "fixture"])
def test_each_kind_page_lists_exactly_the_lessons_of_that_kind(lang: str, which: int) -> None:
    portfolio = portfolios()[which]
    for kind in choices(Lesson, "kind"):
        path = f"lessons/kinds/{kind}/"
        view = view_of(path, lang, portfolio)
        check_items(portfolio, path, lang, view.lessons,
                    lessons_where(portfolio, lambda lesson, kind=kind: lesson.kind == kind))
        assert view.breadcrumbs[0].href == "../../"  # back to the library


@pytest.mark.parametrize("lang", LANGS)
def test_the_library_shows_every_lesson_and_links_every_tag_and_kind_page(lang: str) -> None:
    portfolio = every_status()
    view = view_of("lessons/", lang, portfolio)
    check_items(portfolio, "lessons/", lang, view.lessons,
                lessons_where(portfolio, lambda lesson: True))
    pages = {p.path.rstrip("/") for p in site_pages(portfolio, DAY)
             if p.kind in ("library_tag", "library_kind")}
    linked = {reached("lessons/", lang, topic.link.href).removeprefix(ROOT[lang])
              for topic in (*view.tags, *view.kinds)}
    assert linked == pages


@pytest.mark.parametrize(("lang", "title", "count", "kind_title"), [
    ("cy", "Pwnc: Amseru", "4 gwers", "Math o wers: Gweithiodd yn dda"),
    ("en", "Topic: Timing", "4 lessons", "Kind of lesson: Worked well"),
])
def test_topic_and_kind_pages_are_titled_in_the_page_language(
        lang: str, title: str, count: str, kind_title: str) -> None:
    assert view_of("lessons/tags/timing/", lang).title == title
    assert view_of("lessons/kinds/worked-well/", lang).title == kind_title
    library = view_of("lessons/", lang)
    assert next(t.count for t in library.tags if t.link.href == "tags/timing/") == count


@pytest.mark.parametrize(("lang", "csv", "feed"), [
    ("cy", "Pob gwers mewn un tabl (CSV)", "Dilyn diweddariadau a gwersi pob rhaglen (ffrwd Atom)"),
    ("en", "Every lesson in one table (CSV)",
     "Follow every programme's updates and lessons (Atom feed)"),
])
def test_the_library_and_its_pages_link_the_lessons_csv_and_the_sites_feed(
        lang: str, csv: str, feed: str) -> None:
    for path in ("lessons/", "lessons/tags/timing/", "lessons/kinds/to-improve/"):
        reuse = view_of(path, lang).reuse
        assert (reuse.csv.label, reuse.feed.label) == (csv, feed)
        assert reached(path, lang, reuse.csv.href) == "data/lessons.csv"  # one for both
        assert reached(path, lang, reuse.feed.href) == f"{ROOT[lang]}feed.xml"


def test_a_kind_with_no_lesson_has_a_page_that_says_so() -> None:
    bare = Portfolio(tuple(p for p in demo().programmes if p.lessons is None), demo().tags)
    for lang, words in (("cy", "Nid oes gwers o'r math hwn wedi'i chyhoeddi eto."),
                        ("en", "No lesson of this kind has been published yet.")):
        shown = BeautifulSoup(rendered("lessons/kinds/worked-well/", lang, bare), "html.parser")
        assert words in shown.get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_a_tag_page_shows_each_lessons_recommendation_and_programme(lang: str) -> None:
    shown = BeautifulSoup(rendered("lessons/tags/timing/", lang), "html.parser")
    lesson = next(li for li in shown.select("ul.rh-library > li")
                  if "lesson-ll1" in li.h2.a["href"])
    walk = {"cy": "Cerdded i'r Ysgol", "en": "Walk to School"}[lang]
    programme = next(a for a in lesson.find_all("a") if a.get_text() == walk)
    assert programme["href"] == "../../../programmes/cerdded-i-r-ysgol/"
    assert lesson.strong.get_text() == {"cy": "Argymhelliad:", "en": "Recommendation:"}[lang]
    assert lesson.find("strong", string={"cy": "cyn", "en": "before"}[lang])  # Prose kept
