"""The paths of the contract's "Open data (version 1.1)" section, written out here apart
from the code, so that every link from a page to the data is checked against the contract.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

CONTRACT_TABLES = (
    "programmes", "organisations", "target_groups", "stakeholders", "engagement",
    "objectives", "indicator_values", "milestones", "budget_lines", "spend", "risks",
    "risk_scores", "issues", "actions", "changes", "evidence", "interventions",
    "pilot_results", "evaluation_results", "lessons", "sustainability_actions",
    "opportunities", "compliance")
ROOT = {"cy": "", "en": "en/"}  # each language's folder on the demo site
_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_TABLE = "|".join(CONTRACT_TABLES)

# Each kind of file: its paths from the site root, and a file that every build publishing
# that kind writes (once it does, every link to a file of the kind must reach one).
KINDS: dict[str, tuple[re.Pattern[str], str]] = {
    "tables": (re.compile(rf"data/(?:datapackage\.json"
                          rf"|(?:programmes/(?P<slug>{_SLUG})/)?(?:{_TABLE})\.csv)"),
               "data/datapackage.json"),
    "json": (re.compile(rf"data/programmes/(?P<slug>{_SLUG})\.json|schema/export\.schema\.json"),
             "schema/export.schema.json"),
    "feeds": (re.compile(rf"(?P<lang>en/)?(?:programmes/(?P<slug>{_SLUG})/)?feed\.xml"),
              "feed.xml"),
}


def reached(page: str, lang: str, href: str) -> str:
    """The path from the site root that `href` (fragment aside) on the generated page at
    `page` in `lang` reaches."""
    return posixpath.normpath(posixpath.join(ROOT[lang] + page, href.split("#")[0]))


def contract_kind(path: str) -> tuple[str, re.Match[str]] | None:
    """The kind of open-data file at `path` (from the site root), or None if none is."""
    for kind, (pattern, _) in KINDS.items():
        match = pattern.fullmatch(path)
        if match:
            return kind, match
    return None


def is_open_data(target: Path) -> bool:
    """A link to a data file rather than to a page."""
    return target.suffix in {".csv", ".json", ".xml"}


def check_open_data_link(site: Path, page: Path, target: Path) -> None:
    """A link from `page` to `target` names a file the contract defines, for a programme
    the site has, in the page's language for a feed, and reaches it once such files exist.
    """
    relative = target.relative_to(site).as_posix()
    found = contract_kind(relative)
    assert found is not None, (page, relative)  # a path the contract defines
    kind, match = found
    slug = match.groupdict().get("slug")
    assert slug is None or (site / "programmes" / slug / "index.html").is_file(), relative
    if kind == "feeds":
        english = page.resolve().is_relative_to(site / "en")
        assert bool(match["lang"]) == english, (page, relative)  # the page's language
    if (site / KINDS[kind][1]).is_file():
        assert target.is_file(), (page, relative)
