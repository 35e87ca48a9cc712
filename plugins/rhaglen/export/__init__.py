"""Open data (contract, "Open data (version 1.1)"): CSV tables, a Data Package, JSON per
programme and Atom feeds, from the public model and the same current state the pages use.

`export_files` returns every file by its path from the site root, as bytes, so that the
site build and `rhaglen export` write exactly the same files. No MkDocs imports here.
The JSON Schemas of the contract's files (`schema`) are written from the same models.

Imports `views`, `render`, `data` and the layers below; never `pages`, `site` or a tool.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..model.portfolio import Portfolio


@dataclass(frozen=True)
class ExportSettings:
    """What the files need to know of the site they are published on."""

    site_url: str = "https://rhaglen.example.org/"  # absolute, ends with /: feed ids, links
    default_language: str = "cy"  # at the site root; the other under /<lang>/
    reporting_interval: int = 120  # days, as on the pages


def export_files(portfolio: Portfolio, as_of: date, settings: ExportSettings
                 ) -> dict[str, bytes]:
    """Every open-data file, by its path from the site root (such as `data/risks.csv`)."""
    from .feeds import feed_files
    from .programme_json import json_files
    from .tables import table_files

    files: dict[str, bytes] = {}
    files.update(table_files(portfolio, as_of, settings))
    files.update(json_files(portfolio, as_of, settings))
    files.update(feed_files(portfolio, as_of, settings))
    return dict(sorted(files.items()))


def write_files(root: Path, files: dict[str, bytes]) -> None:
    """Write `files` under `root`, each through a temporary file and a rename; a file that
    already holds its content (the preview writes over its last build) is left alone."""
    for relative, content in files.items():
        path = root / relative
        if path.is_file() and not path.is_symlink() and path.read_bytes() == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".rhaglen-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(temporary, path)
