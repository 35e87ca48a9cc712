"""`rhaglen build` builds the languages side by side: the same site, byte for byte."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from rhaglen.site.build import build_into, build_site, configure

from ..helpers import AS_OF

DAY = date.fromisoformat(AS_OF)


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.build
def test_side_by_side_gives_the_site_static_i18n_builds_in_one_process(project: Path) -> None:
    assert build_site(project / "mkdocs.yml", project / "parallel", DAY) == 0
    config, day = configure(project / "mkdocs.yml", DAY)
    build_into(config, day, project / "one")  # no portfolio given: static-i18n's own way
    parallel, one = digests(project / "parallel"), digests(project / "one")
    assert parallel.keys() == one.keys()
    differ = sorted(name for name in one if one[name] != parallel[name])
    # static-i18n's one-process build leaves the last page's language links on the English
    # 404 page; side by side, it links the home pages, as the Welsh 404 page does.
    assert differ == ["en/404.html"]
    for name in ("404.html", "en/404.html"):
        page = BeautifulSoup((project / "parallel" / name).read_text("utf-8"), "html.parser")
        links = [a["href"] for a in page.select("link[rel=alternate][hreflang]")]
        assert links == ["/", "/en/"]


def test_a_generated_page_has_its_sections_beside_it_and_records_not(
        demo_site: Path) -> None:
    page = BeautifulSoup((demo_site / "programmes" / "anadlu-n-rhydd" / "risks" / "index.html")
                         .read_text("utf-8"), "html.parser")
    outline = page.select_one(".md-sidebar--secondary nav.md-nav--secondary")
    assert outline is not None
    targets = [a["href"] for a in outline.select("a.md-nav__link")]
    assert "#register" in targets and "#heat-map" in targets
    assert not any(target.endswith("-detail") for target in targets)  # records stay out
    title = page.select_one("article h1")
    assert title is not None and title.get("id")


def test_a_pagefind_per_language_gives_the_bundle_one_pagefind_gives(demo_site: Path,
                                                                     tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    from rhaglen.search.pagefind import EXCLUDE, UNUSED

    one = tmp_path / "one"
    command = [sys.executable, "-m", "pagefind", "--site", str(demo_site), "--silent",
               "--glob", "{*.html,[!p]*/**/*.html,programmes/**/*.html}",  # not pagefind/
               "--output-path", str(one)]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    subprocess.run(command, check=True)
    for name in UNUSED:
        (one / name).unlink(missing_ok=True)
    ours, theirs = digests(demo_site / "pagefind"), digests(one)
    assert ours.keys() == theirs.keys()
    assert [name for name in ours if ours[name] != theirs[name]] == ["pagefind-entry.json"]
    entry = json.loads((demo_site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert entry == json.loads((one / "pagefind-entry.json").read_text("utf-8"))
    assert sorted(entry["languages"]) == ["cy", "en"]
    assert not list(demo_site.glob(".rhaglen-pagefind-*"))
