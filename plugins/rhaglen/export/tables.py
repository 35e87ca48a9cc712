"""Placeholder: filled in by the open-data work."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..model.portfolio import Portfolio

if TYPE_CHECKING:
    from . import ExportSettings


def table_files(portfolio: Portfolio, as_of: date, settings: ExportSettings) -> dict[str, bytes]:
    """No files yet."""
    return {}
