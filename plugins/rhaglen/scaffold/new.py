"""`rhaglen new SLUG`: a programme folder whose empty values are the placeholders to fill."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from ..text.names import NAME, name_problem

SLUG = NAME


class ScaffoldError(Exception):
    """The folder cannot be created as asked (exit code 2: a usage error)."""

    code = 2


class ScaffoldWriteError(ScaffoldError):
    """The folder could not be written (exit code 1)."""

    code = 1


def scaffold_programme(root: Path, slug: str) -> Path:
    """Create `root/slug/programme.yml` from the template; never overwrite anything."""
    if not SLUG.fullmatch(slug):
        raise ScaffoldError(f"'{slug}' is not a valid folder name: use lower-case letters and "
                            "digits joined by -, such as cerdded-i-r-ysgol")
    if reason := name_problem(slug, "folder name"):
        raise ScaffoldError(reason)
    folder = root / slug
    if folder.is_symlink():
        raise ScaffoldError(f"{folder} is a symbolic link; delete it, or choose another name")
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists")
    template = files("rhaglen.scaffold").joinpath("programme.yml").read_text(encoding="utf-8")
    try:
        folder.mkdir(parents=True)
        with (folder / "programme.yml").open("x", encoding="utf-8") as out:
            out.write(template)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ScaffoldWriteError(f"could not create {folder}: {reason}; check that {root} is a "
                            "writable folder") from None
    return folder
