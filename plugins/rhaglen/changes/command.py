"""`rhaglen diff BASE [HEAD]`: what readers will see change, in Markdown.

Exit codes: 0 the summary was printed; 1 HEAD (or BASE) is invalid, and its problems
were printed instead (or one line, when git holds a tree no folder could: a name such as
`..`, a file and a folder of one name); 2 a usage error (no such revision or folder, a bad
as-of date) or a folder that cannot be read or written. A side that cannot be compared
at all is said in one line on standard error, its names escaped (`\\xff` for a byte that
is not UTF-8, `\\x1b` for a control character) so that it prints on any output.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from ..data.load import LoadResult, load_portfolio
from ..state.asof import AsOfError, resolve_as_of
from ..state.freshness import DEFAULT_REPORTING_INTERVAL
from ..text.problems import display_path, printable
from .compare import portfolio_changes
from .gitsource import SourceError, TreeError, side_folder
from .model import Side
from .pages import page_changes, page_files
from .summary import Summary, invalid_markdown, summary_markdown


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


def _named(side: str | None) -> str | None:
    """A revision or folder as the summary names it: printable whatever its bytes."""
    return None if side is None else printable(side)


def diff_command(base: str, head: str | None, lang: str, as_of: date | None,
                 folder: Path) -> int:
    """Print the summary of what changes from `base` to `head` (None: the working tree)."""
    try:
        day = resolve_as_of(as_of)
        with side_folder(base, folder) as old, side_folder(head, folder) as new:
            before = _load(old, _shown(base, folder), day)
            after = _load(new, _shown(head, folder), day)
    except (AsOfError, SourceError, OSError) as exc:
        print(f"rhaglen diff: {printable(str(exc))}", file=sys.stderr)
        return 1 if isinstance(exc, TreeError) else 2
    for side, result in ((head, after), (base, before)):
        if result.portfolio is None:
            print(invalid_markdown(_named(side), result.problems, lang), end="")
            return 1
    assert before.portfolio is not None and after.portfolio is not None
    interval = DEFAULT_REPORTING_INTERVAL
    changes = portfolio_changes(
        Side(before.portfolio, tuple(before.problems), display_path(_shown(base, folder))),
        Side(after.portfolio, tuple(after.problems), display_path(_shown(head, folder))),
        day, interval)
    pages = page_changes(page_files(before.portfolio, day, interval),
                         page_files(after.portfolio, day, interval))
    summary = Summary(_named(base), _named(head), day, changes, pages)
    print(summary_markdown(summary, lang), end="")
    return 0
