"""`rhaglen export`: validate, then write the open-data files without building the site.

The files are those the site build publishes (`export.export_files`), at the same paths
from the folder's root (`data/...`, the feeds). They are written into a fresh folder
beside the destination, which replaces it only once every file is written. Like
`rhaglen build`, this reads mkdocs.yml (MkDocs's own loader, so the options mean the
same), and refuses a destination that is or holds sources, or that holds anything but
an earlier export. Exit codes: 0 written, 1 invalid data or a failed write, 2 usage.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from ..export import ExportSettings, export_files, write_files
from .build import configure, destination, reported, valid_portfolio
from .destinations import check_export_dir
from .staging import building, clear_leftovers, locked, replace


def export_data(config_file: Path, export_dir: Path, as_of: date | None = None) -> int:
    """Write every open-data file into `export_dir`; on any problem return 1 (2: usage)."""
    def work() -> str | None:
        config, day = configure(config_file, as_of)
        target = destination(config, export_dir, check_export_dir)
        portfolio = valid_portfolio(config, day, export_dir)
        if portfolio is None:
            return None
        options = config.plugins["rhaglen"].config
        settings = ExportSettings(config.site_url or "", options["default_language"],
                                  options["reporting_interval"])
        files = export_files(portfolio, day, settings)
        target.parent.mkdir(parents=True, exist_ok=True)
        with locked(target.parent):
            clear_leftovers(target)
            staging = building(target)
            try:
                write_files(staging, files)
                replace(staging, target)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        return f"Exported {len(files)} files into {target} as of {day}."

    return reported("export", export_dir, work)
