"""`rhaglen new SLUG`: a programme folder whose empty values are the placeholders to fill."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


class ScaffoldError(Exception):
    """The folder cannot be created as asked."""


def scaffold_programme(root: Path, slug: str) -> Path:
    """Create `root/slug/programme.yml` from the template; never overwrite anything."""
    if not SLUG.fullmatch(slug):
        raise ScaffoldError(f"'{slug}' is not a valid folder name: use lower-case letters and "
                            "digits joined by -, such as cerdded-i-r-ysgol")
    folder = root / slug
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists")
    folder.mkdir(parents=True)
    template = files("rhaglen").joinpath("scaffold/programme.yml").read_text(encoding="utf-8")
    (folder / "programme.yml").write_text(template, encoding="utf-8")
    return folder
