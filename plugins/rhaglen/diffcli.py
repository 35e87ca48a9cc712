"""`rhaglen diff BASE [HEAD]`: what readers will see change, in Markdown.

Exit codes: 0 the summary was printed; 1 HEAD (or BASE) is invalid, and its problems
were printed instead; 2 a usage error (no such revision or folder, a bad as-of date).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from .asof import AsOfError, resolve_as_of
from .changes import portfolio_changes
from .changes_model import Side
from .diffsummary import Summary, invalid_markdown, summary_markdown
from .freshness import DEFAULT_REPORTING_INTERVAL
from .gitsource import SourceError, side_folder
from .load import LoadResult, load_portfolio
from .pagechanges import page_changes, page_files
from .problems import display_path


def _load(read: Path, shown: Path, as_of: date) -> LoadResult:
    """Load `read`, naming its files as they are named under `shown` (the folder a
    revision was copied from), so that each problem points at a file the user can open."""
    result = load_portfolio(read, as_of)
    old, new = display_path(read), display_path(shown)
    if old != new:
        result.problems = [replace(p, path=new + p.path[len(old):])
                           if p.path.startswith(old) else p for p in result.problems]
    return result


def _shown(side: str | None, folder: Path) -> Path:
    return Path(side) if side is not None and Path(side).is_dir() else folder


def diff_command(base: str, head: str | None, lang: str, as_of: date | None,
                 folder: Path) -> int:
    """Print the summary of what changes from `base` to `head` (None: the working tree)."""
    try:
        day = resolve_as_of(as_of)
        with side_folder(base, folder) as old, side_folder(head, folder) as new:
            before = _load(old, _shown(base, folder), day)
            after = _load(new, _shown(head, folder), day)
    except (AsOfError, SourceError) as exc:
        print(f"rhaglen diff: {exc}", file=sys.stderr)
        return 2
    for side, result in ((head, after), (base, before)):
        if result.portfolio is None:
            print(invalid_markdown(side, result.problems, lang), end="")
            return 1
    assert before.portfolio is not None and after.portfolio is not None
    interval = DEFAULT_REPORTING_INTERVAL
    changes = portfolio_changes(
        Side(before.portfolio, tuple(before.problems), display_path(_shown(base, folder))),
        Side(after.portfolio, tuple(after.problems), display_path(_shown(head, folder))),
        day, interval)
    pages = page_changes(page_files(before.portfolio, day, interval),
                         page_files(after.portfolio, day, interval))
    print(summary_markdown(Summary(base, head, day, changes, pages), lang), end="")
    return 0
