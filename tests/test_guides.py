"""Each reader's guide in its place: a short README, guides whose links and paths hold,
and the teams' Help page published in both languages while the site owners' guide is not.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rhaglen.cli import main

from .helpers import REPO, article, find_all, parse, text_of

README = REPO / "README.md"
CONTRIBUTING = REPO / "CONTRIBUTING.md"
GUIDES = sorted((REPO / "docs" / "guides").glob("*.md"))
PACKAGE = REPO / "plugins" / "rhaglen"
MAX_README_LINES = 200

_FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
_CODE = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def _prose(text: str) -> str:
    """Markdown without its code: a link written inside code is an example, not a link."""
    return _CODE.sub("", _FENCE.sub("", text))


def links(path: Path) -> list[str]:
    """Every link and image target of a Markdown file, outside code."""
    return _LINK.findall(_prose(path.read_text(encoding="utf-8")))


def anchors(path: Path) -> set[str]:
    """The fragment GitHub gives each heading of a Markdown file."""
    found = set()
    for line in _FENCE.sub("", path.read_text(encoding="utf-8")).splitlines():
        if match := re.match(r"#{1,6}\s+(.*)", line):
            words = re.sub(r"[^\w\- ]", "", match.group(1).strip().lower())
            found.add(words.replace(" ", "-"))
    return found


def relative_links(path: Path) -> list[str]:
    return [link for link in links(path) if not _SCHEME.match(link)]


def test_readme_is_short() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_README_LINES, f"README.md has {len(lines)} lines"


def test_readme_names_nothing_outside_the_repository() -> None:
    assert not [link for link in links(README) if link.startswith("../")]
    for path in (README, CONTRIBUTING, *GUIDES):
        assert "../shared" not in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize("path", [README, CONTRIBUTING, *GUIDES],
                         ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_relative_link_reaches_a_file(path: Path) -> None:
    found = relative_links(path)
    assert found, f"{path.name}: no links found; is the pattern right?"
    for link in found:
        target, _, fragment = link.partition("#")
        if not target:  # a heading of this file
            assert fragment in anchors(path), f"{path.name}: no heading for #{fragment}"
            continue
        resolved = (path.parent / target).resolve()
        assert resolved.exists(), f"{path.name}: {link} reaches nothing"
        assert resolved.is_relative_to(REPO), f"{path.name}: {link} is outside the repository"


def test_the_link_checker_sees_a_broken_link(tmp_path: Path) -> None:
    page = tmp_path / "guide.md"
    page.write_text("# Guide\n\nSee [the plan](missing.md), `[code](not-a-link.md)`, "
                    "[home](https://example.org/) and [here](#guide).\n", encoding="utf-8")
    assert relative_links(page) == ["missing.md", "#guide"]
    assert anchors(page) == {"guide"}


def _pipeline_table() -> list[str]:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    section = text.split("### The pipeline", 1)[1].split("\n#", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    assert len(rows) > 10, "the pipeline table of CONTRIBUTING.md was not found"
    return rows


def test_every_path_in_the_pipeline_table_exists() -> None:
    paths = [code.strip("`") for row in _pipeline_table() for code in _CODE.findall(row)
             if "/" in code or code.strip("`").endswith(".py")]
    assert "views/" in paths and "cli.py" in paths
    missing = [p for p in paths if not (PACKAGE / p).exists() and not (REPO / p).exists()]
    assert not missing, f"CONTRIBUTING.md names paths that do not exist: {missing}"


def test_the_pipeline_table_names_every_folder_of_the_package() -> None:
    table = "\n".join(_pipeline_table())
    folders = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert [f for f in folders if f"`{f}/`" not in table] == []


def test_readme_commands_exist(capsys: pytest.CaptureFixture[str]) -> None:
    text = README.read_text(encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["--help"])
    commands = set(re.findall(r"^ {4}(\S+)", capsys.readouterr().out, re.MULTILINE))
    named = set(re.findall(r"\.venv/bin/rhaglen ([a-z-]+)", text))
    assert named and named <= commands, named - commands
    targets = set(re.findall(r"^([a-z]+):", (REPO / "Makefile").read_text(encoding="utf-8"),
                             re.MULTILINE))
    made = set(re.findall(r"(?:^|`)make ([a-z]+)", text, re.MULTILINE))  # code, fenced or not
    assert {"site", "test"} <= made <= targets, made - targets


def _page(site: Path, path: str) -> str:
    page = site / path / "index.html"
    assert page.is_file(), f"no page at {path}/"
    return page.read_text(encoding="utf-8")


def test_help_is_published_in_both_languages_with_the_same_sections(demo_site: Path) -> None:
    welsh, english = _page(demo_site, "help"), _page(demo_site, "en/help")
    assert '<html lang="cy"' in welsh and '<html lang="en"' in english
    sections = {lang: [(h.attrs.get("id"), text_of(h)) for h in find_all(article(page), "h2")]
                for lang, page in (("cy", welsh), ("en", english))}
    assert len(sections["cy"]) == len(sections["en"]) >= 5
    assert [i for i, _ in sections["cy"]] == [i for i, _ in sections["en"]]  # same order
    assert [t for _, t in sections["cy"]] != [t for _, t in sections["en"]]  # translated


@pytest.mark.parametrize(("path", "name"), [("", "Cymorth"), ("en/", "Help")])
def test_help_is_in_the_navigation(demo_site: Path, path: str, name: str) -> None:
    nav = [a for a in find_all(parse(_page(demo_site, path + "programmes")), "a",
                               class_="md-nav__link") if text_of(a) == name]
    assert nav, f"no '{name}' in the navigation of {path}programmes/"


def test_the_site_owners_guide_is_not_published(demo_site: Path) -> None:
    assert GUIDES, "docs/guides/ holds no guide"
    published = [p for p in demo_site.rglob("*") if "guides" in p.relative_to(demo_site).parts]
    assert not published
    for page in demo_site.rglob("*.html"):
        assert "site-owners" not in page.read_text(encoding="utf-8"), page
